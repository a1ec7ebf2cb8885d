"""Engine stage: a plain-text trace of a display list, for golden tests."""

from __future__ import annotations

from kupang_layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Ink,
    Item,
    Marker,
    PageDisplayList,
    RuleItem,
    TextRun,
)


def _n(v: float) -> str:
    s = f"{v:.2f}"
    return "0.00" if s == "-0.00" else s


def _ink(ink: Ink | None) -> str:
    if ink is None:
        return "none"
    op = "+op" if ink.overprint else ""
    return f"{ink.name}({_n(ink.c)},{_n(ink.m)},{_n(ink.y)},{_n(ink.k)}){op}"


def trace_item(item: Item) -> str:
    """One line describing an item; numbers rounded to 0.01 pt."""
    if isinstance(item, TextRun):
        words = " ".join(f"{_n(w.x)}:{w.text}" for w in item.words)
        hz = f"hz={_n(item.h_scale * 100.0)} " if item.h_scale != 1.0 else ""
        return (
            f"text {item.face} {_n(item.size)} {_ink(item.ink)} y={_n(item.y)} "
            f"ls={_n(item.letter_spacing)} {hz}p{item.paragraph}.l{item.line} | {words}"
        )
    if isinstance(item, RuleItem):
        return (
            f"rule ({_n(item.x1)},{_n(item.y1)})-({_n(item.x2)},{_n(item.y2)}) "
            f"w={_n(item.weight)} {_ink(item.ink)}"
        )
    if isinstance(item, BoxItem):
        return (
            f"box {_n(item.x)},{_n(item.y)} {_n(item.width)}x{_n(item.height)} "
            f"fill={_ink(item.fill)} stroke={_ink(item.stroke)} sw={_n(item.stroke_weight)}"
        )
    if isinstance(item, ImageItem):
        return (
            f"image {item.asset[:12]} clip={_n(item.clip_x)},{_n(item.clip_y)} "
            f"{_n(item.clip_width)}x{_n(item.clip_height)} img={_n(item.img_x)},"
            f"{_n(item.img_y)} {_n(item.img_width)}x{_n(item.img_height)} "
            f"px={item.width_px}x{item.height_px}"
        )
    if isinstance(item, Marker):
        return (
            f"marker {item.kind} {_n(item.x)},{_n(item.y)} {_n(item.width)}x{_n(item.height)}"
            f" {item.label}".rstrip()
        )
    raise TypeError(f"unknown display item {type(item).__name__}")


def trace(display_list: PageDisplayList, include_markers: bool = False) -> str:
    """The whole page, one item per line, with a header line."""
    lines = [
        f"page {display_list.number} {_n(display_list.width)}x{_n(display_list.height)} "
        f"bleed={_n(display_list.bleed)}"
    ]
    for item in display_list.items:
        if isinstance(item, Marker) and not include_markers:
            continue
        lines.append(trace_item(item))
    return "\n".join(lines) + "\n"
