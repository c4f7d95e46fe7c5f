"""find_numbers: every numeral of a text with its exact value.

It reads the numerals the QUANTITY scanner reads (with hedges: `一千多万`), plus forms
that are numbers but rarely quantities of running text: scientific and suffixed forms
(`2e5`, `-1e1`, `40k`, `3.2K`, `-2.5 M`, `2^5`, `百分之15K`), `半百` and dozens (`五十打`).
Digit runs broken by single spaces are read as one number where a quantity reading would
(`1 8 5 8 亿`, see `squeeze`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

import regex

from ..text.prepare import Prepared
from .candidate import NumberMatch
from .numeral import cn_chars
from .parse import parse_number
from .quantities import candidates
from .squeeze import squeezed
from .units import contexts, unit_table

_DATE_PARTS = frozenset("年月日号时")
_PERCENT_SIGNS = frozenset("%‰‱")


@lru_cache(maxsize=1)
def _extra() -> regex.Pattern[str]:
    num = r"\d+(?:\.\d+)?"
    cn = f"[{cn_chars()}]+"
    stops = "".join(regex.escape(c) for c in contexts().get("dozen-stop", ()))
    return regex.compile(
        rf"(?<![\w.\-])-?{num}[eE][+-]?\d+(?![\w.])"  # 2e5, -1e1, 21.2E0
        rf"|(?<![\w.\-])-?{num}\^\d+(?![\w.])"  # 2^5
        rf"|(?:百分之|(?<![\w.\-])-?){num} ?[kKM](?![A-Za-z\p{{Han}}])"  # 40k, -2.5 M
        rf"|半百|(?:{cn}|\d+)打(?![{stops}])")  # 半百, 一打鸡蛋, 五十打


def find_numbers(text: str) -> list[NumberMatch]:
    """Every numeral in a text with its exact value, bare numbers included: a building
    block for one's own parsers. Offsets are into `text`; `value` equals
    `parse_number(match.text)`; `approx` says more/about for a hedged numeral.
    Words that only look like numerals (统一, 一些, 千万不要) and two-digit Chinese
    runs (七五) are left out."""
    if not isinstance(text, str):
        raise TypeError(f"find_numbers expects str, not {type(text).__name__}")
    prep = Prepared.of(text)
    squeeze = squeezed(prep)
    if squeeze is None:
        return _find(prep)
    view, index = squeeze
    out = []
    for m in _find(view):
        start, end = index[m.start], index[m.end - 1] + 1
        out.append(NumberMatch(start, end, text[start:end], m.value, m.approx))
    return out


def _find(prep: Prepared) -> list[NumberMatch]:
    text, norm = prep.text, prep.norm
    units = unit_table()
    out: list[NumberMatch] = []
    extra = [m.span() for m in _extra().finditer(norm)]
    for s, e in extra:
        try:
            out.append(NumberMatch(s, e, text[s:e], parse_number(text[s:e])))
        except ValueError:
            continue
    for c in candidates(norm):
        if (c.one_char and c.chinese and c.hedge_end < 0
                and not _unit_after(norm, c.num_end, units)
                and norm[c.num_end:c.num_end + 1] not in _DATE_PARTS):
            continue
        s, e = c.num_start, max(c.num_end, c.hedge_end)
        if norm[e:e + 1] in _PERCENT_SIGNS:
            e += 1  # 5% is 0.05, as parse_number reads it
        if any(a < e and s < b for a, b in extra):
            continue
        surface = text[s:e]
        try:
            value = parse_number(surface)
        except ValueError:
            continue
        out.append(NumberMatch(s, e, surface, value, c.hedge))
    return sorted(out, key=lambda m: m.start)


def _unit_after(norm: str, pos: int, units: Mapping[str, object]) -> bool:
    for n in (4, 3, 2, 1):
        if norm[pos:pos + n] in units:
            return True
    return False
