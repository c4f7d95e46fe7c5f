"""Numbers: numerals (parse), units (table), quantities and dates (find).

    >>> from govtext.numbers import parse_number, find_numbers
    >>> parse_number("一百零八億")
    Decimal('10800000000')
"""

from __future__ import annotations

from ..document import Span
from ..text.prepare import Prepared
from .dates import find_dates
from .parse import parse_number
from .quantities import NumberMatch, find_numbers, find_quantities
from .units import to_base


def find_spans(prep: Prepared) -> list[Span]:
    """QUANTITY and DATE spans of a prepared text. Dates are found first; a number that
    is part of a date is not also a quantity."""
    dates = find_dates(prep)
    quantities = find_quantities(prep, [(d.start, d.end) for d in dates])
    return [*dates, *quantities]


__all__ = ["NumberMatch", "find_dates", "find_numbers", "find_quantities", "find_spans",
           "parse_number", "to_base"]
