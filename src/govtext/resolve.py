"""The one place where candidates compete.

Every component proposes candidates; this module decides which become spans, by one
policy whose label knowledge comes from the registry (`model.labels`):

1. Nothing inside navigation or footer boilerplate; nothing a user blocked; nothing
   scored below `min_score`; one candidate per (start, end, label).
2. A label that yields to others on any overlap (QUANTITY to DOCNO, TERM, REGULATION
   and WORK: `“七五”普法`, `秦纪发〔2018〕3号`) or inside them (DATE inside DOCNO)
   goes, whatever the lengths.
3. The rest are placed in order: higher tier first (user rules), then longer, then the
   label's rank, then higher score. A candidate crossing a placed span (overlapping
   without being inside it) is dropped; one nested inside a placed span is dropped when
   its label yields inside the other's (`yields_inside`) or has the same label, kept
   otherwise (a DATE inside a REGULATION title stays).

`resolve` returns the kept spans, each with its rule id; `decide` also returns a
`Decision` per candidate saying why it was kept or dropped (`govtext explain`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .components import Candidate
from .model import Region, Span
from .model import labels as registry
from .text.structure import Structure

_BUCKET = 64  # placed spans are indexed by start // _BUCKET


@dataclass(frozen=True, slots=True)
class Decision:
    """What resolve did with one candidate: `kept`, or why it was dropped and, where
    another span caused it, that span (`by`)."""

    candidate: Candidate
    kept: bool
    reason: str
    by: Span | None = None

    def __str__(self) -> str:
        s = self.candidate.span
        verdict = "kept" if self.kept else "dropped"
        other = f" {self.by.label} {self.by.text!r}" if self.by is not None else ""
        return (f"{verdict:<8}{s.label:<11}{s.text!r} [{s.start}, {s.end}) "
                f"rule={self.candidate.rule or '-'} score={self.candidate.score:g}: "
                f"{self.reason}{other}")


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


def _boilerplate(regions: Sequence[Region]) -> Callable[[Span], bool]:
    """`inside(span)`: the span touches a boilerplate region (an empty span counts as
    one character wide)."""
    index = _Intervals((r.start, r.end) for r in regions if r.end > r.start)
    return lambda s: index.overlaps(s.start, max(s.end, s.start + 1))


class _Placed:
    """Placed spans, bucketed by start, so a conflict check looks only at spans that
    can reach the candidate (linear overall, where a sorted list insert is not)."""

    def __init__(self) -> None:
        self.buckets: dict[int, list[Span]] = {}
        self.longest = 0

    def near(self, s: Span) -> Iterable[Span]:
        for b in range((s.start - self.longest) // _BUCKET, s.end // _BUCKET + 1):
            yield from self.buckets.get(b, ())

    def add(self, s: Span) -> None:
        self.buckets.setdefault(s.start // _BUCKET, []).append(s)
        self.longest = max(self.longest, s.end - s.start)


def _conflict(s: Span, placed: _Placed) -> tuple[str, Span] | None:
    yields = registry.get(s.label)
    inside_of = yields.yields_inside if yields is not None else frozenset()
    for t in placed.near(s):
        if t.start < s.end and s.start < t.end or s.start == s.end == t.start:
            if not (t.start <= s.start and s.end <= t.end):
                return "crosses", t
            if s.label == t.label:
                return "inside a span of its label", t
            if t.label in inside_of:
                return f"{s.label} yields inside", t
    return None


def decide(candidates: Iterable[Candidate | Span], structure: Structure | None = None, *,
           blocked: Callable[[Span], bool] | None = None,
           min_score: float = 0.0, explain: bool = False
           ) -> tuple[list[Span], list[Decision]]:
    """The kept spans in text order, and (with ``explain``) a decision per candidate."""
    cands = [c if isinstance(c, Candidate) else Candidate(c) for c in candidates]
    decisions: list[Decision] = []

    def drop(c: Candidate, reason: str, by: Span | None = None) -> None:
        if explain:
            decisions.append(Decision(c, False, reason, by))

    in_boilerplate = _boilerplate(structure.boilerplate if structure else ())
    seen: dict[tuple[int, int, str], Span] = {}
    unique: list[Candidate] = []
    for c in cands:
        s = c.span
        key = (s.start, s.end, s.label)
        if key in seen:
            drop(c, "duplicate of", seen[key])
        elif in_boilerplate(s):
            drop(c, "in boilerplate")
        elif blocked is not None and blocked(s):
            drop(c, "blocked by a user rule")
        elif c.score < min_score:
            drop(c, f"score below {min_score:g}")
        else:
            seen[key] = s
            unique.append(c)

    # rule 2: labels that yield on any overlap / inside, whatever the lengths
    by_label: dict[str, list[tuple[int, int]]] = {}
    for c in unique:
        by_label.setdefault(c.label, []).append((c.span.start, c.span.end))
    index = {label: _Intervals(pairs) for label, pairs in by_label.items()}
    kept: list[Candidate] = []
    for c in unique:
        spec = registry.get(c.label)
        s = c.span
        if spec is not None:
            over = next((lb for lb in spec.yields_overlapping
                         if lb in index and index[lb].overlaps(s.start, s.end)), None)
            within = next((lb for lb in spec.yields_contained
                           if lb in index and index[lb].contains(s.start, s.end)), None)
            if over or within:
                drop(c, f"yields to an overlapping {over or within}")
                continue
        kept.append(c)

    # rule 3: place in order
    def rank(c: Candidate) -> int:
        spec = registry.get(c.label)
        return spec.rank if spec is not None else 1000

    kept.sort(key=lambda c: (-c.tier, -(c.span.end - c.span.start), rank(c), -c.score,
                             c.span.start))
    placed = _Placed()
    out: list[Span] = []
    for c in kept:
        conflict = _conflict(c.span, placed)
        if conflict is not None:
            drop(c, conflict[0], conflict[1])
            continue
        placed.add(c.span)
        out.append(c.span)
        if explain:
            decisions.append(Decision(c, True, "kept"))
    out.sort(key=lambda s: (s.start, -s.end, s.label))
    if explain:
        decisions.sort(key=lambda d: (d.candidate.span.start, -d.candidate.span.end,
                                      not d.kept))
    return out, decisions


def resolve(candidates: Iterable[Candidate | Span], structure: Structure | None = None, *,
            blocked: Callable[[Span], bool] | None = None, min_score: float = 0.0
            ) -> list[Span]:
    """Flat, de-duplicated spans outside boilerplate, conflicts settled by the rules
    above."""
    return decide(candidates, structure, blocked=blocked, min_score=min_score)[0]


__all__ = ["Decision", "decide", "resolve"]
