"""Manuscript stage: filling a page template's slots with a parsed manuscript.

The result is one undoable `CompositeCommand` (a `ManuscriptApplication`): the
GUI executes it through `History`, the command line calls `do` once. Building
it changes nothing in the edition. A photo comes in as an `Asset` whose bytes
the edition can already read: `jobs.manuscript_import` takes the photo file in
(storage) first; that is not an edit, the undoable `PlaceImage` registers it.

House format (docs/TEMPLATES.md, "Applying a manuscript"):

* headline: as typed; a missing one is `PLACEHOLDER_HEADLINE`, which preflight
  reports as an error;
* photo credit: ``Foto: CREDIT`` plus `` (NOTE)`` when the Foto line has a note,
  e.g. ``Foto: Dok. KT (Arsip)``;
* lead: style "Lead"; its dateline ``PLACE, PAPER -`` is a run in the
  character style "Dateline" (bold), the rest of the lead a plain run;
* body paragraphs "Body"; quotes "Quote" with their attribution on its own
  line in "Attribution";
* pull quote: the first quote that has an attribution, its text with a trailing
  comma before the closing mark dropped, and the speaker with the role in
  parentheses (place and date left out) in "Pull Quote Attribution";
* credits: one line per credit, ``Narasi:``, ``Teks:``, ``Editor:``, ``Foto:``,
  ``Sumber:`` (other keys as typed) in the character style "Credit Label", then
  the values joined by commas;
* teaser: the lead (dateline bold) and, when the manuscript names the page the
  full story runs on, ``Selengkapnya di halaman N``;
* folio: ``{{folio}}``, filled in by the engine.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from kupang_layout.manuscript.dateline import paper_pattern
from kupang_layout.manuscript.model import Credit, CreditRole, Dateline, Manuscript, PhotoCredit
from kupang_layout.manuscript.model import Paragraph as MsParagraph
from kupang_layout.manuscript.quotes import parse_attribution
from kupang_layout.manuscript.stale_text import stale_text_commands
from kupang_layout.model.ads import AD_ROLE
from kupang_layout.model.assets import Asset
from kupang_layout.model.color import default_swatches
from kupang_layout.model.command import Command, CompositeCommand
from kupang_layout.model.commands_frames import AddFrame, PlaceImage
from kupang_layout.model.commands_pages import AddPage, ReplacePage, SetEditionProperties
from kupang_layout.model.commands_plan import PlacePage, SetPageCount
from kupang_layout.model.commands_text import (
    DefineCharacterStyle,
    DefineParagraphStyle,
    DefineSwatch,
    SetStoryParagraphs,
)
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, Box, ImageFrame, Rule, TextFrame
from kupang_layout.model.page import Page
from kupang_layout.model.slot_stack import collapse_commands
from kupang_layout.model.story import PLACEHOLDER_HEADLINE, Paragraph, Run, Story
from kupang_layout.model.styles import default_character_styles, default_paragraph_styles
from kupang_layout.model.template import PageTemplate, instantiate

__all__ = [
    "CREDIT_LABELS",
    "FOLIO_TEXT",
    "JUMP_TEXT",
    "PLACEHOLDER_HEADLINE",
    "ManuscriptApplication",
    "Placement",
    "apply_manuscript",
    "apply_to_page",
    "body_paragraphs",
    "check_replace",
    "credit_paragraphs",
    "lead_runs",
    "next_page_number",
    "photo_credit_text",
    "pull_quote_paragraphs",
    "slot_roles",
    "teaser_paragraphs",
]

FOLIO_TEXT = "{{folio}}"
JUMP_TEXT = "Selengkapnya di halaman {page}"
CREDIT_LABELS: dict[CreditRole, str] = {
    "topics": "Narasi",
    "writer": "Teks",
    "editor": "Editor",
    "photo": "Foto",
    "sources": "Sumber",
}
_TRAILING_COMMA = re.compile(r",(\s*[\"“”'’]*)\s*$")

# The pieces of a manuscript, by the slot role that takes them.
TEXT_ROLES = (
    "section",
    "headline",
    "deck",
    "photo_credit",
    "body",
    "pull_quote",
    "teaser",
    "tagline",
    "credits",
)


@dataclass(frozen=True)
class Placement:
    """One slot filled: the role, the frame, and what went in (for the report)."""

    role: str
    slot: str
    frame_id: str
    text: str
    paragraphs: int = 1
    words: int = 0


@dataclass
class _Plan:
    """What a slot group gets, worked out before any command is made."""

    commands: list[Command] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


class ManuscriptApplication(CompositeCommand):
    """The undoable filling of one slot group, with a report of what went where.

    `unplaced` names manuscript pieces the slot group has no frame for (e.g.
    'pull_quote', 'tagline'); `empty` names slot roles left empty because the
    manuscript lacks the piece (e.g. 'deck', 'photo'): a text slot among them loses
    the text an earlier import left in it (`manuscript.stale_text`).
    `edition_mismatch` is (edition's number, manuscript's) when they differ.
    """

    def __init__(self, label: str, page_id: str, slot: str) -> None:
        super().__init__(label)
        self.page_id = page_id
        self.slot = slot
        self.placements: list[Placement] = []
        self.unplaced: list[str] = []
        self.empty: list[str] = []
        self.placeholder_headline = False
        self.edition_mismatch: tuple[str, str] | None = None
        self.page_number = 0
        self.replaced = False


# -- the pieces ---------------------------------------------------------------


def photo_credit_text(photo: PhotoCredit | None) -> str | None:
    """``Foto: Dok. KT (Arsip)`` from the Foto header; None without one."""
    if photo is None or (photo.credit is None and photo.note is None):
        return None
    if photo.credit is None:
        return f"Foto: {photo.note}"
    note = f" ({photo.note})" if photo.note else ""
    return f"Foto: {photo.credit}{note}"


def lead_runs(text: str, dateline: Dateline | None) -> list[Run]:
    """The lead as runs: the dateline (through its dash) in "Dateline", the rest plain."""
    if dateline is not None:
        pattern = paper_pattern(dateline.paper)
        found = pattern.search(text) if pattern is not None else None
        if found is not None and text[: found.start()].strip() == dateline.place:
            cut = found.end()
            runs = [Run(text[:cut], "Dateline")]
            if text[cut:]:
                runs.append(Run(text[cut:]))
            return runs
    return [Run(text)]


def _paragraph(kind_style: str, p: MsParagraph, dateline: Dateline | None) -> Paragraph:
    if p.kind == "lead":
        return Paragraph(kind_style, lead_runs(p.text, dateline))
    return Paragraph.plain(kind_style, p.text)


def body_paragraphs(m: Manuscript) -> list[Paragraph]:
    """Lead, body and quotes in the house styles, attributions on their own lines."""
    out: list[Paragraph] = []
    for p in m.paragraphs:
        if p.kind == "lead":
            out.append(_paragraph("Lead", p, m.dateline))
        elif p.kind == "quote":
            out.append(Paragraph.plain("Quote", p.text))
            if p.attribution:
                out.append(Paragraph.plain("Attribution", p.attribution))
        else:
            out.append(Paragraph.plain("Body", p.text))
    return out


def _pull_quote_source(m: Manuscript) -> MsParagraph | None:
    for p in m.paragraphs:
        if p.kind == "quote" and p.attribution and not p.continues:
            return p
    return None


def pull_quote_paragraphs(m: Manuscript, style: str = "Pull Quote") -> list[Paragraph] | None:
    """The first attributed quote and its speaker (with role), or None."""
    p = _pull_quote_source(m)
    if p is None or p.attribution is None:
        return None
    text = _TRAILING_COMMA.sub(r"\1", p.text)
    a = parse_attribution(p.attribution)
    who = f"{a.speaker} ({a.role})" if a.speaker and a.role else (a.speaker or p.attribution)
    return [Paragraph.plain(style, text), Paragraph.plain("Pull Quote Attribution", who)]


def _credit_label(c: Credit) -> str:
    if c.role is not None:
        return CREDIT_LABELS[c.role]
    return " ".join(c.key.split())


def credit_paragraphs(m: Manuscript, style: str = "Credits") -> list[Paragraph]:
    """One paragraph per credit with a value: ``Label:`` in "Credit Label", then the values."""
    out: list[Paragraph] = []
    for c in m.credits:
        values = ", ".join(v for v in c.values if v)
        if not values:
            continue
        label = _credit_label(c)
        if label:
            out.append(Paragraph(style, [Run(f"{label}:", "Credit Label"), Run(f" {values}")]))
        else:
            out.append(Paragraph.plain(style, values))
    return out


def teaser_paragraphs(
    m: Manuscript, style: str = "Teaser", on_page: int | None = None
) -> list[Paragraph]:
    """The lead (or the first paragraph) and the jump line to the story's own page."""
    first = m.lead or (m.paragraphs[0] if m.paragraphs else None)
    out: list[Paragraph] = []
    if first is not None:
        out.append(_paragraph(style, first, m.dateline if first.kind == "lead" else None))
    if m.page is not None and m.page != on_page:
        out.append(Paragraph(style, [Run(JUMP_TEXT.format(page=m.page), "Strong")]))
    return out


