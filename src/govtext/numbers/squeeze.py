"""Digit runs broken by single spaces (`五年累计1 8 5 8 亿美元`, `１ ９ ８ ４ 年`): some
scraped reports write every digit with a space after it. Such a run is read as one
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
    return regex.compile(rf"(?<![\d.])(?<!\d )\d(?: [\d.])+(?= ?{after})")


def squeezed(prep: Prepared) -> tuple[Prepared, list[int]] | None:
    """The text without the spaces inside spaced digit runs, and for each offset of it
    (and its end) the offset in the original; None when there is no such run."""
    runs = [m for m in _run().finditer(prep.norm) if sum(c.isdigit() for c in m.group()) >= 2]
    if not runs:
        return None
    keep = [True] * len(prep.norm)
    for m in runs:
        for i in range(m.start(), m.end()):
            if prep.norm[i] == " ":
                keep[i] = False
    index = [i for i, k in enumerate(keep) if k]
    index.append(len(prep.norm))
    text = "".join(prep.text[i] for i in index[:-1])
    norm = "".join(prep.norm[i] for i in index[:-1])
    return Prepared(text, norm), index
