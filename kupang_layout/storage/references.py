"""Storage stage: cross-reference checks (ids, chains, stories, assets, styles, swatches)."""

from __future__ import annotations

from collections.abc import Iterable

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame, Box, ImageFrame, Rule, TextFrame
from kupang_layout.model.story import Story
from kupang_layout.model.styles import ParagraphStyle
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.bounds import MAX_PAGE_TEXT
from kupang_layout.storage.fields import At

__all__ = ["check_edition", "check_template"]


class _Frames:
    """Walks frames once: unique ids and unique chain places per story."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.chain: dict[tuple[str, int], str] = {}

    def visit(self, fr: AnyFrame, at: At, stories: Iterable[str]) -> None:
        if fr.id in self.ids:
            at.key("id").fail(f"duplicate frame id {fr.id!r} (also at {self.ids[fr.id]})")
        self.ids[fr.id] = at.path
        if isinstance(fr, TextFrame) and fr.story_id is not None:
            if fr.story_id not in stories:
                at.key("story_id").fail(f"story {fr.story_id!r} does not exist")
            place = (fr.story_id, fr.chain_index)
            if place in self.chain:
                at.key("chain_index").fail(
                    f"story {fr.story_id!r} already has chain place {fr.chain_index} "
                    f"(at {self.chain[place]})"
                )
            self.chain[place] = at.path


def _swatch(name: str | None, at: At, swatches: Iterable[str]) -> None:
    if name is not None and name not in swatches:
        at.fail(f"swatch {name!r} does not exist")


def _frame_refs(fr: AnyFrame, at: At, ed: Edition) -> None:
    sw = ed.swatches
    if isinstance(fr, TextFrame):
        if fr.paragraph_style not in ed.paragraph_styles:
            at.key("paragraph_style").fail(f"paragraph style {fr.paragraph_style!r} does not exist")
        _swatch(fr.fill, at.key("fill"), sw)
    elif isinstance(fr, ImageFrame):
        if fr.asset is not None and fr.asset not in ed.assets:
            at.key("asset").fail(f"asset {fr.asset} is not in the edition's assets")
        _swatch(fr.stroke, at.key("stroke"), sw)
    elif isinstance(fr, Rule):
        _swatch(fr.swatch, at.key("swatch"), sw)
    elif isinstance(fr, Box):
        _swatch(fr.fill, at.key("fill"), sw)
        _swatch(fr.stroke, at.key("stroke"), sw)


def _based_on(styles: dict[str, ParagraphStyle], at: At, require_parent: bool) -> None:
    """based_on must name another style (if require_parent) and never loop."""
    for i, style in enumerate(styles.values()):
        where = at.index(i).key("based_on")
        parent = style.based_on
        if parent is None:
            continue
        if parent not in styles:
            if require_parent:
                where.fail(f"paragraph style {parent!r} does not exist")
            continue
        seen = {style.name}
        while parent is not None and parent in styles:
            if parent in seen:
                where.fail(f"based_on loop through {parent!r}")
            seen.add(parent)
            parent = styles[parent].based_on


def _page_text(frames: Iterable[AnyFrame], stories: dict[str, Story], at: At) -> None:
    """The stories a page shows, whole, within MAX_PAGE_TEXT characters (a page's work)."""
    shown = {fr.story_id for fr in frames if isinstance(fr, TextFrame) and fr.story_id}
    length = sum(
        len(run.text)
        for sid in shown
        if sid in stories
        for para in stories[sid].paragraphs
        for run in para.runs
    )
    if length > MAX_PAGE_TEXT:
        at.key("frames").fail(
            f"the stories shown on this page hold {length} characters; "
            f"at most {MAX_PAGE_TEXT} are allowed"
        )


def check_edition(ed: Edition, at: At) -> None:
    """Raise DocumentFormatError at the first broken reference or duplicate id."""
    page_ids: dict[str, int] = {}
    frames = _Frames()
    for pi, page in enumerate(ed.pages):
        pat = at.key("pages").index(pi)
        if page.id in page_ids:
            pat.key("id").fail(f"duplicate page id {page.id!r} (also pages[{page_ids[page.id]}])")
        page_ids[page.id] = pi
        for fi, fr in enumerate(page.frames):
            fat = pat.key("frames").index(fi)
            frames.visit(fr, fat, ed.stories)
            _frame_refs(fr, fat, ed)
        _page_text(page.frames, ed.stories, pat)
    for si, story in enumerate(ed.stories.values()):
        sat = at.key("stories").index(si)
        for pi, para in enumerate(story.paragraphs):
            pat = sat.key("paragraphs").index(pi)
            if para.style not in ed.paragraph_styles:
                pat.key("style").fail(f"paragraph style {para.style!r} does not exist")
            for ri, run in enumerate(para.runs):
                if run.char_style is not None and run.char_style not in ed.character_styles:
                    pat.key("runs").index(ri).key("char_style").fail(
                        f"character style {run.char_style!r} does not exist"
                    )
    _based_on(ed.paragraph_styles, at.key("paragraph_styles"), require_parent=True)
    for i, ps in enumerate(ed.paragraph_styles.values()):
        _swatch(ps.swatch, at.key("paragraph_styles").index(i).key("swatch"), ed.swatches)
    for i, cs in enumerate(ed.character_styles.values()):
        _swatch(cs.swatch, at.key("character_styles").index(i).key("swatch"), ed.swatches)


def check_template(t: PageTemplate, at: At) -> None:
    """A template's own references: frame ids, stories and chains, style loops.

    Styles and swatches a template names may come from the edition it is applied
    to, so only loops among its own paragraph styles are refused.
    """
    frames = _Frames()
    for fi, fr in enumerate(t.frames):
        frames.visit(fr, at.key("frames").index(fi), t.stories)
    _page_text(t.frames, t.stories, at)
    _based_on(t.paragraph_styles, at.key("paragraph_styles"), require_parent=False)
