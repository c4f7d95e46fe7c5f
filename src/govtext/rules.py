"""User rules: entries a user adds or blocks, as data, without touching the package.

An entry is a dict (or a line of a JSONL file, or an item of a JSON list):

    {"label": "ORG", "pattern": "博鳌亚洲论坛"}                   # add: a literal
    {"label": "AGENCY", "regex": "[一-龥]{2,6}管理委员会", "id": "mgmt"}  # add: a regex
    {"label": "OFFICIAL", "pattern": "张三市长", "attrs": {"name": "张三", "title": "市长"}}
    {"block": "党中央统揽全局"}                                   # never tag this text
    {"block": "和企业", "label": "PERSON"}                       # ... as this label

Patterns match the normalized text, so a simplified pattern also finds its traditional
and full-width forms. Added spans are candidates of tier 1 (they win over built-in ones
they overlap) with rule id ``user.<id or pattern>``; blocks make `resolve` drop any
candidate whose text (normalized) equals the blocked text. Bad entries raise an
`InputError` saying which entry and why.

    >>> nlp = Pipeline(rules=[{"block": "党中央统揽全局"}])
    >>> nlp = Pipeline(rules="my_rules.jsonl")
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Union

import regex

from .components import Candidate
from .errors import InputError, SchemaError
from .model import Span
from .model import labels as registry
from .model.serialize import span_from_dict
from .text.prepare import normalize

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

RuleSource = Union[str, "os.PathLike[str]", Iterable[Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    pattern: regex.Pattern[str]
    attrs: tuple[tuple[str, Any], ...]
    id: str


def _read(source: RuleSource) -> list[Mapping[str, Any]]:
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with open(path, encoding="utf-8") as f:
            content = f.read()
        if content.lstrip().startswith("["):
            items = json.loads(content)
        else:
            items = []
            for n, line in enumerate(content.splitlines(), 1):
                if line.strip():
                    try:
                        items.append(json.loads(line))
                    except ValueError as err:
                        raise InputError("E006", rule=f"{path}:{n}", why=str(err)) from None
        return list(items)
    return list(source)


@dataclass(frozen=True, slots=True)
class UserRules:
    """The added entries and the blocked texts of a pipeline."""

    entries: tuple[Entry, ...] = ()
    blocked: frozenset[tuple[str | None, str]] = frozenset()

    @classmethod
    def load(cls, source: RuleSource | None) -> UserRules:
        if source is None:
            return cls()
        entries: list[Entry] = []
        blocked: set[tuple[str | None, str]] = set()
        for item in _read(source):
            if not isinstance(item, Mapping):
                raise InputError("E006", rule=item, why="an entry is a JSON object")
            label = item.get("label")
            if label is not None and registry.get(label) is None:
                raise InputError("E006", rule=dict(item), why=f"unknown label {label!r}")
            if "block" in item:
                if not isinstance(item["block"], str) or not item["block"]:
                    raise InputError("E006", rule=dict(item), why="block needs a text")
                blocked.add((label, normalize(item["block"])))
                continue
            entries.append(_entry(item))
        return cls(tuple(entries), frozenset(blocked))

    def __bool__(self) -> bool:
        return bool(self.entries or self.blocked)

    def is_blocked(self, span: Span) -> bool:
        if not self.blocked:
            return False
        text = normalize(span.text)
        return (None, text) in self.blocked or (span.label, text) in self.blocked


def _entry(item: Mapping[str, Any]) -> Entry:
    label = item.get("label")
    if not isinstance(label, str):
        raise InputError("E006", rule=dict(item), why="an added entry needs a label")
    literal, pattern = item.get("pattern"), item.get("regex")
    if (literal is None) == (pattern is None):
        raise InputError("E006", rule=dict(item), why="give one of pattern or regex")
    try:
        compiled = regex.compile(regex.escape(normalize(literal)) if literal is not None
                                 else normalize(str(pattern)))
    except (regex.error, TypeError) as err:
        raise InputError("E006", rule=dict(item), why=str(err)) from None
    attrs = item.get("attrs") or {}
    entry = Entry(label, compiled, tuple(sorted(attrs.items())),
                  str(item.get("id") or literal or pattern))
    try:  # check the attributes once, on a dummy span
        span_from_dict({"start": 0, "end": 1, "label": label, "text": "x", "attrs": attrs})
    except SchemaError as err:
        raise InputError("E006", rule=dict(item), why=str(err)) from None
    return entry


@dataclass(frozen=True, slots=True)
class RulesComponent:
    """The user's added entries as a component (tier-1 candidates)."""

    rules: UserRules
    name: str = "user"

    def __call__(self, analysis: Analysis) -> Iterator[Candidate]:
        text, norm = analysis.text, analysis.norm
        for entry in self.rules.entries:
            for m in entry.pattern.finditer(norm):
                if m.end() == m.start():
                    continue
                span = span_from_dict({"start": m.start(), "end": m.end(),
                                       "label": entry.label, "text": text[m.start():m.end()],
                                       "attrs": dict(entry.attrs),
                                       "rule": f"user.{entry.id}"}, text)
                yield Candidate(span, 1.0, tier=1)


__all__ = ["RulesComponent", "UserRules"]
