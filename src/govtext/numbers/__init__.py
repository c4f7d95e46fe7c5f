"""Numbers: numerals (parse), units (table), quantities and dates (find).

    >>> from govtext.numbers import parse_number, find_numbers
    >>> parse_number("一百零八億")
    Decimal('10800000000')
    >>> find_numbers("共有3万4000人")
    [NumberMatch(start=2, end=8, text='3万4000', value=Decimal('34000'))]

- `parse_number(s)`: the exact value of one numeral (Decimal, or Fraction for 三分之一);
  percent forms give the plain value (百分之五十 -> 0.5).
- `find_numbers(text)`: every numeral with offsets into `text` and its value.
- `find_spans(prep)`: the QUANTITY and DATE spans the pipeline adds; a QUANTITY keeps
  its number in its unit (百分之三十六点九 -> 36.9 with unit %).
- `to_base(quantity)`: the value in the unit's base unit (亩 -> 平方米), from
  `data/units.tsv`.

Language data: `units.tsv` (units and measure words), `numbers_numerals.tsv`,
`numbers_approx.tsv` (余, 约, 以上 …), `numbers_context.tsv` (ordinals, names, idioms),
`numbers_fixed_words.txt` (三门峡, 五花八门) and `numbers_words.tsv` (一半).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Span
from ..text.prepare import Prepared
from .dates import find_dates
from .parse import parse_number
from .squeeze import squeezed
from .candidate import NumberMatch
from .find import find_numbers
from .quantities import find_quantities
from .units import to_base


def find_spans(prep: Prepared) -> list[Span]:
    """QUANTITY and DATE spans of a prepared text. Dates are found first; a number that
    is part of a date is not also a quantity. Digit runs broken by single spaces
    (`1 8 5 8 亿美元`) are read as one number (see `squeeze`)."""
    squeeze = squeezed(prep)
    if squeeze is None:
        return _find(prep)
    view, index = squeeze
    out = []
    for s in _find(view):
        start, end = index[s.start], index[s.end - 1] + 1
        # a span before the first deletion keeps its offsets and text
        out.append(s if (start, end) == (s.start, s.end) else
                   replace(s, start=start, end=end, text=prep.text[start:end]))
    return out


def _find(prep: Prepared) -> list[Span]:
    dates = find_dates(prep)
    quantities = find_quantities(prep, [(d.start, d.end) for d in dates])
    return [*dates, *quantities]


__all__ = ["NumberMatch", "find_dates", "find_numbers", "find_quantities", "find_spans",
           "parse_number", "to_base"]
