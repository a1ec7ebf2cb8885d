"""PDF render stage: PDF/X-1a:2001 finishing with pikepdf (output intent, Info keys, PDF 1.3).

ReportLab writes the pages; it has no notion of an output intent. This adds the
GTS_PDFX output intent with the newsprint profile embedded, the Info keys PDF/X-1a
asks for, drops anything PDF/X-1a forbids that might have slipped in (XMP left over,
annotations), and saves as PDF 1.3 without object streams.

Streams are compressed at zlib level 1 (`FLATE_LEVEL`): about a third of the time of
ReportLab's level 6 for a page 2 % larger (docs/DECISIONS.md, "Layout, export and
typing speed"). ReportLab compresses its own streams (page content, font programs,
ToUnicode maps) with `FlateFilter`; finishing compresses any stream still plain (in an
attached ad).
"""

from __future__ import annotations

import functools
import io
import zlib
from dataclasses import dataclass
from datetime import datetime

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from kupang_layout import __version__
from kupang_layout.render.pdf.colour_convert import (
    NEWSPRINT_PROFILE,
    OUTPUT_CONDITION,
    newsprint_profile_bytes,
)
from kupang_layout.render.pdf.forms import attach_forms
from kupang_layout.resources import resource_path

__all__ = ["COMPRESSED_PROFILE", "DocumentInfo", "FlateFilter", "finish_pdf", "pdf_date"]

CREATOR = f"Kupang Layout {__version__}"
PRODUCER = f"Kupang Layout {__version__} (ReportLab, pikepdf)"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The Info dictionary's human parts and the export time."""

    title: str
    created: datetime
    subject: str = ""


def pdf_date(moment: datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+HH'mm' (local offset when the time is naive)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset()
    text = moment.strftime("D:%Y%m%d%H%M%S")
    if offset is None:
        return text
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    if minutes == 0:
        return text + "Z"
    return f"{text}{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def _set_info(pdf: pikepdf.Pdf, info: DocumentInfo, pdfx: bool) -> None:
    stamp = pdf_date(info.created)
    docinfo = pdf.docinfo
    for key in list(docinfo.keys()):
        del docinfo[key]
    docinfo[Name.Title] = String(info.title)
    if info.subject:
        docinfo[Name.Subject] = String(info.subject)
    docinfo[Name.Creator] = String(CREATOR)
    docinfo[Name.Producer] = String(PRODUCER)
    docinfo[Name.CreationDate] = String(stamp)
    docinfo[Name.ModDate] = String(stamp)
    if pdfx:
        docinfo[Name.Trapped] = Name("/False")
        docinfo[Name("/GTS_PDFXVersion")] = String("PDF/X-1:2001")
        docinfo[Name("/GTS_PDFXConformance")] = String("PDF/X-1a:2001")


#: The newsprint profile as a zlib stream (level 9), shipped beside it so that an export
#: process never compresses the 222 KB profile itself (tests/fonts/test_cold_caches.py checks it).
COMPRESSED_PROFILE = NEWSPRINT_PROFILE + ".zlib"


@functools.cache
def _compressed_profile() -> bytes:
    """The output profile's bytes compressed: the shipped copy when it decompresses to the
    profile exactly (about 1 ms), else compressed here."""
    profile = newsprint_profile_bytes()
    try:
        shipped = resource_path("icc", COMPRESSED_PROFILE).read_bytes()
        if zlib.decompress(shipped) == profile:
            return shipped
    except (OSError, zlib.error):
        pass  # missing or damaged: compress it here, as before
    return zlib.compress(profile, 9)


#: zlib level of the page PDFs' streams.
FLATE_LEVEL = 1


class FlateFilter:
    """A ReportLab stream filter (its `defaultStreamFilters`): Flate at FLATE_LEVEL."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf-8") if isinstance(text, str) else text
        return zlib.compress(data, FLATE_LEVEL)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


def _compress_plain_streams(pdf: pikepdf.Pdf) -> None:
    """Flate-compress every stream that has no filter yet (a plain stream of an attached
    ad, say); filtered ones stay as they are."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and Name.Filter not in obj.stream_dict:
            obj.write(zlib.compress(obj.read_raw_bytes(), FLATE_LEVEL), filter=Name.FlateDecode)


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    # Compressed once per process; the PDF is saved without recompressing any stream.
    profile = pikepdf.Stream(pdf, _compressed_profile())
    profile[Name.Filter] = Name.FlateDecode
    profile[Name.N] = 4
    profile[Name.Alternate] = Name.DeviceCMYK
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name("/GTS_PDFX"),
        OutputConditionIdentifier=String(OUTPUT_CONDITION.identifier),
        OutputCondition=String(OUTPUT_CONDITION.condition),
        RegistryName=String(OUTPUT_CONDITION.registry),
        Info=String(OUTPUT_CONDITION.info),
        DestOutputProfile=profile,
    )
    pdf.Root[Name.OutputIntents] = Array([pdf.make_indirect(intent)])


def finish_pdf(
    data: bytes, info: DocumentInfo, pdfx: bool, forms: dict[str, bytes] | None = None
) -> bytes:
    """Rewrite ReportLab's PDF: plain streams compressed, Info keys, and for PDF/X the
    output intent and version 1.3.

    `forms` (resource name -> ad PDF bytes) are attached as form XObjects to the pages
    that show them (`forms.attach_forms`), copied as they are."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if forms:
            attach_forms(pdf, forms)
        _set_info(pdf, info, pdfx)
        for key in (Name.Metadata, Name.OpenAction, Name.AcroForm):
            if key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            if Name.Annots in page.obj:
                del page.obj[Name.Annots]
        _compress_plain_streams(pdf)
        if pdfx:
            _add_output_intent(pdf)
        out = io.BytesIO()
        pdf.save(
            out,
            # PDF/X-1a:2001 is PDF 1.3; a proof keeps the version ReportLab wrote.
            force_version="1.3" if pdfx else pdf.pdf_version,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            # Every stream is compressed now (above, or the ICC profile and pictures
            # already): copy them as they are.
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            fix_metadata_version=False,
        )
    return out.getvalue()
