"""A manuscript imported into a page that had one already: a slot the new manuscript has
nothing for loses the earlier story's text in the import's own undo step (a hidden tagline
banner kept it unseen, a kept deck printed it beside the new story); undo gives it back.
"""

from __future__ import annotations

import copy

import pytest
from feature_editions_fit import (
    PARAGRAPHS,
    _imported,
    _manuscript,
    _slots,
    _template,
    full_text,
    quoted,
)

from kupang_layout.editing.copyfit import copyfit_command
from kupang_layout.jobs.manuscript_import import apply_to_page as apply_fitted
from kupang_layout.manuscript import parse_manuscript
from kupang_layout.manuscript.apply import apply_manuscript, apply_to_page
from kupang_layout.model import History
from kupang_layout.model.commands_text import SetStoryParagraphs
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.story import Paragraph

FULL = full_text(quoted(1))  # section, deck, pull quote, tagline: every slot filled
BARE = _manuscript(PARAGRAPHS, section=False, deck=False, tagline=False)  # none of them
LEFT_OUT = ("section", "deck", "pull_quote", "tagline")


def _texts(ed: Edition) -> dict[str, str]:
    """Each text slot's story text, by role (a chain's story once)."""
    out: dict[str, str] = {}
    for f in ed.pages[0].frames:
        if isinstance(f, TextFrame) and f.role and f.story_id and f.role not in out:
            out[f.role] = ed.stories[f.story_id].text
    return out


def _printing(ed: Edition) -> list[tuple[str | None, bool]]:
    return [(f.role, f.printable) for f in ed.pages[0].frames]


@pytest.mark.parametrize("mode", ["hide", "keep", "collapse"])
def test_a_second_import_empties_the_slots_it_has_nothing_for(mode: str) -> None:
    """The page after the second import holds what a page fresh from the template holds
    with that manuscript: no slot keeps the first story's text, whatever its mode."""
    template = _template(_slots(mode))
    ed = _imported(template, FULL)
    first = _texts(ed)
    assert all(first[role] for role in LEFT_OUT)
    history = History(ed)
    history.execute(apply_to_page(ed, ed.pages[0].id, parse_manuscript(BARE)))
    fresh = _imported(template, BARE)
    assert _texts(ed) == _texts(fresh)
    assert all(_texts(ed)[role] == "" for role in LEFT_OUT)
    assert _printing(ed) == _printing(fresh)


def test_undo_gives_a_hidden_slot_its_text_back() -> None:
    """The hidden tagline banner's text goes in the import's one undo step and comes back
    with it; redo empties it again."""
    ed = _imported(_template(_slots("hide")), FULL)
    history = History(ed)
    before = copy.deepcopy((ed.pages, ed.stories))
    tagline = next(f for f in ed.pages[0].frames if f.role == "tagline")
    assert isinstance(tagline, TextFrame) and tagline.story_id is not None
    said = ed.stories[tagline.story_id].text
    assert said
    history.execute(apply_to_page(ed, ed.pages[0].id, parse_manuscript(BARE)))
    assert not tagline.printable and ed.stories[tagline.story_id].text == ""
    history.undo()
    assert (ed.pages, ed.stories) == before
    assert tagline.printable and ed.stories[tagline.story_id].text == said
    history.redo()
    assert not tagline.printable and ed.stories[tagline.story_id].text == ""


def test_the_fitted_import_empties_and_fits_in_one_undo_step() -> None:
    """As the app and `kupang-layout import` do it: filled, emptied and fitted, one step."""
    ed = _imported(_template(_slots("hide")), FULL)
    history = History(ed)
    before = copy.deepcopy((ed.pages, ed.stories))
    app = apply_fitted(ed, ed.pages[0].id, parse_manuscript(BARE), fit=copyfit_command)
    history.execute(app)
    assert all(_texts(ed)[role] == "" for role in LEFT_OUT)
    history.undo()
    assert (ed.pages, ed.stories) == before


def test_a_text_variable_in_the_slot_stays() -> None:
    """What the template keeps in a slot (a text variable) is not the story's: it stays."""
    ed = _imported(_template(_slots("hide")), FULL)
    tagline = next(f for f in ed.pages[0].frames if f.role == "tagline")
    assert isinstance(tagline, TextFrame) and tagline.story_id is not None
    story = ed.stories[tagline.story_id]
    variable = Paragraph.plain("Tagline", "Halaman {{page}}")
    SetStoryParagraphs(story.id, [variable, *story.paragraphs]).do(ed)
    apply_to_page(ed, ed.pages[0].id, parse_manuscript(BARE)).do(ed)
    assert ed.stories[story.id].paragraphs == [variable]


def test_a_first_import_empties_nothing() -> None:
    """A page fresh from the template has nothing stale: the import makes no extra step
    (its command list is the one it always was)."""
    ed = Edition(number="612", date="2024-10-14")
    template = _template(_slots("hide"))
    app = apply_manuscript(ed, template, parse_manuscript(BARE))
    filled = {p.role for p in app.placements}
    text_commands = [c for c in app.commands if isinstance(c, SetStoryParagraphs)]
    assert len(text_commands) == len(filled)
