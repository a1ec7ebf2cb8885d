"""Tools stage: build the built-in page templates in code and save them to resources/templates.

Run from the repository root:

    .venv/bin/python tools/make_templates.py [--out DIR]

Every length below is in millimetres on the page (origin top-left of the trim,
y down) and converted to points when a frame is made. Frame and story ids are
fixed strings, so running the script again writes the same files.
docs/TEMPLATES.md describes the result.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from kupang_layout.model import (
    BaselineGrid,
    ColumnGrid,
    Guide,
    ImageFrame,
    Margins,
    PageTemplate,
    Paragraph,
    ParagraphStyle,
    Rect,
    Rule,
    Story,
    TextFrame,
    mm,
)
from kupang_layout.model.copyfit_rules import CopyfitRules
from kupang_layout.model.frames import AnyFrame
from kupang_layout.model.styles import default_character_styles, default_paragraph_styles
from kupang_layout.storage import save_template

BLEED_MM = 3.0
BASELINE_PT = 11.0  # body 9.5/11 pt PT Serif sits on an 11 pt grid
FOLIO_TEXT = "{{folio}}"

# The paragraph style every slot role is set in (teaser headlines excepted).
ROLE_STYLES = {
    "headline": "Headline",
    "deck": "Deck",
    "section": "Section",
    "photo_credit": "Photo Credit",
    "caption": "Caption",
    "body": "Body",
    "pull_quote": "Pull Quote",
    "tagline": "Tagline",
    "credits": "Credits",
    "folio": "Folio",
    "masthead": "Masthead",
    "teaser": "Teaser",
}

# Slots that close up when a manuscript leaves them empty (the rest keep their space).
COLLAPSING_ROLES = frozenset({"section", "deck", "pull_quote", "photo_credit"})


def masthead_line_style() -> ParagraphStyle:
    """The line under the front-page nameplate: edition, date, price (centred)."""
    return ParagraphStyle(
        "Masthead Line",
        based_on="Folio",
        font_face="Bold",
        size=8.5,
        leading=10.0,
        alignment="center",
        tracking=20.0,
    )


@dataclass(frozen=True)
class Grid:
    """A page's trim, margins and column grid, in millimetres."""

    width: float
    height: float
    top: float
    bottom: float
    inside: float
    outside: float
    columns: int
    gutter: float

    @property
    def column_width(self) -> float:
        content = self.width - self.inside - self.outside
        return (content - (self.columns - 1) * self.gutter) / self.columns

    def x(self, column: int) -> float:
        """Left edge of grid column `column` (1-based)."""
        return self.inside + (column - 1) * (self.column_width + self.gutter)

    def span(self, first: int, count: int) -> tuple[float, float]:
        """(x, width) of `count` grid columns starting at column `first` (1-based)."""
        return self.x(first), count * self.column_width + (count - 1) * self.gutter

    def gutter_centre(self, after_column: int) -> float:
        """x of the middle of the gutter to the right of column `after_column`."""
        return self.x(after_column) + self.column_width + self.gutter / 2

    @property
    def content_bottom(self) -> float:
        return self.height - self.bottom


