"""Entities: officials, persons, agencies, orgs, places, titles in 《》, document
numbers and policy terms.

Each finder family is a component (`entities.components.COMPONENTS`) that yields
candidates over the shared `Analysis`; the name finders share one scan per document
(`entities.scan`). `find_entities` runs them all and returns their spans unresolved.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Span, Token
from ..text.prepare import Prepared
from ..text.structure import Structure


def find_entities(prep: Prepared, tokens: Sequence[Token], structure: Structure) -> list[Span]:
    """Entity spans of a prepared text (before conflicts are resolved)."""
    from ..analysis import Analysis
    from .components import COMPONENTS

    analysis = Analysis.of(prep, tokens=tokens, structure=structure)
    return [c.span for component in COMPONENTS for c in component(analysis)]


__all__ = ["find_entities"]
