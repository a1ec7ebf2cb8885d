"""Test helpers: one small edition per page-fitting feature (issue 16), for focused traces.

Each builder makes a one-page template on the Kupang compact grid (280 x 430 mm,
48 mm columns), imports a short manuscript into it with `manuscript.apply` and,
for copyfit, runs `editing.copyfit.Copyfit` once: empty slots that collapse,
keep or hide, copyfit balancing the body chain and copyfit growing the photo;
then the leftovers: a pull quote copyfit dropped coming back when the story is
cut, collapsed slots reopened by a second import, and copyfit by the rules of a
template applied to the page afterwards. A change to one feature changes that
feature's trace only.

The paragraph styles are pinned here, every value written out (`pinned_paragraph_styles`),
so a change of the house defaults (optical margins for Body, say) does not move
these traces: they show the page-fitting features, not the house style.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kupang_layout.editing.copyfit import Copyfit
from kupang_layout.editing.copyfit_measure import body_story
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.manuscript.apply import apply_manuscript, apply_to_page
from kupang_layout.manuscript.house_format import body_paragraphs
from kupang_layout.manuscript.retemplate import retemplate_page
from kupang_layout.model.assets import Asset
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.copyfit_rules import CopyfitRules
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, ImageFrame, Rule, TextFrame
from kupang_layout.model.geometry import BaselineGrid, ColumnGrid, Margins, Rect
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.styles import ParagraphStyle, default_character_styles
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


# Every paragraph style value, written out (the house values when these traces were made).
_PINNED_ROOT: dict[str, Any] = {
    "font_family": "PT Serif",
    "font_face": "Regular",
    "size": 9.5,
    "leading": 11.0,
    "alignment": "justify",
    "first_indent": 0.0,
    "left_indent": 0.0,
    "right_indent": 0.0,
    "space_before": 0.0,
    "space_after": 0.0,
    "hyphenate": True,
    "hyphen_left_min": 2,
    "hyphen_right_min": 3,
    "max_consecutive_hyphens": 2,
    "keep_with_next": False,
    "keep_together": False,
    "swatch": "Black",
    "word_space_min": 80.0,
    "word_space_normal": 100.0,
    "word_space_max": 133.0,
    "letter_space_min": -1.0,
    "letter_space_max": 2.0,
    "glyph_scale_min": 98.0,
    "glyph_scale_max": 102.0,
    "optical_margin": False,
    "tracking": 0.0,
    "align_to_grid": False,
    "drop_cap_lines": 0,
    "all_caps": False,
    "shrink_to_fit_min_size": 0.0,
    "max_lines": 0,
}
_SANS = "Roboto Condensed"
_NO_HYPHENS: dict[str, Any] = {"alignment": "left", "hyphenate": False}
_PINNED: dict[str, dict[str, Any]] = {
    "Body": {"first_indent": 9.5, "align_to_grid": True},
    "Lead": {"align_to_grid": True},
    "Quote": {
        "font_face": "Italic",
        "left_indent": 6.0,
        "keep_with_next": True,
        "align_to_grid": True,
    },
    "Attribution": {
        "font_family": _SANS,
        "font_face": "Bold",
        "size": 8.5,
        "alignment": "right",
        "space_after": 5.5,
        "hyphenate": False,
        "keep_together": True,
        "align_to_grid": True,
    },
    "Headline": {
        **_NO_HYPHENS,
        "font_family": _SANS,
        "font_face": "Bold",
        "size": 40.0,
        "leading": 42.0,
        "shrink_to_fit_min_size": 24.0,
        "max_lines": 2,
    },
    "Deck": {**_NO_HYPHENS, "font_face": "Italic", "size": 14.0, "leading": 17.0},
    "Pull Quote": {
        **_NO_HYPHENS,
        "font_face": "Bold Italic",
        "size": 15.0,
        "leading": 18.0,
        "swatch": "KT Red",
    },
    "Pull Quote Attribution": {
        **_NO_HYPHENS,
        "font_family": _SANS,
        "size": 8.5,
        "space_before": 3.0,
    },
    "Photo Credit": {
        **_NO_HYPHENS,
        "font_family": _SANS,
        "size": 7.0,
        "leading": 8.0,
        "alignment": "right",
    },
    "Caption": {**_NO_HYPHENS, "font_family": _SANS, "size": 8.0, "leading": 9.5},
    "Tagline": {
        **_NO_HYPHENS,
        "font_family": _SANS,
        "font_face": "Bold",
        "size": 13.0,
        "leading": 15.0,
        "alignment": "center",
        "swatch": "Paper",
    },
    "Credits": {**_NO_HYPHENS, "font_family": _SANS, "size": 7.5, "leading": 9.0},
    "Folio": {**_NO_HYPHENS, "font_family": _SANS, "size": 7.5, "leading": 9.0},
    "Masthead": {
        **_NO_HYPHENS,
        "font_face": "Bold",
        "size": 60.0,
        "leading": 62.0,
        "alignment": "center",
    },
    "Section": {
        **_NO_HYPHENS,
        "font_family": _SANS,
        "font_face": "Bold",
        "size": 11.0,
        "leading": 13.0,
        "swatch": "KT Red",
        "all_caps": True,
    },
    "Teaser": {"align_to_grid": True},
    "Teaser Headline": {
        **_NO_HYPHENS,
        "font_family": _SANS,
        "font_face": "Bold",
        "size": 16.0,
        "leading": 18.0,
    },
}


def pinned_paragraph_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles these editions use, every value stated (none inherited)."""
    return {
        name: ParagraphStyle(name, **{**_PINNED_ROOT, **values}) for name, values in _PINNED.items()
    }


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


