"""Test helpers: one small edition per page-fitting feature (issue 16), for focused traces.

Each builder makes a one-page template on the Kupang compact grid (280 x 430 mm,
48 mm columns), imports a short manuscript into it with `manuscript.apply` and,
for copyfit, runs `editing.copyfit.Copyfit` once: empty slots that collapse,
keep or hide, copyfit balancing the body chain and copyfit growing the photo.
A change to one feature changes that feature's trace only.
"""

from __future__ import annotations

from collections.abc import Callable

from feature_editions import pinned_styles

from kupang_layout.editing.copyfit import Copyfit
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.manuscript.apply import apply_manuscript
from kupang_layout.model.assets import Asset
from kupang_layout.model.copyfit_rules import CopyfitRules
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, ImageFrame, Rule, TextFrame
from kupang_layout.model.geometry import BaselineGrid, ColumnGrid, Margins, Rect
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.styles import default_character_styles
from kupang_layout.model.template import PageTemplate
from kupang_layout.model.units import mm

COL = 48.0  # mm, one grid column
GUT = 4.0
PHOTO_ASSET = Asset("a" * 64, "jpg", "foto.jpg", 2400, 1500)

PARAGRAPHS = (
    "Ratusan warga Desa Fatumnasi, Kecamatan Fatumnasi, Kabupaten Timor Tengah Selatan, "
    "menanam sepuluh ribu bibit pohon ampupu di lereng Gunung Mutis. Penanaman itu "
    "dilakukan untuk memulihkan kawasan hutan yang rusak akibat kebakaran dan "
    "penggembalaan ternak lepas selama beberapa tahun terakhir.",
    "Kegiatan dimulai sejak pukul tujuh pagi. Warga, yang sebagian besar masih mengenakan "
    "selimut tenun untuk menahan udara dingin pegunungan, berjalan kaki sekitar dua "
    "kilometer dari permukiman menuju lokasi penanaman.",
    "Ampupu merupakan pohon asli Pulau Timor yang tumbuh di ketinggian di atas seribu lima "
    "ratus meter. Hutan ampupu di kawasan Mutis dikenal sebagai salah satu penyangga tata "
    "air terpenting di Pulau Timor.",
    "Selain menahan air hujan, tegakan ampupu yang rapat juga menangkap kabut. Butiran air "
    "dari kabut yang menempel di daun menetes ke tanah dan menambah cadangan air tanah.",
)


def _x(col: int) -> float:
    return 12.0 + (col - 1) * (COL + GUT)


def _w(count: int) -> float:
    return count * COL + (count - 1) * GUT


def _text(
    fid: str, role: str, cols: tuple[int, int], top: float, bottom: float, **kw: object
) -> TextFrame:
    style = {"section": "Section", "headline": "Headline", "deck": "Deck", "body": "Body"}
    frame = TextFrame(
        id=fid,
        rect=Rect(mm(_x(cols[0])), mm(top), mm(_w(cols[1])), mm(bottom - top)),
        role=role,
        story_id=f"s-{role}",
        paragraph_style=style.get(role, "Pull Quote" if role == "pull_quote" else "Tagline"),
        columns=cols[1] if role == "body" else 1,
        gutter=mm(GUT),
    )
    for key, value in kw.items():
        setattr(frame, key, value)
    return frame


def _rule(fid: str, cols: tuple[int, int], y: float, weight: float) -> Rule:
    return Rule(fid, Rect(mm(_x(cols[0])), mm(y), mm(_w(cols[1])), 0.0), slot="page", weight=weight)


def _template(frames: list[AnyFrame], rules: CopyfitRules | None = None) -> PageTemplate:
    stories: dict[str, Story] = {}
    for f in frames:
        if isinstance(f, TextFrame) and f.story_id and f.story_id not in stories:
            stories[f.story_id] = Story(f.story_id, [Paragraph.plain(f.paragraph_style, "")])
    return PageTemplate(
        name="fit-test",
        width=mm(280),
        height=mm(430),
        bleed=mm(3),
        margins=Margins(mm(12), mm(15), mm(12), mm(12)),
        columns=ColumnGrid(5, mm(GUT)),
        baseline=BaselineGrid(11.0, 0.0),
        frames=frames,
        stories=stories,
        paragraph_styles=pinned_styles(),
        character_styles=default_character_styles(),
        copyfit=(rules or CopyfitRules()).to_dict(),
    )


