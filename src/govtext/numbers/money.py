"""Money beyond a number and its unit: compound amounts, 整, currency symbols.

- `compound`: a main amount followed by minor units of the same currency is one amount
  (`5元3角` = 5.3 元, `50元6角三分` = 50.63 元, `五元三毛`, `两美元又三美分` = 2.03
  美元, `10日元5钱`), from `currency_minor.tsv`; `整`/`正` closing a written amount
  (`壹拾壹元整`) belongs to it (正 only after 大写 numerals, where it cannot start a word).
- `symbol_pattern`: the currency symbols that stand before a number (`$20`, `￥300`,
  `€5`, `HK$10`), from `currencies.tsv` (CLDR symbols and aliases).
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from functools import lru_cache

import regex

from .candidate import Cand
from .numeral import cn_chars, exact
from .parse import parse_fraction
from .units import currency_codes, currency_of, minor_units


@lru_cache(maxsize=1)
def _minor_pattern() -> regex.Pattern[str]:
    minors = sorted(minor_units(), key=lambda u: (-len(u), u))
    alts = "|".join(regex.escape(u) for u in minors)
    num = rf"(?:\d+|[{cn_chars('digit')}{cn_chars('small')}]{{1,4}})"
    return regex.compile(rf"(?:又|零)?(?P<n>{num})(?P<u>{alts})")


@lru_cache(maxsize=1)
def symbol_pattern() -> str:
    """Currency symbols written before an amount, longest first (HK$ before $)."""
    symbols = sorted((n for n in currency_codes() if not regex.search(r"\p{Han}", n)),
                     key=lambda s: (-len(s), s))
    return "|".join(regex.escape(s) for s in symbols)


def compound(c: Cand, norm: str) -> Cand:
    """The candidate with the minor units that follow it taken in."""
    code = currency_of(c.unit)
    if c.kind != "money" or code is None or not norm.endswith(c.unit, 0, c.end):
        return c
    value, end = Fraction(c.value), c.end
    minors = minor_units()
    last = None
    for _ in range(2):  # 6角三分: at most two minor units
        m = _minor_pattern().match(norm, end)
        if not m or minors[m.group("u")][0] != code or m.group("u") == last:
            break
        try:
            amount = parse_fraction(m.group("n"))
        except ValueError:
            break
        if m.group("u") in ("分",) and norm[m.end():m.end() + 1] == "之":
            break  # 5元3分之一 is no amount of 分
        value += amount * minors[m.group("u")][1]
        end, last = m.end(), m.group("u")
    if end == c.end:
        return c
    return replace(c, end=end, value=exact(value))
