"""Engine stage: text variables ({{folio}}, {{page}}, ...) filled from the edition."""

from __future__ import annotations

import datetime as _dt
import re

DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

_VAR = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def format_date_id(iso: str) -> str:
    """'2024-10-14' -> 'Senin, 14 Oktober 2024'; anything unparsable is returned as is."""
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{DAYS_ID[d.weekday()]}, {d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def folio_text(paper: str, edition: str, page: int, iso_date: str) -> str:
    """The folio line: 'KUPANG TIMES | Edisi 612 | Halaman 3 | Senin, 14 Oktober 2024'."""
    parts = [paper.upper()]
    if edition:
        parts.append(f"Edisi {edition}")
    parts.append(f"Halaman {page}")
    if iso_date:
        parts.append(format_date_id(iso_date))
    return " | ".join(parts)


def substitute(text: str, values: dict[str, str]) -> str:
    """Replace {{name}} with its value; unknown names are left as typed."""
    if "{{" not in text:
        return text
    return _VAR.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def page_values(paper: str, edition: str, page: int, iso_date: str) -> dict[str, str]:
    """The variables a page offers."""
    return {
        "paper": paper,
        "paper_upper": paper.upper(),
        "edition": edition,
        "page": str(page),
        "date": format_date_id(iso_date),
        "folio": folio_text(paper, edition, page, iso_date),
    }
