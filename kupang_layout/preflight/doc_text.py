"""Preflight stage: document rules on the text of a page's display list.

Overset, text beyond the trim or the margins, rich black in small type, overprint
on inks that must not overprint, and faces the registry does not bundle.
"""

from __future__ import annotations

from dataclasses import dataclass

from kupang_layout.engine.compose_rules import PROTRUDE_LEFT, PROTRUDE_RIGHT
from kupang_layout.engine.displaylist import (
    BoxItem,
    Ink,
    Marker,
    PageDisplayList,
    RuleItem,
    TextRun,
)
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.fonts.errors import FontError
from kupang_layout.fonts.metrics import metrics_for_key
from kupang_layout.fonts.registry import FontRegistry
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.units import mm, to_mm
from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.issues import Issue

#: Frames whose text stands in the margins by design (page furniture).
MARGIN_ROLES = ("folio", "masthead")
#: Cap height and descender as a share of the size when a face has no metrics.
FALLBACK_CAP = 0.7
FALLBACK_DESCENT = 0.25


def overset_rules(ctx: PageContext, dl: PageDisplayList, engine: LayoutEngine) -> list[Issue]:
    """Overset text, with the lines and words left over (reported on the chain's last frame)."""
    out: list[Issue] = []
    for item in dl.items:
        if not isinstance(item, Marker) or item.kind != "overset":
            continue
        frame = ctx.frame(item.frame_id)
        if not isinstance(frame, TextFrame) or frame.story_id is None or not frame.printable:
            continue
        flow = engine.layout_story(ctx.edition, frame.story_id).flow
        if flow.overset_lines <= 0:
            continue
        out.append(
            ctx.issue("error", "overset", frame, lines=flow.overset_lines, words=flow.overset_words)
        )
    return out


@dataclass
class _Extent:
    """The ink box of a frame's text: left, top, right, bottom in page points."""

    left: float
    top: float
    right: float
    bottom: float

    def grow(self, other: _Extent) -> None:
        self.left = min(self.left, other.left)
        self.top = min(self.top, other.top)
        self.right = max(self.right, other.right)
        self.bottom = max(self.bottom, other.bottom)


class _Vertical:
    """Cap height and descender depth per face, in em (cached)."""

    def __init__(self, registry: FontRegistry) -> None:
        self.registry = registry
        self._cache: dict[str, tuple[float, float]] = {}

    def __call__(self, face: str) -> tuple[float, float]:
        got = self._cache.get(face)
        if got is None:
            try:
                m = metrics_for_key(face, self.registry)
                upm = float(m.units_per_em)
                got = (m.cap_height / upm, abs(m.descender) / upm)
            except FontError:
                got = (FALLBACK_CAP, FALLBACK_DESCENT)
            self._cache[face] = got
        return got


def _run_extent(run: TextRun, vertical: _Vertical) -> _Extent | None:
    """The run's ink box across and cap height to descender down. Punctuation that hangs
    into the margin by optical margin alignment (the engine's protrusion table) does not
    count as text outside the margin, as in InDesign: only the letters do."""
    if not run.words:
        return None
    cap, descent = vertical(run.face)
    first = min(run.words, key=lambda w: w.x)
    last = max(run.words, key=lambda w: w.x + w.width)
    left = first.x
    if first.text and first.advances:
        left += PROTRUDE_LEFT.get(first.text[0], 0.0) * first.advances[0]
    right = last.x + last.width
    if last.text and last.advances:
        right -= PROTRUDE_RIGHT.get(last.text[-1], 0.0) * last.advances[-1]
    return _Extent(left, run.y - cap * run.size, right, run.y + descent * run.size)


