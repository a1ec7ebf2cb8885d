"""Storage stage: the sane limits of every number and count a document may hold.

Loading refuses a value outside these limits with a message naming the field,
so that no document within them can make a command take unbounded time or
memory (docs/FILE_FORMAT.md, "Limits of a document"). Lengths are points.
"""

from __future__ import annotations

from kupang_layout.model.units import mm

__all__ = [
    "MAX_BASELINE",
    "MAX_BLEED",
    "MAX_COLUMNS",
    "MAX_EDITION_TEXT",
    "MAX_FONT_SIZE",
    "MAX_FRAMES",
    "MAX_GUIDES",
    "MAX_GUTTER",
    "MAX_IMAGE_SCALE",
    "MAX_INDENT",
    "MAX_LEADING",
    "MAX_LETTER_SPACE",
    "MAX_PAGES",
    "MAX_PAGE_SIZE",
    "MAX_PAGE_TEXT",
    "MAX_PARAGRAPHS",
    "MAX_PARAGRAPH_TEXT",
    "MAX_RUNS",
    "MAX_STORIES",
    "MAX_STORY_TEXT",
    "MAX_STROKE",
    "MAX_STYLES",
    "MAX_SWATCHES",
    "MAX_TRACKING",
    "MAX_WORD_SPACE",
    "MIN_BASELINE",
    "MIN_FONT_SIZE",
    "MIN_IMAGE_SCALE",
    "MIN_TRACKING",
    "PASTEBOARD_HI",
    "PASTEBOARD_LO",
    "PASTEBOARD_SPAN",
]

# -- geometry -------------------------------------------------------------------
#: A page (or template) is more than 0 and at most 1.2 m on each side.
MAX_PAGE_SIZE = mm(1200)
#: Bleed around the trim.
MAX_BLEED = mm(50)
#: The pasteboard: frames, guides and image offsets lie within one largest page
#: beyond each edge of the largest page, whatever the page's own size (so a page
#: made smaller never makes its file unopenable). From -1.2 m to +2.4 m.
PASTEBOARD_LO = -MAX_PAGE_SIZE
PASTEBOARD_HI = 2 * MAX_PAGE_SIZE
PASTEBOARD_SPAN = PASTEBOARD_HI - PASTEBOARD_LO
#: Columns of a page's grid and of a text frame.
MAX_COLUMNS = 24
#: Gutters and text frame insets.
MAX_GUTTER = mm(200)
#: Baseline grid increment.
MIN_BASELINE = 1.0
MAX_BASELINE = 1000.0
#: Stroke and rule weights.
MAX_STROKE = 1000.0
#: An image frame's scale (a factor of the fit mode's size).
MIN_IMAGE_SCALE = 0.001
MAX_IMAGE_SCALE = 100.0

# -- type -----------------------------------------------------------------------
MIN_FONT_SIZE = 0.5
MAX_FONT_SIZE = 1000.0
MAX_LEADING = 2000.0
#: Indents and the space before and after a paragraph: within one largest page.
MAX_INDENT = MAX_PAGE_SIZE
#: Tracking in thousandths of an em.
MIN_TRACKING = -200.0
MAX_TRACKING = 2000.0
#: Word spaces in percent of the font's space.
MAX_WORD_SPACE = 1000.0
#: Letter-spacing limits in percent of an em (either way).
MAX_LETTER_SPACE = 50.0

# -- counts ---------------------------------------------------------------------
MAX_PAGES = 1000
MAX_FRAMES = 1000  # per page or template
MAX_GUIDES = 500  # per page or template
MAX_STORIES = 10_000
MAX_PARAGRAPHS = 20_000  # per story
MAX_RUNS = 10_000  # per paragraph
MAX_STYLES = 1000  # paragraph styles; character styles
MAX_SWATCHES = 1000
#: Characters of text in one paragraph (all its runs), in one story, shown on one
#: page (every story with a frame on it, whole: the engine sets every character
#: of a story shown on a page, to count the overset) and in the whole edition or
#: template. Setting costs up to ~30 us a character on a very wide measure, so
#: these bound a page's work to a few seconds. A broadsheet page holds ~25 000.
MAX_PARAGRAPH_TEXT = 20_000
MAX_STORY_TEXT = 200_000
MAX_PAGE_TEXT = 200_000
MAX_EDITION_TEXT = 4_000_000
