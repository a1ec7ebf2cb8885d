"""Storage stage: the template library: built-in templates and the user's own .kplt files."""

from __future__ import annotations

import builtins
import copy
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kupang_layout.common.userdirs import data_dir
from kupang_layout.model.template import PageTemplate
from kupang_layout.storage.archive import DEFAULT_LIMITS, Limits
from kupang_layout.storage.errors import StorageError, TemplateLibraryError
from kupang_layout.storage.template_file import load_template, save_template

__all__ = ["TemplateInfo", "TemplateLibrary", "default_builtin_dir", "default_user_dir"]

TemplateSource = Literal["builtin", "user"]
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{d}{i}" for d in ("COM", "LPT") for i in range(10)
}


@dataclass(frozen=True)
class TemplateInfo:
    """One template as the library lists it."""

    name: str
    description: str
    source: TemplateSource
    path: Path


def default_builtin_dir() -> Path:
    """resources/templates of the program (source tree or bundle)."""
    try:
        from kupang_layout.resources import resource_path
    except ImportError:  # pragma: no cover - resources.py is part of the program
        return Path(__file__).resolve().parents[2] / "resources" / "templates"
    return resource_path("templates")


def default_user_dir() -> Path:
    """The user's own templates, in the platform's per-user data folder."""
    return data_dir() / "templates"


def _slug(name: str) -> str:
    slug = re.sub(r"[^\w\- ]+", "_", name).strip(" ._")[:80] or "template"
    return slug + "_" if slug.upper() in _WINDOWS_RESERVED else slug


class TemplateLibrary:
    """Lists, reads, imports, exports, renames and deletes page templates.

    Template names are unique within the library: importing or renaming to a
    name in use is refused. Only user templates can be renamed or deleted.
    Files that cannot be read are left out of `list()` and reported in `problems`.
    """

    def __init__(
        self,
        builtin_dir: Path | None = None,
        user_dir: Path | None = None,
        *,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.builtin_dir = Path(builtin_dir) if builtin_dir is not None else default_builtin_dir()
        self.user_dir = Path(user_dir) if user_dir is not None else default_user_dir()
        self.limits = limits
        self.problems: builtins.list[StorageError] = []
        self._cache: dict[Path, tuple[tuple[int, int], PageTemplate]] = {}

    # -- reading ------------------------------------------------------------
    def _load(self, path: Path) -> PageTemplate:
        st = path.stat()
        key = (st.st_mtime_ns, st.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        template = load_template(path, limits=self.limits)
        self._cache[path] = (key, template)
        return template

    def _scan(
        self, folder: Path, source: TemplateSource
    ) -> builtins.list[tuple[TemplateInfo, PageTemplate]]:
        found: builtins.list[tuple[TemplateInfo, PageTemplate]] = []
        if not folder.is_dir():
            return found
        for path in sorted(folder.glob("*.kplt")):
            try:
                t = self._load(path)
            except StorageError as exc:
                self.problems.append(exc)
                continue
            except OSError as exc:
                self.problems.append(TemplateLibraryError(str(path), f"cannot read: {exc}"))
                continue
            found.append((TemplateInfo(t.name, t.description, source, path), t))
        return found

    def _all(self) -> builtins.list[tuple[TemplateInfo, PageTemplate]]:
        self.problems = []
        items = self._scan(self.builtin_dir, "builtin") + self._scan(self.user_dir, "user")
        return sorted(items, key=lambda it: (it[0].source != "builtin", it[0].name.casefold()))

    def list(self) -> builtins.list[TemplateInfo]:
        """Built-in templates first, then the user's, each sorted by name."""
        return [info for info, _ in self._all()]

    def _find(self, name: str) -> tuple[TemplateInfo, PageTemplate]:
        items = [it for it in self._all() if it[0].name == name]
        if not items:
            raise TemplateLibraryError(name, "no template of this name")
        items.sort(key=lambda it: it[0].source != "user")  # the user's own first
        return items[0]

    def get(self, name: str) -> PageTemplate:
        """The template called `name` (a user template before a built-in one); a copy."""
        return copy.deepcopy(self._find(name)[1])

    def info(self, name: str) -> TemplateInfo:
        return self._find(name)[0]

    # -- changing -----------------------------------------------------------
    def _user_path(self, name: str) -> Path:
        base = _slug(name)
        candidate = self.user_dir / f"{base}.kplt"
        n = 2
        while candidate.exists():
            candidate = self.user_dir / f"{base}-{n}.kplt"
            n += 1
        return candidate

    def _check_free(self, name: str, allow: Path | None = None) -> None:
        for info, _ in self._all():
            if info.name == name and info.path != allow:
                where = "a built-in" if info.source == "builtin" else "a user"
                raise TemplateLibraryError(name, f"{where} template of this name exists already")

    def _write_user(self, template: PageTemplate) -> TemplateInfo:
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TemplateLibraryError(
                str(self.user_dir), f"cannot create the folder: {exc}"
            ) from exc
        path = self._user_path(template.name)
        save_template(template, path, limits=self.limits)
        return TemplateInfo(template.name, template.description, "user", path)

    def import_file(
        self, path: str | os.PathLike[str], *, name: str | None = None, replace: bool = False
    ) -> TemplateInfo:
        """Check a .kplt and copy it into the user's templates (optionally renamed).

        With replace=True an existing user template of the same name is overwritten.
        """
        template = load_template(path, limits=self.limits)
        if name is not None:
            template.name = name
        old: TemplateInfo | None = None
        if replace:
            try:
                old = self.info(template.name)
            except TemplateLibraryError:
                old = None
            if old is not None and old.source != "user":
                old = None
        self._check_free(template.name, allow=old.path if old is not None else None)
        if old is not None:
            save_template(template, old.path, limits=self.limits)
            return TemplateInfo(template.name, template.description, "user", old.path)
        return self._write_user(template)

    def export(self, name: str, path: str | os.PathLike[str]) -> None:
        """Write the template called `name` to a .kplt file of the user's choice."""
        save_template(self.get(name), path, limits=self.limits)

    def _user_info(self, name: str) -> tuple[TemplateInfo, PageTemplate]:
        for info, t in self._all():
            if info.name == name and info.source == "user":
                return info, t
        if any(info.name == name for info, _ in self._all()):
            raise TemplateLibraryError(name, "built-in templates cannot be changed or deleted")
        raise TemplateLibraryError(name, "no template of this name")

    def rename(self, old: str, new: str) -> TemplateInfo:
        """Rename a user template (its file is renamed along)."""
        info, cached = self._user_info(old)
        template = copy.deepcopy(cached)
        if not new.strip():
            raise TemplateLibraryError(old, "the new name is empty")
        if new == old:
            return info
        self._check_free(new)
        template.name = new
        written = self._write_user(template)
        try:
            info.path.unlink()
        except OSError as exc:
            raise TemplateLibraryError(
                str(info.path), f"cannot remove the old file: {exc}"
            ) from exc
        self._cache.pop(info.path, None)
        return written

    def delete(self, name: str) -> None:
        """Delete a user template's file."""
        info, _ = self._user_info(name)
        try:
            info.path.unlink()
        except OSError as exc:
            raise TemplateLibraryError(str(info.path), f"cannot delete: {exc}") from exc
        self._cache.pop(info.path, None)
