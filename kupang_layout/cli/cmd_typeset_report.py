"""Command-line stage: `kupang-layout typeset-report EDITION.kpl [--json]`."""

from __future__ import annotations

import argparse
import json

from kupang_layout.cli.open_edition import open_edition
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.engine.report import QualityReport, quality_report
from kupang_layout.i18n import tr


def reports_for(path: str) -> list[tuple[str, QualityReport]]:
    """(story label, report) for every story shown in the edition."""
    edition = open_edition(path)
    engine = LayoutEngine()
    out: list[tuple[str, QualityReport]] = []
    for sid in edition.stories:
        chain = edition.chain(sid)
        if not chain:
            continue
        layout = engine.layout_story(edition, sid)
        label = f"{chain[0].role or 'free'}:{chain[0].slot}"
        page = next((p.number for p in edition.pages if chain[0] in p.frames), 0)
        out.append((f"p{page} {label}", quality_report(sid, layout.flow)))
    return out


def copyfit_text(r: QualityReport) -> str:
    """The copyfit status in the user's language ('kurang 7 baris', 'pas')."""
    if r.overset_lines:
        return tr("cli.typeset_report.over", lines=r.overset_lines)
    short = r.lines_available - r.lines
    if short > 0:
        return tr("cli.typeset_report.short", lines=short)
    return tr("cli.typeset_report.fits")


def run(args: argparse.Namespace) -> int:
    reports = reports_for(args.edition)
    if args.json:
        data = [{"story": label, **r.to_dict(), "copyfit": r.copyfit} for label, r in reports]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(tr("cli.typeset_report.head"))
    for label, r in reports:
        if r.lines == 0 and r.overset_lines == 0:
            continue
        print(
            f"{label:<22} {r.lines:>5} {r.ratio_mean:>6.2f} {r.ratio_max:>6.2f} "
            f"{r.lines_ratio_above_1:>3} {r.lines_ratio_above_2:>3} {r.hyphenated_lines:>5} "
            f"{r.longest_hyphen_run:>3} {r.widows:>3} {r.orphans:>3} "
            f"{r.column_depth_spread:>3} {r.overset_lines:>4}  {copyfit_text(r)}"
        )
    return 0
