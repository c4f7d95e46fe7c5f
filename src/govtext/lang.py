"""The language pack: character classes and small closed word sets, from
`data/char_classes.tsv`, built once per process.

    >>> import re
    >>> from govtext import lang
    >>> "〇" in lang.chars("numeral")
    True
    >>> lang.alternation("long_level")      # for a regex, longest first
    '自治区|自治县|自治州|自治旗'
    >>> bool(re.fullmatch(lang.char_class("han") + "+", "中文"))
    True

Finders read their character sets here rather than spelling them out, so each set is
defined once and documented in the data file.
"""

from __future__ import annotations

from functools import lru_cache

from .data import read_rows
from .errors import InputError


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in read_rows("char_classes.tsv") if len(row) >= 3}


def _entry(name: str, kind: str) -> str:
    found = _table().get(name)
    if found is None or found[0] != kind:
        raise InputError("E005", name=name, known=sorted(k for k, v in _table().items()
                                                         if v[0] == kind))
    return found[1]


@lru_cache(maxsize=None)
def chars(name: str) -> frozenset[str]:
    """The members of a `chars` class."""
    return frozenset(_entry(name, "chars"))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The members of a `words` set, longest first."""
    return tuple(sorted(_entry(name, "words").split("|"), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """A `words` set as a regex alternation, longest first."""
    return "|".join(words(name))


@lru_cache(maxsize=None)
def char_class(name: str) -> str:
    """A `range` or `chars` class as a regex character class."""
    kind, value = _table().get(name, ("", ""))
    if kind == "range":
        return f"[{value}]"
    import re

    return f"[{re.escape(''.join(sorted(chars(name))))}]"


__all__ = ["alternation", "char_class", "chars", "words"]