# -- slots --------------------------------------------------------------------


def slot_roles(frames: list[AnyFrame]) -> dict[str, list[str]]:
    """Slot group -> the roles its frames have, in frame order, each role once."""
    groups: dict[str, list[str]] = {}
    for f in frames:
        if f.role is None:
            continue
        roles = groups.setdefault(f.slot, [])
        if f.role not in roles:
            roles.append(f.role)
    return groups


def _first_story_frames(frames: list[AnyFrame], role: str, slot: str | None) -> list[TextFrame]:
    """One text frame per distinct story with this role (and slot), in frame order."""
    seen: set[str] = set()
    out: list[TextFrame] = []
    for f in frames:
        if not isinstance(f, TextFrame) or f.role != role or f.story_id is None:
            continue
        if slot is not None and f.slot != slot:
            continue
        if f.story_id not in seen:
            seen.add(f.story_id)
            out.append(f)
    return out


def _words(paragraphs: list[Paragraph]) -> int:
    return sum(len(p.text.split()) for p in paragraphs)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _role_paragraphs(
    role: str, frame: TextFrame, m: Manuscript, headline: str, page_number: int
) -> list[Paragraph] | None:
    """What the manuscript puts in a frame of this role; None when it has nothing."""
    style = frame.paragraph_style
    single: dict[str, str | None] = {
        "section": m.section,
        "headline": headline,
        "deck": m.deck,
        "photo_credit": photo_credit_text(m.photo),
        "tagline": m.tagline,
    }
    if role in single:
        value = single[role]
        return [Paragraph.plain(style, value)] if value else None
    if role == "body":
        return body_paragraphs(m) or None
    if role == "pull_quote":
        return pull_quote_paragraphs(m, style)
    if role == "credits":
        return credit_paragraphs(m, style) or None
    if role == "teaser":
        return teaser_paragraphs(m, style, page_number) or None
    return None


