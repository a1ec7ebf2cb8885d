"""Manuscript stage: applying another template to a page, its content moved into the new slots.

The page is rebuilt from the new template (same page id and number) and what
the old page showed moves into the new template's slots, matched by slot group
and role:

* slot groups are matched by name first; the groups left over are matched in
  order of appearance among groups of the same kind (a story group has a
  'body' slot, a teaser group a 'teaser' slot);
* a text slot gets the old story of the same role (the Story object itself,
  so its paragraphs, id and any frames on other pages stay as they were);
  when a group has several stories of one role they are matched in order;
* a photo slot gets the old picture of the same group (in frame order); the
  fit mode is kept, scale and offset start again because the frame changed;
* whatever finds no slot goes to the pasteboard, left of the page beyond the
  bleed, with its story or picture, role and slot group: content is never
  deleted. Applying a template with that slot later moves it back in.

The page's copyfit rules (limits and order) are the new template's, or the
house defaults when it states none. What the old template itself drew goes with
it: the folio and masthead, empty slots, and rules and boxes without a role.
When the old template is known (`previous`), a rule or box that it did not
have is the desk's own and is kept on the pasteboard too.

`retemplate_page` returns one `CompositeCommand` (a `Retemplate`): the styles
and swatches the new template needs, then `ReplacePage`, then the chain order
of stories that also run on other pages. Building it changes nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from kupang_layout.manuscript.page_styles import style_commands
from kupang_layout.model.command import Command, CommandError, CompositeCommand
from kupang_layout.model.commands_pages import ReplacePage
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, Box, ImageFrame, Rule, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Story
from kupang_layout.model.template import STATIC_ROLES, PageTemplate, instantiate
from kupang_layout.model.units import mm

__all__ = [
    "PASTEBOARD_GAP",
    "Moved",
    "Retemplate",
    "SetChainOrder",
    "group_kind",
    "match_groups",
    "pasteboard_rects",
    "retemplate_page",
]

#: Distance between the bleed edge and the nearest parked frame, and between parked frames.
PASTEBOARD_GAP = mm(10.0)
#: Roles a template draws for itself; on the old page they are replaced, not moved.
TEMPLATE_ROLES = frozenset({"folio", "masthead"})
_SAME_RECT = 0.5  # points: a rule or box this close to the old template's is the template's


@dataclass(frozen=True)
class Moved:
    """One piece of content: where it was and where it went (for the report)."""

    role: str
    old_slot: str
    new_slot: str | None  # None: parked on the pasteboard
    frame_ids: tuple[str, ...]
    what: str  # "story" or "photo" or "graphic"


class SetChainOrder(Command):
    """Thread a story through `frame_ids` in this order (chain indexes 0, 1, 2...)."""

    def __init__(self, story_id: str, frame_ids: list[str]) -> None:
        self.label = "chain order"
        self.story_id = story_id
        self.frame_ids = list(frame_ids)
        self._old: dict[str, tuple[str | None, int]] = {}

    def _frames(self, edition: Edition) -> list[TextFrame]:
        out: list[TextFrame] = []
        for fid in self.frame_ids:
            found = edition.find_frame(fid)
            if found is None or not isinstance(found[1], TextFrame):
                raise CommandError(f"text frame {fid!r} does not exist")
            out.append(found[1])
        return out

    def do(self, edition: Edition) -> None:
        frames = self._frames(edition)
        self._old = {f.id: (f.story_id, f.chain_index) for f in frames}
        for i, f in enumerate(frames):
            f.story_id, f.chain_index = self.story_id, i

    def undo(self, edition: Edition) -> None:
        for f in self._frames(edition):
            f.story_id, f.chain_index = self._old[f.id]


class Retemplate(CompositeCommand):
    """The undoable change of a page's template, with a report of what went where."""

    def __init__(self, label: str, page_id: str, template: str) -> None:
        super().__init__(label)
        self.page_id = page_id
        self.template = template
        self.moved: list[Moved] = []

    @property
    def parked(self) -> list[Moved]:
        return [m for m in self.moved if m.new_slot is None]


# -- slot groups ------------------------------------------------------------------------


def _has_content(frame: AnyFrame, stories: dict[str, Story]) -> bool:
    if isinstance(frame, TextFrame):
        story = stories.get(frame.story_id or "")
        return story is not None and bool(story.text.strip())
    if isinstance(frame, ImageFrame):
        return frame.asset is not None
    return True


def group_kind(frames: list[AnyFrame], slot: str) -> str:
    """'teaser', 'story' (has a body slot) or 'other', for matching left-over groups."""
    roles = {f.role for f in frames if f.slot == slot}
    if "teaser" in roles:
        return "teaser"
    return "story" if "body" in roles else "other"


