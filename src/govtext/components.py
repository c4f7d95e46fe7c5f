"""Components and candidates.

A component is anything with a `name` that, called on an `Analysis`, yields
`Candidate`s: a span (whose `rule` says which rule made it), a score in [0, 1] (1 for a
rule's certain match; a learned model gives its probability), and a tier (user rules
are tier 1 and win over built-in tier-0 candidates they overlap). Components do not
settle conflicts among themselves: `resolve` does, in one place.

    >>> from govtext.components import component, Candidate
    >>> @component("greetings")
    ... def greetings(analysis):
    ...     i = analysis.text.find("你好")
    ...     if i >= 0:
    ...         yield Candidate(Term(i, i + 2, "你好", rule="greetings.hello"))

Pass components to `Pipeline(components=[...])` to add them to the built-in ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, runtime_checkable

from .model import Span

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed span, the score its component gives it, and its tier."""

    span: Span
    score: float = 1.0
    tier: int = 0

    @property
    def rule(self) -> str:
        return self.span.rule or ""

    @property
    def label(self) -> str:
        return self.span.label


@runtime_checkable
class Component(Protocol):
    """Yields candidates for one document."""

    @property
    def name(self) -> str: ...

    def __call__(self, analysis: Analysis) -> Iterable[Candidate]: ...


@dataclass(frozen=True, slots=True)
class FunctionComponent:
    """A plain function made a component. Spans it yields without a rule id get the
    component's name as their rule; spans (not Candidates) get score 1."""

    name: str
    function: Callable[[Analysis], Iterable[Candidate | Span]]
    doc: str = field(default="", compare=False)

    def __call__(self, analysis: Analysis) -> Iterator[Candidate]:
        for item in self.function(analysis):
            cand = item if isinstance(item, Candidate) else Candidate(item)
            if cand.span.rule is None:
                cand = Candidate(replace(cand.span, rule=self.name), cand.score, cand.tier)
            yield cand


def component(name: str) -> Callable[[Callable[[Analysis], Iterable[Candidate | Span]]],
                                     FunctionComponent]:
    """Decorator: ``@component("mylabel")`` turns ``def f(analysis)`` into a component."""
    def wrap(function: Callable[[Analysis], Iterable[Candidate | Span]]) -> FunctionComponent:
        return FunctionComponent(name, function, function.__doc__ or "")
    return wrap


def with_rule(spans: Iterable[Span], rule: str) -> Iterator[Candidate]:
    """Candidates of score 1 from spans, each given `rule` unless it has its own."""
    for s in spans:
        yield Candidate(s if s.rule is not None else replace(s, rule=rule))


__all__ = ["Candidate", "Component", "FunctionComponent", "component", "with_rule"]
