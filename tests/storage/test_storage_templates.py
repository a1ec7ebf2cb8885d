"""Page template files (.kplt) and the template library."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import pytest
from storage_helpers import small_edition, tree

from kupang_layout.model import PageTemplate, Rect, TextFrame, instantiate, page_to_template
from kupang_layout.resources import resource_path
from kupang_layout.storage import (
    TEMPLATE_KIND,
    DocumentFormatError,
    TemplateLibrary,
    TemplateLibraryError,
    load_template,
    save_template,
    template_to_json,
)


def make_template(name: str, description: str = "") -> PageTemplate:
    ed, _ = small_edition()
    return page_to_template(
        ed.pages[0], ed.stories, ed.paragraph_styles, ed.character_styles, name, description
    )


def test_template_file_round_trip(tmp_path: Path) -> None:
    t = make_template("Halaman Utama", "Headline, foto, dua kolom")
    path = tmp_path / "utama.kplt"
    save_template(t, path)
    raw = json.loads(path.read_text("utf-8"))
    assert raw["kind"] == TEMPLATE_KIND and raw["schema"] == 1
    loaded = load_template(path)
    assert loaded == t
    assert template_to_json(loaded) == template_to_json(t)
    page, stories = instantiate(loaded, 3)
    assert page.template == "Halaman Utama" and len(page.frames) == len(t.frames)
    assert len(stories) == len(t.stories)


def test_template_save_is_checked_and_atomic(tmp_path: Path) -> None:
    t = make_template("T")
    path = tmp_path / "t.kplt"
    save_template(t, path)
    before = tree(tmp_path)
    t.frames.append(TextFrame(id=t.frames[0].id, rect=Rect(0, 0, 1, 1)))
    with pytest.raises(DocumentFormatError, match=r"frames\[3\]\.id.*duplicate frame id"):
        save_template(t, path)
    assert tree(tmp_path) == before
    assert load_template(path).name == "T"


@pytest.fixture
def library(tmp_path: Path) -> TemplateLibrary:
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    save_template(make_template("Olahraga", "bawaan"), builtin / "olahraga.kplt")
    save_template(make_template("Halaman Utama", "bawaan"), builtin / "utama.kplt")
    return TemplateLibrary(builtin, tmp_path / "user" / "templates")


def test_library_lists_builtin_then_user(library: TemplateLibrary, tmp_path: Path) -> None:
    assert [(i.name, i.source) for i in library.list()] == [
        ("Halaman Utama", "builtin"),
        ("Olahraga", "builtin"),
    ]
    src = tmp_path / "kiriman.kplt"
    save_template(make_template("Ekonomi", "dari desk"), src)
    info = library.import_file(src)
    assert info.source == "user" and info.path.parent == library.user_dir
    assert [(i.name, i.source, i.description) for i in library.list()] == [
        ("Halaman Utama", "builtin", "bawaan"),
        ("Olahraga", "builtin", "bawaan"),
        ("Ekonomi", "user", "dari desk"),
    ]
    assert library.get("Ekonomi") == load_template(src)


def test_import_refuses_bad_files_and_clashes(library: TemplateLibrary, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.kplt"
    bad.write_text('{"kind": "kupang-layout-template", "schema": 1, "template": {"name": ""}}')
    with pytest.raises(DocumentFormatError, match=r"rusak\.kplt: name: must not be empty"):
        library.import_file(bad)
    assert not library.user_dir.exists() or list(library.user_dir.iterdir()) == []
    clash = tmp_path / "utama.kplt"
    save_template(make_template("Halaman Utama"), clash)
    with pytest.raises(TemplateLibraryError, match="built-in template of this name exists"):
        library.import_file(clash)
    info = library.import_file(clash, name="Halaman Utama (Minggu)")
    assert info.name == "Halaman Utama (Minggu)"
    with pytest.raises(TemplateLibraryError, match="user template of this name exists"):
        library.import_file(clash, name="Halaman Utama (Minggu)")
    changed = make_template("Halaman Utama (Minggu)", "baru")
    save_template(changed, clash)
    again = library.import_file(clash, replace=True)
    assert again.path == info.path
    assert library.get("Halaman Utama (Minggu)").description == "baru"


def test_export_rename_delete(library: TemplateLibrary, tmp_path: Path) -> None:
    out = tmp_path / "ekspor" / "olahraga.kplt"
    out.parent.mkdir()
    library.export("Olahraga", out)
    assert load_template(out) == library.get("Olahraga")

    src = tmp_path / "a.kplt"
    save_template(make_template("Opini"), src)
    library.import_file(src)
    with pytest.raises(TemplateLibraryError, match="exists already"):
        library.rename("Opini", "Olahraga")
    info = library.rename("Opini", "Opini & Surat Pembaca")
    names = [i.name for i in library.list()]
    assert "Opini" not in names and "Opini & Surat Pembaca" in names
    assert load_template(info.path).name == "Opini & Surat Pembaca"
    assert len(list(library.user_dir.glob("*.kplt"))) == 1

    with pytest.raises(TemplateLibraryError, match="built-in"):
        library.rename("Olahraga", "Sport")
    with pytest.raises(TemplateLibraryError, match="built-in"):
        library.delete("Olahraga")
    with pytest.raises(TemplateLibraryError, match="no template"):
        library.delete("Tidak Ada")
    library.delete("Opini & Surat Pembaca")
    assert [i.source for i in library.list()] == ["builtin", "builtin"]


def test_get_returns_a_copy(library: TemplateLibrary) -> None:
    t = library.get("Olahraga")
    t.frames.clear()
    assert library.get("Olahraga").frames


def test_broken_files_are_left_out_and_reported(library: TemplateLibrary) -> None:
    library.user_dir.mkdir(parents=True)
    (library.user_dir / "rusak.kplt").write_text("{ tidak json")
    assert [i.name for i in library.list()] == ["Halaman Utama", "Olahraga"]
    assert len(library.problems) == 1
    assert "rusak.kplt" in str(library.problems[0]) and "not valid JSON" in str(library.problems[0])


def test_file_names_are_safe(library: TemplateLibrary, tmp_path: Path) -> None:
    src = tmp_path / "x.kplt"
    save_template(make_template("../../Halaman: 1/2 *"), src)
    info = library.import_file(src)
    assert info.path.parent == library.user_dir
    assert library.get("../../Halaman: 1/2 *").name == "../../Halaman: 1/2 *"


def test_default_folders() -> None:
    lib = TemplateLibrary()
    assert lib.builtin_dir == resource_path("templates")
    assert lib.user_dir == Path(platformdirs.user_data_dir("kupang-layout")) / "templates"
    lib.list()  # works whether or not the folders exist yet
