"""The one place where overlapping spans from different stages are reconciled.

The rules are a small table, checked against the gold set:

1. Nothing inside navigation or footer boilerplate.
2. A QUANTITY that overlaps a DOCNO, TERM, REGULATION or WORK is part of a name or a
   number (`“七五”普法`, `秦纪发〔2018〕3号`), not a quantity; a DATE inside a DOCNO is its
   year. These win whatever their length.
3. Otherwise longer spans are placed first (ties: `PRIORITY`). A span crossing a placed
   span (overlapping without being inside it) is dropped. A span inside a placed span is
   dropped when `NESTED_DROP` lists the pair (inner label, outer label), kept otherwise
   (a DATE inside a REGULATION title stays: the gold set keeps it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable

from .document import Span
from .text.structure import Structure

# (label, other labels that make it go whenever the two overlap)
OVERLAP_DROP: dict[str, frozenset[str]] = {
    "QUANTITY": frozenset({"DOCNO", "TERM", "REGULATION", "WORK"}),
}

_NAMES = frozenset({"AGENCY", "LOCATION", "PERSON", "ORG", "OFFICIAL"})
_TITLES = frozenset({"OFFICIAL", "REGULATION", "WORK", "TERM"})

# inner label -> outer labels it is dropped inside (besides its own label)
NESTED_DROP: dict[str, frozenset[str]] = {
    "QUANTITY": frozenset({"DATE", "DOCNO"}) | _NAMES,
    "DATE": frozenset({"DOCNO", "QUANTITY"}),
    "AGENCY": _TITLES | {"ORG"},
    "LOCATION": _TITLES | {"AGENCY", "ORG"},
    "PERSON": _TITLES | {"AGENCY", "ORG", "LOCATION"},
    "ORG": _TITLES | {"AGENCY"},
    "OFFICIAL": frozenset({"REGULATION", "WORK", "TERM"}),
    "DOCNO": frozenset({"REGULATION", "WORK"}),
    "TERM": frozenset(),
    "REGULATION": frozenset({"WORK"}),
    "WORK": frozenset({"REGULATION"}),
}

# tie-break between spans of the same length, first wins
# (ORG before AGENCY: an ORG suffix such as 调解委员会 or 日报 is more specific than the
# generic institution suffixes of the agency grammar)
PRIORITY = ("DOCNO", "REGULATION", "WORK", "OFFICIAL", "ORG", "AGENCY", "PERSON",
            "LOCATION", "DATE", "QUANTITY", "TERM")
_RANK = {label: i for i, label in enumerate(PRIORITY)}


def _in_boilerplate(spans: list[Span], structure: Structure) -> list[Span]:
    regions = sorted((r.start, r.end) for r in structure.boilerplate if r.end > r.start)
    if not regions:
        return spans
    starts = [r[0] for r in regions]
    out = []
    for s in spans:
        i = bisect_right(starts, max(s.end - 1, s.start)) - 1
        hit = False
        # a region overlapping [start, end): check the last region starting before end
        while i >= 0:
            a, b = regions[i]
            if b <= s.start and a < s.start:
                break
            if a < max(s.end, s.start + 1) and s.start < b:
                hit = True
                break
            i -= 1
        if not hit:
            out.append(s)
    return out


class _Intervals:
    """Half-open intervals answering "does any overlap / contain [start, end)?" in
    O(log n): sorted by start, with the running maximum of their ends."""

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, b in ordered:
            top = max(top, b)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # intervals starting before `end`
        return i > 0 and self.max_end[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)  # intervals starting at or before `start`
        return i > 0 and self.max_end[i - 1] >= end


def resolve(spans: Iterable[Span], structure: Structure) -> list[Span]:
    """Flat, de-duplicated spans outside boilerplate, conflicts settled by the rules above."""
    items = _in_boilerplate(list(spans), structure)
    seen = set()
    unique = []
    for s in items:
        key = (s.start, s.end, s.label)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    # rule 2
    by_label: dict[str, list[tuple[int, int]]] = {}
    for s in unique:
        by_label.setdefault(s.label, []).append((s.start, s.end))
    strong = {label: _Intervals(pairs) for label, pairs in by_label.items()}
    none = _Intervals([])

    kept = []
    for s in unique:
        if s.label in OVERLAP_DROP and any(strong.get(label, none).overlaps(s.start, s.end)
                                           for label in OVERLAP_DROP[s.label]):
            continue
        if s.label == "DATE" and strong.get("DOCNO", none).contains(s.start, s.end):
            continue
        kept.append(s)
    # rule 3
    kept.sort(key=lambda s: (-(s.end - s.start), _RANK.get(s.label, len(PRIORITY)), s.start))
    placed: list[Span] = []
    starts: list[int] = []  # sorted starts of `placed`, for a windowed conflict search
    longest = 0
    for s in kept:
        ok = True
        lo = bisect_right(starts, s.start - longest - 1)
        hi = bisect_right(starts, s.end)
        for t in placed[lo:hi]:
            if t.start < s.end and s.start < t.end or (s.start == s.end == t.start):
                inside = t.start <= s.start and s.end <= t.end
                if not inside:
                    ok = False
                    break
                if s.label == t.label or t.label in NESTED_DROP.get(s.label, frozenset()):
                    ok = False
                    break
        if ok:
            i = bisect_right(starts, s.start)
            starts.insert(i, s.start)
            placed.insert(i, s)
            longest = max(longest, s.end - s.start)
    placed.sort(key=lambda s: (s.start, -s.end, s.label))
    return placed