def _manuscript(body: tuple[str, ...], *, section: bool, deck: bool, tagline: bool) -> str:
    lines = ["Edisi: 612"]
    if section:
        lines.append("Rubrik: Lingkungan")
    lines.append("Judul: Warga Tanam Ampupu")
    if deck:
        lines.append("Subjudul: Hutan di kaki Gunung Mutis menjadi sumber air")
    lines.extend(body)
    if tagline:
        lines.append("Jaga Hutan, Jaga Air!")
    lines.extend(["| Text: F.M", "| Editor: Y.K.T"])
    return "\n".join(lines) + "\n"


def _slots(empty_slot: str) -> list[AnyFrame]:
    """Section, headline, deck (in `empty_slot` mode), a two-frame body chain beside a
    pull quote block, a red tagline banner under the body."""
    return [
        _text("section", "section", (1, 5), 20, 26, empty_slot=empty_slot),
        _text("headline", "headline", (1, 5), 27, 60),
        _text("deck", "deck", (1, 4), 61, 74, empty_slot=empty_slot),
        _text("body1", "body", (1, 3), 77, 200, story_id="s-body", chain_index=0),
        _rule("pq-top", (4, 2), 77.5, 2.0),
        _text("quote", "pull_quote", (4, 2), 80, 123, empty_slot=empty_slot),
        _rule("pq-bottom", (4, 2), 124.5, 0.5),
        _text("body2", "body", (4, 2), 129, 200, story_id="s-body", chain_index=1),
        _text("tagline", "tagline", (1, 5), 202, 213, fill="KT Red", empty_slot=empty_slot),
    ]


def _imported(template: PageTemplate, text: str, photo: Asset | None = None) -> Edition:
    ed = Edition(number="612", date="2024-10-14", paragraph_styles=pinned_styles())
    if photo is not None:
        ed.assets[photo.sha256] = photo
    apply_manuscript(ed, template, parse_manuscript(text), photo=photo).do(ed)
    return ed


def empty_slots(mode: str) -> Edition:
    """No section, deck, pull quote (no attributed quote) or tagline, in `mode`."""
    text = _manuscript(PARAGRAPHS, section=False, deck=False, tagline=False)
    return _imported(_template(_slots(mode)), text)


def collapse() -> Edition:
    return empty_slots("collapse")


def keep() -> Edition:
    return empty_slots("keep")


def hide() -> Edition:
    return empty_slots("hide")


def fitted(ed: Edition) -> Edition:
    Copyfit(ed.pages[0].id, "main").do(ed)
    return ed


def copyfit_balance() -> Edition:
    """A short story (four paragraphs) in a chain of 3 + 2 columns: copyfit gives the
    chain the shallowest common foot, balanced; the tagline follows the body up."""
    text = _manuscript(PARAGRAPHS, section=True, deck=True, tagline=True)
    return fitted(_imported(_template(_slots("collapse")), text))


def copyfit_photo() -> Edition:
    """A short story under a 5-column photo: copyfit grows the photo on the baseline grid
    (at most 130 % of its template height, never below 200 ppi) before balancing."""
    frames = _slots("collapse")
    shift = 80.0
    for f in frames:
        if f.id not in ("section",):
            f.rect = f.rect.moved(0.0, mm(shift))
    photo = ImageFrame("photo", Rect(mm(12), mm(27), mm(256), mm(78)), role="photo", fit="fill")
    frames.insert(1, photo)
    text = _manuscript(PARAGRAPHS[:3], section=True, deck=True, tagline=True)
    return fitted(_imported(_template(frames), text, PHOTO_ASSET))


FIT_FEATURES: dict[str, Callable[[], Edition]] = {
    "collapse": collapse,
    "keep": keep,
    "hide": hide,
    "copyfit_balance": copyfit_balance,
    "copyfit_photo": copyfit_photo,
}
