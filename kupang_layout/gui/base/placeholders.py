"""GUI stage: the names empty slots show on the canvas ('main photo' -> 'Foto berita utama').

An empty slot's marker carries the frame's role key ('headline') or, for a photo,
the template's frame name ('teaser2 photo'); render/qt draws the marker's label
through Qt's translation in context `Placeholder`, so every label a template can
give is listed here once for the catalogues (the stored names stay English).
"""

from __future__ import annotations

from kupang_layout.gui.base.i18n import noop

CTX = "Placeholder"

PLACEHOLDER_LABELS = (
    noop(CTX, "headline"),
    noop(CTX, "deck"),
    noop(CTX, "section"),
    noop(CTX, "photo"),
    noop(CTX, "photo_credit"),
    noop(CTX, "caption"),
    noop(CTX, "dateline"),
    noop(CTX, "body"),
    noop(CTX, "pull_quote"),
    noop(CTX, "tagline"),
    noop(CTX, "credits"),
    noop(CTX, "folio"),
    noop(CTX, "masthead"),
    noop(CTX, "teaser"),
    noop(CTX, "free"),
    noop(CTX, "ad"),
    noop(CTX, "main photo"),
    noop(CTX, "second photo"),
    noop(CTX, "third photo"),
    noop(CTX, "teaser1 photo"),
    noop(CTX, "teaser2 photo"),
    noop(CTX, "teaser3 photo"),
    noop(CTX, "page photo"),
)
