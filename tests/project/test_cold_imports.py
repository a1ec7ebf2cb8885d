"""What each command imports: only what it uses (issue 13, cold start).

Every command runs in a fresh interpreter through a tiny wrapper that writes
`sys.modules` when the command ends. No command of the command line loads Qt or a
module of the app (`gui/`); with the user caches warm, none imports fontTools or
pyphen; and each leaves out the packages it does not need (the exporter's process
pool for `render`, the PDF renderer and pikepdf for `preflight` without --pdf, the
engine for `import --no-fit`; the fitted import lays the page out, with no renderer).
Loading an edition imports neither Pillow nor the file lock, and `export` of a page
without photos leaves out what it never does: take a lock, log an error, undo, start
the process pool.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import BaselineGrid, Margins, Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.units import mm
from kupang_layout.storage import save_edition

REPO = Path(__file__).resolve().parents[2]
MANUSCRIPT = REPO / "resources" / "samples" / "manuscripts" / "02-halaman-2-hutan-mutis.txt"

_WRAPPER = """
import json, sys
out = sys.argv[1]
sys.argv = ["kupang-layout", *sys.argv[2:]]
from kupang_layout.cli.main import main
try:
    code = main()
finally:
    with open(out, "w", encoding="utf-8") as stream:
        json.dump(sorted(sys.modules), stream)
sys.exit(code)
"""

#: Never loaded by a command of the command line (the app is `kupang-layout gui`).
NO_APP = ("PySide6", "shiboken6", "kupang_layout.gui", "kupang_layout.render.qt")
#: Read only to fill the user caches (hyphenation patterns, font metrics).
CACHED = ("fontTools", "pyphen")


def one_page_edition(path: Path) -> Path:
    ed = Edition(number="612", date="2024-10-14")
    page = Page(
        id="p1",
        number=1,
        width=mm(280),
        height=mm(430),
        margins=Margins(mm(20), mm(15), mm(12), mm(12)),
        baseline=BaselineGrid(11.0, 0.0),
    )
    page.frames.append(
        TextFrame(
            id="body",
            rect=Rect(mm(12), mm(60), mm(153), mm(200)),
            story_id="s",
            columns=3,
            gutter=mm(4.5),
            role="body",
        )
    )
    ed.pages.append(page)
    text = "Warga Fatumnasi menanam bibit ampupu demi mata air di kaki Gunung Mutis. " * 4
    ed.stories["s"] = Story(id="s", paragraphs=[Paragraph.plain("Body", text)] * 6)
    save_edition(ed, path)
    return path


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("cold")
    env = dict(os.environ)
    env.update(
        XDG_CACHE_HOME=str(work / "cache"),
        XDG_DATA_HOME=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    env.pop("QT_QPA_PLATFORM", None)
    (work / "wrapper.py").write_text(_WRAPPER, encoding="utf-8")
    one_page_edition(work / "edition.kpl")
    loaded(work, env, "export", "edition.kpl", "--out", "warm")  # fills the user caches
    return work, env


def run_python(work: Path, env: dict[str, str], *args: str) -> str:
    """Run a fresh interpreter with ARGS in `work`; its standard output (it must succeed)."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def loaded(work: Path, env: dict[str, str], *args: str) -> set[str]:
    """The modules loaded by `kupang-layout ARGS` in a fresh interpreter."""
    out = work / "modules.json"
    out.unlink(missing_ok=True)
    run_python(work, env, str(work / "wrapper.py"), str(out), *args)
    return set(json.loads(out.read_text(encoding="utf-8")))


def present(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in packages))


@pytest.fixture(scope="module")
def export_modules(workspace: tuple[Path, dict[str, str]]) -> set[str]:
    return loaded(*workspace, "export", "edition.kpl", "--out", "pdf")


@pytest.fixture(scope="module")
def preflight_modules(workspace: tuple[Path, dict[str, str]]) -> set[str]:
    return loaded(*workspace, "preflight", "edition.kpl")


def test_export_loads_no_app_and_no_cached_reader(export_modules: set[str]) -> None:
    assert present(export_modules, NO_APP + CACHED) == []
    assert "kupang_layout.render.pdf.exporter" in export_modules  # the wrapper saw the work


def test_export_loads_no_manuscript_module(export_modules: set[str]) -> None:
    assert present(export_modules, ("kupang_layout.manuscript",)) == []