def _lost_pieces(m: Manuscript, roles: set[str | None], has_photo: bool) -> list[str]:
    """Manuscript pieces the slot group has no frame for, so they appear nowhere.

    A pull quote repeats a quote the body already holds, and a photo credit
    without a photo frame credits nothing, so neither is reported. A teaser
    group shows the lead on purpose: only its headline and section count.
    """
    present = {
        "section": m.section is not None,
        "headline": m.headline is not None,
        "deck": m.deck is not None,
        "photo_credit": has_photo and photo_credit_text(m.photo) is not None,
        "body": bool(m.paragraphs),
        "tagline": m.tagline is not None,
        "credits": bool(credit_paragraphs(m)),
    }
    if "teaser" in roles:
        present = {k: v for k, v in present.items() if k in ("section", "headline")}
    return [role for role, has in present.items() if has and role not in roles]


def _plan_slot(
    frames: list[AnyFrame],
    stories: dict[str, Story],
    m: Manuscript,
    slot: str,
    headline: str,
    asset: Asset | None,
    page_number: int,
) -> _Plan:
    plan = _Plan()
    in_slot = [f for f in frames if f.slot == slot]
    for role in TEXT_ROLES:
        targets = _first_story_frames(in_slot, role, None)
        if not targets:
            continue
        frame = targets[0]
        paragraphs = _role_paragraphs(role, frame, m, headline, page_number)
        if paragraphs is None:
            plan.empty.append(role)
            plan.commands.extend(stale_text_commands(frame, stories))
            continue
        assert frame.story_id is not None
        plan.commands.append(SetStoryParagraphs(frame.story_id, paragraphs))
        plan.placements.append(
            Placement(
                role,
                slot,
                frame.id,
                _short(paragraphs[0].text),
                len(paragraphs),
                _words(paragraphs),
            )
        )
    roles = {f.role for f in in_slot}
    photos = [f for f in in_slot if isinstance(f, ImageFrame) and f.role == "photo"]
    plan.unplaced.extend(_lost_pieces(m, roles, bool(photos)))
    if photos and asset is not None:
        plan.commands.append(PlaceImage(photos[0].id, asset, fit="fill"))
        size = f"{asset.name} ({asset.width_px} x {asset.height_px} px)"
        plan.placements.append(Placement("photo", slot, photos[0].id, size, 0, 0))
    elif photos:
        plan.empty.append("photo")
    elif asset is not None:
        plan.unplaced.append("photo")
    # the folio follows the page number wherever the template put it
    for frame in _first_story_frames(frames, "folio", None):
        assert frame.story_id is not None
        story = stories.get(frame.story_id)
        if story is None or not story.text.strip():
            para = [Paragraph.plain(frame.paragraph_style, FOLIO_TEXT)]
            plan.commands.append(SetStoryParagraphs(frame.story_id, para))
            plan.placements.append(Placement("folio", frame.slot, frame.id, FOLIO_TEXT))
    return plan


