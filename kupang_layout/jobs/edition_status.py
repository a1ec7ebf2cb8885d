"""Jobs stage: the status of a shared edition: the plan's rows, exact about changes since sending.

`desk_plan.rows_for_shared` judges "changed since it was sent" by the page file's
time (cheap on a share). Here every page that looks changed is laid out and its
content fingerprint compared with the one sent, so a page saved without a change
still reads *terkirim*. Rows also come as plain dicts for `--json`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from kupang_layout.jobs.desk_plan import PlanRow, rows_for_shared
from kupang_layout.model.plan import PageState
from kupang_layout.model.units import to_mm
from kupang_layout.storage.edition_folder import SharedEdition, load_page_file

__all__ = ["row_to_dict", "status_rows"]


def _still_same(shared: SharedEdition, row: PlanRow) -> bool:
    """Whether a page that looks changed after sending has in fact the content sent."""
    from kupang_layout.jobs.fingerprint import page_fingerprint
    from kupang_layout.render.pdf.presets import get_preset

    sent = shared.plan.last_delivery(row.number)
    if sent is None or not row.file_key:
        return False
    edition = load_page_file(shared, row.file_key)
    return page_fingerprint(edition, row.number, get_preset()) == sent.content


def status_rows(shared: SharedEdition, *, exact: bool = True) -> list[PlanRow]:
    """One row per planned or made page, with its state and its file's lock holder."""
    rows = rows_for_shared(shared)
    if not exact:
        return rows
    out: list[PlanRow] = []
    for row in rows:
        if row.state is PageState.CHANGED and _still_same(shared, row):
            row = dataclasses.replace(row, state=PageState.SENT)
        out.append(row)
    return out


def row_to_dict(row: PlanRow, shared: SharedEdition) -> dict[str, Any]:
    """A row as JSON: the plan's facts, the state key, the lock and the last delivery."""
    lock = None
    if row.lock is not None:
        h = row.lock.holder
        lock = {"user": h.user, "host": h.host, "since": h.since, "stale": row.lock.stale}
    sent = shared.plan.last_delivery(row.number)
    entry = shared.plan.entry(row.number)
    return {
        "page": row.number,
        "section": row.section,
        "template": row.template,
        "assignee": row.assignee,
        "state": row.state.value,
        "detail": row.detail,
        "exists": row.exists,
        "file": row.file_key if row.exists else None,
        "ready_by": entry.ready_by,
        "ready_at": entry.ready_at,
        "lock": lock,
        "ads": [
            {
                "id": a.id,
                "advertiser": a.advertiser,
                "size": a.size,
                "columns": a.columns,
                "depth_mm": round(to_mm(a.depth), 1),
                "file": bool(a.asset),
            }
            for a in row.ads
        ],
        "last_delivery": None
        if sent is None
        else {"file": sent.file, "sha256": sent.sha256, "time": sent.time, "by": sent.by},
    }
