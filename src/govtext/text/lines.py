"""Lines of a text with their offsets, and whitespace trimming that keeps offsets.

Lines break where `str.splitlines` breaks them (``\\r\\n``, ``\\r``, ``\\n``, U+000B,
U+000C, U+001C-U+001E, U+0085, U+2028, U+2029); the break itself is not part of the
line. Offsets index the original text.
"""

from __future__ import annotations

from typing import NamedTuple

# Characters trimmed from the ends of lines and regions: Unicode whitespace (which
# includes U+3000 and U+00A0) plus zero-width characters scraped pages often carry.
_BLANKS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
           "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
           "\u200b\u200c\u200d\u2060\ufeff")
_BLANK_SET = frozenset(_BLANKS)


class Line(NamedTuple):
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
    return ch in _BLANK_SET


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past blanks at both ends."""
    blank = _BLANK_SET
    while start < end and text[start] in blank:
        start += 1
    while end > start and text[end - 1] in blank:
        end -= 1
    return start, end


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def split_lines(text: str) -> list[Line]:
    """Every line of the text, blank ones included, in order (after a final line
    break comes an empty last line)."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        if raw.endswith("\r\n"):
            size = len(raw) - 2
        elif raw[-1] in _BREAKS:
            size = len(raw) - 1
        else:
            size = len(raw)
        content = raw[:size]
        left = content.lstrip(_BLANKS)
        lo = pos + size - len(left)
        hi = lo + len(left.rstrip(_BLANKS))
        out.append(Line(pos, pos + size, lo, hi))
        pos += len(raw)
    if not text or text[-1] in _BREAKS:
        n = len(text)
        out.append(Line(n, n, n, n))
    return out
