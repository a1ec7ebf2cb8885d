"""Jobs stage: the export manifest beside the page PDFs (what each file was made from).

`export-manifest.json` in the output folder maps each page file's name to the
page's content fingerprint, the file's SHA-256, size and modification time, the
PDF check's findings, how the page's total ink was verified and the renderer's
warnings. A page whose fingerprint is unchanged and whose file is still the one
recorded (same size and modification time, a regular file) is not exported again;
a manifest written by another version of the program counts as none (its drawing
may differ). The file is written atomically; a damaged or foreign one is ignored
(all is exported again).
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kupang_layout import __version__
from kupang_layout.common.atomic import write_text_atomically
from kupang_layout.jobs.export_types import InkVerdict
from kupang_layout.preflight.issues import Issue

__all__ = ["MANIFEST_NAME", "ManifestEntry", "load_manifest", "save_manifest"]

MANIFEST_NAME = "export-manifest.json"
_FORMAT = "kupang-layout-export-manifest"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    page: int
    fingerprint: str
    sha256: str
    size: int
    mtime_ns: int
    pdf_issues: tuple[Issue, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())
    ink: InkVerdict | None = None  # how the page's total ink was verified

    def matches(self, path: Path) -> bool:
        """Whether `path` is still the file recorded (a regular file, same size and time)."""
        try:
            st = os.lstat(path)
        except OSError:
            return False
        return (
            stat.S_ISREG(st.st_mode)
            and st.st_size == self.size
            and (st.st_mtime_ns == self.mtime_ns)
        )


def _issue(data: dict[str, Any]) -> Issue:
    return Issue(
        severity=data["severity"],
        rule=str(data["rule"]),
        page=data.get("page"),
        params=dict(data.get("params") or {}),
        file=str(data.get("file", "")),
        pdf_page=data.get("pdf_page"),
    )


def load_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """File name -> entry; empty when there is none or it cannot be read."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        if (data.get("format"), data.get("version")) != (_FORMAT, _VERSION):
            return {}
        if data.get("program") != __version__:
            return {}
        out: dict[str, ManifestEntry] = {}
        for name, e in data["pages"].items():
            out[str(name)] = ManifestEntry(
                page=int(e["page"]),
                fingerprint=str(e["fingerprint"]),
                sha256=str(e["sha256"]),
                size=int(e["size"]),
                mtime_ns=int(e["mtime_ns"]),
                pdf_issues=tuple(_issue(i) for i in e.get("pdf_issues", [])),
                warnings=tuple(str(w) for w in e.get("warnings", [])),
                ink=_verdict(e.get("ink")),
            )
        return out
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _verdict(data: object) -> InkVerdict | None:
    if not isinstance(data, dict) or data.get("way") not in ("proof", "ghostscript", "unchecked"):
        return None
    total, maximum = data.get("total"), data.get("maximum")
    return InkVerdict(
        data["way"],
        float(total) if isinstance(total, int | float) else None,
        float(maximum) if isinstance(maximum, int | float) else None,
        str(data.get("why", "")),
    )


def _issue_data(issue: Issue) -> dict[str, Any]:
    d = asdict(issue)
    return {k: d[k] for k in ("severity", "rule", "page", "params", "file", "pdf_page")}


def save_manifest(folder: Path, entries: dict[str, ManifestEntry]) -> Path:
    """Write the manifest atomically. Raises FileWriteError."""
    pages = {
        name: {
            "page": e.page,
            "fingerprint": e.fingerprint,
            "sha256": e.sha256,
            "size": e.size,
            "mtime_ns": e.mtime_ns,
            "pdf_issues": [_issue_data(i) for i in e.pdf_issues],
            "warnings": list(e.warnings),
            "ink": e.ink.to_dict() if e.ink is not None else None,
        }
        for name, e in sorted(entries.items())
    }
    text = json.dumps(
        {"format": _FORMAT, "version": _VERSION, "program": __version__, "pages": pages},
        ensure_ascii=False,
        indent=1,
        default=str,
    )
    return write_text_atomically(folder / MANIFEST_NAME, text)