def position_rules(ctx: PageContext, dl: PageDisplayList, registry: FontRegistry) -> list[Issue]:
    """Text crossing the trim (error), too near it or outside the margins (warnings).

    The text's extent is the words' advances across and cap height to descender
    down, one extent per frame; each frame gets at most one issue, the worst.
    """
    vertical = _Vertical(registry)
    extents: dict[str, _Extent] = {}
    for run in dl.text_runs():
        ext = _run_extent(run, vertical)
        if ext is None:
            continue
        if run.frame_id in extents:
            extents[run.frame_id].grow(ext)
        else:
            extents[run.frame_id] = ext
    s = ctx.settings
    w, h = ctx.page.width, ctx.page.height
    safe = ctx.page.content_rect
    out: list[Issue] = []
    for frame_id, e in extents.items():
        beyond_trim = max(-e.left, -e.top, e.right - w, e.bottom - h)
        if beyond_trim > 0.01:
            out.append(
                ctx.issue("error", "text-trim", frame_id, distance=round(to_mm(beyond_trim), 2))
            )
            continue
        nearest = min(e.left, e.top, w - e.right, h - e.bottom)
        if nearest < mm(s.trim_safety_mm):
            out.append(
                ctx.issue(
                    "warning",
                    "text-near-trim",
                    frame_id,
                    distance=round(to_mm(nearest), 2),
                    limit=s.trim_safety_mm,
                )
            )
            continue
        frame = ctx.frame(frame_id)
        if frame is not None and frame.role in MARGIN_ROLES:
            continue
        outside = max(safe.x - e.left, safe.y - e.top, e.right - safe.right, e.bottom - safe.bottom)
        if outside > mm(s.margin_tolerance_mm):
            out.append(
                ctx.issue("warning", "text-margin", frame_id, distance=round(to_mm(outside), 2))
            )
    return out


def _ink_params(ink: Ink) -> dict[str, float | str]:
    return {"swatch": ink.name, "c": ink.c, "m": ink.m, "y": ink.y, "k": ink.k}


def rich_black_rules(ctx: PageContext, dl: PageDisplayList) -> list[Issue]:
    """Rich black (K >= 90 with any C, M or Y) on text smaller than the limit."""
    smallest: dict[tuple[str, str], tuple[float, Ink]] = {}
    limit = ctx.settings.rich_black_max_pt
    for run in dl.text_runs():
        ink = run.ink
        if ink.k >= 90 and (ink.c > 0 or ink.m > 0 or ink.y > 0) and run.size < limit:
            key = (run.frame_id, ink.name)
            if key not in smallest or run.size < smallest[key][0]:
                smallest[key] = (run.size, ink)
    return [
        ctx.issue(
            "warning", "rich-black-text", frame_id, size=size, limit=limit, **_ink_params(ink)
        )
        for (frame_id, _), (size, ink) in smallest.items()
    ]


def _is_pure_black(ink: Ink) -> bool:
    return ink.c == 0 and ink.m == 0 and ink.y == 0 and ink.k >= 100


def overprint_rules(ctx: PageContext, dl: PageDisplayList) -> list[Issue]:
    """Paper-white set to overprint (vanishes), or any ink but 100 % K set to overprint."""
    out: list[Issue] = []
    seen: set[tuple[str, str]] = set()
    for item in dl.printing():
        inks: list[Ink | None] = []
        if isinstance(item, TextRun | RuleItem):
            inks.append(item.ink)
        elif isinstance(item, BoxItem):
            inks.extend((item.fill, item.stroke))
        for ink in inks:
            if ink is None or not ink.overprint or _is_pure_black(ink):
                continue
            key = (item.frame_id, ink.name)
            if key in seen:
                continue
            seen.add(key)
            if ink.total <= 0:
                out.append(ctx.issue("error", "overprint-paper", item.frame_id, swatch=ink.name))
            else:
                out.append(ctx.issue("warning", "overprint-colour", item.frame_id, swatch=ink.name))
    return out


def run_font_rules(
    ctx: PageContext, dl: PageDisplayList, registry: FontRegistry, already: set[str]
) -> list[Issue]:
    """A run set in a face the registry does not have (the PDF could not embed it)."""
    out: list[Issue] = []
    for run in dl.text_runs():
        if run.face in already:
            continue
        try:
            registry.lookup_key(run.face)
        except FontError:
            already.add(run.face)
            out.append(
                ctx.issue(
                    "error",
                    "font-missing",
                    run.frame_id,
                    font=run.face,
                    families=", ".join(registry.families()),
                )
            )
    return out