# -- styles and swatches the page will need --------------------------------------

_MANUSCRIPT_PSTYLES = (
    "Lead",
    "Body",
    "Quote",
    "Attribution",
    "Pull Quote",
    "Pull Quote Attribution",
    "Credits",
    "Teaser",
)
_MANUSCRIPT_CSTYLES = ("Dateline", "Credit Label", "Strong")


def _frame_swatches(f: AnyFrame) -> list[str | None]:
    if isinstance(f, TextFrame):
        return [f.fill]
    if isinstance(f, ImageFrame):
        return [f.stroke]
    if isinstance(f, Rule):
        return [f.swatch]
    if isinstance(f, Box):
        return [f.fill, f.stroke]
    return []


def _style_commands(
    edition: Edition, frames: list[AnyFrame], template: PageTemplate | None
) -> list[Command]:
    """Define what the page and its text name but the edition lacks (house defaults)."""
    commands: list[Command] = []
    pdefaults = default_paragraph_styles()
    own = dict(template.paragraph_styles) if template is not None else {}
    wanted = {f.paragraph_style for f in frames if isinstance(f, TextFrame)}
    wanted.update(_MANUSCRIPT_PSTYLES)
    defined: set[str] = set(edition.paragraph_styles)
    queue = sorted(wanted)
    while queue:
        name = queue.pop(0)
        if name in defined:
            continue
        style = own.get(name) or pdefaults.get(name)
        if style is None:
            continue
        defined.add(name)
        commands.append(DefineParagraphStyle(style))
        if style.based_on is not None:
            queue.append(style.based_on)
    cdefaults = default_character_styles()
    cown = dict(template.character_styles) if template is not None else {}
    for name in _MANUSCRIPT_CSTYLES:
        if name not in edition.character_styles:
            cstyle = cown.get(name) or cdefaults[name]
            commands.append(DefineCharacterStyle(cstyle))
    swatches = default_swatches()
    names = {s for f in frames for s in _frame_swatches(f) if s is not None}
    for ps in list(edition.paragraph_styles.values()) + list(own.values()):
        if ps.swatch is not None:
            names.add(ps.swatch)
    for name in sorted(names):
        if name not in edition.swatches and name in swatches:
            commands.append(DefineSwatch(swatches[name]))
    return commands


# -- entry points -------------------------------------------------------------------


def check_replace(
    edition: Edition, page_index: int | None, replace: bool, number: int | None = None
) -> None:
    """Raise IndexError when `replace` names no page of the edition (by `number` when given,
    else by `page_index`), or when a new page's `number` is taken already."""
    if number is not None:
        exists = edition.page_by_number(number) is not None
        if replace and not exists:
            raise IndexError(f"no page {number} to replace")
        if not replace and exists:
            raise IndexError(f"page {number} exists already")
        return
    if replace and (page_index is None or not 0 <= page_index < len(edition.pages)):
        raise IndexError(f"no page at index {page_index} to replace")


def next_page_number(edition: Edition) -> int:
    """The number a page with no number of its own gets: one past the last page made."""
    return max((p.number for p in edition.pages), default=0) + 1


def _keep_ads(old: Page, new: Page) -> list[Command]:
    """A page replaced by a new one keeps its booked ads: sold space is never dropped by
    a manuscript (the ad frames go onto the new page where they were, on top)."""
    return [AddFrame(new.id, copy.deepcopy(f)) for f in old.frames if f.role == AD_ROLE]