#: What `export` of a one-page edition without photos never uses: the file lock (only a
#: save takes it), the log file's handler (only an error is logged), the undoable
#: commands and history of the package `kupang_layout.model` (lazy), the picture
#: intake and template files of the package `kupang_layout.storage` (lazy), and the
#: process pool's lifeline and module (a one-page export is drawn in this process),
#: `uuid` (new ids are random bytes), uharfbuzz's native library, which ReportLab
#: imports for text shaping the exporter never asks for (deferred by `render.pdf`), and
#: the look for compiled engine modules that only `--version` prints.
EXPORT_UNNEEDED = (
    "filelock",
    "logging.handlers",
    "kupang_layout.model.commands_pages",
    "kupang_layout.model.history",
    "kupang_layout.storage.ingest",
    "kupang_layout.storage.library",
    "kupang_layout.storage.template_file",
    "kupang_layout.jobs.export_lifeline",
    "concurrent.futures.process",
    "uuid",
    "uharfbuzz._harfbuzz",
    "kupang_layout.engine.native",
)


def test_one_page_export_loads_no_lock_log_handler_undo_or_pool(
    export_modules: set[str],
) -> None:
    assert present(export_modules, EXPORT_UNNEEDED) == []


_LOAD_ONLY = """
import json, sys
from kupang_layout.cli.open_edition import open_edition
open_edition(sys.argv[1])
json.dump(sorted(sys.modules), sys.stdout)
"""


def test_loading_an_edition_loads_no_picture_decoder_lock_or_undo(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    """What every command does first (`open_edition`): no Pillow for a page without
    photos (the renderer imports it when it draws one), no lock, no undoable commands."""
    work, env = workspace
    modules = set(json.loads(run_python(work, env, "-c", _LOAD_ONLY, str(work / "edition.kpl"))))
    unneeded = ("PIL", "kupang_layout.imaging.decode", *EXPORT_UNNEEDED)
    assert present(modules, NO_APP + CACHED + unneeded) == []
    assert "kupang_layout.storage.edition_file" in modules  # the edition was loaded


def test_render_pdf_loads_neither_the_export_pool_nor_preflight(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    modules = loaded(*workspace, "render", "edition.kpl", "--backend", "pdf", "--png", "p.png")
    unneeded = (
        "kupang_layout.manuscript",
        "kupang_layout.preflight",
        "kupang_layout.render.pdf.edition_export",
        "concurrent.futures.process",
    )
    assert present(modules, NO_APP + CACHED + unneeded) == []


def test_preflight_loads_no_renderer(preflight_modules: set[str]) -> None:
    unneeded = ("kupang_layout.render", "reportlab", "pikepdf", "kupang_layout.jobs")
    assert present(preflight_modules, NO_APP + CACHED + unneeded) == []


def test_preflight_loads_no_manuscript_module(preflight_modules: set[str]) -> None:
    assert present(preflight_modules, ("kupang_layout.manuscript",)) == []


def test_import_loads_neither_engine_nor_renderers(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    work, env = workspace
    modules = loaded(
        work,
        env,
        "import",
        str(MANUSCRIPT),
        "--template",
        "berita-satu",
        "-o",
        "imp.kpl",
        "--no-fit",
    )
    unneeded = (
        "kupang_layout.engine.layout",
        "kupang_layout.preflight",
        "kupang_layout.render",
        "reportlab",
        "pikepdf",
    )
    assert present(modules, NO_APP + CACHED + unneeded) == []


def test_fitted_import_loads_the_engine_but_no_renderer(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    """Copyfit (issue 16) lays the page out to measure it: the engine, never a renderer."""
    work, env = workspace
    modules = loaded(
        work, env, "import", str(MANUSCRIPT), "--template", "berita-satu", "-o", "fit.kpl"
    )
    unneeded = ("kupang_layout.preflight", "kupang_layout.render", "reportlab", "pikepdf")
    assert present(modules, NO_APP + unneeded) == []
    assert "kupang_layout.editing.copyfit" in modules


# -- the lazy packages ------------------------------------------------------------------

LAZY_PACKAGES = (
    "kupang_layout.render.pdf",
    "kupang_layout.preflight",
    "kupang_layout.storage",
    "kupang_layout.model",
    "kupang_layout.imaging",
)


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_lazy_name_resolves_to_its_module(package: str) -> None:
    import importlib

    module = importlib.import_module(package)
    exports: dict[str, str] = module._EXPORTS
    assert sorted(exports) == sorted(module.__all__)
    for name in module.__all__:
        value = getattr(module, name)
        source, _, attribute = exports[name].partition(":")
        defining = importlib.import_module(package + source if source[0] == "." else source)
        assert value is getattr(defining, attribute or name), name
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_lazy_tables_and_typing_imports_agree(package: str) -> None:
    """The `if TYPE_CHECKING:` imports (read by mypy and PyInstaller) name the same modules."""
    import ast
    import importlib

    module = importlib.import_module(package)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module
                for alias in stmt.names:
                    typed[alias.asname or alias.name] = stmt.module
    table = {
        name: (package + where.split(":")[0] if where.startswith(".") else where.split(":")[0])
        for name, where in module._EXPORTS.items()
    }
    assert typed == table
