"""GUI stage: the template gallery's details: name, note, size, columns, slot groups, source."""

from __future__ import annotations

from kupang_layout.gui.base.i18n import tr
from kupang_layout.model import PageTemplate
from kupang_layout.model.units import to_mm
from kupang_layout.storage import TemplateInfo

CTX = "TemplateGallery"


def details_html(info: TemplateInfo, t: PageTemplate) -> str:
    """The details beside the gallery's list, as rich text in the interface's language."""
    slots = sorted({f.slot for f in t.frames if f.role and f.slot != "page"})
    size = f"{to_mm(t.width):.0f} × {to_mm(t.height):.0f} mm"
    lines = [
        f"<b>{_escape(info.name)}</b>",
        _escape(info.description),
        "",
        tr(CTX, "Size: %1").replace("%1", size),
        tr(CTX, "Columns: %1").replace("%1", str(t.columns.count)),
        tr(CTX, "Slot groups: %1").replace("%1", ", ".join(slots) or "—"),
        tr(CTX, "Source: %1").replace(
            "%1", tr(CTX, "built-in") if info.source == "builtin" else str(info.path)
        ),
    ]
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