def _page_command(
    edition: Edition,
    page: Page,
    stories: list[Story],
    page_index: int | None,
    replace: bool,
    number: int | None,
) -> tuple[list[Command], int]:
    """The commands that put the new page in, and the number it gets."""
    if number is not None:
        page.number = number
        if replace:
            old = edition.page_by_number(number)
            assert old is not None
            return [ReplacePage(old.id, page, stories), *_keep_ads(old, page)], number
        commands: list[Command] = [PlacePage(page, stories)]
        if number > edition.plan.page_count:  # the plan gets the page if it lacked it
            commands.append(SetPageCount(number))
        return commands, number
    if replace:
        assert page_index is not None
        old_page = edition.pages[page_index]
        return [
            ReplacePage(old_page.id, page, stories),
            *_keep_ads(old_page, page),
        ], old_page.number
    index = len(edition.pages) if page_index is None else max(0, page_index)
    return [AddPage(page, index, stories)], min(index, len(edition.pages)) + 1


def _empty_slot_commands(page: Page, slot: str, plan: _Plan) -> list[Command]:
    """Collapse or hide the frames of the slot group's empty roles, as their `empty_slot`
    says ('keep' frames stay as they are), and reopen the closed frames of the roles that
    have content again (a manuscript imported anew); see `model.slot_stack`."""
    empty, placed = plan.empty, {p.role for p in plan.placements}
    frames = [
        f for f in page.frames if f.slot == slot and f.role in empty and f.empty_slot != "keep"
    ]
    filled = [f for f in page.frames if f.slot == slot and f.role in placed]
    if not frames and not filled:
        return []
    return collapse_commands(page.frames, page.height - page.margins.bottom, frames, filled)


def _finish(
    app: ManuscriptApplication,
    edition: Edition,
    m: Manuscript,
    plan: _Plan,
    headline_override: str | None,
) -> ManuscriptApplication:
    app.commands.extend(plan.commands)
    app.placements = plan.placements
    app.unplaced = plan.unplaced
    app.empty = plan.empty
    app.placeholder_headline = not (headline_override or m.headline) and any(
        p.role == "headline" for p in plan.placements
    )
    if m.edition:
        if not edition.number:
            app.commands.insert(0, SetEditionProperties(number=m.edition))
        elif edition.number != m.edition:
            app.edition_mismatch = (edition.number, m.edition)
    return app


def apply_manuscript(
    edition: Edition,
    template: PageTemplate,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: Asset | None = None,
    headline_override: str | None = None,
    page_index: int | None = None,
    replace: bool = False,
    number: int | None = None,
) -> ManuscriptApplication:
    """A new page from `template` with `manuscript` in its `slot` group, as one command.

    With `number`, the page is page `number` of the edition, whatever pages exist
    (`PlacePage`: nothing is renumbered; the plan is extended to hold it), or with
    `replace` takes the place of the page with that number. Without it, the page is
    inserted at `page_index` (0-based; None appends) or, with `replace`, takes the
    place of the page at `page_index`. `photo` is an asset whose bytes the edition
    can already read (`jobs.manuscript_import` takes a photo file in first). Raises
    IndexError when `replace` names no page or a new page's number is taken.
    """
    check_replace(edition, page_index, replace, number)
    asset = photo
    page, stories = instantiate(template, 0)
    page_cmds, number = _page_command(edition, page, stories, page_index, replace, number)
    app = ManuscriptApplication(f"import manuscript ({template.name})", page.id, slot)
    app.page_number = number
    app.replaced = replace
    app.commands.extend(_style_commands(edition, page.frames, template))
    app.commands.extend(page_cmds)
    headline = headline_override or manuscript.headline or PLACEHOLDER_HEADLINE
    by_id = {s.id: s for s in stories}
    plan = _plan_slot(page.frames, by_id, manuscript, slot, headline, asset, number)
    plan.commands.extend(_empty_slot_commands(page, slot, plan))
    return _finish(app, edition, manuscript, plan, headline_override)


def apply_to_page(
    edition: Edition,
    page_id: str,
    manuscript: Manuscript,
    *,
    slot: str = "main",
    photo: Asset | None = None,
    headline_override: str | None = None,
) -> ManuscriptApplication:
    """Fill the `slot` group of a page already in the edition (a second story, a teaser).

    `photo` is an asset whose bytes the edition can already read. Raises KeyError
    when the page does not exist.
    """
    page: Page = edition.page_by_id(page_id)
    asset = photo
    app = ManuscriptApplication(f"import manuscript ({slot})", page.id, slot)
    app.page_number = page.number
    app.commands.extend(_style_commands(edition, page.frames, None))
    headline = headline_override or manuscript.headline or PLACEHOLDER_HEADLINE
    plan = _plan_slot(page.frames, edition.stories, manuscript, slot, headline, asset, page.number)
    plan.commands.extend(_empty_slot_commands(page, slot, plan))
    return _finish(app, edition, manuscript, plan, headline_override)
