"""Engine stage: the reference setting used by the quality tests and the benchmarks.

A story in 48 mm newspaper columns at 9.5/11 pt (five columns on a 280 mm
page), so the figures the tests assert and the benchmarks print come from one
place.
"""

from __future__ import annotations

from kupang_layout.model.edition import Edition
from kupang_layout.model.frames import TextFrame
from kupang_layout.model.geometry import BaselineGrid, Margins, Rect
from kupang_layout.model.page import Page
from kupang_layout.model.story import Paragraph, Story
from kupang_layout.model.units import mm

COLUMN_MM = 48.0
GUTTER_MM = 4.5
COLUMNS = 5


def reference_page(paragraphs: list[Paragraph], depth_mm: float = 330.0) -> tuple[Edition, Page]:
    """An edition with one page holding the story in a 5 x 48 mm frame on the grid."""
    ed = Edition(number="612", date="2024-10-14")
    width = COLUMNS * COLUMN_MM + (COLUMNS - 1) * GUTTER_MM
    page = Page(
        id="ref",
        number=1,
        width=mm(280),
        height=mm(430),
        margins=Margins(mm(20), mm(15), mm(12), mm(12)),
        baseline=BaselineGrid(11.0, 0.0),
    )
    frame = TextFrame(
        id="body",
        rect=Rect(mm(12), mm(60), mm(width), mm(depth_mm)),
        story_id="story",
        columns=COLUMNS,
        gutter=mm(GUTTER_MM),
        role="body",
    )
    page.frames.append(frame)
    ed.pages.append(page)
    ed.stories["story"] = Story(id="story", paragraphs=paragraphs)
    return ed, page
