"""The numbers component: DATE and QUANTITY candidates.

Dates are found first; a number that is part of a date is not also a quantity, which
`find_spans` settles before the resolver sees them (a DATE and the QUANTITY inside it
are one reading of the same characters, not two competing spans).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..components import Candidate, Component, FunctionComponent
from . import find_spans

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis


def _numbers(analysis: Analysis) -> Iterator[Candidate]:
    """Dates, then quantities with their units."""
    # the finders name their rule (numbers.date, numbers.quantity) when they make a span
    for span in find_spans(analysis.prep):
        yield Candidate(span)


COMPONENTS: tuple[Component, ...] = (FunctionComponent("numbers", _numbers, _numbers.__doc__ or ""),)

__all__ = ["COMPONENTS"]
