"""Engine stage: the hyphenation patterns, compiled once and kept in the user cache folder.

pyphen reads a ``hyph_<language>.dic`` file by parsing every TeX pattern with regular
expressions, about 0.1 s for Indonesian, in every process. `PatternTable` holds the
same patterns compiled (pattern letters -> where its values start and the values,
encoded as one short string) and finds the same positions as
``pyphen.HyphDict.positions`` (Liang's algorithm, word framed by dots; a property
test compares the two). The compiled table is cached as a `datacache` file keyed by
the SHA-256 of the pattern file, so a new pyphen with new patterns compiles again;
it is built at first use (never at install time: the pattern file belongs to the
installed pyphen, and the program folder may be read-only). On a warm cache pyphen
is not even imported.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Final

from kupang_layout.common.datacache import file_sha256, read_cache, write_cache

__all__ = ["PatternTable", "pattern_file", "pattern_table"]

CACHE_KIND: Final = "hyphenation-patterns"
#: Raise when the compiled form or the way it is made changes.
CACHE_FORMAT: Final = 1
#: A value is stored as chr(_ZERO + value): digits and the start offset fit easily.
_ZERO: Final = 48
_MAX_VALUE: Final = 64


class PatternTable:
    """Compiled Liang patterns of one language: ``positions(word)`` as pyphen's."""

    __slots__ = ("_codes", "_decoded", "from_cache", "maxlen", "source_sha256")

    def __init__(
        self, codes: dict[str, str], maxlen: int, source_sha256: str, from_cache: bool = False
    ) -> None:
        self._codes = codes
        self._decoded: dict[str, tuple[int, tuple[int, ...]]] = {}
        self.maxlen = maxlen
        self.source_sha256 = source_sha256
        #: Read from the user cache folder (True) or compiled from the pattern file.
        self.from_cache = from_cache

    def __len__(self) -> int:
        return len(self._codes)

    def _values(self, code: str) -> tuple[int, tuple[int, ...]]:
        # Many patterns share one code: decode each distinct code once.
        found = self._decoded.get(code)
        if found is None:
            numbers = [ord(ch) - _ZERO for ch in code]
            found = self._decoded[code] = (numbers[0], tuple(numbers[1:]))
        return found

    def positions(self, word: str) -> list[int]:
        """Where `word` may break by the patterns, as ``pyphen.Pyphen(left=1, right=1)``.

        Positions lie strictly inside the word, ascending.
        """
        right = len(word) - 1  # pyphen bounds by the word as given, before lowering
        word = word.lower()
        pointed = f".{word}."
        size = len(pointed)
        references = [0] * (size + 1)
        codes = self._codes
        maxlen = self.maxlen
        for i in range(size - 1):
            stop = min(i + maxlen, size) + 1
            for j in range(i + 1, stop):
                code = codes.get(pointed[i:j])
                if code is None:
                    continue
                offset, values = self._values(code)
                window = slice(i + offset, i + offset + len(values))
                references[window] = map(max, values, references[window])
        return [i - 1 for i, ref in enumerate(references) if ref % 2 and 1 <= i - 1 <= right]


def pattern_file(language: str) -> Path:
    """pyphen's pattern file for `language` (ValueError when pyphen has none).

    The installed dictionary folder is looked at first, so that a warm cache never
    imports pyphen; other names (short ones like ``id``) go through pyphen's lookup.
    """
    spec = importlib.util.find_spec("pyphen")
    if spec is not None and spec.origin and "/" not in language and "\\" not in language:
        direct = Path(spec.origin).parent / "dictionaries" / f"hyph_{language}.dic"
        if direct.is_file():
            return direct
    import pyphen

    if language not in pyphen.LANGUAGES:
        raise ValueError(f"no hyphenation patterns for language {language!r}")
    return Path(str(pyphen.LANGUAGES[pyphen.language_fallback(language)]))


def compile_patterns(path: Path) -> tuple[dict[str, str], int]:
    """Parse a pattern file with pyphen's own parser and encode its patterns."""
    import pyphen

    parsed = pyphen.HyphDict(path)
    codes: dict[str, str] = {}
    for letters, (start, values) in parsed.patterns.items():
        numbers = (int(start), *(int(v) for v in values))
        if not all(0 <= n <= _MAX_VALUE for n in numbers):
            raise ValueError(f"{path}: pattern {letters!r} has a value out of range")
        codes[letters] = "".join(chr(_ZERO + n) for n in numbers)
    return codes, int(parsed.maxlen)


def _shape(sha: str) -> Callable[[object], PatternTable | None]:
    def check(data: object) -> PatternTable | None:
        if not isinstance(data, dict) or data.get("source_sha256") != sha:
            return None
        codes = data.get("codes")
        maxlen = data.get("maxlen")
        if not isinstance(codes, dict) or not codes or type(maxlen) is not int or maxlen < 1:
            return None
        if not all(type(k) is str and type(v) is str for k, v in codes.items()):
            return None
        for code in set(codes.values()):
            if len(code) < 2 or not all(0 <= ord(ch) - _ZERO <= _MAX_VALUE for ch in code):
                return None
        if max(map(len, codes)) != maxlen:
            return None
        return PatternTable(codes, maxlen, sha, from_cache=True)

    return check


@lru_cache(maxsize=8)
def pattern_table(language: str = "id_ID") -> PatternTable:
    """The compiled patterns of `language`, from the cache when it holds them (per process)."""
    path = pattern_file(language)
    sha = file_sha256(path)
    shape = _shape(sha)
    cached = read_cache(CACHE_KIND, sha, CACHE_FORMAT, shape)
    if cached is not None:
        return cached
    codes, maxlen = compile_patterns(path)
    data = {"source": path.name, "source_sha256": sha, "maxlen": maxlen, "codes": codes}
    write_cache(CACHE_KIND, sha, CACHE_FORMAT, data)
    return PatternTable(codes, maxlen, sha)