def _groups(frames: list[AnyFrame]) -> list[str]:
    """Slot groups holding slot roles, in order of appearance ('page' left out)."""
    out: list[str] = []
    for f in frames:
        if f.role is None or f.role in STATIC_ROLES or f.role in TEMPLATE_ROLES:
            continue
        if f.slot != "page" and f.slot not in out:
            out.append(f.slot)
    return out


def match_groups(old_frames: list[AnyFrame], new_frames: list[AnyFrame]) -> dict[str, str]:
    """Old slot group -> new slot group: same names first, then in order within a kind."""
    old, new = _groups(old_frames), _groups(new_frames)
    mapping = {g: g for g in old if g in new}
    free = [g for g in new if g not in mapping.values()]
    for g in old:
        if g in mapping:
            continue
        kind = group_kind(old_frames, g)
        for target in free:
            if group_kind(new_frames, target) == kind:
                mapping[g] = target
                free.remove(target)
                break
    return mapping


# -- the pasteboard -----------------------------------------------------------------------


def pasteboard_rects(page: Page, sizes: list[tuple[float, float]]) -> list[Rect]:
    """Places left of the page for frames of these sizes: stacked downwards from the top of
    the trim, a new column further left when one is full. Every rect lies wholly outside
    the bleed."""
    out: list[Rect] = []
    right = -page.bleed - PASTEBOARD_GAP
    y = 0.0
    column_width = 0.0
    for w, h in sizes:
        if y > 0.0 and y + h > page.height:
            right -= column_width + PASTEBOARD_GAP
            y, column_width = 0.0, 0.0
        out.append(Rect(right - w, y, w, h))
        y += h + PASTEBOARD_GAP
        column_width = max(column_width, w)
    return out


# -- the plan --------------------------------------------------------------------------------


@dataclass
class _Plan:
    new_page: Page
    new_stories: dict[str, Story]  # the template's own stories still shown
    parked: list[AnyFrame] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    chained: set[str] = field(default_factory=set)  # old stories now shown by new frames


def _stories_by_role(frames: list[AnyFrame], slot: str, role: str) -> list[str]:
    seen: list[str] = []
    for f in frames:
        if (
            isinstance(f, TextFrame)
            and f.slot == slot
            and f.role == role
            and f.story_id is not None
            and f.story_id not in seen
        ):
            seen.append(f.story_id)
    return seen


def _move_text(
    plan: _Plan, old: Page, stories: dict[str, Story], old_slot: str, new_slot: str
) -> set[str]:
    """Old stories of `old_slot` into the new frames of `new_slot`; returns the frame ids moved."""
    done: set[str] = set()
    roles = dict.fromkeys(
        f.role for f in old.frames if f.slot == old_slot and isinstance(f, TextFrame) and f.role
    )
    for role in roles:
        olds = [
            sid
            for sid in _stories_by_role(old.frames, old_slot, role)
            if sid in stories and stories[sid].text.strip()
        ]
        targets = _stories_by_role(plan.new_page.frames, new_slot, role)
        for sid, target in zip(olds, targets, strict=False):
            new_frames = [
                f
                for f in plan.new_page.frames
                if isinstance(f, TextFrame) and f.story_id == target and f.slot == new_slot
            ]
            for f in new_frames:
                f.story_id = sid
            plan.new_stories.pop(target, None)
            plan.chained.add(sid)
            ids = tuple(f.id for f in old.frames if isinstance(f, TextFrame) and f.story_id == sid)
            done.update(ids)
            plan.moved.append(Moved(role, old_slot, new_slot, ids, "story"))
    return done


def _move_photos(plan: _Plan, old: Page, old_slot: str, new_slot: str) -> set[str]:
    done: set[str] = set()
    olds = [
        f
        for f in old.frames
        if isinstance(f, ImageFrame) and f.slot == old_slot and f.role == "photo" and f.asset
    ]
    targets = [
        f
        for f in plan.new_page.frames
        if isinstance(f, ImageFrame) and f.slot == new_slot and f.role == "photo"
    ]
    for src, dst in zip(olds, targets, strict=False):
        dst.asset = src.asset
        dst.fit = src.fit if src.fit != "manual" else "fill"
        dst.scale, dst.offset_x, dst.offset_y = 1.0, 0.0, 0.0
        done.add(src.id)
        plan.moved.append(Moved("photo", old_slot, new_slot, (src.id,), "photo"))
    return done


