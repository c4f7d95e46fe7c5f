"""The one place where overlapping spans from different stages are reconciled."""

from __future__ import annotations

from typing import Iterable

from .document import Span
from .text.structure import Structure


def resolve(spans: Iterable[Span], structure: Structure) -> list[Span]:
    """Drop spans inside boilerplate and exact duplicates."""
    regions = structure.boilerplate
    out = []
    seen = set()
    for s in spans:
        if any(r.start <= s.start < r.end or r.start < s.end <= r.end for r in regions):
            continue
        key = (s.start, s.end, s.label)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out