class Builder:
    """Collects the frames and stories of one template."""

    def __init__(self, name: str, description: str, grid: Grid) -> None:
        self.name = name
        self.description = description
        self.grid = grid
        self.frames: list[AnyFrame] = []
        self.stories: dict[str, Story] = {}
        self._count: dict[str, int] = {}
        self.extra_styles: list[ParagraphStyle] = []

    def _id(self, slot: str, what: str) -> str:
        key = f"{slot}-{what}"
        n = self._count.get(key, 0) + 1
        self._count[key] = n
        return f"f-{key}" if n == 1 else f"f-{key}-{n}"

    def _rect(self, cols: tuple[int, int], top: float, bottom: float) -> Rect:
        x, w = self.grid.span(*cols)
        return Rect(mm(x), mm(top), mm(w), mm(bottom - top))

    def text(
        self,
        role: str,
        slot: str,
        cols: tuple[int, int],
        top: float,
        bottom: float,
        *,
        style: str | None = None,
        columns: int = 1,
        story: str | None = None,
        chain_index: int = 0,
        fill: str | None = None,
        inset: float = 0.0,
        balance: bool = False,
        vertical_align: str = "top",
        static_text: list[Paragraph] | None = None,
    ) -> TextFrame:
        """A slot text frame over grid columns `cols` = (first, count), from top to bottom."""
        style = style or ROLE_STYLES[role]
        story_id = story
        if static_text is not None:
            story_id = story or f"s-{slot}-{role}"
            self.stories[story_id] = Story(id=story_id, paragraphs=static_text)
        elif story is not None and story not in self.stories:
            self.stories[story] = Story(id=story, paragraphs=[Paragraph.plain(style, "")])
        frame = TextFrame(
            id=self._id(slot, role),
            rect=self._rect(cols, top, bottom),
            name=f"{slot} {role}".replace("_", " "),
            role=role,
            slot=slot,
            story_id=story_id,
            chain_index=chain_index,
            paragraph_style=style,
            columns=columns,
            gutter=mm(self.grid.gutter),
            inset=mm(inset),
            balance=balance,
            fill=fill,
            vertical_align=vertical_align,
            empty_slot="collapse" if role in COLLAPSING_ROLES else "keep",
        )
        self.frames.append(frame)
        return frame

    def body(self, slot: str, parts: list[tuple[tuple[int, int], float, float]]) -> None:
        """The body: one threaded chain of frames, one text column per grid column."""
        story = f"s-{slot}-body"
        for i, (cols, top, bottom) in enumerate(parts):
            self.text("body", slot, cols, top, bottom, columns=cols[1], story=story, chain_index=i)

    def photo(self, slot: str, cols: tuple[int, int], top: float, bottom: float) -> ImageFrame:
        frame = ImageFrame(
            id=self._id(slot, "photo"),
            rect=self._rect(cols, top, bottom),
            name=f"{slot} photo",
            role="photo",
            slot=slot,
            fit="fill",
        )
        self.frames.append(frame)
        return frame

    def photo_with_credit(
        self, slot: str, cols: tuple[int, int], top: float, bottom: float
    ) -> None:
        """The photo and, 1 mm below it, its right-aligned credit line (3.5 mm)."""
        self.photo(slot, cols, top, bottom)
        self.text("photo_credit", slot, cols, bottom + 1.0, bottom + 4.5)

    def hrule(
        self, cols: tuple[int, int], y: float, weight: float = 0.5, swatch: str = "Black"
    ) -> None:
        x, w = self.grid.span(*cols)
        self._rule(x, y, x + w, y, weight, swatch)

    def vrule(self, x: float, top: float, bottom: float, weight: float = 0.5) -> None:
        self._rule(x, top, x, bottom, weight, "Black")

    def _rule(self, x0: float, y0: float, x1: float, y1: float, weight: float, swatch: str) -> None:
        self.frames.append(
            Rule(
                id=self._id("page", "rule"),
                rect=Rect(mm(x0), mm(y0), mm(x1 - x0), mm(y1 - y0)),
                name="rule",
                role=None,
                slot="page",
                weight=weight,
                swatch=swatch,
            )
        )

    # -- furniture used by several templates ----------------------------
    def folio(self, top: float) -> float:
        """The running head: folio line and a rule under it; returns the y below."""
        g = self.grid
        self.text(
            "folio",
            "page",
            (1, g.columns),
            top,
            top + 4.5,
            static_text=[Paragraph.plain("Folio", FOLIO_TEXT)],
        )
        self.hrule((1, g.columns), top + 6.0, weight=0.75)
        return top + 8.0

    def pull_quote(self, slot: str, cols: tuple[int, int], top: float, bottom: float) -> None:
        """Pull quote between a heavy red rule above and a hairline below."""
        self.hrule(cols, top + 0.5, weight=2.0, swatch="KT Red")
        self.text("pull_quote", slot, cols, top + 3.0, bottom - 3.0)
        self.hrule(cols, bottom - 1.5, weight=0.5)

    def tagline(self, slot: str, cols: tuple[int, int], top: float) -> float:
        """The 11 mm red tagline banner; returns its bottom."""
        self.text(
            "tagline",
            slot,
            cols,
            top,
            top + 11.0,
            fill="KT Red",
            inset=2.0,
            vertical_align="center",
        )
        return top + 11.0

    def credits(self, slot: str, cols: tuple[int, int], top: float, bottom: float) -> None:
        """Credits in two balanced columns under a hairline."""
        self.hrule(cols, top, weight=0.25)
        self.text("credits", slot, cols, top + 1.5, bottom, columns=2, balance=True)

    def build(self) -> PageTemplate:
        g = self.grid
        styles = default_paragraph_styles()
        for s in self.extra_styles:
            styles[s.name] = s
        guides = [Guide("v", mm(g.x(c))) for c in range(1, g.columns + 1)]
        guides += [Guide("v", mm(g.x(c) + g.column_width)) for c in range(1, g.columns + 1)]
        return PageTemplate(
            name=self.name,
            description=self.description,
            width=mm(g.width),
            height=mm(g.height),
            bleed=mm(BLEED_MM),
            margins=Margins(mm(g.top), mm(g.bottom), mm(g.inside), mm(g.outside)),
            columns=ColumnGrid(g.columns, mm(g.gutter)),
            baseline=BaselineGrid(BASELINE_PT, 0.0),
            guides=guides,
            frames=self.frames,
            stories=self.stories,
            paragraph_styles=styles,
            character_styles=default_character_styles(),
            copyfit=CopyfitRules().to_dict(),
        )


