"""The package's import graph (grimp): no import circles, the GUI one way, the app never
imports the command line, the editing operations Qt-free.

Two graphs are built. The run-time graph leaves out imports under `if TYPE_CHECKING:`
(they are never executed); it must have no circle anywhere in the package. The full
graph counts them too, because an annotation naming a module is still a dependency on
it: in `gui/` and `editing/` even those must run one way (the engine's breaker keeps
a typing-only back reference between its own modules, which the compiled engine
needs; it is outside these packages).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Set

import grimp
import pytest

PACKAGE = "kupang_layout"
GUI = f"{PACKAGE}.gui"
EDITING = f"{PACKAGE}.editing"
# The GUI's packages from the bottom up: each may import only those before it.
GUI_LAYERS = ("base", "canvas", "panels", "dialogs", "shell")


@pytest.fixture(scope="module")
def runtime_graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=True)


@pytest.fixture(scope="module")
def full_graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=False)


def circles(graph: grimp.ImportGraph, modules: Set[str]) -> list[list[str]]:
    """Every import circle among `modules`, each as a path `a -> b -> ... -> a`.

    Tarjan's strongly connected components; for each component with more than one
    module (or a module importing itself) the shortest circle through its first module
    is reported, so the message names real imports to change.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def edges(module: str) -> Iterable[str]:
        return sorted(m for m in graph.find_modules_directly_imported_by(module) if m in modules)

    for root in sorted(modules):  # iterative, so a deep graph cannot overflow the stack
        if root in index:
            continue
        work: list[tuple[str, Iterable[str]]] = []
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work.append((root, iter(edges(root))))
        while work:
            node, children = work[-1]
            child = next(iter(children), None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.find_modules_directly_imported_by(node):
                    components.append(sorted(component))
    return [_shortest_circle(graph, component) for component in components]


def _shortest_circle(graph: grimp.ImportGraph, component: list[str]) -> list[str]:
    """The shortest circle through the component's first module (breadth first)."""
    members = set(component)
    start = component[0]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for module in frontier:
            for nxt in sorted(graph.find_modules_directly_imported_by(module)):
                if nxt not in members:
                    continue
                if nxt == start:
                    path = [module]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if nxt not in previous:
                    previous[nxt] = module
                    following.append(nxt)
        frontier = following
    return component  # pragma: no cover - a component always holds a circle


def _under(graph: grimp.ImportGraph, package: str) -> set[str]:
    return {m for m in graph.modules if m == package or m.startswith(package + ".")}


def _describe(found: list[list[str]]) -> str:
    return "\n".join(" -> ".join(c) for c in found)


def test_no_import_circle_anywhere_in_the_package(runtime_graph: grimp.ImportGraph) -> None:
    found = circles(runtime_graph, set(runtime_graph.modules))
    assert not found, "import circles:\n" + _describe(found)


def test_no_import_circle_in_the_gui_and_editing_even_through_annotations(
    full_graph: grimp.ImportGraph,
) -> None:
    modules = _under(full_graph, GUI) | _under(full_graph, EDITING)
    found = circles(full_graph, modules)
    assert not found, "import circles (TYPE_CHECKING imports counted):\n" + _describe(found)


def test_the_circle_finder_reports_a_circle() -> None:
    """The check above can fail: a small graph with a circle is found and named."""
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c", "p.d"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    graph.add_import(importer="p.c", imported="p.d")
    assert circles(graph, set(graph.modules)) == [["p.a", "p.b", "p.c", "p.a"]]


def test_nothing_under_gui_imports_the_command_line(full_graph: grimp.ImportGraph) -> None:
    direct = sorted(
        f"{importer} -> {imported}"
        for importer in _under(full_graph, GUI)
        for imported in full_graph.find_modules_directly_imported_by(importer)
        if imported == f"{PACKAGE}.cli" or imported.startswith(f"{PACKAGE}.cli.")
    )
    assert not direct, "gui imports cli:\n" + "\n".join(direct)
    chain = full_graph.find_shortest_chain(
        importer=GUI, imported=f"{PACKAGE}.cli", as_packages=True
    )
    assert chain is None, "gui reaches cli through " + " -> ".join(chain or ())


@pytest.mark.parametrize("lower_index", range(len(GUI_LAYERS) - 1))
def test_the_gui_packages_import_one_way(full_graph: grimp.ImportGraph, lower_index: int) -> None:
    """base <- canvas <- panels <- dialogs <- shell: a package never imports one above it
    (annotations counted), so the shell imports the parts and no part the shell."""
    lower = f"{GUI}.{GUI_LAYERS[lower_index]}"
    wrong = []
    for higher_name in GUI_LAYERS[lower_index + 1 :]:
        higher = f"{GUI}.{higher_name}"
        chain = full_graph.find_shortest_chain(importer=lower, imported=higher, as_packages=True)
        if chain is not None:
            wrong.append(" -> ".join(chain))
    assert not wrong, f"{lower} imports a package above it:\n" + "\n".join(wrong)


def test_every_gui_module_lives_in_a_feature_package(runtime_graph: grimp.ImportGraph) -> None:
    loose = sorted(
        m for m in _under(runtime_graph, GUI) if m != GUI and m.split(".")[2] not in GUI_LAYERS
    )
    assert not loose, f"modules outside {GUI_LAYERS}: {loose}"


def test_editing_imports_nothing_of_the_gui(full_graph: grimp.ImportGraph) -> None:
    chain = full_graph.find_shortest_chain(importer=EDITING, imported=GUI, as_packages=True)
    assert chain is None, " -> ".join(chain or ())


def test_the_editing_operations_load_without_qt() -> None:
    """A fresh interpreter imports every editing module: PySide6 is never loaded."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import kupang_layout.editing as e\n"
        "for m in pkgutil.iter_modules(e.__path__):\n"
        "    importlib.import_module('kupang_layout.editing.' + m.name)\n"
        "import kupang_layout.common.recent\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
