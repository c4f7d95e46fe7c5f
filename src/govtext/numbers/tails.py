"""What may follow a unit and still belong to the quantity, and the percent value.

- a half (`一吨半` = 1.5 吨, `三成半` = 3.5 成, `两年半`) after a unit flagged `half` in
  `units.tsv`, unless 半 starts a word (`half-stop` in `numbers_context.tsv`: 半数, 半岛);
- a tenth (`七成六` = 7.6 成, `七成 六`) after a unit flagged `tenth` (成, 折);
- `percent_value`: every percent-like quantity in percent, one rule for all (the unit's
  factor to `%` in `units.tsv`: % x1, ‰ x1/10, ‱ x1/100, 成 and 折 x10; a ratio with
  no unit, 三分之一 or 一半, x100). `个百分点` is a difference of percentages, not a
  percent, and has none.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import regex

from .. import lang
from ..model import Number
from .candidate import Cand
from .numeral import exact, numeral_table, plain_digits
from .units import contexts, unit_at, unit_table

_SPACE_DIGIT = regex.compile(r" ?(\d|[^\W\d_])(?![\d.点])")


def extend_tail(c: Cand, norm: str) -> Cand:
    """The candidate with a half or a tenth written after its unit added in."""
    unit = unit_table().get(c.unit)
    end = c.end
    nxt = norm[end:end + 1]
    if unit is None or not nxt or nxt == "半" and "half" not in unit.flags or (
            nxt != "半" and "tenth" not in unit.flags and "decimals" not in unit.flags):
        return c
    if not norm.endswith(c.unit, 0, end) or Fraction(c.value).denominator != 1:
        return c
    if "half" in unit.flags and nxt == "半" and norm[end + 1:end + 2] not in contexts().get(
            "half-stop", frozenset()):
        return replace(c, end=end + 1, value=exact(Fraction(c.value) + Fraction(1, 2)))
    if "decimals" in unit.flags:
        return _decimals(c, norm)
    if "tenth" in unit.flags:
        m = _SPACE_DIGIT.match(norm, end)
        if m:
            d = m.group(1)
            table = numeral_table()
            tail = norm[m.end():m.end() + 1]
            if (d.isdigit() or d in plain_digits()) and tail not in table \
                    and tail not in unit_table():
                digit = int(d) if d.isdigit() else table[d][1]
                return replace(c, end=m.end(), value=exact(Fraction(c.value)
                                                            + Fraction(digit, 10)))
    return c


_DECIMALS = regex.compile(r"\d{1,2}(?!\d)|[〇零○一二三四五六七八九]{1,2}")
_NOT_AFTER = "多余几来左上下以点"  # 100米20多个: the digits start a number of their own


def _decimals(c: Cand, norm: str) -> Cand:
    """One or two digits right after a unit flagged `decimals`, in the number's own
    script, are its decimal places (11秒37 = 11.37 秒, 2米45, 一米八 = 1.8 米), unless
    another number starts there (100米10秒, 400米12名, 100米20多个)."""
    m = _DECIMALS.match(norm, c.end)
    if m is None or m.group().isdigit() == c.chinese:
        return c
    tail = norm[m.end():m.end() + 1]
    if tail and (tail in numeral_table() or tail in _NOT_AFTER or unit_at(norm, m.end())):
        return c
    digits = m.group()
    if not digits.isdigit():
        digits = "".join(str(numeral_table()[d][1]) for d in digits)
    return replace(c, end=m.end(),
                   value=exact(Fraction(c.value) + Fraction(int(digits), 10 ** len(digits))))


def percent_value(value: Number, unit: str, kind: str) -> Number | None:
    """A percent-like value in percent (九成 -> 90, 5‰ -> 0.5, 三分之一 -> 100/3)."""
    if unit == "" and kind == "ratio":
        return exact(Fraction(value) * 100)
    row = unit_table().get(unit)
    if row is None or row.base != "%" or row.factor is None:
        return None
    return exact(Fraction(value) * row.factor)


def tenths_run(numeral: str, unit: str) -> Number | None:
    """Two digits before a unit flagged `tenth`: 九五折 = 9.5 折, 三八折 = 3.8 折
    (a digit run that elsewhere is a name or a vague 'three or four')."""
    if len(numeral) != 2:
        return None
    row = unit_table().get(unit)
    if row is None or "tenth" not in row.flags or not all(c in plain_digits() for c in numeral):
        return None
    table = numeral_table()
    return exact(Fraction(table[numeral[0]][1]) + Fraction(table[numeral[1]][1], 10))


_DOTTED = regex.compile(rf"(?<![\d.])(\d{{1,12}}){lang.char_class('middle_dot')}$")


def dotted_decimal(norm: str, ns: int, numeral: str) -> tuple[str, int] | None:
    """A middle dot between digits, right before a number with a unit, is a decimal
    point in scraped news text (49·5摄氏度, 15·8％, 1·5万人): the whole numeral and where
    it starts, or None. Without a unit the dot joins a date name (“3·15”, “12·4”国家宪法日),
    which the caller never passes here."""
    if not numeral[:1].isdigit() or not 0 < ns < len(norm) or \
            norm[ns - 1] not in lang.chars("middle_dot"):
        return None
    m = _DOTTED.search(norm, max(0, ns - 13), ns)
    return None if m is None else (m.group(1) + "." + numeral, m.start())
