"""Manuscript stage: bytes to text (UTF-8 line by line, Windows-1252 on lines that are not)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kupang_layout.manuscript.model import ManuscriptWarning


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Decoded manuscript text with `\\n` line ends and no BOM."""

    text: str
    encoding: str
    warnings: tuple[ManuscriptWarning, ...] = ()


def _cp1252_table() -> str:
    # The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map
    # to the C1 control with the same number, as browsers do, so no byte is dropped.
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


_CP1252 = _cp1252_table()
_CP1252_MAP = {i: c for i, c in enumerate(_CP1252) if c != chr(i)}
_ERROR_HANDLER = "kupang-cp1252-fallback"
# One line with its end (CRLF, LF or a lone CR); the last line may have none.
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?")

# File signatures of formats reporters send by mistake instead of plain text.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP/DOCX/ODT"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "DOC (Microsoft Word 97-2003)"),
    (b"%PDF", "PDF"),
    (b"{\\rtf", "RTF"),
)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_windows_1252(data: bytes) -> str:
    """Windows-1252 that never fails: undefined bytes become C1 controls."""
    return data.decode("latin-1").translate(_CP1252_MAP)


def sniff_binary(data: bytes) -> str | None:
    """The name of a non-text format if `data` clearly is one, else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for signature, name in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return name
    if b"\x00" in data[:4096]:
        return "binary"
    return None


def _mixed_error(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return decode_windows_1252(exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_ERROR_HANDLER, _mixed_error)


def _line_ranges(lines: list[int]) -> str:
    """`[4, 5, 6, 9]` -> `4-6, 9`."""
    parts: list[str] = []
    start = prev = lines[0]
    for n in [*lines[1:], -1]:
        if n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(parts)


def decode_lines(body: bytes) -> tuple[str, list[int]]:
    """Decode line by line: UTF-8 where a line is valid UTF-8, Windows-1252 where not.

    Inside a line that is not valid UTF-8, only the bytes that are not part of a
    valid UTF-8 sequence are read as Windows-1252, so a curly quote typed in
    another program does not turn the line's correct UTF-8 characters into
    mojibake. Returns the text (line ends as in the file) and the numbers of the
    lines read with the fallback. Line ends (CRLF, LF, lone CR) are counted as
    the parser counts them; none of their bytes can be inside a UTF-8 sequence.
    """
    pieces: list[str] = []
    changed: list[int] = []
    for no, match in enumerate(_LINE.finditer(body), start=1):
        line = match.group()
        if not line:
            continue
        try:
            pieces.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            pieces.append(line.decode("utf-8", _ERROR_HANDLER))
            changed.append(no)
    return "".join(pieces), changed


def decode_manuscript(data: bytes) -> DecodedText:
    """Decode a manuscript file.

    UTF-8 (a BOM is dropped) is read line by line: a line that is valid UTF-8 is
    kept exactly; a line that is not (a curly quote or an accented letter typed
    in a Windows program) has its stray bytes read as Windows-1252, and one
    warning names every such line. A file with no UTF-8 sequence at all is a
    Windows-1252 file (`encoding` "cp1252"); one mixing both is "utf-8+cp1252".
    A UTF-16 file with a BOM (Notepad's "Unicode") is accepted too. No byte is
    ever dropped.
    """
    if data.startswith(codecs.BOM_UTF8):
        body, encoding = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            return DecodedText(normalize_newlines(text), "utf-16")
        body, encoding = data, "utf-8"
    else:
        body, encoding = data, "utf-8"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return DecodedText(normalize_newlines(text), encoding)
    text, changed = decode_lines(body)
    text = normalize_newlines(text)
    warning = ManuscriptWarning(
        "decode_windows_1252",
        changed[0],
        (("lines", _line_ranges(changed)), ("count", str(len(changed)))),
    )
    # Wholly Windows-1252 when no UTF-8 sequence was read anywhere.
    mixed = "cp1252" if text == normalize_newlines(decode_windows_1252(body)) else "utf-8+cp1252"
    return DecodedText(text, mixed, (warning,))
