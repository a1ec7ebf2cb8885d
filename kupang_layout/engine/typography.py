"""Engine stage: typographer's quotes: straight quotation marks set as curly ones.

Reporters type ``"`` and ``'``; print wants “ ” ‘ ’ (as InDesign's and Scribus's
"typographer's quotes" do on import). The model keeps the text as typed; the engine
sets the marks at composition, one character for one, so positions in the text stay
valid. Rules, on the paragraph's text as a whole:

* After a digit a mark is left as typed: inches, feet, minutes (``5'11"``, ``10°15'``).
* ``"`` opens (“) at the start, after white space, an opening bracket, a dash or another
  opening mark; otherwise it closes (”).
* ``'`` between two letters is an apostrophe (’: ``Jum’at``); where a ``"`` would open,
  it opens (‘), except before a digit (’: ``’90-an``); otherwise it closes (’).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

_OPENS_AFTER = frozenset("([{<«\u2014\u2013/\u201c\u2018\u201e")


def _opens(before: str) -> bool:
    return not before or before.isspace() or before in _OPENS_AFTER


@lru_cache(maxsize=8192)
def curly_quotes(text: str, before: str = "") -> str:
    """`text` with straight quotation marks set typographically; `before` is the
    character that precedes it (for a run in the middle of a paragraph). Cached: every
    layout asks again for every paragraph of a story."""
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    prev = before
    for i, ch in enumerate(text):
        if ch in "\"'" and not prev.isdigit():
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if ch == '"':
                ch = "\u201c" if _opens(prev) else "\u201d"
            elif prev.isalpha() and nxt.isalpha():
                ch = "\u2019"
            elif _opens(prev):
                ch = "\u2019" if nxt.isdigit() else "\u2018"
            else:
                ch = "\u2019"
        out.append(ch)
        prev = ch
    return "".join(out)


def curly_quotes_runs(texts: Sequence[str]) -> list[str]:
    """The runs of one paragraph with typographer's quotes, each run as long as before."""
    out: list[str] = []
    before = ""
    for text in texts:
        converted = curly_quotes(text, before)
        out.append(converted)
        if converted:
            before = converted[-1]
    return out
