"""Styles without Qt: character styles on ranges, delete with replacement, rename."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kupang_layout.editing.styles import (
    CHARACTER,
    PARAGRAPH,
    StyleEditError,
    define_commands,
    delete_command,
    duplicate_command,
    inherited_value,
    paragraph_style_commands,
    style_tree,
    toggle_character_style,
    uses,
    value_source,
)
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.model import (
    Edition,
    History,
    Page,
    Paragraph,
    ParagraphStyle,
    Rect,
    Run,
    Story,
    TextFrame,
    mm,
    resolve_paragraph_style,
)
from kupang_layout.model.commands_styles import SetCharacterStyleRange, restyle_runs

STYLES = [None, "Strong", "Emphasis", "Dateline"]
run_st = st.builds(
    Run,
    st.text(alphabet="ab cdé-\u201c", max_size=8),
    st.sampled_from(STYLES),
)
paras_st = st.lists(st.lists(run_st, min_size=0, max_size=5), min_size=1, max_size=4)


def _edition(paras: list[list[Run]]) -> Edition:
    ed = Edition()
    page = Page("p1", 1, mm(280), mm(430))
    ed.pages.append(page)
    ed.stories["s1"] = Story("s1", [Paragraph("Body", runs) for runs in paras])
    page.frames.append(TextFrame("f1", Rect(40, 40, 200, 300), story_id="s1"))
    return ed


def _styles_per_char(story: Story) -> list[list[str | None]]:
    return [[r.char_style for r in p.runs for _ in r.text] for p in story.paragraphs]


@given(paras_st, st.data())
def test_character_style_on_any_range_keeps_text_and_undo_restores_runs(paras, data) -> None:  # type: ignore[no-untyped-def]
    ed = _edition(paras)
    story = ed.stories["s1"]
    before = copy.deepcopy(story.paragraphs)
    texts = [p.text for p in story.paragraphs]
    p0 = data.draw(st.integers(0, len(texts) - 1))
    p1 = data.draw(st.integers(p0, len(texts) - 1))
    o0 = data.draw(st.integers(0, len(texts[p0])))
    o1 = data.draw(st.integers(0 if p1 > p0 else o0, len(texts[p1])))
    style = data.draw(st.sampled_from(STYLES))
    old_chars = _styles_per_char(story)
    history = History(ed)
    history.execute(SetCharacterStyleRange("s1", (p0, o0), (p1, o1), style))
    assert [p.text for p in story.paragraphs] == texts
    new_chars = _styles_per_char(story)
    for i, chars in enumerate(new_chars):
        for j, got in enumerate(chars):
            inside = (i, j) >= (p0, o0) and (i, j) < (p1, o1)
            assert got == (style if inside else old_chars[i][j])
    for i, p in enumerate(story.paragraphs):  # a restyled paragraph: no empty runs, merged
        lo = o0 if i == p0 else 0
        hi = o1 if i == p1 else len(texts[i])
        if not (p0 <= i <= p1 and lo < hi):
            continue
        assert all(r.text for r in p.runs)
        assert all(
            (a.char_style, a.extra) != (b.char_style, b.extra)
            for a, b in zip(p.runs, p.runs[1:], strict=False)
        )
    history.undo()
    assert story.paragraphs == before
    history.redo()
    assert [p.text for p in story.paragraphs] == texts


def test_restyle_splits_a_run_at_both_ends() -> None:
    runs = restyle_runs([Run("Warga Fatumnasi tanam")], 6, 15, "Strong")
    assert [(r.text, r.char_style) for r in runs] == [
        ("Warga ", None),
        ("Fatumnasi", "Strong"),
        (" tanam", None),
    ]


def test_toggle_bold_applies_then_removes() -> None:
    ed = _edition([[Run("satu dua tiga")]])
    story = ed.stories["s1"]
    h = History(ed)
    cmd = toggle_character_style(story, (0, 5), (0, 8), "Strong")
    assert cmd is not None
    h.execute(cmd)
    assert [r.char_style for r in story.paragraphs[0].runs] == [None, "Strong", None]
    again = toggle_character_style(story, (0, 5), (0, 8), "Strong")
    assert again is not None
    h.execute(again)
    assert [(r.text, r.char_style) for r in story.paragraphs[0].runs] == [("satu dua tiga", None)]
    assert toggle_character_style(story, (0, 3), (0, 3), "Strong") is None


def test_delete_paragraph_style_with_replacement_is_one_undo_step() -> None:
    ed = _edition([[Run("a")], [Run("b")], [Run("c")]])
    h = History(ed)
    h.execute(
        define_commands(ed, PARAGRAPH, None, ParagraphStyle("Berita", based_on="Body", size=12.0))[
            0
        ]
    )
    h.execute(define_commands(ed, PARAGRAPH, None, ParagraphStyle("Anak", based_on="Berita"))[0])
    story = ed.stories["s1"]
    for c in paragraph_style_commands(story, 0, 1, "Berita"):
        h.execute(c)
    ed.pages[0].frames[0].paragraph_style = "Berita"  # type: ignore[union-attr]
    assert uses(ed, PARAGRAPH, "Berita") == 2
    before_styles = dict(ed.paragraph_styles)
    before_paras = copy.deepcopy(story.paragraphs)
    anak_size = resolve_paragraph_style(ed.paragraph_styles, "Anak").size
    h.execute(delete_command(ed, PARAGRAPH, "Berita", "Lead"))
    assert "Berita" not in ed.paragraph_styles
    assert [p.style for p in story.paragraphs] == ["Lead", "Lead", "Body"]
    assert ed.pages[0].frames[0].paragraph_style == "Lead"  # type: ignore[union-attr]
    # a child of the deleted style keeps its look and is based on its grandparent
    assert ed.paragraph_styles["Anak"].based_on == "Body"
    assert resolve_paragraph_style(ed.paragraph_styles, "Anak").size == anak_size
    LayoutEngine().layout_page(ed, ed.pages[0])  # every name still resolves
    h.undo()
    assert ed.paragraph_styles == before_styles
    assert story.paragraphs == before_paras
    assert ed.pages[0].frames[0].paragraph_style == "Berita"  # type: ignore[union-attr]


def test_delete_character_style_to_none_or_another() -> None:
    ed = _edition([[Run("a", "Strong"), Run("b", "Mine")]])
    h = History(ed)
    h.execute(
        define_commands(
            ed, CHARACTER, None, ed.character_styles["Strong"].__class__("Mine", font_face="Italic")
        )[0]
    )
    h.execute(delete_command(ed, CHARACTER, "Mine", None))
    assert [r.char_style for r in ed.stories["s1"].paragraphs[0].runs] == ["Strong", None]
    h.undo()
    h.execute(delete_command(ed, CHARACTER, "Mine", "Emphasis"))
    assert [r.char_style for r in ed.stories["s1"].paragraphs[0].runs] == ["Strong", "Emphasis"]


def test_house_styles_cannot_be_deleted_or_renamed_and_names_are_checked() -> None:
    ed = _edition([[Run("a")]])
    with pytest.raises(StyleEditError) as err:
        delete_command(ed, PARAGRAPH, "Body", "Lead")
    assert err.value.key == "protected"
    with pytest.raises(StyleEditError):
        define_commands(ed, PARAGRAPH, "Body", replace(ed.paragraph_styles["Body"], name="Isi"))
    with pytest.raises(StyleEditError) as err:
        define_commands(ed, PARAGRAPH, None, ParagraphStyle("Lead"))
    assert err.value.key == "exists"
    with pytest.raises(StyleEditError) as err:
        define_commands(
            ed, PARAGRAPH, "Body", replace(ed.paragraph_styles["Body"], based_on="Lead")
        )
    assert err.value.key == "cycle"
    with pytest.raises(StyleEditError):
        delete_command(ed, PARAGRAPH, "Lead", None)


def test_rename_own_style_follows_every_use_and_undo() -> None:
    ed = _edition([[Run("a", "Mine")]])
    h = History(ed)
    h.execute(define_commands(ed, PARAGRAPH, None, ParagraphStyle("Berita", based_on="Body"))[0])
    h.execute(define_commands(ed, PARAGRAPH, None, ParagraphStyle("Anak", based_on="Berita"))[0])
    ed.stories["s1"].paragraphs[0].style = "Berita"
    with h.group("edit style"):
        for c in define_commands(
            ed, PARAGRAPH, "Berita", ParagraphStyle("Utama", based_on="Body", size=11.0)
        ):
            h.execute(c)
    assert "Berita" not in ed.paragraph_styles and ed.paragraph_styles["Utama"].size == 11.0
    assert ed.paragraph_styles["Anak"].based_on == "Utama"
    assert ed.stories["s1"].paragraphs[0].style == "Utama"
    h.undo()
    assert "Utama" not in ed.paragraph_styles and ed.stories["s1"].paragraphs[0].style == "Berita"
    assert ed.paragraph_styles["Anak"].based_on == "Berita"


def test_duplicate_and_inheritance_queries() -> None:
    ed = _edition([[Run("a")]])
    h = History(ed)
    name, cmd = duplicate_command(ed, PARAGRAPH, "Lead", "salinan")
    h.execute(cmd)
    assert name == "Lead salinan" and ed.paragraph_styles[name].based_on == "Body"
    assert duplicate_command(ed, PARAGRAPH, "Lead", "salinan")[0] == "Lead salinan 2"
    styles = ed.paragraph_styles
    assert value_source(styles, "Lead", "leading") == "Body"
    assert value_source(styles, "Lead", "first_indent") == "Lead"
    assert value_source(styles, "Lead", "tracking") is None
    assert inherited_value(styles, "Body", "leading") == 11.0
    assert "Lead" in style_tree(styles)["Body"]
    assert "Body" in style_tree(styles)[None]
