"""The indicators stage of the pipeline: runs after numbers and entities have been
resolved (it reads the QUANTITY spans, and leaves dates, places and agencies out of names)."""

from __future__ import annotations

from typing import Sequence

from ..document import Indicator, Span
from ..text.prepare import Prepared
from ..text.structure import Structure
from .finder import find_indicators


def indicators_of(prep: Prepared, spans: Sequence[Span], structure: Structure) -> list[Indicator]:
    meta = structure.metadata
    day = getattr(meta, "date", None) or getattr(meta, "delivered", None) \
        or meta.issued or meta.published
    return find_indicators(prep.text, spans, structure.sentences, structure.outline,
                           year=None if day is None else day.year,
                           month=None if day is None else day.month, norm=prep.norm)
