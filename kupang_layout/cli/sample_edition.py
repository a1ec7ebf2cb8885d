"""Command-line stage: the bundled sample edition, built from sample manuscripts and photos."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kupang_layout.jobs.manuscript_import import apply_manuscript, apply_to_page
from kupang_layout.manuscript import Manuscript, read_manuscript
from kupang_layout.manuscript.apply import ManuscriptApplication
from kupang_layout.model import Edition, History
from kupang_layout.resources import resource_path
from kupang_layout.storage import TemplateLibrary

__all__ = [
    "SAMPLE_DATE",
    "SAMPLE_EDITION",
    "SAMPLE_PAGES",
    "PlacedStory",
    "SampleEdition",
    "SampleSlot",
    "build_sample_edition",
]

SAMPLE_EDITION = "612"
SAMPLE_DATE = "2024-10-14"


@dataclass(frozen=True)
class SampleSlot:
    """One manuscript in one slot group of a sample page."""

    slot: str
    manuscript: str  # file name in resources/samples/manuscripts
    photo: str | None  # file name in resources/samples/photos


@dataclass(frozen=True)
class SamplePage:
    template: str
    slots: tuple[SampleSlot, ...]


# Page 1 teases the stories of pages 2 and 3.
SAMPLE_PAGES = (
    SamplePage(
        "halaman-depan",
        (
            SampleSlot("main", "01-halaman-1-gelombang-tinggi.txt", "sea-boats-evening.jpg"),
            SampleSlot("teaser1", "02-halaman-2-hutan-mutis.txt", "landscape-mountain-forest.jpg"),
            SampleSlot("teaser2", "03-halaman-3-kota-lama.txt", "city-facade-greyscale.jpg"),
        ),
    ),
    SamplePage(
        "berita-satu",
        (SampleSlot("main", "02-halaman-2-hutan-mutis.txt", "landscape-mountain-forest.jpg"),),
    ),
    SamplePage(
        "berita-dua",
        (
            SampleSlot("main", "03-halaman-3-kota-lama.txt", "city-facade-greyscale.jpg"),
            SampleSlot("second", "04-halaman-3-vaksin-rabies.txt", "dogs-window-portrait.jpg"),
        ),
    ),
)


@dataclass(frozen=True)
class PlacedStory:
    """A manuscript as it went onto a sample page."""

    page: int
    template: str
    slot: str
    manuscript: Path
    parsed: Manuscript
    photo: Path | None
    application: ManuscriptApplication

    @property
    def words(self) -> int:
        """Words the page shows of this manuscript (body or teaser)."""
        return sum(p.words for p in self.application.placements if p.role in ("body", "teaser"))


@dataclass
class SampleEdition:
    edition: Edition
    history: History
    stories: list[PlacedStory] = field(default_factory=list)


def samples_dir() -> Path:
    return resource_path("samples")


def build_sample_edition(
    library: TemplateLibrary | None = None, samples: Path | None = None
) -> SampleEdition:
    """The sample edition: three pages from three built-in templates.

    Raises FileNotFoundError naming a missing sample file, ManuscriptError for an
    unreadable manuscript and StorageError for a missing or broken template.
    """
    library = library or TemplateLibrary()
    root = samples or samples_dir()
    edition = Edition(number=SAMPLE_EDITION, date=SAMPLE_DATE)
    history = History(edition)
    result = SampleEdition(edition, history)
    for page_no, spec in enumerate(SAMPLE_PAGES, start=1):
        template = library.get(spec.template)
        page_id: str | None = None
        for slot in spec.slots:
            ms_path = root / "manuscripts" / slot.manuscript
            if not ms_path.is_file():
                raise FileNotFoundError(str(ms_path))
            parsed = read_manuscript(ms_path, edition.paper)
            photo_path = root / "photos" / slot.photo if slot.photo else None
            photo = photo_path.read_bytes() if photo_path is not None else None
            name = slot.photo or "foto"
            if page_id is None:
                app = apply_manuscript(
                    edition, template, parsed, slot=slot.slot, photo=photo, photo_name=name
                )
                page_id = app.page_id
            else:
                app = apply_to_page(
                    edition, page_id, parsed, slot=slot.slot, photo=photo, photo_name=name
                )
            history.execute(app)
            result.stories.append(
                PlacedStory(page_no, spec.template, slot.slot, ms_path, parsed, photo_path, app)
            )
    history.mark_clean()
    return result