# Kupang Times' compact broadsheet: 280 x 430 mm, five 48 mm columns, 4 mm gutters.
COMPACT = Grid(
    280.0, 430.0, top=12.0, bottom=15.0, inside=12.0, outside=12.0, columns=5, gutter=4.0
)
# A classic broadsheet: 380 x 560 mm, seven 47 mm columns, 4.5 mm gutters.
BROADSHEET = Grid(
    380.0, 560.0, top=13.0, bottom=15.0, inside=12.0, outside=12.0, columns=7, gutter=4.5
)


def berita_satu() -> PageTemplate:
    """Inside news page, one story."""
    b = Builder(
        "berita-satu",
        "Halaman berita, satu berita: foto lebar, judul, subjudul, isi lima kolom, kutipan "
        "besar, tagline dan kredit",
        COMPACT,
    )
    all5 = (1, 5)
    y = b.folio(12.0)
    b.text("section", "main", all5, y, y + 6.0)
    b.photo_with_credit("main", all5, 27.0, 157.0)
    b.text("headline", "main", all5, 163.0, 196.0)
    b.text("deck", "main", (1, 4), 197.0, 210.0)
    b.body("main", [((1, 3), 213.0, 382.0), ((4, 2), 265.0, 382.0)])
    b.pull_quote("main", (4, 2), 213.0, 262.0)
    y = b.tagline("main", all5, 384.0)
    b.credits("main", all5, y + 2.0, COMPACT.content_bottom)
    return b.build()


def berita_dua() -> PageTemplate:
    """Inside news page, two stories: `main` on top, `second` below."""
    b = Builder(
        "berita-dua",
        "Halaman berita, dua berita: berita utama di atas (slot main) dan berita kedua di "
        "bawah (slot second)",
        COMPACT,
    )
    all5 = (1, 5)
    y = b.folio(12.0)
    # main story
    b.text("section", "main", all5, y, y + 6.0)
    b.text("headline", "main", all5, 27.0, 60.0)
    b.text("deck", "main", (1, 4), 61.0, 74.0)
    b.photo_with_credit("main", (2, 4), 76.0, 176.0)
    b.body("main", [((1, 1), 76.0, 250.0), ((2, 4), 183.0, 250.0)])
    y = b.tagline("main", all5, 252.0)
    b.credits("main", all5, y + 2.0, 276.0)
    b.hrule(all5, 277.0, weight=1.5)
    # second story
    b.text("section", "second", all5, 280.0, 286.0)
    b.text("headline", "second", all5, 287.0, 307.0)
    b.text("deck", "second", (1, 3), 308.0, 320.5)
    b.photo_with_credit("second", (4, 2), 308.0, 355.0)
    b.body("second", [((1, 3), 323.0, 385.0), ((4, 2), 362.0, 385.0)])
    y = b.tagline("second", all5, 387.0)
    b.credits("second", all5, y + 2.0, COMPACT.content_bottom)
    return b.build()


