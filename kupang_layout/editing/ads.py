"""Editing stage: placing a booked advertisement on its page (the locked ad frame and its file).

An ad comes from the advertising department as a PDF (usually PDF/X-1a) or a
JPEG/TIFF. `take_ad_file` takes the bytes in through storage's door (the same as
photos; a PDF is checked as a PDF), `place_ad` gives one undoable step that adds
the booking's locked ad frame on its page when it has none, places the file
into it with the fit mode `fit` (never cropped, never stretched) and records the
file in the booking. Whether the file fits its booking is preflight's to say
(`preflight/doc_ads.py`): nothing is scaled or cropped silently.
"""

from __future__ import annotations

import dataclasses

from kupang_layout.model.ads import ad_frame, booking_of
from kupang_layout.model.assets import Asset
from kupang_layout.model.command import Command, CommandError, CompositeCommand
from kupang_layout.model.commands_frames import AddFrame, PlaceImage, RemoveFrame
from kupang_layout.model.commands_plan import BookAd, CancelAd
from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import ImageFrame
from kupang_layout.model.ids import new_id
from kupang_layout.model.plan import AdBooking
from kupang_layout.storage.ingest import add_asset

__all__ = ["ad_frame_of", "cancel_ad", "place_ad", "take_ad_file"]


def _booking(edition: Edition, booking_id: str) -> AdBooking:
    booking = edition.plan.ads.get(booking_id)
    if booking is None:
        raise CommandError(f"no ad booking {booking_id!r}")
    return booking


def ad_frame_of(edition: Edition, booking_id: str) -> ImageFrame | None:
    """The ad frame that shows a booking, on whatever page it is."""
    for page in edition.pages:
        for frame in page.frames:
            if booking_of(frame) == booking_id and isinstance(frame, ImageFrame):
                return frame
    return None


def take_ad_file(edition: Edition, data: bytes, name: str) -> Asset:
    """Take an ad file's bytes in (PDF, JPEG, PNG or TIFF), checked whole at the door.

    Raises storage's ImageFileError naming the file. The asset is registered in the
    edition by `place_ad`'s command (undoable), as a photo's is by PlaceImage.
    """
    return add_asset(edition, data, name, allow_pdf=True)


def place_ad(edition: Edition, booking_id: str, asset: Asset | None = None) -> Command:
    """One undo step: the booking's ad frame on its page (added, locked, at the booked size
    in the bottom right of the type area, when the page has none) with `asset` placed in
    it (fit mode 'fit'), and the booking pointing at the file.

    Without `asset`, the booking's own file (if the edition has it) is placed. Raises
    CommandError when the booking is unknown or its page is not made yet.
    """
    booking = _booking(edition, booking_id)
    page = edition.page_by_number(booking.page)
    if page is None:
        raise CommandError(f"page {booking.page} of ad {booking_id!r} is not made yet")
    if asset is None and booking.asset is not None:
        asset = edition.assets.get(booking.asset)
    commands: list[Command] = []
    frame = ad_frame_of(edition, booking_id)
    if frame is None:
        frame = ad_frame(page, dataclasses.replace(booking, asset=None), new_id("ad"))
        commands.append(AddFrame(page.id, frame))
    if asset is not None:
        commands.append(PlaceImage(frame.id, asset, fit="fit"))
        if booking.asset != asset.sha256:
            commands.append(BookAd(dataclasses.replace(booking, asset=asset.sha256)))
    if not commands:
        raise CommandError(f"ad {booking_id!r} is placed already and has no file to place")
    return CompositeCommand("place ad", commands)


def cancel_ad(edition: Edition, booking_id: str) -> Command:
    """One undo step: the booking removed with its ad frame (if it has one)."""
    _booking(edition, booking_id)
    commands: list[Command] = []
    frame = ad_frame_of(edition, booking_id)
    if frame is not None:
        commands.append(RemoveFrame(frame.id))
    commands.append(CancelAd(booking_id))
    return CompositeCommand("cancel ad", commands)
