"""GUI stage: the flat plan's page states: their colours and the words for a state and a lock.

Every flat plan colours a page by its state (grey empty, blue in progress, green
ready, dark green sent, orange changed after sending) and names the state, who
works on the page and who holds its lock in the current language.
"""

from __future__ import annotations

from kupang_layout.gui.base.i18n import noop, tr
from kupang_layout.jobs.desk_plan import PlanRow, since_text
from kupang_layout.model.plan import PageState

CTX = "FlatPlan"

#: The state colours every flat plan uses (grey, blue, green, dark green, orange).
STATE_COLOURS: dict[PageState, str] = {
    PageState.EMPTY: "#8c8c8c",
    PageState.IN_PROGRESS: "#1f5fbf",
    PageState.READY: "#2e9d3a",
    PageState.SENT: "#17531f",
    PageState.CHANGED: "#e67700",
}
STATE_NAMES: dict[PageState, str] = {
    PageState.EMPTY: noop(CTX, "empty"),
    PageState.IN_PROGRESS: noop(CTX, "in progress"),
    PageState.READY: noop(CTX, "ready"),
    PageState.SENT: noop(CTX, "sent"),
    PageState.CHANGED: noop(CTX, "changed after sending"),
}
STALE_COLOUR = "#b00020"


def state_text(row: PlanRow) -> str:
    """'dikerjakan · Rina', 'terkirim 14.02', 'kosong' in the current language."""
    name = tr(CTX, STATE_NAMES[row.state])
    if row.state in (PageState.SENT, PageState.CHANGED) and row.detail:
        return f"{name} {since_text(row.detail)}"
    if row.detail:
        return f"{name} · {row.detail}"
    return name


def lock_text(row: PlanRow) -> str:
    """'Rina (PC-LAYOUT-2) sejak 14.02', marked stale when the lock is stale; '' if none."""
    if row.lock is None:
        return ""
    h = row.lock.holder
    text = (
        tr(CTX, "%1 (%2) since %3")
        .replace("%1", h.user)
        .replace("%2", h.host)
        .replace("%3", since_text(h.since))
    )
    if row.lock.stale:
        text = tr(CTX, "stale lock: %1").replace("%1", text)
    return text
