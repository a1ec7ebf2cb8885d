"""GUI shell: triggers the export pool's photo warm-up when an edition opens or a photo is placed.

The work is Qt-free (`jobs/photo_warmup.py`); here only a timer: a few seconds
after an edition opens, and after the edition changes (a photo placed, moved or
resized), the placed photos are listed at the export preset the desk last chose
(or the default) and handed to the warm-up, which prepares them in the idle
export pool. Another edition opened drops what is queued for the last one.
Problems are logged only: the export reports them as before.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kupang_layout.gui.base.session import EditionSession
from kupang_layout.gui.dialogs.export_presets import offered_preset
from kupang_layout.jobs.export_pool import shared_pool
from kupang_layout.jobs.photo_warmup import PhotoWarmup, photos_to_warm
from kupang_layout.model.edition import Edition
from kupang_layout.render.pdf.errors import PresetError
from kupang_layout.render.pdf.presets import ExportPreset

__all__ = ["OPEN_DELAY_MS", "PLACED_DELAY_MS", "PhotoWarmupTrigger", "install_photo_warmup"]

log = logging.getLogger(__name__)

#: After an edition opens (the app's export pool starts 1.5 s after the app).
OPEN_DELAY_MS = 2000
#: After the last change to the edition (a photo placed; typing only restarts it).
PLACED_DELAY_MS = 3000


def warm_preset() -> ExportPreset:
    """The preset the export dialog would offer: the one last chosen, else the first."""
    return offered_preset()


class PhotoWarmupTrigger(QObject):
    """Hands the open edition's placed photos to the warm-up after a quiet moment."""

    def __init__(self, doc: EditionSession, warmup: PhotoWarmup | None = None) -> None:
        super().__init__()
        self.doc = doc
        self.warmup = warmup if warmup is not None else PhotoWarmup(shared_pool())
        self._edition: Edition | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.warm)
        doc.changed.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        if self.doc.edition is not self._edition:  # another edition: the old one's queue goes
            self._edition = self.doc.edition
            self.warmup.clear()
            self.timer.start(OPEN_DELAY_MS)
        elif not self.timer.isActive() or self.timer.remainingTime() < PLACED_DELAY_MS:
            self.timer.start(PLACED_DELAY_MS)

    def warm(self) -> None:
        """List the placed photos now and queue those not handed over yet."""
        edition = self.doc.edition
        try:
            photos = photos_to_warm(edition, warm_preset())
        except (PresetError, OSError, ValueError) as exc:
            log.info("photo warm-up not started: %s", exc)
            return
        if photos:
            self.warmup.add(photos, edition.asset_source.read)

    def finish(self) -> None:
        """The window closes: the warm-up ends (the photo in the pool finishes)."""
        self.timer.stop()
        self.warmup.close(wait=False)


def install_photo_warmup(doc: EditionSession) -> PhotoWarmupTrigger:
    return PhotoWarmupTrigger(doc)
