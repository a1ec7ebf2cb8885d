"""Hypothesis strategies: random valid editions, templates and their parts."""

from __future__ import annotations

import hashlib
import io
import itertools
from typing import Any

from hypothesis import strategies as st
from PIL import Image

from kupang_layout.model import (
    FIT_MODES,
    SLOT_ROLES,
    Asset,
    BaselineGrid,
    Box,
    CharacterStyle,
    ColumnGrid,
    Edition,
    Guide,
    ImageFrame,
    Margins,
    MemoryAssets,
    Page,
    PageTemplate,
    Paragraph,
    ParagraphStyle,
    Rect,
    Rule,
    Run,
    Story,
    Swatch,
    TextFrame,
    default_swatches,
)
from kupang_layout.model.plan import AD_SIZES, AdBooking, Delivery, FlatPlan, PlanEntry
from kupang_layout.model.styles import (
    ALIGNMENTS,
    FACES,
    default_character_styles,
    default_paragraph_styles,
)


def floats(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


lengths = floats(0.0, 2000.0)
coords = floats(-500.0, 2000.0)
names = st.text(min_size=1, max_size=16)
texts = st.text(max_size=40)

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | floats(-1e9, 1e9)
    | st.text(max_size=12)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
# Unknown keys as a newer program would write them; never clash with known fields.
extras = st.dictionaries(st.text(max_size=8).map(lambda s: "x-" + s), json_values, max_size=2)


def png_bytes(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, format="PNG")
    return buf.getvalue()


@st.composite
def assets_with_bytes(draw: st.DrawFn) -> tuple[Asset, bytes]:
    w, h = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    color = draw(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
    data = png_bytes(w, h, color)
    asset = Asset(
        sha256=hashlib.sha256(data).hexdigest(),
        ext="png",
        name=draw(st.text(max_size=20)),
        width_px=w,
        height_px=h,
        extra=draw(extras),
    )
    return asset, data


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def paragraph_styles(
    draw: st.DrawFn, name: str, parents: list[str], swatches: list[str]
) -> ParagraphStyle:
    return ParagraphStyle(
        name=name,
        based_on=draw(_opt(st.sampled_from(parents))) if parents else None,
        font_family=draw(_opt(st.sampled_from(["PT Serif", "Roboto Condensed"]))),
        font_face=draw(_opt(st.sampled_from(FACES))),
        size=draw(_opt(floats(0.5, 200.0))),
        leading=draw(_opt(floats(0.0, 240.0))),
        alignment=draw(_opt(st.sampled_from(ALIGNMENTS))),
        first_indent=draw(_opt(floats(-50.0, 50.0))),
        left_indent=draw(_opt(floats(-50.0, 50.0))),
        right_indent=draw(_opt(floats(-50.0, 50.0))),
        space_before=draw(_opt(floats(0.0, 50.0))),
        space_after=draw(_opt(floats(0.0, 50.0))),
        hyphenate=draw(_opt(st.booleans())),
        hyphen_left_min=draw(_opt(st.integers(1, 5))),
        hyphen_right_min=draw(_opt(st.integers(1, 5))),
        max_consecutive_hyphens=draw(_opt(st.integers(0, 9))),
        keep_with_next=draw(_opt(st.booleans())),
        keep_together=draw(_opt(st.booleans())),
        swatch=draw(_opt(st.sampled_from(swatches))),
        word_space_min=draw(_opt(floats(0.0, 100.0))),
        word_space_normal=draw(_opt(floats(50.0, 150.0))),
        word_space_max=draw(_opt(floats(100.0, 300.0))),
        letter_space_min=draw(_opt(floats(-10.0, 0.0))),
        letter_space_max=draw(_opt(floats(0.0, 10.0))),
        glyph_scale_min=draw(_opt(floats(50.0, 100.0))),
        glyph_scale_max=draw(_opt(floats(100.0, 200.0))),
        optical_margin=draw(_opt(st.booleans())),
        tracking=draw(_opt(floats(-100.0, 500.0))),
        align_to_grid=draw(_opt(st.booleans())),
        drop_cap_lines=draw(_opt(st.integers(0, 5))),
        all_caps=draw(_opt(st.booleans())),
        shrink_to_fit_min_size=draw(_opt(floats(0.0, 40.0))),
        max_lines=draw(_opt(st.integers(0, 10))),
        extra=draw(extras),
    )


@st.composite
def character_styles(draw: st.DrawFn, name: str, swatches: list[str]) -> CharacterStyle:
    return CharacterStyle(
        name=name,
        font_family=draw(_opt(st.sampled_from(["PT Serif", "Roboto Condensed"]))),
        font_face=draw(_opt(st.sampled_from(FACES))),
        size=draw(_opt(floats(0.5, 200.0))),
        swatch=draw(_opt(st.sampled_from(swatches))),
        tracking=draw(_opt(floats(-100.0, 500.0))),
        all_caps=draw(_opt(st.booleans())),
        extra=draw(extras),
    )


swatch_values = floats(0.0, 100.0)


@st.composite
def swatches(draw: st.DrawFn, name: str) -> Swatch:
    return Swatch(name, *(draw(swatch_values) for _ in range(4)))


rects = st.builds(Rect, coords, coords, lengths, lengths)
guides = st.builds(Guide, st.sampled_from(["h", "v"]), coords)


@st.composite
def stories(draw: st.DrawFn, sid: str, pstyles: list[str], cstyles: list[str]) -> Story:
    paragraphs = []
    for _ in range(draw(st.integers(0, 3))):
        runs = [
            Run(
                text=draw(texts),
                char_style=draw(_opt(st.sampled_from(cstyles))) if cstyles else None,
                extra=draw(extras),
            )
            for _ in range(draw(st.integers(0, 3)))
        ]
        paragraphs.append(
            Paragraph(style=draw(st.sampled_from(pstyles)), runs=runs, extra=draw(extras))
        )
    return Story(id=sid, paragraphs=paragraphs, name=draw(st.text(max_size=10)), extra=draw(extras))


class Refs:
    """What frames of a generated edition may point at."""

    def __init__(
        self, stories: list[str], assets: list[str], pstyles: list[str], swatches: list[str]
    ) -> None:
        self.stories = stories
        self.assets = assets
        self.pstyles = pstyles
        self.swatches = swatches
        self.chain_next: dict[str, int] = {}
        self._ids = itertools.count()

    def new_id(self, prefix: str) -> str:
        """An id no other object of this edition has (the same on every replay)."""
        return f"{prefix}-{next(self._ids)}"


@st.composite
def frames(
    draw: st.DrawFn, refs: Refs, fid: str | None = None
) -> TextFrame | ImageFrame | Rule | Box:
    common: dict[str, Any] = dict(
        id=fid or refs.new_id("f"),
        rect=draw(rects),
        name=draw(st.text(max_size=10)),
        locked=draw(st.booleans()),
        printable=draw(st.booleans()),
        role=draw(_opt(st.sampled_from(SLOT_ROLES))),
        slot=draw(st.sampled_from(["main", "second", "teaser1"])),
        extra=draw(extras),
    )
    opt_swatch = _opt(st.sampled_from(refs.swatches))
    kind = draw(st.sampled_from(["text", "image", "rule", "box"]))
    if kind == "text":
        story_id = draw(_opt(st.sampled_from(refs.stories))) if refs.stories else None
        chain_index = 0
        if story_id is not None:
            # gaps are allowed (a frame of the chain was deleted); duplicates are not
            chain_index = refs.chain_next.get(story_id, 0) + draw(st.integers(0, 2))
            refs.chain_next[story_id] = chain_index + 1
        return TextFrame(
            **common,
            story_id=story_id,
            chain_index=chain_index,
            paragraph_style=draw(st.sampled_from(refs.pstyles)),
            columns=draw(st.integers(1, 6)),
            gutter=draw(floats(0.0, 30.0)),
            inset=draw(floats(0.0, 20.0)),
            balance=draw(st.booleans()),
            fill=draw(opt_swatch),
            vertical_align=draw(st.sampled_from(["top", "center", "bottom", "justify"])),
        )
    if kind == "image":
        return ImageFrame(
            **common,
            asset=draw(_opt(st.sampled_from(refs.assets))) if refs.assets else None,
            fit=draw(st.sampled_from(FIT_MODES)),
            scale=draw(floats(0.01, 20.0)),
            offset_x=draw(coords),
            offset_y=draw(coords),
            stroke=draw(opt_swatch),
            stroke_weight=draw(floats(0.0, 10.0)),
        )
    if kind == "rule":
        return Rule(
            **common, weight=draw(floats(0.0, 10.0)), swatch=draw(st.sampled_from(refs.swatches))
        )
    return Box(
        **common,
        fill=draw(opt_swatch),
        stroke=draw(opt_swatch),
        stroke_weight=draw(floats(0.0, 10.0)),
    )


geometry = dict(
    width=floats(10.0, 3000.0),
    height=floats(10.0, 3000.0),
    bleed=floats(0.0, 30.0),
    margins=st.builds(Margins, lengths, lengths, lengths, lengths),
    columns=st.builds(ColumnGrid, st.integers(1, 12), floats(0.0, 40.0)),
    baseline=st.builds(BaselineGrid, floats(1.0, 40.0), coords),
    guides=st.lists(guides, max_size=3),
)


@st.composite
def pages(draw: st.DrawFn, number: int, refs: Refs) -> Page:
    return Page(
        id=refs.new_id("p"),
        number=number,
        template=draw(_opt(st.text(max_size=10))),
        **{k: draw(v) for k, v in geometry.items()},
        frames=[draw(frames(refs)) for _ in range(draw(st.integers(0, 5)))],
        extra=draw(extras),
    )


@st.composite
def plans(draw: st.DrawFn) -> FlatPlan:
    """A random flat plan: entries, ad bookings and deliveries for pages 1 to 24."""
    number = st.integers(1, 24)
    short = st.text(max_size=12)
    plan = FlatPlan(page_count=draw(st.integers(0, 24)), extra=draw(extras))
    for n in draw(st.lists(number, max_size=4, unique=True)):
        plan.entries[n] = PlanEntry(
            n,
            section=draw(short),
            template=draw(st.none() | short),
            assignee=draw(short),
            ready=draw(st.booleans()),
            ready_by=draw(short),
            ready_at=draw(st.sampled_from(["", "2026-12-06T14:02:00+08:00"])),
            extra=draw(extras),
        )
    for i in range(draw(st.integers(0, 3))):
        plan.ads[f"ad{i}"] = AdBooking(
            f"ad{i}",
            draw(short),
            page=draw(number),
            size=draw(st.sampled_from(AD_SIZES)),
            columns=draw(st.integers(1, 24)),
            depth=draw(floats(0.0, 3000.0)),
            asset=draw(st.none() | st.just("ab" * 32)),
            note=draw(short),
            extra=draw(extras),
        )
    for _ in range(draw(st.integers(0, 3))):
        plan.deliveries.append(
            Delivery(
                draw(number), draw(short), "cd" * 32, "ef" * 16, "2026-12-06T15:00", draw(short)
            )
        )
    return plan


@st.composite
def editions(draw: st.DrawFn, max_pages: int = 3) -> Edition:
    """A random edition that is valid: every reference resolves, ids are unique."""
    sw = default_swatches() if draw(st.booleans()) else {"Black": Swatch("Black", 0, 0, 0, 100)}
    for name in draw(st.lists(names, max_size=3, unique=True)):
        if name not in sw:
            sw[name] = draw(swatches(name))
    swatch_names = list(sw)

    pstyles = default_paragraph_styles() if draw(st.booleans()) else {}
    pstyles = {n: s for n, s in pstyles.items() if s.swatch is None or s.swatch in sw}
    pstyles = {n: s for n, s in pstyles.items() if s.based_on is None or s.based_on in pstyles}
    for name in draw(st.lists(names, max_size=3, unique=True)):
        if name not in pstyles:
            pstyles[name] = draw(paragraph_styles(name, list(pstyles), swatch_names))
    if not pstyles:
        pstyles["Body"] = ParagraphStyle("Body")
    cstyles = {n: c for n, c in default_character_styles().items() if draw(st.booleans())}
    for name in draw(st.lists(names, max_size=2, unique=True)):
        if name not in cstyles:
            cstyles[name] = draw(character_styles(name, swatch_names))

    assets: dict[str, Asset] = {}
    source = MemoryAssets()
    for asset, data in draw(st.lists(assets_with_bytes(), max_size=3)):
        if asset.sha256 not in assets:
            assets[asset.sha256] = asset
            source.add(asset.sha256, data)

    refs = Refs([], list(assets), list(pstyles), swatch_names)
    story_map: dict[str, Story] = {}
    for _ in range(draw(st.integers(0, 4))):
        sid = refs.new_id("s")
        story_map[sid] = draw(stories(sid, list(pstyles), list(cstyles)))
    refs.stories = list(story_map)
    page_list = [draw(pages(i + 1, refs)) for i in range(draw(st.integers(0, max_pages)))]
    return Edition(
        paper=draw(st.text(max_size=20)),
        number=draw(st.text(max_size=5)),
        date=draw(st.sampled_from(["", "2024-10-14", "2025-01-02"])),
        pages=page_list,
        stories=story_map,
        paragraph_styles=pstyles,
        character_styles=cstyles,
        swatches=sw,
        assets=assets,
        plan=draw(plans()),
        extra=draw(extras),
        asset_source=source,
    )


@st.composite
def templates(draw: st.DrawFn) -> PageTemplate:
    """A random valid page template (styles may name swatches it does not hold)."""
    pstyles = {n: draw(paragraph_styles(n, [], ["Black"])) for n in ("Body", "Headline")}
    refs = Refs([], [], list(pstyles), ["Black", "KT Red"])
    story_map: dict[str, Story] = {}
    for _ in range(draw(st.integers(0, 2))):
        sid = refs.new_id("s")
        story_map[sid] = draw(stories(sid, list(pstyles), []))
    refs.stories = list(story_map)
    return PageTemplate(
        name=draw(names),
        description=draw(st.text(max_size=30)),
        **{k: draw(v) for k, v in geometry.items()},
        frames=[draw(frames(refs)) for _ in range(draw(st.integers(0, 5)))],
        stories=story_map,
        paragraph_styles=pstyles,
        character_styles={"Strong": CharacterStyle("Strong", font_face="Bold")},
        extra=draw(extras),
    )
