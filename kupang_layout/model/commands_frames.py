"""Model stage: undoable commands on frames (add, remove, move, properties, z-order)."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from kupang_layout.model.assets import Asset
from kupang_layout.model.command import Command, CommandError
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, ImageFrame, TextFrame
from kupang_layout.model.geometry import Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Story


def _locate(edition: Edition, frame_id: str) -> tuple[Page, AnyFrame]:
    found = edition.find_frame(frame_id)
    if found is None:
        raise CommandError(f"frame {frame_id!r} does not exist")
    return found


class AddFrame(Command):
    """Add a frame to a page (on top unless `index` is given), with its new story."""

    def __init__(
        self, page_id: str, frame: AnyFrame, index: int | None = None, story: Story | None = None
    ) -> None:
        self.label = "add frame"
        self.page_id = page_id
        self.frame = frame
        self.index = index
        self.story = story

    def do(self, edition: Edition) -> None:
        try:
            page = edition.page_by_id(self.page_id)
        except KeyError as exc:
            raise CommandError(f"page {self.page_id!r} does not exist") from exc
        if edition.find_frame(self.frame.id) is not None:
            raise CommandError(f"frame {self.frame.id!r} exists already")
        if self.story is not None and self.story.id in edition.stories:
            raise CommandError(f"story {self.story.id!r} exists already")
        if self.story is not None:
            edition.stories[self.story.id] = self.story
        idx = len(page.frames) if self.index is None else self.index
        page.frames.insert(idx, self.frame)

    def undo(self, edition: Edition) -> None:
        page = edition.page_by_id(self.page_id)
        page.frames.remove(self.frame)
        if self.story is not None:
            del edition.stories[self.story.id]


class RemoveFrame(Command):
    """Remove a frame. Its story is kept: text is never thrown away."""

    def __init__(self, frame_id: str) -> None:
        self.label = "delete frame"
        self.frame_id = frame_id
        self._page_id = ""
        self._index = 0
        self._frame: AnyFrame | None = None

    def do(self, edition: Edition) -> None:
        page, frame = _locate(edition, self.frame_id)
        self._page_id = page.id
        self._index = page.frames.index(frame)
        self._frame = frame
        page.frames.pop(self._index)

    def undo(self, edition: Edition) -> None:
        assert self._frame is not None
        edition.page_by_id(self._page_id).frames.insert(self._index, self._frame)


class SetFrameRect(Command):
    """Move and/or resize a frame."""

    def __init__(self, frame_id: str, rect: Rect) -> None:
        self.label = "move frame"
        self.frame_id = frame_id
        self.rect = rect
        self._old: Rect | None = None

    def do(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        if self.rect.width < 0 or self.rect.height < 0:
            raise CommandError("frame size must not be negative")
        self._old = frame.rect
        frame.rect = self.rect

    def undo(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        assert self._old is not None
        frame.rect = self._old


_READ_ONLY = {"id", "story_id", "chain_index"}


class SetFrameProperties(Command):
    """Set named properties of a frame (locked, columns, fit, role, ...)."""

    def __init__(self, frame_id: str, label: str = "frame properties", **changes: Any) -> None:
        self.label = label
        self.frame_id = frame_id
        self.changes = changes
        self._old: dict[str, Any] = {}

    def do(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        names = {f.name for f in dataclasses.fields(frame)}
        for key in self.changes:
            if key not in names or key in _READ_ONLY:
                raise CommandError(f"{type(frame).__name__} has no settable property {key!r}")
        self._old = {k: getattr(frame, k) for k in self.changes}
        for k, v in self.changes.items():
            setattr(frame, k, v)

    def undo(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        for k, v in self._old.items():
            setattr(frame, k, v)


class ReorderFrame(Command):
    """Move a frame to another place in its page's z-order (0 = bottom)."""

    def __init__(self, frame_id: str, new_index: int) -> None:
        self.label = "arrange"
        self.frame_id = frame_id
        self.new_index = new_index
        self._old_index = 0

    def do(self, edition: Edition) -> None:
        page, frame = _locate(edition, self.frame_id)
        self._old_index = page.frames.index(frame)
        page.frames.pop(self._old_index)
        idx = max(0, min(self.new_index, len(page.frames)))
        page.frames.insert(idx, frame)

    def undo(self, edition: Edition) -> None:
        page, frame = _locate(edition, self.frame_id)
        page.frames.remove(frame)
        page.frames.insert(self._old_index, frame)


