"""Random command sequences through History: undo all gives the start back exactly, redo the end."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from storage_helpers import small_edition
from strategies import Refs, editions, floats, frames, paragraph_styles, rects

from kupang_layout.model import (
    FIT_MODES,
    SLOT_ROLES,
    AddFrame,
    AddPage,
    Asset,
    BaselineGrid,
    ColumnGrid,
    Command,
    CommandError,
    DefineParagraphStyle,
    DefineSwatch,
    Edition,
    Guide,
    History,
    ImageFrame,
    InsertParagraph,
    LinkFrames,
    Margins,
    MovePage,
    Page,
    Paragraph,
    PlaceImage,
    Rect,
    RemoveFrame,
    RemovePage,
    RemoveParagraph,
    ReorderFrame,
    ReplacePage,
    Rule,
    Run,
    SetEditionProperties,
    SetFrameProperties,
    SetFrameRect,
    SetPageProperties,
    SetParagraphStyleName,
    SetParagraphText,
    SetStoryParagraphs,
    Story,
    Swatch,
    TextFrame,
    UnlinkFrame,
)
from kupang_layout.storage import edition_to_json

ASSETS = [
    Asset(sha256=f"{i:064x}", ext="jpg", name=f"foto{i}.jpg", width_px=40 + i, height_px=30)
    for i in range(1, 4)
]

COMMANDS = [
    "AddFrame",
    "RemoveFrame",
    "SetFrameRect",
    "SetFrameProperties",
    "ReorderFrame",
    "PlaceImage",
    "LinkFrames",
    "UnlinkFrame",
    "SetParagraphText",
    "InsertParagraph",
    "RemoveParagraph",
    "SetStoryParagraphs",
    "SetParagraphStyleName",
    "DefineParagraphStyle",
    "DefineSwatch",
    "AddPage",
    "RemovePage",
    "MovePage",
    "ReplacePage",
    "SetPageProperties",
    "SetEditionProperties",
]


class Picker:
    """Draws ids for commands: mostly existing ones, sometimes new or missing ones."""

    def __init__(self, data: st.DataObject, ed: Edition) -> None:
        self.data = data
        self.ed = ed
        self.n = 0

    def draw(self, strategy: st.SearchStrategy[Any]) -> Any:
        return self.data.draw(strategy)

    def chance(self, tenths: int) -> bool:
        return bool(self.draw(st.integers(0, 9)) < tenths)

    def new_id(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}-new{self.n}"

    def pick(self, existing: list[str], prefix: str) -> str:
        """An existing id (usually), a new one or a clashing-by-chance one."""
        if existing and not self.chance(2):
            return str(self.draw(st.sampled_from(existing)))
        return self.new_id(prefix) if self.chance(5) else f"{prefix}-missing"

    def page_ids(self) -> list[str]:
        return [p.id for p in self.ed.pages]

    def frame_ids(self, cls: type | None = None) -> list[str]:
        return [f.id for p in self.ed.pages for f in p.frames if cls is None or isinstance(f, cls)]

    def chained_ids(self) -> list[str]:
        """Text frames that have a next frame in their chain."""
        out: list[str] = []
        for sid in self.ed.stories:
            out += [f.id for f in self.ed.chain(sid)[:-1]]
        return out

    def story_ids(self) -> list[str]:
        return list(self.ed.stories)

    def refs(self) -> Refs:
        refs = Refs(
            self.story_ids(),
            [a.sha256 for a in ASSETS],
            list(self.ed.paragraph_styles),
            list(self.ed.swatches),
        )
        refs.chain_next = {sid: 100 for sid in self.ed.stories}
        return refs

    def frame(self) -> Any:
        fid = self.pick(self.frame_ids(), "f") if self.chance(2) else self.new_id("f")
        return self.draw(frames(self.refs(), fid=fid))

    def runs(self) -> list[Run]:
        cstyles = [*self.ed.character_styles, None]
        return [
            Run(self.draw(st.text(max_size=12)), self.draw(st.sampled_from(cstyles)))
            for _ in range(self.draw(st.integers(0, 3)))
        ]

    def paragraph(self) -> Paragraph:
        style = self.draw(st.sampled_from([*self.ed.paragraph_styles, "Nope"]))
        return Paragraph(style, self.runs())

    def story(self) -> Story:
        sid = self.pick(self.story_ids(), "s") if self.chance(2) else self.new_id("s")
        return Story(
            id=sid, paragraphs=[self.paragraph() for _ in range(self.draw(st.integers(0, 2)))]
        )

    def page(self) -> tuple[Page, list[Story]]:
        pid = self.pick(self.page_ids(), "p") if self.chance(2) else self.new_id("p")
        stories = [self.story() for _ in range(self.draw(st.integers(0, 2)))]
        page = Page(
            id=pid,
            number=0,
            width=self.draw(floats(100, 2000)),
            height=self.draw(floats(100, 2000)),
        )
        for _ in range(self.draw(st.integers(0, 2))):
            fr = self.frame()
            if isinstance(fr, TextFrame) and stories and self.chance(5):
                fr.story_id, fr.chain_index = stories[0].id, len(page.frames)
            page.frames.append(fr)
        return page, stories

    def frame_changes(self, frame_id: str) -> dict[str, Any]:
        found = self.ed.find_frame(frame_id)
        swatch = st.sampled_from([*self.ed.swatches, None])
        options: dict[str, st.SearchStrategy[Any]] = {
            "name": st.text(max_size=8),
            "locked": st.booleans(),
            "printable": st.booleans(),
            "role": st.sampled_from([*SLOT_ROLES, None]),
            "slot": st.sampled_from(["main", "second"]),
            "rect": rects,
        }
        fr = found[1] if found else None
        if isinstance(fr, TextFrame):
            options.update(
                columns=st.integers(1, 5),
                gutter=floats(0, 20),
                fill=swatch,
                balance=st.booleans(),
                paragraph_style=st.sampled_from(list(self.ed.paragraph_styles)),
            )
        elif isinstance(fr, ImageFrame):
            options.update(
                fit=st.sampled_from(FIT_MODES), scale=floats(0.1, 5), offset_x=floats(-50, 50)
            )
        elif isinstance(fr, Rule):
            options.update(weight=floats(0, 4), swatch=st.sampled_from(list(self.ed.swatches)))
        else:
            options.update(fill=swatch, stroke=swatch, stroke_weight=floats(0, 3))
        if self.chance(1):
            options["story_id"] = st.just("s-x") if self.chance(5) else st.none()  # read-only
        if self.chance(1):
            options["bogus"] = st.just(1)
        keys = self.draw(
            st.lists(st.sampled_from(sorted(options)), min_size=1, max_size=3, unique=True)
        )
        return {k: self.draw(options[k]) for k in keys}

    def index(self, top: int) -> int:
        return int(self.draw(st.integers(-1, top + 1)))

    def story_and_index(self) -> tuple[str, int]:
        with_text = [s.id for s in self.ed.stories.values() if s.paragraphs]
        sid = self.pick(with_text or self.story_ids(), "s")
        story = self.ed.stories.get(sid)
        top = len(story.paragraphs) if story else 1
        if self.chance(8):
            return sid, int(self.draw(st.integers(0, max(0, top - 1))))
        return sid, self.index(top)

    def command(self) -> Command:
        kind = self.draw(st.sampled_from(COMMANDS))
        if kind == "AddFrame":
            fr = self.frame()
            story = None
            if isinstance(fr, TextFrame) and self.chance(5):
                story = self.story()
                fr.story_id, fr.chain_index = story.id, 0
            idx = self.draw(st.none() | st.integers(0, 6))
            return AddFrame(self.pick(self.page_ids(), "p"), fr, index=idx, story=story)
        if kind == "RemoveFrame":
            return RemoveFrame(self.pick(self.frame_ids(), "f"))
        if kind == "SetFrameRect":
            rect = self.draw(rects) if self.chance(8) else Rect(0, 0, -1, 5)
            return SetFrameRect(self.pick(self.frame_ids(), "f"), rect)
        if kind == "SetFrameProperties":
            fid = self.pick(self.frame_ids(), "f")
            return SetFrameProperties(fid, **self.frame_changes(fid))
        if kind == "ReorderFrame":
            return ReorderFrame(self.pick(self.frame_ids(), "f"), self.index(6))
        if kind == "PlaceImage":
            asset = self.draw(st.sampled_from([*ASSETS, None]))
            fit = self.draw(st.sampled_from([*FIT_MODES, None]))
            return PlaceImage(self.pick(self.frame_ids(ImageFrame), "f"), asset, fit)
        if kind == "LinkFrames":
            texts = self.frame_ids(TextFrame)
            return LinkFrames(self.pick(texts, "f"), self.pick(texts, "f"))
        if kind == "UnlinkFrame":
            new_story = self.new_id("s") if self.chance(8) else self.pick(self.story_ids(), "s")
            return UnlinkFrame(self.pick(self.chained_ids(), "f"), new_story)
        if kind == "SetParagraphText":
            sid, i = self.story_and_index()
            return SetParagraphText(sid, i, self.runs() if self.chance(7) else "teks")
        if kind == "InsertParagraph":
            sid, i = self.story_and_index()
            return InsertParagraph(sid, i, self.paragraph())
        if kind == "RemoveParagraph":
            sid, i = self.story_and_index()
            return RemoveParagraph(sid, i)
        if kind == "SetStoryParagraphs":
            paragraphs = [self.paragraph() for _ in range(self.draw(st.integers(0, 3)))]
            return SetStoryParagraphs(self.pick(self.story_ids(), "s"), paragraphs)
        if kind == "SetParagraphStyleName":
            sid, i = self.story_and_index()
            return SetParagraphStyleName(
                sid, i, self.draw(st.sampled_from([*self.ed.paragraph_styles, "Nope"]))
            )
        if kind == "DefineParagraphStyle":
            name = self.draw(st.sampled_from([*list(self.ed.paragraph_styles)[:3], "Baru"]))
            style = self.draw(
                paragraph_styles(name, list(self.ed.paragraph_styles), list(self.ed.swatches))
            )
            return DefineParagraphStyle(style)
        if kind == "DefineSwatch":
            name = self.draw(st.sampled_from([*list(self.ed.swatches)[:3], "Emas"]))
            inks = [self.draw(floats(-5, 105)) for _ in range(4)]
            return DefineSwatch(Swatch(name, *inks))
        if kind == "AddPage":
            page, stories = self.page()
            styles = (
                {"Baru": self.draw(paragraph_styles("Baru", [], ["Black"]))}
                if self.chance(3)
                else None
            )
            return AddPage(
                page,
                index=self.draw(st.none() | st.integers(0, 5)),
                stories=stories,
                paragraph_styles=styles,
            )
        if kind == "RemovePage":
            return RemovePage(self.pick(self.page_ids(), "p"))
        if kind == "MovePage":
            return MovePage(self.pick(self.page_ids(), "p"), self.index(4))
        if kind == "ReplacePage":
            page, stories = self.page()
            return ReplacePage(self.pick(self.page_ids(), "p"), page, stories)
        if kind == "SetPageProperties":
            options: dict[str, st.SearchStrategy[Any]] = {
                "width": floats(10, 3000),
                "height": floats(10, 3000),
                "bleed": floats(0, 20),
                "margins": st.builds(
                    Margins, floats(0, 50), floats(0, 50), floats(0, 50), floats(0, 50)
                ),
                "columns": st.builds(ColumnGrid, st.integers(1, 8), floats(0, 20)),
                "baseline": st.builds(BaselineGrid, floats(1, 20), floats(0, 10)),
                "guides": st.lists(
                    st.builds(Guide, st.sampled_from("hv"), floats(0, 500)), max_size=2
                ),
                "template": st.none() | st.text(max_size=6),
                "number": st.just(5),  # not settable: CommandError
            }
            keys = self.draw(
                st.lists(st.sampled_from(sorted(options)), min_size=1, max_size=3, unique=True)
            )
            return SetPageProperties(
                self.pick(self.page_ids(), "p"), **{k: self.draw(options[k]) for k in keys}
            )
        return SetEditionProperties(
            paper=self.draw(st.none() | st.text(max_size=8)),
            number=self.draw(st.none() | st.text(max_size=4)),
            date=self.draw(st.none() | st.just("2025-02-03")),
        )


def first_difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ (for a readable failure)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{path}.{k}: only on one side"
            if a[k] != b[k]:
                return first_difference(a[k], b[k], f"{path}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {a!r} != {b!r}"


def _execute(history: History, command: Command) -> bool:
    """Run a command; a refused one must leave the edition exactly as it was."""
    before = edition_to_json(history.edition)
    try:
        history.execute(command)
        event(f"done {type(command).__name__}")
    except CommandError:
        assert edition_to_json(history.edition) == before, (
            f"refused {type(command).__name__} changed the edition"
        )
        return False
    return True


def _add_linkable_frames(ed: Edition) -> None:
    """Text frames with stories of their own and an image frame, so links get made."""
    if not ed.pages:
        ed.pages.append(Page(id="p-base", number=1, width=800, height=1200))
    style = next(iter(ed.paragraph_styles))
    for i in range(3):
        sid = f"s-base{i}"
        ed.stories[sid] = Story(id=sid, paragraphs=[Paragraph.plain(style, f"teks {i}")])
        ed.pages[-1].frames.append(
            TextFrame(
                id=f"t-base{i}",
                rect=Rect(10, 10 + 100 * i, 200, 90),
                story_id=sid,
                paragraph_style=style,
            )
        )
    ed.pages[0].frames.append(ImageFrame(id="i-base", rect=Rect(300, 10, 200, 150)))


@settings(
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_random_commands_undo_and_redo_exactly(data: st.DataObject) -> None:
    ed = data.draw(editions(max_pages=2))
    _add_linkable_frames(ed)
    history = History(ed)
    pick = Picker(data, ed)
    states = [edition_to_json(ed)]
    labels: list[str] = []
    for _ in range(data.draw(st.integers(5, 30))):
        if pick.chance(1):
            before = edition_to_json(ed)
            try:
                with history.group("group"):
                    for _ in range(data.draw(st.integers(1, 4))):
                        history.execute(pick.command())
            except CommandError:
                now = edition_to_json(ed)
                assert now == before, f"refused group: {first_difference(now, before)}"
                continue
            labels.append("group")
        else:
            command = pick.command()
            if not _execute(history, command):
                continue
            labels.append(type(command).__name__)
        states.append(edition_to_json(ed))
    assert len(states) == len(labels) + 1

    for i in range(len(states) - 2, -1, -1):
        assert history.undo()
        now = edition_to_json(ed)
        assert now == states[i], f"undo of {labels[i]}: {first_difference(now, states[i])}"
    assert not history.undo()
    for i in range(1, len(states)):
        assert history.redo()
        now = edition_to_json(ed)
        assert now == states[i], f"redo of {labels[i - 1]}: {first_difference(now, states[i])}"
    assert not history.redo()


def test_group_undoes_as_one_step() -> None:
    ed, _ = small_edition()
    history = History(ed)
    start = edition_to_json(ed)
    with history.group("drag"):
        for dx in range(5):
            history.execute(SetFrameRect("t1", Rect(30 + dx, 40, 200, 300)))
        history.execute(SetParagraphText("s1", 1, "Diubah."))
        history.execute(DefineSwatch(Swatch("Emas", 0, 20, 80, 10)))
    end = edition_to_json(ed)
    assert end != start
    assert history.undo()
    assert edition_to_json(ed) == start
    assert not history.can_undo
    assert history.redo()
    assert edition_to_json(ed) == end


def test_refused_command_in_group_rolls_the_group_back() -> None:
    ed, _ = small_edition()
    history = History(ed)
    start = copy.deepcopy(edition_to_json(ed))
    with pytest.raises(CommandError), history.group("g"):
        history.execute(SetFrameRect("t1", Rect(0, 0, 5, 5)))
        history.execute(RemoveFrame("nope"))
    assert edition_to_json(ed) == start
    assert not history.can_undo
