"""PDF render stage: joining page PDFs into one proof file (the export itself is `jobs.export`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pikepdf
from pikepdf import Name, String

from kupang_layout.common.atomic import copy_file_atomically
from kupang_layout.common.runtemp import temp_dir
from kupang_layout.render.pdf.errors import PdfExportError
from kupang_layout.render.pdf.pdfx import CREATOR, PRODUCER, pdf_date

__all__ = ["merge_proof", "proof_filename"]


def proof_filename(paper: str, number: str) -> str:
    """'KupangTimes_612_proof.pdf'."""
    paper = "".join(paper.split()) or "Paper"
    number = "".join(ch for ch in number if ch.isalnum() or ch in "-_") or "0"
    return f"{paper}_{number}_proof.pdf"


def merge_proof(pdfs: Sequence[Path], out: Path, title: str) -> Path:
    """Join page PDFs into one proof file (not PDF/X: no output intent, never for the plant).

    pikepdf saves into this run's temporary folder (its own temporary file stays there);
    the atomic writer then puts the proof in place. PdfExportError when it cannot.
    """
    sources: list[pikepdf.Pdf] = []
    try:
        with temp_dir("kupang-proof-") as folder, pikepdf.new() as merged:
            for path in pdfs:
                source = pikepdf.open(path)
                sources.append(source)
                merged.pages.extend(source.pages)
            stamp = pdf_date(datetime.now())
            merged.docinfo[Name.Title] = String(title)
            merged.docinfo[Name.Creator] = String(CREATOR)
            merged.docinfo[Name.Producer] = String(PRODUCER)
            merged.docinfo[Name.CreationDate] = String(stamp)
            merged.docinfo[Name.ModDate] = String(stamp)
            staged = folder / "proof.pdf"
            merged.save(staged, object_stream_mode=pikepdf.ObjectStreamMode.disable)
            copy_file_atomically(staged, out)
    except (pikepdf.PdfError, OSError) as exc:
        raise PdfExportError(f"cannot write the proof {out}: {exc}") from exc
    finally:
        for source in sources:
            source.close()
    return out
