"""GUI stage: the flat plan of a shared edition folder: edition.json changed with `update_plan`.

The plan is re-read on every refresh (other desks change it); thumbnails are
laid out from the page files, again only when a file's time or size changed.
Pages of a shared edition are not renumbered here: that would rename page files
other desks have open (docs/DECISIONS.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from kupang_layout.editing.page_ops import blank_page
from kupang_layout.engine.layout import LayoutEngine
from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.panels.thumbnails import paint_thumbnail
from kupang_layout.jobs.desk_plan import PlanRow, rows_for_shared
from kupang_layout.model import Edition, instantiate
from kupang_layout.model.page import Page
from kupang_layout.storage import StorageError, TemplateLibrary, checkout
from kupang_layout.storage.edition_folder import (
    EDITION_FILE,
    SharedEdition,
    load_page_file,
    read_shared_edition,
    update_plan,
)

CTX = "SharedEdition"


def file_stamp(path: Path) -> tuple[int, int] | None:
    """A file's modification time and size (None when it is not there)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def folder_signature(folder: Path) -> tuple[object, ...]:
    """What changes when any desk saves a page, changes the plan or takes a lock."""
    out: list[object] = [file_stamp(folder / EDITION_FILE)]
    for sub in ("pages", checkout.LOCKS):
        with contextlib.suppress(OSError):
            for name in sorted(os.listdir(folder / sub)):
                if not name.startswith("."):
                    out.append((sub, name, file_stamp(folder / sub / name)))
    return tuple(out)


def new_page_edition(shared: SharedEdition, number: int, library: TemplateLibrary) -> Edition:
    """A page not made yet, as an edition of its own: from its planned template, else blank."""
    edition = Edition(paper=shared.paper, number=shared.number, date=shared.date)
    edition.plan = shared.plan
    entry = shared.plan.entry(number)
    page: Page | None = None
    if entry.template:
        with contextlib.suppress(KeyError, StorageError):
            template = library.get(entry.template)
            page, stories = instantiate(template, number)
            edition.paragraph_styles.update(template.paragraph_styles)
            edition.character_styles.update(template.character_styles)
            for s in stories:
                edition.stories[s.id] = s
            page.template = entry.template
    if page is None:
        page = blank_page(None)
        page.number = number
    edition.pages.append(page)
    return edition


class SharedPlan:
    """The plan backend of a shared edition folder (see `flat_plan.PlanBackend`)."""

    def __init__(
        self,
        folder: Path,
        window: QWidget,
        open_page: Callable[[int], object],
        library: Callable[[], TemplateLibrary],
        desk_name: Callable[[], str],
    ) -> None:
        self.folder = folder
        self.window = window
        self._open_page = open_page
        self.library = library
        self._desk_name = desk_name
        self.shared: SharedEdition = read_shared_edition(folder)
        self._thumbs: dict[int, tuple[tuple[int, int], QImage | None]] = {}
        self._geometry: dict[int, Page] = {}
        self.engine = LayoutEngine()

    def rows(self) -> list[PlanRow]:
        with contextlib.suppress(StorageError):  # mid-write on a slow share: keep the last one
            self.shared = read_shared_edition(self.folder)
        return rows_for_shared(self.shared)

    def thumbnail(self, row: PlanRow, width: int) -> QImage | None:
        stamp = file_stamp(self.shared.page_file(row.file_key))
        if stamp is None:
            return None
        got = self._thumbs.get(row.number)
        if got is not None and got[0] == stamp:
            return got[1]
        image: QImage | None = None
        try:
            edition = load_page_file(self.shared, row.file_key)
            page = edition.page_by_number(row.number)
            if page is not None:
                self._geometry[row.number] = page
                dl = self.engine.layout_page(edition, page)
                image = paint_thumbnail(dl, edition.asset_source, width)
        except StorageError:
            image = None  # being written, or damaged: the plan shows the page without a picture
        self._thumbs[row.number] = (stamp, image)
        return image

    def page_geometry(self, number: int) -> Page | None:
        return self._geometry.get(number)

    def page_count(self) -> int:
        return self.shared.plan.page_count

    def _update(self, change: Callable[[SharedEdition], None]) -> None:
        self.shared = update_plan(self.folder, change, user=self.desk_name())

    def set_page_count(self, count: int) -> None:
        def change(shared: SharedEdition) -> None:
            shared.plan.page_count = count

        self._update(change)

    def set_entry(self, number: int, label: str, **changes: object) -> None:
        def change(shared: SharedEdition) -> None:
            plan = shared.plan
            plan.entries[number] = dataclasses.replace(plan.entry(number), **changes)  # type: ignore[arg-type]

        self._update(change)

    def renumber(self) -> None:
        """Renumbering a shared folder would rename page files under other desks' feet."""
        QMessageBox.information(
            self.window,
            "Kupang Layout",
            tr(
                CTX,
                "Pages of a shared edition are renumbered in one file: pack the edition, "
                "renumber it, and unpack it again when nobody is working on it.",
            ),
        )

    def open_page(self, number: int) -> None:
        self._open_page(number)

    def templates(self) -> list[str]:
        return [t.name for t in self.library().list()]

    def desk_name(self) -> str:
        return self._desk_name()
