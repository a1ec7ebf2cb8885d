"""Manuscript stage: the `| Key: value` lines of the credits block."""

from __future__ import annotations

from dataclasses import dataclass

from kupang_layout.manuscript.model import Credit, CreditRole, ManuscriptWarning, Markup

# Keys whose value is a comma-separated list (matched ignoring case and extra spaces).
LIST_KEYS: dict[str, CreditRole] = {"narasi": "topics", "sumber literasi": "sources"}
# Keys whose value is one text; only trailing commas are dropped.
SINGLE_KEYS: dict[str, CreditRole] = {
    "text": "writer",
    "teks": "writer",
    "editor": "editor",
    "foto": "photo",
}


@dataclass(frozen=True, slots=True)
class CreditParse:
    credit: Credit | None
    markup: tuple[Markup, ...]
    warnings: tuple[ManuscriptWarning, ...]


def normalize_key(key: str) -> str:
    return " ".join(key.split()).casefold()


def _strip_trailing_commas(value: str) -> tuple[str, int]:
    """`R.M.L , ,` -> (`R.M.L`, 2): trailing commas and spaces go, commas are counted."""
    end = len(value)
    commas = 0
    while end > 0 and (value[end - 1].isspace() or value[end - 1] == ","):
        if value[end - 1] == ",":
            commas += 1
        end -= 1
    return value[:end].strip(), commas


def parse_credit_line(line: str, line_no: int) -> CreditParse:
    """Parse one trimmed line that starts with `|`."""
    markup = [Markup(line_no, "|", "separator")]
    rest = line[1:].strip()
    if not rest:
        return CreditParse(None, tuple(markup), (ManuscriptWarning("credit_empty", line_no),))
    warnings: list[ManuscriptWarning] = []
    colon = rest.find(":")
    if colon < 0:
        key, value = "", rest
        warnings.append(ManuscriptWarning("credit_without_key", line_no))
    else:
        key, value = rest[:colon].strip(), rest[colon + 1 :]
        markup.append(Markup(line_no, ":", "separator"))
        if not key:
            warnings.append(ManuscriptWarning("credit_without_key", line_no))
    norm = normalize_key(key)
    role: CreditRole | None
    if norm in LIST_KEYS:
        role = LIST_KEYS[norm]
        items = value.split(",")
        markup.extend(Markup(line_no, ",", "separator") for _ in range(len(items) - 1))
        values = tuple(s for s in (item.strip() for item in items) if s)
    else:
        role = SINGLE_KEYS.get(norm)
        text, commas = _strip_trailing_commas(value)
        markup.extend(Markup(line_no, ",", "separator") for _ in range(commas))
        values = (text,) if text else ()
    return CreditParse(Credit(key, values, line_no, role), tuple(markup), tuple(warnings))
