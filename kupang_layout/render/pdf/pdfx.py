"""PDF render stage: PDF/X-1a:2001 parts (output intent, Info keys) and ads attached.

ReportLab writes the pages as PDF 1.3 and has no notion of an output intent:
`prepare_document` gives its document the GTS_PDFX output intent with the newsprint
profile embedded and the Info keys PDF/X-1a asks for, as ReportLab objects, so the file
ReportLab saves is the finished page (it used to be opened and saved again with pikepdf:
1 ms a page warm, 3 ms cold). Only a page with ads in PDF goes through pikepdf
(`attach_ads`): their pages become form XObjects, and whatever PDF/X-1a forbids that an
ad brought (XMP, actions, annotations) is dropped.

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
from typing import Any

import pikepdf
from pikepdf import Name
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from kupang_layout import __version__
from kupang_layout.render.pdf.forms import attach_forms
from kupang_layout.render.pdf.output_profile import (
    NEWSPRINT_PROFILE,
    OUTPUT_CONDITION,
    newsprint_profile_bytes,
)
from kupang_layout.resources import resource_path

__all__ = [
    "COMPRESSED_PROFILE",
    "DocumentInfo",
    "FlateFilter",
    "attach_ads",
    "pdf_date",
    "prepare_document",
]

CREATOR = f"Kupang Layout {__version__}"
PRODUCER = f"Kupang Layout {__version__} (ReportLab, pikepdf)"  # pikepdf attaches ads


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


def _info_entries(info: DocumentInfo, pdfx: bool) -> dict[str, object]:
    """The Info dictionary: ours whole (ReportLab's Author and Keywords placeholders are
    not written), with the keys PDF/X-1a asks for."""
    stamp = pdf_date(info.created)
    entries: dict[str, object] = {"Title": PDFString(info.title)}
    if info.subject:
        entries["Subject"] = PDFString(info.subject)
    entries["Creator"] = PDFString(CREATOR)
    entries["Producer"] = PDFString(PRODUCER)
    entries["CreationDate"] = PDFString(stamp)
    entries["ModDate"] = PDFString(stamp)
    if pdfx:
        entries["Trapped"] = PDFName("False")
        entries["GTS_PDFXVersion"] = PDFString("PDF/X-1:2001")
        entries["GTS_PDFXConformance"] = PDFString("PDF/X-1a:2001")
    return entries


class _Info(PDFObject):  # type: ignore[misc]
    """The document's Info dictionary in place of ReportLab's `PDFInfo` (which writes
    fixed keys of its own); it feeds the file identifier the same way."""

    def __init__(self, entries: dict[str, object]) -> None:
        self.entries = entries
        self.invariant = False  # set by ReportLab when it saves

    def digest(self, md5object: Any) -> None:
        for value in self.entries.values():
            md5object.update(str(getattr(value, "s", value)).encode("utf-8"))

    def format(self, document: Any) -> bytes:
        return bytes(PDFDictionary(self.entries).format(document))


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


def prepare_document(canvas: Canvas, info: DocumentInfo, pdfx: bool) -> None:
    """Before ReportLab saves: the Info dictionary, and for PDF/X the GTS_PDFX output
    intent with the newsprint profile embedded (shipped compressed, written as it is).
    ReportLab writes PDF 1.3 (the canvas is made so) with every stream compressed."""
    doc = canvas._doc
    doc.info = _Info(_info_entries(info, pdfx))
    if not pdfx:
        return
    # PDF/X-1a:2001 is PDF 1.3. ReportLab raises the version to 1.4 when a colour with
    # an alpha is set, even an opaque one; no transparency is drawn (the painter sets no
    # alpha, and the plant's check and ours refuse a file with any).
    doc._pdfVersion = (1, 3)
    # A Filter in the dictionary tells ReportLab the content is encoded already.
    profile = PDFStream(
        PDFDictionary(
            {"N": 4, "Alternate": PDFName("DeviceCMYK"), "Filter": PDFName("FlateDecode")}
        ),
        _compressed_profile(),
    )
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFX"),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION.identifier),
            "OutputCondition": PDFString(OUTPUT_CONDITION.condition),
            "RegistryName": PDFString(OUTPUT_CONDITION.registry),
            "Info": PDFString(OUTPUT_CONDITION.info),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog = doc.Catalog
    catalog.OutputIntents = PDFArray([doc.Reference(intent)])
    # The catalogue writes the keys its class lists; this one has one more.
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]


def attach_ads(data: bytes, forms: dict[str, bytes], pdfx: bool) -> bytes:
    """ReportLab's PDF with the ads' PDFs (resource name -> bytes) attached as form
    XObjects to the pages that show them (`forms.attach_forms`), copied as they are;
    what an ad brought that PDF/X-1a forbids (XMP, actions, forms, annotations) is
    dropped, plain streams compressed, and the file saved as PDF 1.3 for PDF/X."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        attach_forms(pdf, forms)
        for key in (Name.Metadata, Name.OpenAction, Name.AcroForm):
            if key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            if Name.Annots in page.obj:
                del page.obj[Name.Annots]
        _compress_plain_streams(pdf)
        out = io.BytesIO()
        pdf.save(
            out,
            # PDF/X-1a:2001 is PDF 1.3; a proof keeps the version ReportLab wrote.
            force_version="1.3" if pdfx else pdf.pdf_version,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            # Every stream is compressed now (above, or by ReportLab): copy them as they are.
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            fix_metadata_version=False,
        )
    return out.getvalue()
