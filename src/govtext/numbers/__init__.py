"""Numbers: numerals (parse), units (table), quantities and dates (find)."""

from __future__ import annotations

from ..document import Span
from ..text.prepare import Prepared


def find_spans(prep: Prepared) -> list[Span]:
    """QUANTITY and DATE spans of a prepared text."""
    return []
