"""Manuscript stage: bytes to text (UTF-8 with or without BOM, else Windows-1252; CRLF)."""

from __future__ import annotations

import codecs
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


def _line_of_offset(data: bytes, offset: int) -> int:
    head = data[:offset]
    # Count CRLF, LF and lone CR as one line end each, as the parser does.
    return head.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def decode_manuscript(data: bytes) -> DecodedText:
    """Decode a manuscript file.

    UTF-8 (a BOM is dropped) is tried first; a UTF-16 file with a BOM (Notepad's
    "Unicode") is accepted too. Anything else is read as Windows-1252 with a
    warning naming the line of the first byte that is not UTF-8.
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
    except UnicodeDecodeError as exc:
        line = _line_of_offset(body, exc.start)
        warning = ManuscriptWarning("decode_windows_1252", line)
        return DecodedText(normalize_newlines(decode_windows_1252(body)), "cp1252", (warning,))
    return DecodedText(normalize_newlines(text), encoding)
