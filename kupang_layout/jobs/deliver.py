"""Jobs stage: delivery to the printing plant ("Kirim ke percetakan") from a shared edition.

Every page the plan marks ready (*siap*) whose content changed since it was last
sent (`jobs.fingerprint`; a page never sent counts as changed) is laid out,
checked by the document rules, rendered with the print preset into this run's
temporary folder, checked as the plant reads a PDF, and only then copied
atomically into the plant's folder under the plant's file name
(``KupangTimes_537_02.pdf``). A page with a preflight error is held back (the
gate) and named; the others still go. Each page delivered is appended to the
plan's delivery log at once (page, file, the file's SHA-256, the content
fingerprint, time, who), so a delivery interrupted half-way logs what did go.

Each page goes through the one export service (`jobs.export.export_pages`: the
preflight gate, drawing, the plant's PDF rules) into the run's temporary folder;
this module adds what delivery is: the "changed since sent" test, the copy into
the plant's folder and the log.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kupang_layout.common.atomic import check_folder_writable, copy_file_atomically
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.errors import KupangError
from kupang_layout.fonts import FontError
from kupang_layout.jobs.export import export_pages
from kupang_layout.jobs.export_types import ExportOptions
from kupang_layout.jobs.fingerprint import page_fingerprint
from kupang_layout.model.edition import Edition
from kupang_layout.model.plan import Delivery
from kupang_layout.preflight.issues import Issue
from kupang_layout.render.pdf.presets import ExportPreset, get_preset
from kupang_layout.storage.edition_folder import (
    SharedEdition,
    file_of_page,
    load_page_file,
    read_shared_edition,
    update_plan,
)
from kupang_layout.storage.errors import StorageError

__all__ = ["DeliveryReport", "PageOutcome", "deliver", "due_pages"]

Progress = Callable[[int, str], None]
# Problems that belong to one page (as the exporter's); anything else is a bug and is raised.
_PAGE_ERRORS = (KupangError, StorageError, FontError, OSError, ValueError, KeyError)


@dataclass(frozen=True)
class PageOutcome:
    """What became of one ready page: 'sent', 'unchanged', 'missing' (no page file) or
    'refused' (preflight errors in `issues`, or `error` when it could not be made)."""

    number: int
    status: str
    file: str = ""
    sha256: str = ""
    issues: tuple[Issue, ...] = ()
    error: str = ""


@dataclass
class DeliveryReport:
    """A delivery run: the plant's folder and one outcome per ready page, in page order."""

    plant_dir: Path
    outcomes: list[PageOutcome] = field(default_factory=list)

    @property
    def sent(self) -> list[PageOutcome]:
        return [o for o in self.outcomes if o.status == "sent"]

    @property
    def refused(self) -> list[PageOutcome]:
        return [o for o in self.outcomes if o.status in ("refused", "missing")]


def due_pages(shared: SharedEdition) -> list[int]:
    """The pages the plan marks ready, in order."""
    return [n for n in shared.plan.numbers() if shared.plan.entry(n).ready]


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _export(
    edition: Edition, number: int, preset_name: str | None, work: Path
) -> tuple[Path | None, str, tuple[Issue, ...], str]:
    """The page through the export service into `work`: (file, content fingerprint,
    the errors that hold it back, the export's own error text)."""
    run = export_pages(
        edition,
        work,
        [number],
        ExportOptions(preset_name=preset_name, workers=1, reexport_all=True),
    )
    if run.refused:
        return None, "", tuple(i for i in run.issues if i.is_error), ""
    page = run.pages[0]
    held = tuple(i for i in page.pdf_issues if i.is_error)
    if page.path is None or not page.ok:
        return None, page.fingerprint, held, "; ".join(page.errors)
    return page.path, page.fingerprint, held, ""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def deliver(
    folder: str | os.PathLike[str],
    plant_dir: str | os.PathLike[str],
    *,
    user: str,
    preset_name: str | None = None,
    progress: Progress | None = None,
) -> DeliveryReport:
    """Send every ready page that changed since it was sent into `plant_dir`.

    Raises FileWriteError when the plant's folder cannot be written (before any work),
    StorageError for an unreadable edition; a page's own problems are its outcome.
    """
    shared = read_shared_edition(folder)
    plant = Path(os.path.abspath(plant_dir))
    check_folder_writable(plant)
    preset = get_preset(preset_name)
    report = DeliveryReport(plant)
    loaded: dict[str, Edition] = {}
    with temp_dir("deliver") as work:
        for number in due_pages(shared):
            key = file_of_page(shared, number)
            if key is None:
                report.outcomes.append(PageOutcome(number, "missing"))
                continue
            try:
                if key not in loaded:
                    loaded[key] = load_page_file(shared, key)
                edition = loaded[key]
                if edition.page_by_number(number) is None:
                    report.outcomes.append(PageOutcome(number, "missing"))
                    continue
                outcome = _deliver_page(shared, edition, number, preset, plant, work, user)
            except _PAGE_ERRORS as exc:  # a page's failure never stops the others
                outcome = PageOutcome(number, "refused", error=str(exc))
            report.outcomes.append(outcome)
            if progress is not None:
                progress(number, outcome.status)
    return report


def _deliver_page(
    shared: SharedEdition,
    edition: Edition,
    number: int,
    preset: ExportPreset,
    plant: Path,
    work: Path,
    user: str,
) -> PageOutcome:
    last = shared.plan.last_delivery(number)
    if last is not None and last.content == page_fingerprint(edition, number, preset):
        return PageOutcome(number, "unchanged", file=last.file, sha256=last.sha256)
    made, content, held, error = _export(edition, number, preset.name, work)
    if held or made is None:
        return PageOutcome(number, "refused", issues=held, error=error)
    sha = _sha256(made)
    target = copy_file_atomically(made, plant / made.name)
    delivery = Delivery(number, target.name, sha, content, _now(), user)

    def log(s: SharedEdition) -> None:
        s.plan.deliveries.append(delivery)

    update_plan(shared.folder, log, user=user)
    shared.plan.deliveries.append(delivery)
    return PageOutcome(number, "sent", file=target.name, sha256=sha)
