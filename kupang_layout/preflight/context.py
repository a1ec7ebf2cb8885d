"""Preflight stage: what the document rules of one page share (edition, page, settings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import AnyFrame
from kupang_layout.model.page import Page
from kupang_layout.preflight.issues import Issue, PreflightSettings, Severity


@dataclass
class PageContext:
    """One page being checked; `issue()` makes an Issue that points at a frame of it."""

    edition: Edition
    page: Page
    settings: PreflightSettings
    frames: dict[str, AnyFrame] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.frames:
            self.frames = {f.id: f for f in self.page.frames}

    def frame(self, frame_id: str) -> AnyFrame | None:
        return self.frames.get(frame_id)

    def issue(
        self, severity: Severity, rule: str, frame: AnyFrame | str | None = None, **params: Any
    ) -> Issue:
        if isinstance(frame, str):
            frame = self.frames.get(frame) or None
        return Issue(
            severity=severity,
            rule=rule,
            page=self.page.number,
            frame_id=frame.id if frame is not None else "",
            frame=frame.name if frame is not None else "",
            role=(frame.role or "") if frame is not None else "",
            kind=frame.kind if frame is not None else "",
            params=params,
        )
