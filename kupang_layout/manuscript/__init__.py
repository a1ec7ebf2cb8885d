"""Manuscript stage: the newsroom's plain-text manuscript format (parser)."""

from kupang_layout.manuscript.decode import DecodedText, decode_manuscript
from kupang_layout.manuscript.messages import format_warning
from kupang_layout.manuscript.model import (
    Credit,
    Dateline,
    Manuscript,
    ManuscriptWarning,
    Markup,
    Paragraph,
    PhotoCredit,
    Warning,
)
from kupang_layout.manuscript.parser import (
    DEFAULT_PAPER_NAME,
    ManuscriptError,
    parse_manuscript,
    read_manuscript,
)
from kupang_layout.manuscript.quotes import Attribution, parse_attribution
from kupang_layout.manuscript.to_json import manuscript_to_dict, manuscript_to_json

__all__ = [
    "DEFAULT_PAPER_NAME",
    "Attribution",
    "Credit",
    "Dateline",
    "DecodedText",
    "Manuscript",
    "ManuscriptError",
    "ManuscriptWarning",
    "Markup",
    "Paragraph",
    "PhotoCredit",
    "Warning",
    "decode_manuscript",
    "format_warning",
    "manuscript_to_dict",
    "manuscript_to_json",
    "parse_attribution",
    "parse_manuscript",
    "read_manuscript",
]