def halaman_depan() -> PageTemplate:
    """Front page: nameplate, lead story in columns 1-4, two teasers in column 5."""
    b = Builder(
        "halaman-depan",
        "Halaman depan: nama koran, berita utama dengan foto, dua cuplikan berita "
        "(slot teaser1, teaser2)",
        COMPACT,
    )
    b.extra_styles.append(masthead_line_style())
    all5 = (1, 5)
    b.text(
        "masthead",
        "page",
        all5,
        12.0,
        41.0,
        static_text=[Paragraph.plain("Masthead", "{{paper_upper}}")],
    )
    b.hrule(all5, 42.0, weight=0.5)
    b.text(
        "masthead",
        "page",
        all5,
        43.0,
        47.5,
        style="Masthead Line",
        story="s-page-masthead-line",
        static_text=[
            Paragraph.plain(
                "Masthead Line",
                "HARIAN UMUM NUSA TENGGARA TIMUR  |  EDISI {{edition}}  |  {{date}}",
            )
        ],
    )
    b.hrule(all5, 49.0, weight=2.0)
    # lead story, columns 1-4
    b.text("section", "main", all5, 51.0, 57.0)
    b.text("headline", "main", all5, 58.0, 91.0)
    b.text("deck", "main", (1, 4), 92.0, 105.0)
    b.photo_with_credit("main", (1, 4), 107.0, 247.0)
    b.body("main", [((1, 4), 254.0, 382.0)])
    y = b.tagline("main", (1, 4), 384.0)
    b.credits("main", (1, 4), y + 2.0, COMPACT.content_bottom)
    # teasers, column 5
    b.vrule(COMPACT.gutter_centre(4), 107.0, COMPACT.content_bottom)
    for slot, top in (("teaser1", 107.0), ("teaser2", 261.0)):
        b.photo_with_credit(slot, (5, 1), top, top + 36.0)
        b.text("section", slot, (5, 1), top + 42.0, top + 48.0)
        b.text("headline", slot, (5, 1), top + 49.0, top + 79.0, style="Teaser Headline")
        bottom = top + 148.0 if slot == "teaser1" else COMPACT.content_bottom
        b.text("teaser", slot, (5, 1), top + 80.0, bottom)
    b.hrule((5, 1), 258.0, weight=0.5)
    return b.build()


def broadsheet_tujuh() -> PageTemplate:
    """Classic broadsheet, seven columns: main (1-5), second (6-7), third and a teaser."""
    g = BROADSHEET
    b = Builder(
        "broadsheet-tujuh",
        "Broadsheet klasik tujuh kolom: berita utama (main), berita samping (second), "
        "berita bawah (third) dan satu cuplikan berita (teaser1)",
        g,
    )
    all7, left5, right2 = (1, 7), (1, 5), (6, 2)
    y = b.folio(13.0)
    # main story
    b.text("section", "main", all7, y, y + 6.0)
    b.text("headline", "main", all7, 28.0, 61.0)
    b.text("deck", "main", left5, 62.0, 75.0)
    b.photo_with_credit("main", left5, 77.0, 237.0)
    b.body("main", [((1, 3), 244.0, 399.0), ((4, 2), 296.0, 399.0)])
    b.pull_quote("main", (4, 2), 244.0, 293.0)
    y = b.tagline("main", left5, 401.0)
    b.credits("main", left5, y + 2.0, 428.0)
    b.hrule(left5, 431.0, weight=1.5)
    # third story, under the main one
    b.text("section", "third", left5, 434.0, 440.0)
    b.text("headline", "third", left5, 441.0, 461.0)
    b.photo_with_credit("third", (1, 2), 463.0, 540.0)
    b.body("third", [((3, 3), 463.0, 520.0)])
    y = b.tagline("third", (3, 3), 522.0)
    b.credits("third", (3, 3), y + 2.0, g.content_bottom)
    # second story, columns 6-7
    b.vrule(g.gutter_centre(5), 77.0, g.content_bottom)
    b.text("section", "second", right2, 77.0, 83.0)
    b.text("headline", "second", right2, 84.0, 117.0)
    b.text("deck", "second", right2, 118.0, 137.0)
    b.photo_with_credit("second", right2, 139.0, 204.0)
    b.body("second", [((6, 2), 211.0, 399.0)])
    y = b.tagline("second", right2, 401.0)
    b.credits("second", right2, y + 2.0, 428.0)
    b.hrule(right2, 431.0, weight=1.5)
    # teaser under the second story
    b.text("section", "teaser1", right2, 434.0, 440.0)
    b.text("headline", "teaser1", right2, 441.0, 461.0, style="Teaser Headline")
    b.text("teaser", "teaser1", right2, 463.0, g.content_bottom, columns=2, balance=True)
    return b.build()


BUILDERS = (berita_satu, berita_dua, halaman_depan, broadsheet_tujuh)


def build_all() -> list[PageTemplate]:
    """Every built-in template, freshly built."""
    return [make() for make in BUILDERS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the built-in page templates.")
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--out", type=Path, default=root / "resources" / "templates")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for template in build_all():
        path = args.out / f"{template.name}.kplt"
        save_template(template, path)
        print(f"{path}: {len(template.frames)} frames")
    return 0


if __name__ == "__main__":
    sys.exit(main())
