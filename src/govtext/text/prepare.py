"""The normalized view every stage reads.

Normalization maps each code point to exactly one code point (full-width ASCII to
ASCII, the ideographic space to a space, traditional to simplified characters), so the
normalized string has the same length as the original and an offset in one is the same
offset in the other: no offset map is needed and none can go wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import read_rows


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    for trad, simp in read_rows("t2s_chars.tsv"):
        if len(trad) == 1 and len(simp) == 1:
            table[ord(trad)] = simp
    return table


def normalize(text: str) -> str:
    """Length-preserving normalization: ``len(normalize(t)) == len(t)``."""
    return text.translate(_table())


@dataclass(frozen=True, slots=True)
class Prepared:
    """The original text and its same-length normalized view."""

    text: str
    norm: str

    @classmethod
    def of(cls, text: str) -> Prepared:
        return cls(text, normalize(text))