def _template(
    frames: list[AnyFrame], rules: CopyfitRules | None = None, name: str = "fit-test"
) -> PageTemplate:
    stories: dict[str, Story] = {}
    for f in frames:
        if isinstance(f, TextFrame) and f.story_id and f.story_id not in stories:
            stories[f.story_id] = Story(f.story_id, [Paragraph.plain(f.paragraph_style, "")])
    return PageTemplate(
        name=name,
        width=mm(280),
        height=mm(430),
        bleed=mm(3),
        margins=Margins(mm(12), mm(15), mm(12), mm(12)),
        columns=ColumnGrid(5, mm(GUT)),
        baseline=BaselineGrid(11.0, 0.0),
        frames=frames,
        stories=stories,
        paragraph_styles=pinned_paragraph_styles(),
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
    ed = Edition(number="612", date="2024-10-14")
    ed.paragraph_styles = pinned_paragraph_styles()
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


QUOTE = (
    '"Kalau hutan di atas rusak, mata air di bawah ikut mati,"|Kepala Desa Fatumnasi '
    "(Pemdes Fatumnasi), Fatumnasi, Sabtu, (12/10/24)."
)


def quoted(times: int) -> tuple[str, ...]:
    """The four paragraphs `times` over, an attributed quote (the pull quote's source)
    after the second."""
    once = (PARAGRAPHS[0], PARAGRAPHS[1] + "\n" + QUOTE, *PARAGRAPHS[2:])
    return once * times


def full_text(body: tuple[str, ...]) -> str:
    """A manuscript with every piece: section, deck, pull quote (from `body`), tagline."""
    return _manuscript(body, section=True, deck=True, tagline=True)


def copyfit_quote_back() -> Edition:
    """A story too long (its pull quote dropped by copyfit) cut by the desk to half its
    length and fitted again: the pull quote block is back where the template has it and
    the chain is balanced."""
    ed = fitted(_imported(_template(_slots("collapse")), full_text(quoted(5))))
    page = ed.pages[0]
    sid = body_story(page, "main")
    assert sid is not None
    cut = body_paragraphs(parse_manuscript(full_text(quoted(2))))
    SetStoryParagraphs(sid, cut).do(ed)
    return fitted(ed)


def reopen_slots() -> Edition:
    """The `collapse` page (no section, deck, pull quote or tagline) filled again with a
    manuscript that has them all: every collapsed slot gets its template height back and
    the frames below move down again, as if the page had been made with it."""
    ed = collapse()
    page = ed.pages[0]
    apply_to_page(ed, page.id, parse_manuscript(full_text(quoted(1)))).do(ed)
    return ed


TEMPLATE_A_RULES = CopyfitRules()  # the house rules: the photo may grow to 130 %
TEMPLATE_B_RULES = CopyfitRules(order=("headline", "photo", "balance"), photo_max=1.0)


def photo_frames() -> list[AnyFrame]:
    """The `_slots` page under a 5-column photo 78 mm high."""
    frames = _slots("collapse")
    for f in frames:
        if f.id != "section":
            f.rect = f.rect.moved(0.0, mm(80.0))
    photo = ImageFrame("photo", Rect(mm(12), mm(27), mm(256), mm(78)), role="photo", fit="fill")
    frames.insert(1, photo)
    return frames


def retemplate_fit() -> Edition:
    """A short story with a photo on a page of template A (house copyfit rules), template
    B applied (the photo never above its template height), then fitted: by B's rules,
    so the photo keeps B's height and only the chain is balanced."""
    a = _template(photo_frames(), TEMPLATE_A_RULES, "fit-a")
    b = _template(photo_frames(), TEMPLATE_B_RULES, "fit-b")
    ed = _imported(a, full_text(quoted(1)), PHOTO_ASSET)
    retemplate_page(ed, ed.pages[0].id, b, previous=a).do(ed)
    return fitted(ed)


def refit_grown_then_quoted() -> Edition:
    """A short story without a pull quote (the block collapses, the chain is balanced)
    grown to three times its length and fitted again, then a story with a pull quote
    imported over it and fitted: the quote's hairline stays with the quote (the re-fit
    once moved it down with the tagline, into the second body frame)."""
    short = _manuscript(PARAGRAPHS, section=True, deck=True, tagline=True)
    ed = fitted(_imported(_template(_slots("collapse")), short))
    page = ed.pages[0]
    sid = body_story(page, "main")
    assert sid is not None
    grown = _manuscript(PARAGRAPHS * 3, section=True, deck=True, tagline=True)
    SetStoryParagraphs(sid, body_paragraphs(parse_manuscript(grown))).do(ed)
    fitted(ed)
    apply_to_page(ed, page.id, parse_manuscript(full_text(quoted(2)))).do(ed)
    return fitted(ed)


def refit_reopened_slots() -> Edition:
    """A full story, then one with no section, deck, pull quote or tagline (fitted: the
    chain balanced short), then a long one (fitted): the reopened slots push the second
    body frame past its balanced foot; the re-fit takes the foot copyfit left, so the
    tagline stands under the body again (it once stayed over it)."""
    ed = fitted(_imported(_template(_slots("collapse")), full_text(quoted(1))))
    page = ed.pages[0]
    bare = _manuscript(PARAGRAPHS, section=False, deck=False, tagline=False)
    apply_to_page(ed, page.id, parse_manuscript(bare)).do(ed)
    fitted(ed)
    apply_to_page(ed, page.id, parse_manuscript(full_text(quoted(5)))).do(ed)
    return fitted(ed)


FIT_FEATURES: dict[str, Callable[[], Edition]] = {
    "collapse": collapse,
    "keep": keep,
    "hide": hide,
    "copyfit_balance": copyfit_balance,
    "copyfit_photo": copyfit_photo,
    "copyfit_quote_back": copyfit_quote_back,
    "reopen_slots": reopen_slots,
    "retemplate_fit": retemplate_fit,
    "refit_grown_then_quoted": refit_grown_then_quoted,
    "refit_reopened_slots": refit_reopened_slots,
}