class PlaceImage(Command):
    """Place an asset in an image frame (registering the asset if new)."""

    def __init__(self, frame_id: str, asset: Asset | None, fit: str | None = None) -> None:
        self.label = "place image"
        self.frame_id = frame_id
        self.asset = asset
        self.fit = fit
        self._old: tuple[str | None, str, float, float, float] | None = None
        self._added = False

    def do(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        if not isinstance(frame, ImageFrame):
            raise CommandError(f"frame {self.frame_id!r} is not an image frame")
        self._old = (frame.asset, frame.fit, frame.scale, frame.offset_x, frame.offset_y)
        self._added = False
        if self.asset is not None and self.asset.sha256 not in edition.assets:
            edition.assets[self.asset.sha256] = self.asset
            self._added = True
        frame.asset = self.asset.sha256 if self.asset is not None else None
        if self.fit is not None:
            frame.fit = self.fit
        frame.scale, frame.offset_x, frame.offset_y = 1.0, 0.0, 0.0

    def undo(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        assert isinstance(frame, ImageFrame) and self._old is not None
        frame.asset, frame.fit, frame.scale, frame.offset_x, frame.offset_y = self._old
        if self._added and self.asset is not None:
            del edition.assets[self.asset.sha256]


class _ChainSnapshot:
    """The story links of every text frame plus copies of the touched stories."""

    def __init__(self, edition: Edition, story_ids: set[str]) -> None:
        self.links: dict[str, tuple[str | None, int]] = {}
        for p in edition.pages:
            for f in p.frames:
                if isinstance(f, TextFrame):
                    self.links[f.id] = (f.story_id, f.chain_index)
        # the story objects themselves (other commands hold them for redo) and their lists
        self.stories = {
            sid: (edition.stories[sid], edition.stories[sid].paragraphs)
            for sid in story_ids
            if sid in edition.stories
        }
        self.story_ids = set(story_ids)
        self.order = list(edition.stories)

    def restore(self, edition: Edition) -> None:
        for p in edition.pages:
            for f in p.frames:
                if isinstance(f, TextFrame) and f.id in self.links:
                    f.story_id, f.chain_index = self.links[f.id]
        for sid in self.story_ids:
            if sid in self.stories:
                story, paragraphs = self.stories[sid]
                story.paragraphs = paragraphs
                edition.stories[sid] = story
            else:
                edition.stories.pop(sid, None)
        # a story deleted and put back goes to its old place, not to the end
        rank = {sid: i for i, sid in enumerate(self.order)}
        items = sorted(edition.stories.items(), key=lambda kv: rank.get(kv[0], len(rank)))
        edition.stories.clear()
        edition.stories.update(items)


class LinkFrames(Command):
    """Thread `target` after `source`: the story flows on into it.

    Text the target frame already held is appended to the source's story, as
    in InDesign, so nothing is lost.
    """

    def __init__(self, source_id: str, target_id: str) -> None:
        self.label = "link frames"
        self.source_id = source_id
        self.target_id = target_id
        self._snap: _ChainSnapshot | None = None

    def do(self, edition: Edition) -> None:
        _, src = _locate(edition, self.source_id)
        _, dst = _locate(edition, self.target_id)
        if not isinstance(src, TextFrame) or not isinstance(dst, TextFrame):
            raise CommandError("only text frames can be linked")
        if src.id == dst.id:
            raise CommandError("a frame cannot be linked to itself")
        if src.story_id is None or src.story_id not in edition.stories:
            raise CommandError(f"frame {src.id!r} shows no story")
        story_id = src.story_id
        if dst.story_id == story_id:
            raise CommandError("the frames are already in the same chain")
        touched = {story_id} | ({dst.story_id} if dst.story_id else set())
        self._snap = _ChainSnapshot(edition, touched)
        old_story = edition.stories.get(dst.story_id) if dst.story_id else None
        chain = edition.chain(story_id)
        pos = chain.index(src) + 1
        chain.insert(pos, dst)
        for i, f in enumerate(chain):
            f.story_id, f.chain_index = story_id, i
        if old_story is not None and old_story.id != story_id:
            if any(p.text.strip() for p in old_story.paragraphs):
                target = edition.stories[story_id]
                target.paragraphs = target.paragraphs + copy.deepcopy(old_story.paragraphs)
            if not edition.chain(old_story.id):
                del edition.stories[old_story.id]

    def undo(self, edition: Edition) -> None:
        assert self._snap is not None
        self._snap.restore(edition)


class UnlinkFrame(Command):
    """Cut the chain after `frame_id`; the frames after it get a new empty story."""

    def __init__(self, frame_id: str, new_story_id: str) -> None:
        self.label = "unlink frames"
        self.frame_id = frame_id
        self.new_story_id = new_story_id
        self._snap: _ChainSnapshot | None = None

    def do(self, edition: Edition) -> None:
        _, frame = _locate(edition, self.frame_id)
        if not isinstance(frame, TextFrame) or frame.story_id is None:
            raise CommandError(f"frame {self.frame_id!r} is not in a chain")
        chain = edition.chain(frame.story_id)
        rest = chain[chain.index(frame) + 1 :]
        if not rest:
            raise CommandError(f"frame {self.frame_id!r} has no next frame")
        if self.new_story_id in edition.stories:
            raise CommandError(f"story {self.new_story_id!r} exists already")
        self._snap = _ChainSnapshot(edition, {self.new_story_id})
        edition.stories[self.new_story_id] = Story(id=self.new_story_id)
        for i, f in enumerate(rest):
            f.story_id, f.chain_index = self.new_story_id, i

    def undo(self, edition: Edition) -> None:
        assert self._snap is not None
        self._snap.restore(edition)


class AddAsset(Command):
    """Register an asset whose bytes the edition's source already holds (a paste); a
    no-op when the edition has it."""

    def __init__(self, asset: Asset) -> None:
        self.label = "add picture"
        self.asset = asset
        self._added = False

    def do(self, edition: Edition) -> None:
        self._added = self.asset.sha256 not in edition.assets
        if self._added:
            edition.assets[self.asset.sha256] = self.asset

    def undo(self, edition: Edition) -> None:
        if self._added:
            del edition.assets[self.asset.sha256]
