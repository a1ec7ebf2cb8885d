"""Preflight stage: one problem found (severity, place, rule) and the thresholds of the rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from kupang_layout.preflight.texts import (
    frame_name,
    hint_text,
    kind_name,
    message_text,
    role_name,
    severity_label,
)

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class PreflightSettings:
    """Thresholds of the rules. The defaults are the printing plant's (see docs/PREFLIGHT.md)."""

    tac: float = 240.0  # total ink limit, percent
    min_ppi: float = 150.0  # an image below this effective resolution is refused
    good_ppi: float = 200.0  # below this it is printable but soft (warning)
    target_ppi: float = 300.0  # the export resolution: more than this is thrown away
    max_scale: float = 120.0  # enlargement over the image's own size, percent
    bleed_mm: float = 3.0  # bleed an object touching the trim must reach
    bleed_gap_mm: float = 2.0  # an edge this close inside the trim was meant to bleed
    margin_tolerance_mm: float = 0.5  # text may pass the margins by this much
    trim_safety_mm: float = 3.0  # text closer than this to the trim risks the knife
    rich_black_max_pt: float = 12.0  # rich black text smaller than this is a warning
    trim_tolerance_mm: float = 0.5  # a PDF's trim may differ from the page by this much
    ink_dpi: int = 72  # resolution at which a PDF's total ink is measured
    ink_percentile: float = 99.9  # the share of the page the ink limit must hold for


DEFAULT_SETTINGS = PreflightSettings()


@dataclass(frozen=True)
class Issue:
    """One problem. `rule` is a stable id that is also the message key; `params` fill it in.

    `page` is the edition's page number (None for the whole edition or file, or a
    PDF not matched to a page); `frame_id`, `frame` (the frame's name), `role`
    (its slot role) and `kind` (text, image, rule, box) point at the object; `file`
    names the PDF for the PDF rules and `pdf_page` the page inside it (1-based).
    """

    severity: Severity
    rule: str
    page: int | None = None
    frame_id: str = ""
    frame: str = ""
    role: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    file: str = ""
    pdf_page: int | None = None
    kind: str = ""

    def frame_label(self, lang: str | None = None) -> str:
        """The frame's name (a built-in slot's in the language), else its role in the
        language, else what it is ("text frame"); its id only when nothing is known."""
        return (
            frame_name(self.frame, lang)
            or role_name(self.role, lang)
            or kind_name(self.kind, lang)
            or self.frame_id
        )

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str | None = None) -> str:
        """The message in the current (or given) language."""
        return message_text(self.rule, lang, self.params)

    def hint(self, lang: str | None = None) -> str | None:
        """How to fix it, when the catalogue has a hint for the rule."""
        return hint_text(self.rule, lang, self.params)

    def severity_label(self, lang: str | None = None) -> str:
        return severity_label(self.severity, lang)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """A JSON-ready form with the message in the given language."""
        return {
            "severity": self.severity,
            "rule": self.rule,
            "page": self.page,
            "frame_id": self.frame_id or None,
            "frame": self.frame or None,
            "role": self.role or None,
            "kind": self.kind or None,
            "file": self.file or None,
            "pdf_page": self.pdf_page,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return str(value)


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """By page (edition-wide first), then file, severity (errors first), frame; stable."""
    return sorted(
        issues,
        key=lambda i: (
            -1 if i.page is None else i.page,
            i.file,
            _RANK[i.severity],
            i.frame_id,
        ),
    )


def count_by_severity(issues: Iterable[Issue]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for issue in issues:
        counts[issue.severity] += 1
    return counts


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.is_error for i in issues)
