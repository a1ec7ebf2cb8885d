"""The engine's frozen records whose __init__ is written out (for mypyc) match their fields."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from types import ModuleType

import pytest

from kupang_layout import engine
from kupang_layout.engine import compose_items, displaylist, flow, linebreak_items, lines

# (module, class): frozen dataclasses with a hand-written __init__ (see
# `lines.ComposedLine.__init__` for why).
WRITTEN_OUT = [
    (lines, "Fragment"),
    (lines, "ComposedLine"),
    (lines, "ComposedParagraph"),
    (linebreak_items, "Line"),
    (linebreak_items, "Box"),
    (linebreak_items, "Glue"),
    (linebreak_items, "Penalty"),
    (linebreak_items, "BreakResult"),
    (compose_items, "Segment"),
    (flow, "Column"),
    (flow, "PlacedLine"),
    (displaylist, "Ink"),
    (displaylist, "PlacedWord"),
    (displaylist, "TextRun"),
]


def _class_node(module: ModuleType, name: str) -> ast.ClassDef:
    # The module's source (a compiled module's file is its extension).
    path = Path(engine.__file__).parent / (module.__name__.rsplit(".", 1)[-1] + ".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)


def _default(node: ast.expr | None) -> str | None:
    """A field's default as source (``field(default=X)`` is X)."""
    if node is None:
        return None
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "field":
        return next(ast.unparse(k.value) for k in node.keywords if k.arg == "default")
    return ast.unparse(node)


@pytest.mark.parametrize(("module", "name"), WRITTEN_OUT, ids=[n for _, n in WRITTEN_OUT])
def test_written_out_init_matches_the_fields(module: ModuleType, name: str) -> None:
    cls = _class_node(module, name)
    fields = [
        (s.target.id, ast.unparse(s.annotation), _default(s.value))
        for s in cls.body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    ]
    init = next(f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__")
    args = init.args.args[1:]
    defaults: list[ast.expr | None] = [None] * (len(args) - len(init.args.defaults))
    defaults += init.args.defaults
    params = [
        (a.arg, ast.unparse(a.annotation) if a.annotation else "", _default(d))
        for a, d in zip(args, defaults, strict=True)
    ]
    assert params == fields
    sets = [
        ast.unparse(s.value)
        for s in init.body
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call)
    ]
    assert sets == [f"object.__setattr__(self, '{n}', {n})" for n, _, _ in fields]


def test_records_stay_frozen_and_compare_by_value() -> None:
    line = lines.ComposedLine((), 0.0, 100.0, 8.0, 2.0, 0.0, 0.0, True, False, 5)
    assert line == lines.ComposedLine((), 0.0, 100.0, 8.0, 2.0, 0.0, 0.0, True, False, 5)
    assert hash(line) == hash(
        lines.ComposedLine((), 0.0, 100.0, 8.0, 2.0, 0.0, 0.0, True, False, 5)
    )
    assert line.overfull is False and line.break_item == -1
    with pytest.raises(AttributeError):  # dataclasses.FrozenInstanceError
        line.width = 1.0  # type: ignore[misc]


def test_piece_init_takes_its_fields_in_order() -> None:
    # Piece is not frozen: its written-out __init__ sets the fields directly.
    piece = compose_items.Piece(2, "kata", (1.0, 2.0), 7)
    assert [f.name for f in dataclasses.fields(piece)] == ["seg", "text", "advances", "word"]
    assert (piece.seg, piece.text, piece.advances, piece.word) == (2, "kata", (1.0, 2.0), 7)
    assert piece == compose_items.Piece(2, "kata", (1.0, 2.0), 7)
