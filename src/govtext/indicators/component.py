"""The indicators stage: links between the spans the resolver kept. It runs after
numbers and entities (it reads the QUANTITY spans, and leaves dates, places and agencies
out of names); the links compete with nothing, so they join the document after the
resolver."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..model import Indicator, Span
from .finder import find_indicators

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis


def indicators_of(analysis: Analysis, spans: Sequence[Span]) -> list[Indicator]:
    day = analysis.structure.metadata.date
    structure = analysis.structure
    return find_indicators(analysis.text, spans, structure.sentences, structure.outline,
                           year=None if day is None else day.year,
                           month=None if day is None else day.month, norm=analysis.norm)
