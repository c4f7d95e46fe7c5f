"""Lines of a text with their offsets, and whitespace trimming that keeps offsets.

A line ends at ``\\r\\n``, ``\\r``, ``\\n``, U+0085, U+2028 or U+2029; the break itself is
not part of the line. Offsets index the original text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_BREAK = regex.compile(r"\r\n|[\r\n\x85\u2028\u2029]")

# Characters trimmed from the ends of lines and regions: Unicode whitespace (which
# includes U+3000 and U+00A0) plus zero-width characters scraped pages often carry.
_EXTRA_BLANK = frozenset("\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``start``/``end`` of its content without the break, and the content
    trimmed of blanks (``lo``/``hi``; ``lo == hi`` for a blank line)."""

    start: int
    end: int
    lo: int
    hi: int

    @property
    def blank(self) -> bool:
        return self.lo == self.hi


def is_blank(ch: str) -> bool:
    return ch.isspace() or ch in _EXTRA_BLANK


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past blanks at both ends."""
    while start < end and is_blank(text[start]):
        start += 1
    while end > start and is_blank(text[end - 1]):
        end -= 1
    return start, end


def split_lines(text: str) -> list[Line]:
    """Every line of the text, blank ones included, in order."""
    out = []
    pos = 0
    for m in _BREAK.finditer(text):
        lo, hi = trim(text, pos, m.start())
        out.append(Line(pos, m.start(), lo, hi))
        pos = m.end()
    lo, hi = trim(text, pos, len(text))
    out.append(Line(pos, len(text), lo, hi))
    return out
