"""Preferences: kept in the ini file, applied live (language, units), hyphenation and presets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtWidgets import QDialogButtonBox
from qt_samples import sample_edition

from kupang_layout.engine.hyphenate import default_hyphenator
from kupang_layout.engine.hyphenate_lists import user_exceptions_path
from kupang_layout.gui.base.settings import Settings, app_settings, settings_path, user_presets_path
from kupang_layout.gui.dialogs.export_dialog import ExportDialog
from kupang_layout.gui.dialogs.hyphenation_editor import forget_hyphenation
from kupang_layout.gui.dialogs.preferences import PreferencesDialog
from kupang_layout.model.units import to_mm


@pytest.fixture
def _fresh_hyphenation():  # type: ignore[no-untyped-def]
    """The hyphenators are cached per process: forget this test's list afterwards."""
    yield
    user_exceptions_path().unlink(missing_ok=True)
    forget_hyphenation()


def _dialog(qtbot, window) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(dialog: PreferencesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_preferences_persist_and_apply_live(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=200))
    window.doc.set_selection(["f-photo"])
    x_mm = to_mm(window.doc.frame("f-photo").rect.x)  # type: ignore[union-attr]
    assert window.properties.x_spin.suffix() == " mm"
    assert window.properties.x_spin.value() == round(x_mm, 1)
    assert window.acts.menus[0][0].title() == "&Berkas"
    dialog = _dialog(qtbot, window)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.units.setCurrentIndex(dialog.units.findData("cm"))
    dialog.autosave.setValue(150)
    dialog.templates.setText(str(tmp_path / "templat"))
    _ok(dialog)
    assert not dialog.isVisible()
    # Applied at once: the menus in English, lengths in centimetres.
    assert window.language == "en"
    assert window.acts.menus[0][0].title() == "&File"
    assert window.properties.x_spin.suffix() == " cm"
    assert window.properties.x_spin.value() == round(x_mm / 10, 2)
    assert window.size_label.text().endswith(" cm")
    assert window.autosave.timer.interval() in (150_000, 1000)  # the env override wins
    # Kept in the ini file in the user config folder: a fresh reader sees them.
    assert settings_path().is_file()
    fresh = Settings(settings_path())
    assert (fresh.language, fresh.units, fresh.autosave_preference) == ("en", "cm", 150)
    assert fresh.template_dir == tmp_path / "templat"
    again = _dialog(qtbot, window)
    assert again.language.currentData() == "en" and again.units.currentData() == "cm"
    assert again.autosave.value() == 150
    # Back to Indonesian and millimetres.
    again.language.setCurrentIndex(again.language.findData("id"))
    again.units.setCurrentIndex(again.units.findData("mm"))
    _ok(again)
    assert window.acts.menus[0][0].title() == "&Berkas"
    assert window.properties.x_spin.suffix() == " mm"
    assert app_settings().language == "id"
    points = _dialog(qtbot, window)  # units alone: the status bar follows too
    points.units.setCurrentIndex(points.units.findData("pt"))
    _ok(points)
    assert window.size_label.text().endswith(" pt")
    assert window.properties.x_spin.value() == pytest.approx(x_mm * 72 / 25.4, abs=0.06)


def test_cancel_keeps_the_old_preferences(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=100))
    dialog = _dialog(qtbot, window)
    dialog.units.setCurrentIndex(dialog.units.findData("pt"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert app_settings().units == "mm"
    assert window.properties.x_spin.suffix() == " mm"


def test_the_hyphenation_editor_names_the_bad_line_and_saves_only_a_good_list(
    qtbot, _fresh_hyphenation
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=300))
    dialog = _dialog(qtbot, window)
    editor = dialog.hyphenation
    before = default_hyphenator().points("peringatan")
    assert before  # the built-in list breaks it
    editor.edit.setPlainText("# kata kantor\nke-ma-rin\ndua kata\nperingatan\nx--y\n")
    assert not editor.check()
    assert [line for line, _ in editor.found] == [3, 5]
    assert editor.problems.count() == 2
    assert editor.problems.item(0).text().startswith("Baris 3: ")
    assert "dua kata" in editor.problems.item(0).text()
    # The whole message is Indonesian, not only its line number.
    assert "satu kata per baris" in editor.problems.item(0).text()
    assert "tanda hubung harus berada di antara huruf" in editor.problems.item(1).text()
    dialog.tabs.setCurrentIndex(0)
    _ok(dialog)  # refused: the dialog stays, on the hyphenation tab
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is editor
    assert not user_exceptions_path().exists()
    # Clicking a problem puts the cursor on its line.
    editor._go_to_line(editor.problems.item(1))
    assert editor.edit.textCursor().blockNumber() == 4
    editor.edit.setPlainText("# kata kantor\nke-ma-rin\nperingatan\n")
    revision = window.doc.revision
    _ok(dialog)
    assert not dialog.isVisible()
    assert user_exceptions_path().read_text(encoding="utf-8") == (
        "# kata kantor\nke-ma-rin\nperingatan\n"
    )
    assert default_hyphenator().points("peringatan") == ()  # the new list is used
    assert window.doc.revision > revision  # and the edition was laid out again


def test_the_desks_own_presets_are_checked_and_offered_for_export(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(n_words=100))
    dialog = _dialog(qtbot, window)
    page = dialog.presets
    assert "Koran (PDF/X-1a, 240 %)" in page.builtin.toPlainText()
    page.edit.setPlainText('{"presets": [{"name": "Proof", "max_ppi": 100}]}')
    assert not page.check() and "'Proof'" in page.problem.text()
    page.edit.setPlainText('{"presets": [{"name": "Besar", "max_ppi": 10}]}')
    assert not page.check() and "max_ppi" in page.problem.text()
    _ok(dialog)
    assert dialog.isVisible() and not user_presets_path().exists()
    page.example.click()
    assert page.check()
    _ok(dialog)
    saved = json.loads(user_presets_path().read_text(encoding="utf-8"))
    name = saved["presets"][0]["name"]
    export = ExportDialog(window)
    qtbot.addWidget(export)
    assert export.preset.findData(name) >= 0
    assert export.presets[name][1] == user_presets_path()


def test_every_engine_problem_template_is_marked_for_translation() -> None:
    from kupang_layout.engine import hyphenate_lists
    from kupang_layout.gui.dialogs.hyphenation_editor import PROBLEM_TEMPLATES

    engine = {
        value
        for name, value in vars(hyphenate_lists).items()
        if name.isupper() and isinstance(value, str)
    }
    assert engine == set(PROBLEM_TEMPLATES)
