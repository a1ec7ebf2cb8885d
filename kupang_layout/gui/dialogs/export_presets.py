"""GUI stage: the export presets the app offers (built-in and the desk's own), and which one.

`preset_summary` says in a line what a preset makes (the Export dialog shows it).
"""

from __future__ import annotations

from pathlib import Path

from kupang_layout.gui.base.i18n import tr
from kupang_layout.gui.base.settings import app_settings, user_presets_path
from kupang_layout.render.pdf.errors import PresetError
from kupang_layout.render.pdf.presets import (
    DEFAULT_PRESET,
    ExportPreset,
    get_preset,
    load_presets,
)

__all__ = ["available_presets", "offered_name", "offered_preset", "preset_summary"]

CTX = "Export"  # the Export dialog's translations


def available_presets() -> tuple[dict[str, tuple[ExportPreset, Path | None]], str]:
    """Built-in presets and the desk's own (name -> preset, its file); a problem text."""
    out: dict[str, tuple[ExportPreset, Path | None]] = {
        name: (p, None) for name, p in load_presets().items()
    }
    problem = ""
    user = user_presets_path()
    if user.is_file():
        try:
            for name, p in load_presets(user).items():
                out.setdefault(name, (p, user))
        except PresetError as exc:
            problem = str(exc)
    return out, problem


def offered_name(presets: dict[str, tuple[ExportPreset, Path | None]]) -> str | None:
    """The preset the export dialog opens with: the one last chosen, else the first."""
    wanted = app_settings().export_value("preset", DEFAULT_PRESET)
    return wanted if wanted in presets else next(iter(presets), None)


def offered_preset() -> ExportPreset:
    """The preset an export from the app would use now (what the dialog offers)."""
    presets, _problem = available_presets()
    name = offered_name(presets)
    return presets[name][0] if name is not None else get_preset()


def preset_summary(preset: ExportPreset) -> str:
    """What `preset` makes, in a line: PDF/X or proof, crop marks, image and ink limits."""
    kind = tr(CTX, "PDF/X-1a for the plant") if preset.pdfx else tr(CTX, "proof, not PDF/X")
    marks = tr(CTX, ", crop marks") if preset.marks else ""
    ghostscript = preset.ink_check == "ghostscript"
    return tr(CTX, "%1%2; images up to %3 ppi; total ink %4 %").replace("%1", kind).replace(
        "%2", marks
    ).replace("%3", f"{preset.max_ppi:g}").replace("%4", f"{preset.tac:g}") + (
        tr(CTX, "; ink measured by Ghostscript on every page") if ghostscript else ""
    )
