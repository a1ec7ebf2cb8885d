"""Command-line stage: finding a page template by library name or .kplt file, and describing it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kupang_layout.i18n import tr
from kupang_layout.manuscript.slot_plan import slot_roles
from kupang_layout.model.frames import Rule
from kupang_layout.model.template import PageTemplate
from kupang_layout.model.units import to_mm
from kupang_layout.storage import TemplateLibrary, TemplateLibraryError, load_template

__all__ = [
    "FoundTemplate",
    "TemplateNotFound",
    "describe_template",
    "find_template",
    "role_label",
    "source_label",
]


class TemplateNotFound(LookupError):
    """Neither a template of that name in the library nor a .kplt file."""

    def __init__(self, spec: str) -> None:
        super().__init__(spec)
        self.spec = spec


@dataclass(frozen=True)
class FoundTemplate:
    template: PageTemplate
    source: str  # "builtin", "user" or "file"
    path: Path


def find_template(spec: str, library: TemplateLibrary) -> FoundTemplate:
    """The template named `spec` in the library, else the .kplt file at `spec`.

    Raises TemplateNotFound, or StorageError when a named file cannot be read.
    """
    try:
        info = library.info(spec)
        return FoundTemplate(library.get(spec), info.source, info.path)
    except TemplateLibraryError:
        pass
    path = Path(spec)
    if path.suffix.lower() == ".kplt" or path.is_file():
        if not path.exists():
            raise TemplateNotFound(spec)
        return FoundTemplate(load_template(path), "file", path)
    raise TemplateNotFound(spec)


def role_label(role: str) -> str:
    """The desk's word for a slot role (Indonesian or English)."""
    label = tr(f"cli.role_{role}")
    return role if label == f"cli.role_{role}" else label


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def source_label(source: str) -> str:
    if source == "builtin":
        return tr("cli.template_builtin")
    if source == "user":
        return tr("cli.template_user")
    return source


def describe_template(found: FoundTemplate) -> list[str]:
    """Lines for `templates show`: geometry, grid and the slot groups with their roles."""
    t = found.template
    m = t.margins
    content = t.width - m.inside - m.outside
    n = max(1, t.columns.count)
    col = (content - (n - 1) * t.columns.gutter) / n
    rules = sum(1 for f in t.frames if isinstance(f, Rule))
    lines = [
        f"{t.name}: {t.description}" if t.description else t.name,
        tr("cli.template_source", source=source_label(found.source), path=found.path),
        tr(
            "cli.template_trim",
            width=_num(to_mm(t.width)),
            height=_num(to_mm(t.height)),
            bleed=_num(to_mm(t.bleed)),
        ),
        tr(
            "cli.template_margins",
            top=_num(to_mm(m.top)),
            bottom=_num(to_mm(m.bottom)),
            inside=_num(to_mm(m.inside)),
            outside=_num(to_mm(m.outside)),
        ),
        tr(
            "cli.template_grid",
            columns=n,
            width=_num(to_mm(col)),
            gutter=_num(to_mm(t.columns.gutter)),
            baseline=_num(t.baseline.leading),
        ),
        tr("cli.template_frames", frames=len(t.frames) - rules, rules=rules),
        tr("cli.template_slots"),
    ]
    for slot, roles in slot_roles(t.frames).items():
        lines.append(f"  {slot}: " + ", ".join(role_label(r) for r in roles))
    return lines