def _template_graphic(frame: AnyFrame, previous: PageTemplate | None) -> bool:
    """A rule or box without a role that the old template drew (all of them when unknown)."""
    if previous is None:
        return True
    for t in previous.frames:
        if type(t) is type(frame) and t.role is None:
            a, b = t.rect, frame.rect
            if (
                max(
                    abs(a.x - b.x), abs(a.y - b.y), abs(a.right - b.right), abs(a.bottom - b.bottom)
                )
                <= _SAME_RECT
            ):
                return True
    return False


def _to_park(
    old: Page, stories: dict[str, Story], done: set[str], previous: PageTemplate | None
) -> list[AnyFrame]:
    """The old frames whose content found no slot, in z-order."""
    out: list[AnyFrame] = []
    for f in old.frames:
        if f.id in done or f.role in TEMPLATE_ROLES:
            continue
        if isinstance(f, Rule | Box):
            if f.role is None and _template_graphic(f, previous):
                continue
            out.append(f)
        elif _has_content(f, stories):
            if isinstance(f, TextFrame) and f.role == "masthead":
                continue
            out.append(f)
    return out


def retemplate_page(
    edition: Edition,
    page_id: str,
    template: PageTemplate,
    *,
    previous: PageTemplate | None = None,
) -> Retemplate:
    """One command that rebuilds the page from `template` and moves its content along.

    Raises KeyError when the page does not exist.
    """
    old = edition.page_by_id(page_id)
    new_page, new_stories = instantiate(template, old.number)
    new_page.id = old.id
    # the page keeps what it carried, but its copyfit rules are the new template's
    new_page.extra = {k: copy.deepcopy(v) for k, v in old.extra.items() if k != "copyfit"}
    if template.copyfit:
        new_page.extra["copyfit"] = copy.deepcopy(template.copyfit)
    plan = _Plan(new_page, {s.id: s for s in new_stories})
    done: set[str] = set()
    for old_slot, new_slot in match_groups(old.frames, new_page.frames).items():
        done |= _move_text(plan, old, edition.stories, old_slot, new_slot)
        done |= _move_photos(plan, old, old_slot, new_slot)
    parked = [copy.deepcopy(f) for f in _to_park(old, edition.stories, done, previous)]
    for f, rect in zip(
        parked,
        pasteboard_rects(new_page, [(f.rect.width, f.rect.height) for f in parked]),
        strict=True,
    ):
        f.rect = rect
    new_page.frames.extend(parked)
    reported: set[str] = set()
    for f in parked:
        key = f.story_id if isinstance(f, TextFrame) and f.story_id else f.id
        if key in reported:
            continue
        reported.add(key)
        ids = tuple(
            p.id
            for p in parked
            if p.id == f.id
            or (isinstance(f, TextFrame) and isinstance(p, TextFrame) and p.story_id == f.story_id)
        )
        what = (
            "story"
            if isinstance(f, TextFrame)
            else ("photo" if isinstance(f, ImageFrame) else "graphic")
        )
        plan.moved.append(Moved(f.role or "", f.slot, None, ids, what))
    command = Retemplate(f"apply template ({template.name})", old.id, template.name)
    command.commands.extend(style_commands(edition, new_page.frames, template))
    command.commands.append(ReplacePage(old.id, new_page, list(plan.new_stories.values())))
    command.commands.extend(_chain_orders(edition, old, new_page, plan.chained))
    command.moved = plan.moved
    return command


def _chain_orders(edition: Edition, old: Page, new_page: Page, chained: set[str]) -> list[Command]:
    """Chain indexes for the moved stories: this page's new frames take the place of the
    old ones in the story's reading order (which may run on over other pages)."""
    commands: list[Command] = []
    for sid in sorted(chained):
        order: list[str] = []
        placed = False
        new_ids = [
            f.id
            for f in sorted(
                (f for f in new_page.frames if isinstance(f, TextFrame) and f.story_id == sid),
                key=lambda f: f.chain_index,
            )
        ]
        old_ids = {f.id for f in old.frames}
        for f in edition.chain(sid):
            if f.id in old_ids:
                if not placed:
                    order.extend(new_ids)
                    placed = True
            else:
                order.append(f.id)
        if not placed:
            order.extend(new_ids)
        for i, fid in enumerate(new_ids):  # frames of this page only: set before the swap
            frame = new_page.find_frame(fid)
            assert isinstance(frame, TextFrame)
            frame.chain_index = order.index(fid) if len(order) != len(new_ids) else i
        if len(order) != len(new_ids):
            commands.append(SetChainOrder(sid, order))
    return commands
