"""Entities: officials, persons, agencies, orgs, places, titles in 《》, document
numbers and policy terms."""

from __future__ import annotations

from typing import Sequence

from ..document import Span, Token
from ..text.prepare import Prepared
from ..text.structure import Structure


def find_entities(prep: Prepared, tokens: Sequence[Token], structure: Structure) -> list[Span]:
    """Entity spans of a prepared text (before conflicts are resolved)."""
    return []
