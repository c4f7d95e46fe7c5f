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


def squeezed(prep: Prepared) -> tuple[Prepared, list[int]] | None:
    """The text without the spaces inside spaced digit runs and the breaks between a
    number and its multiplier or unit, and for each offset of it (and its end) the
    offset in the original; None when there is no such run."""
    runs = [m for m in _run().finditer(prep.norm) if sum(c.isdigit() for c in m.group()) >= 2]
    breaks = list(_break().finditer(prep.norm))
    if not runs and not breaks:
        return None
    keep = [True] * len(prep.norm)
    for m in runs:
        for i in range(m.start(), m.end()):
            if prep.norm[i] in " \n":
                keep[i] = False
    for m in breaks:
        for i in range(m.start("gap"), m.end("gap")):
            keep[i] = False
    index = [i for i, k in enumerate(keep) if k]
    index.append(len(prep.norm))
    text = "".join(prep.text[i] for i in index[:-1])
    norm = "".join(prep.norm[i] for i in index[:-1])
    return Prepared(text, norm), index
