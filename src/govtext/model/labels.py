"""The label registry: one declaration per label.

A `LabelSpec` says everything the rest of govtext needs to know about a label: its span
class and attributes with their allowed values (used to validate `Document.from_dict`
and to write the JSON Schema), how it competes in `resolve` (its rank among spans of
equal length, the labels it yields to when nested or overlapping), its display colour,
its frame columns, its Document accessor and its nearest OntoNotes label.

Adding a label is one span class and one `register(LabelSpec(...))`, next to the
component that finds it (see docs/architecture.md for a worked example).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import InputError
from .spans import (APPROX, INDICATOR_CHANGES, INDICATOR_STATUSES, QUANTITY_KINDS,
                    REGULATION_KINDS, Agency, Date, DocNo, Indicator, Location, Official, Org,
                    Person, Quantity, Regulation, Span, Term, Work)

# attribute kinds: how a value looks in JSON
#   str       a string                 number   an exact number string ("12.5", "1/3")
#   bool      true/false               iso      an ISO 8601 date, partial or interval
#   int       an integer               offsets  [start, end] into the text
ATTR_KINDS = ("str", "bool", "int", "number", "iso", "offsets")


@dataclass(frozen=True, slots=True)
class Attr:
    """One attribute of a label. `choices` lists the allowed values (empty: any value of
    the kind); `required` attributes must be present in JSON; `nullable` ones may be
    null."""

    name: str
    kind: str = "str"
    choices: tuple[Any, ...] = ()
    required: bool = False
    nullable: bool = False
    doc: str = ""


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """Everything govtext knows about one label."""

    label: str
    cls: type[Span]
    attrs: tuple[Attr, ...] = ()
    rank: int = 100                 # among candidates of equal length, lower wins
    yields_inside: frozenset[str] = frozenset()      # dropped when nested in these labels
    yields_overlapping: frozenset[str] = frozenset()  # dropped on any overlap with these
    yields_contained: frozenset[str] = frozenset()   # dropped inside these, whatever wins
    colour: str = "#dddddd"
    columns: tuple[tuple[str, str], ...] = ()        # (attr, frame column) pairs
    accessor: str | None = None     # the Document property listing these spans
    ontonotes: str | None = None    # nearest OntoNotes label, for spaCy users
    hosts_optional: bool = False    # gold spans nested inside it are optional (scoring)
    value_scored: bool = False      # `govtext eval` also scores its value
    description: str = ""

    def attr(self, name: str) -> Attr | None:
        return next((a for a in self.attrs if a.name == name), None)


_REGISTRY: dict[str, LabelSpec] = {}


def register(spec: LabelSpec, *, replace: bool = False) -> LabelSpec:
    """Add a label (or, with ``replace=True``, change one). Returns the spec."""
    if spec.cls.label != spec.label:
        raise InputError("E006", rule=spec.label,
                         why=f"its span class says label {spec.cls.label!r}")
    old = _REGISTRY.get(spec.label)
    if old is not None and not replace and old.cls is not spec.cls:
        raise InputError("E008", label=spec.label, cls=old.cls.__qualname__)
    _REGISTRY[spec.label] = spec
    return spec


def unregister(label: str) -> None:
    """Remove a label added with `register` (for tests and plugins)."""
    _REGISTRY.pop(label, None)


def spec(label: str) -> LabelSpec:
    """The spec of a label, or an InputError naming the known ones."""
    found = _REGISTRY.get(label)
    if found is None:
        raise InputError("E007", label=label, known=", ".join(_REGISTRY))
    return found


def get(label: str) -> LabelSpec | None:
    return _REGISTRY.get(label)


def specs() -> Iterator[LabelSpec]:
    """Every registered label, in rank order (built-in labels first)."""
    return iter(sorted(_REGISTRY.values(), key=lambda s: s.rank))


def labels() -> tuple[str, ...]:
    return tuple(s.label for s in specs())


# ---------------------------------------------------------------------------
# the built-in labels

_NAMES = frozenset({"AGENCY", "LOCATION", "PERSON", "ORG", "OFFICIAL"})
_TITLES = frozenset({"OFFICIAL", "REGULATION", "WORK", "TERM"})
_NUM = ("number",)

_BUILTIN = (
    LabelSpec(
        "DOCNO", DocNo, rank=0, accessor="docnos", colour="#b8c0ff", ontonotes="LAW",
        attrs=(Attr("issuer_code", required=True), Attr("year", nullable=True),
               Attr("serial", required=True)),
        yields_inside=frozenset({"REGULATION", "WORK"}),
        columns=(("issuer_code", "issuer_code"), ("year", "docno_year"), ("serial", "serial")),
        description="an official document number (文号)"),
    LabelSpec(
        "REGULATION", Regulation, hosts_optional=True,
        rank=1, accessor="regulations", colour="#cdb4db",
        ontonotes="LAW",
        attrs=(Attr("title", required=True), Attr("kind", choices=REGULATION_KINDS),
               Attr("bracketed", "bool")),
        yields_inside=frozenset({"WORK"}),
        columns=(("title", "title"), ("kind", "reg_kind")),
        description="the title of a law, regulation, plan, notice or other instrument"),
    LabelSpec(
        "WORK", Work, hosts_optional=True,
        rank=2, accessor="works", colour="#ffc8dd", ontonotes="WORK_OF_ART",
        attrs=(Attr("title", required=True),), yields_inside=frozenset({"REGULATION"}),
        columns=(("title", "title"),),
        description="a title in book-title marks that is not an instrument"),
    LabelSpec(
        "OFFICIAL", Official, hosts_optional=True,
        rank=3, accessor="officials", colour="#f4a261",
        ontonotes="PERSON",
        attrs=(Attr("name", required=True), Attr("title", required=True)),
        yields_inside=frozenset({"REGULATION", "WORK", "TERM"}),
        columns=(("name", "name"), ("title", "title")),
        description="a named person with an attached position title"),
    LabelSpec(
        "ORG", Org, rank=4, accessor="orgs", colour="#a3c4bc", ontonotes="ORG",
        yields_inside=_TITLES | {"AGENCY", "DOCNO"},
        description="a named non-government organization"),
    LabelSpec(
        "AGENCY", Agency, rank=5, accessor="agencies", colour="#84a59d", ontonotes="ORG",
        attrs=(Attr("canonical", nullable=True),),
        yields_inside=_TITLES - {"OFFICIAL"} | {"ORG", "DOCNO"},  # 国务院总理李鹏 keeps 国务院
        columns=(("canonical", "canonical"),),
        description="a party, state, congress, CPPCC, court or procuratorate organ"),
    LabelSpec(
        "PERSON", Person, rank=6, accessor="persons", colour="#f28482", ontonotes="PERSON",
        attrs=(Attr("name"),),
        yields_inside=_TITLES | {"AGENCY", "ORG", "LOCATION", "DOCNO"},  # 秦纪发 is a code
        columns=(("name", "name"),), description="a named person with no title"),
    LabelSpec(
        "LOCATION", Location, rank=7, accessor="locations", colour="#90caf9",
        ontonotes="GPE",
        yields_inside=_TITLES - {"OFFICIAL"} | {"AGENCY", "ORG", "DOCNO"},  # 美国总统克林顿
        description="a named place, division, country, region, river or mountain"),
    LabelSpec(
        "DATE", Date, value_scored=True,
        rank=8, accessor="dates", colour="#bde0fe", ontonotes="DATE",
        attrs=(Attr("value", "iso", nullable=True), Attr("low", "iso", nullable=True),
               Attr("high", "iso", nullable=True)),
        yields_inside=frozenset({"DOCNO", "QUANTITY"}), yields_contained=frozenset({"DOCNO"}),
        columns=(("value", "date"), ("low", "date_low"), ("high", "date_high")),
        description="an absolute calendar date or period"),
    LabelSpec(
        "QUANTITY", Quantity, value_scored=True,
        rank=9, accessor="quantities", colour="#c5e99b",
        ontonotes="QUANTITY",
        attrs=(Attr("value", "number", required=True), Attr("unit"),
               Attr("kind", choices=QUANTITY_KINDS), Attr("approx", choices=APPROX,
                                                          nullable=True),
               Attr("low", "number", nullable=True), Attr("high", "number", nullable=True),
               Attr("percent", "number", nullable=True,
                    doc="the value in percent, for percent-like units (%, ‰, 成, 折, 分之)"),
               Attr("currency", nullable=True, doc="ISO 4217 code of a money amount")),
        yields_inside=frozenset({"DATE", "DOCNO"}) | _NAMES,
        yields_overlapping=frozenset({"DOCNO", "TERM", "REGULATION", "WORK"}),
        columns=(("value", "value"), ("unit", "unit"), ("kind", "kind"),
                 ("approx", "approx"), ("low", "low"), ("high", "high"),
                 ("percent", "percent"), ("currency", "currency")),
        description="a number with its unit or measure word"),
    LabelSpec(
        "TERM", Term, hosts_optional=True,
        rank=10, accessor="terms", colour="#d8e2dc",
        description="a policy term or slogan in quotation marks"),
    LabelSpec(  # links, added after the resolver (they overlap names freely)
        "INDICATOR", Indicator, rank=11, accessor="indicators", colour="#fdffb6",
        attrs=(Attr("quantity", "offsets", required=True,
                    doc="[start, end] of the QUANTITY the statistic is measured by"),
               Attr("change", choices=INDICATOR_CHANGES, required=True),
               Attr("status", choices=INDICATOR_STATUSES, required=True),
               Attr("year", "int", nullable=True, doc="the year the figure refers to")),
        columns=(("change", "change"), ("status", "status"), ("year", "year")),
        description="the name of the statistic a QUANTITY measures"),
)
for _spec in _BUILTIN:
    register(_spec)

__all__ = ["ATTR_KINDS", "Attr", "LabelSpec", "get", "labels", "register", "spec", "specs",
           "unregister"]
