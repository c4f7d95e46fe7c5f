"""Digit runs broken by single spaces (`五年累计1 8 5 8 亿美元`, `１ ９ ８ ４ 年`), and numbers
broken from their multiplier by a line break or zero-width characters (`74.4` + a line
break + U+200B + `万亿元`, in a scraped 2017 report): some
scraped reports write every digit with a space (or a line break) after it. Such a run is read as one
number only when the context is a number: a multiplier, a unit, a percent sign or a date
part follows it (`1 8 5 8 亿美元`, `1 9 8 4 年`, `6 . 5 %`). A list of single digits
(`1 2 3`) stays as it is.

`squeezed(prep)` gives a copy of the text with the spaces inside such runs deleted and
the map from its offsets back to the original; `find_spans` reads the copy and maps
every span back, so offsets and surfaces stay exact (the span text keeps its spaces).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from ..text.prepare import Prepared
from .numeral import cn_chars
from .units import unit_pattern


@lru_cache(maxsize=1)
def _run() -> regex.Pattern[str]:
    after = rf"(?:[{cn_chars('big')}{cn_chars('small')}%‰年月日号]|{unit_pattern()})"
    return regex.compile(rf"(?<![\d.])(?<!\d[ \n])\d(?:[ \n][\d.])+(?=[ \n]?{after})")


# a line break or zero-width characters between a number and its multiplier or unit
# (`74.4` + line break + U+200B + `万亿元` in a scraped report)
_BREAK_CHARS = "\n\u200b\u200c\u200d\u2060\ufeff"


@lru_cache(maxsize=1)
def _break() -> regex.Pattern[str]:
    after = rf"[多余]?(?:[{cn_chars('big')}{cn_chars('small')}%‰]|{unit_pattern()})"
    return regex.compile(rf"\d(?P<gap>[{_BREAK_CHARS}]{{1,3}})(?={after})")  # digit first: fast


class OffsetMap:
    """View offset -> original offset, for a view that deleted some ranges of the
    original: `map[v]`, also for the view's end. Kept as the deletions, not as one entry
    a character (a 750k-character text with one break cost 0.3 s built so)."""

    __slots__ = ("_at", "_shift")

    def __init__(self, deleted: list[tuple[int, int]]) -> None:
        self._at: list[int] = []  # view offset where a deletion was
        self._shift: list[int] = []  # characters deleted up to and including it
        total = 0
        for a, b in deleted:
            self._at.append(a - total)
            total += b - a
            self._shift.append(total)

    def __getitem__(self, v: int) -> int:
        k = bisect_right(self._at, v) - 1
        return v + (self._shift[k] if k >= 0 else 0)


def squeezed(prep: Prepared) -> tuple[Prepared, OffsetMap] | None:
    """The text without the spaces inside spaced digit runs and the breaks between a
    number and its multiplier or unit, and the map from its offsets (and its end) to
    the original's; None when there is no such run."""
    norm = prep.norm
    deleted = [(m.start() + i, m.start() + i + 1) for m in _run().finditer(norm)
               if sum(c.isdigit() for c in m.group()) >= 2
               for i, c in enumerate(m.group()) if c in " \n"]
    deleted += [m.span("gap") for m in _break().finditer(norm)]
    if not deleted:
        return None
    merged: list[tuple[int, int]] = []  # the deleted ranges, sorted and disjoint
    for a, b in sorted(deleted):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    # the kept ranges lie between them
    keep = list(zip([0] + [b for _, b in merged], [a for a, _ in merged] + [len(norm)]))
    text = "".join(prep.text[a:b] for a, b in keep)
    view = "".join(norm[a:b] for a, b in keep)
    return Prepared(text, view), OffsetMap(merged)
