"""The interface's translations: complete catalogues, built .qm files, live switching."""

from __future__ import annotations

from gui_helpers import make_window
from PySide6.QtCore import QCoreApplication, QTranslator
from qt_samples import sample_edition

from kupang_layout.gui.base.i18n import TsTranslator, catalogue_path, install_language, read_ts
from kupang_layout.gui.base.i18n_tool import all_messages


def test_every_string_has_an_indonesian_and_english_translation() -> None:
    messages = all_messages()
    assert len(messages) > 100
    for lang in ("id", "en"):
        known = read_ts(catalogue_path(lang, "ts"))
        missing = [m for m in messages if not known.get(m)]
        assert missing == [], f"{lang}: {missing[:5]}"
    indonesian = read_ts(catalogue_path("id", "ts"))
    assert indonesian[("MainWindow", "&File")] == "&Berkas"
    assert indonesian[("MainWindow", "&Edit")] == "&Sunting"
    assert indonesian[("MainWindow", "&View")] == "&Tampilan"
    assert indonesian[("MainWindow", "&Page")] == "&Halaman"
    assert indonesian[("MainWindow", "&Object")] == "&Objek"
    assert indonesian[("MainWindow", "&Help")] == "Ban&tuan"


def test_built_qm_matches_the_ts(qapp) -> None:  # type: ignore[no-untyped-def]
    """The committed .qm says what the .ts says (rebuild with i18n_tool build)."""
    for lang in ("id", "en"):
        qm = QTranslator()
        assert qm.load(str(catalogue_path(lang, "qm")))
        ts = read_ts(catalogue_path(lang, "ts"))
        for (ctx, source), text in ts.items():
            got = qm.translate(ctx, source) or source
            assert got == text, (lang, ctx, source)


def test_ts_translator_fallback(qapp) -> None:  # type: ignore[no-untyped-def]
    tr = TsTranslator(catalogue_path("id", "ts"))
    assert tr.translate("MainWindow", "&Text") == "Te&ks"
    assert tr.translate("MainWindow", "no such string") == ""
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("Properties", "Width") in ("Lebar",)
    finally:
        QCoreApplication.removeTranslator(tr)


def test_menus_are_indonesian_by_default_and_english_on_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample_edition(photo=False))
    titles = [m.title() for m, _ in window.acts.menus]
    assert titles == ["&Berkas", "&Sunting", "&Tampilan", "&Halaman", "&Objek", "Te&ks", "Ban&tuan"]
    assert window.properties_dock.windowTitle() == "Properti"
    window.set_language("en")
    titles = [m.title() for m, _ in window.acts.menus]
    assert titles == ["&File", "&Edit", "&View", "&Page", "&Object", "&Text", "&Help"]
    assert window.acts["fit_page"].text() == "&Fit Page in Window"
    window.set_language("id")
    assert window.acts["fit_page"].text() == "&Halaman Pas di Jendela"
    install_language("id")
