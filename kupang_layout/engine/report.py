"""Engine stage: the typesetting quality report of a laid-out story."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kupang_layout.engine.flow import FlowResult


@dataclass(frozen=True)
class QualityReport:
    """Figures a compositor looks at: looseness, hyphens, widows, orphans, column depths."""

    story_id: str
    lines: int
    justified_lines: int
    ratio_mean: float
    ratio_max: float
    lines_ratio_above_1: int
    lines_ratio_above_2: int
    word_ratio_max: float
    lines_word_ratio_above_2: int
    hyphenated_lines: int
    longest_hyphen_run: int
    widows: int
    orphans: int
    column_depth_spread: int
    overset_lines: int
    overset_words: int
    lines_available: int
    overfull_lines: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def copyfit(self) -> str:
        """'+N lines over', 'N lines short' or 'fits'."""
        if self.overset_lines:
            return f"+{self.overset_lines} lines over"
        short = self.lines_available - self.lines
        return f"{short} lines short" if short > 0 else "fits"


def quality_report(story_id: str, flow: FlowResult) -> QualityReport:
    """Measure a flowed story.

    `ratio_*` are the Knuth–Plass adjustment ratios r over each line's whole
    flexibility (word spaces and the letter-spacing range), as the breaker
    judges lines; `word_ratio_*` are the ratios the word spaces alone were set
    to, which are higher where letter-spacing helped.
    """
    ratios: list[float] = []
    word_ratios: list[float] = []
    hyphenated = 0
    run = longest = 0
    overfull = 0
    prev_para = -1
    for pl in flow.placed:
        line = pl.line
        if line.justified:
            ratios.append(line.ratio)
            word_ratios.append(line.word_ratio)
        if line.overfull:
            overfull += 1
        if pl.paragraph != prev_para:
            run = 0
            prev_para = pl.paragraph
        if line.hyphenated:
            hyphenated += 1
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    depths: dict[tuple[str, int], int] = {}
    for pl in flow.placed:
        key = (pl.column.frame.id, pl.column.index)
        depths[key] = depths.get(key, 0) + 1
    spread = 0
    by_frame: dict[str, list[int]] = {}
    for (fid, _), n in depths.items():
        by_frame.setdefault(fid, []).append(n)
    for c in flow.columns:
        if c.frame.id in by_frame and (c.frame.id, c.index) not in depths:
            by_frame[c.frame.id].append(0)
    for counts in by_frame.values():
        if len(counts) > 1:
            spread = max(spread, max(counts) - min(counts))
    return QualityReport(
        story_id=story_id,
        lines=len(flow.placed),
        justified_lines=len(ratios),
        ratio_mean=sum(ratios) / len(ratios) if ratios else 0.0,
        ratio_max=max(ratios) if ratios else 0.0,
        lines_ratio_above_1=sum(1 for r in ratios if r > 1.0),
        lines_ratio_above_2=sum(1 for r in ratios if r > 2.0),
        word_ratio_max=max(word_ratios) if word_ratios else 0.0,
        lines_word_ratio_above_2=sum(1 for r in word_ratios if r > 2.0),
        hyphenated_lines=hyphenated,
        longest_hyphen_run=longest,
        widows=flow.widows,
        orphans=flow.orphans,
        column_depth_spread=spread,
        overset_lines=flow.overset_lines,
        overset_words=flow.overset_words,
        lines_available=flow.lines_available,
        overfull_lines=overfull,
    )
