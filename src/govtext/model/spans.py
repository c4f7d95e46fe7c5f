"""Span classes: one frozen dataclass per label, over the ORIGINAL text.

A span is ``[start, end)`` in code points of the input, its `text`, its label's own
fields, and `rule`: the id of the rule or component that made it (provenance; not part
of equality, and not in the guidelines' JSON form unless asked for).

`attrs` gives the label's fields in their JSON form: exact numbers as strings
(`format_number`), dates as ISO strings, tuples as lists. What each label allows is
declared once, in the label registry (`govtext.model.labels`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from .values import Number, format_number

JSON = Any

_BASE_FIELDS = frozenset({"start", "end", "text", "rule"})


def to_json_value(value: Any) -> JSON:
    """A field value in its JSON form."""
    if isinstance(value, (Decimal, Fraction)):
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_json_value(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch ``[start, end)`` of the original text (code-point offsets)."""

    start: int
    end: int
    text: str
    rule: str | None = field(default=None, kw_only=True, compare=False, repr=False)

    label: ClassVar[str] = ""

    @property
    def attrs(self) -> dict[str, JSON]:
        """The label's own fields in their JSON form."""
        return {f.name: to_json_value(getattr(self, f.name))
                for f in fields(self) if f.name not in _BASE_FIELDS}

    def to_dict(self, *, rule: bool = False) -> dict[str, JSON]:
        """The guidelines' span format; with ``rule=True`` also the span's rule id."""
        out: dict[str, JSON] = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "attrs": self.attrs,
        }
        if rule:
            out["rule"] = self.rule
        return out


@dataclass(frozen=True, slots=True)
class Official(Span):
    """A named person with an attached position title: `市长张瑞书`."""

    name: str
    title: str
    label: ClassVar[str] = "OFFICIAL"


@dataclass(frozen=True, slots=True)
class Person(Span):
    """A named person without a title: `习近平`."""

    name: str
    label: ClassVar[str] = "PERSON"


@dataclass(frozen=True, slots=True)
class Agency(Span):
    """A party, government, congress, CPPCC, court or procuratorate organ, or a public
    institution; `canonical` is the expanded name where context allows."""

    canonical: str | None = None
    label: ClassVar[str] = "AGENCY"

    @property
    def attrs(self) -> dict[str, JSON]:
        return {} if self.canonical is None else {"canonical": self.canonical}


@dataclass(frozen=True, slots=True)
class Org(Span):
    """A named non-government organization: media outlet, company, association,
    international body."""

    label: ClassVar[str] = "ORG"


@dataclass(frozen=True, slots=True)
class Location(Span):
    """A named place: administrative division, country, region, river, mountain."""

    label: ClassVar[str] = "LOCATION"


@dataclass(frozen=True, slots=True)
class Term(Span):
    """The content of a quotation-marked policy term or slogan."""

    label: ClassVar[str] = "TERM"


REGULATION_KINDS = (
    "law", "regulation", "rule", "opinion", "notice", "decision", "plan", "list", "other",
)


@dataclass(frozen=True, slots=True)
class Regulation(Span):
    """The title of an official instrument; `kind` is one of `REGULATION_KINDS`."""

    title: str
    kind: str
    bracketed: bool = True
    label: ClassVar[str] = "REGULATION"


@dataclass(frozen=True, slots=True)
class Work(Span):
    """A title in book-title marks that is not an official instrument: `《普法时间》`."""

    title: str
    label: ClassVar[str] = "WORK"


@dataclass(frozen=True, slots=True)
class DocNo(Span):
    """An official document number (文号): `秦纪发〔2018〕3号`."""

    issuer_code: str
    year: str | None
    serial: str
    label: ClassVar[str] = "DOCNO"


def _with_range(out: dict[str, JSON], low: Any, high: Any) -> dict[str, JSON]:
    if low is not None or high is not None:
        out["low"] = to_json_value(low)
        out["high"] = to_json_value(high)
    return out


@dataclass(frozen=True, slots=True)
class Date(Span):
    """An absolute date or period. `value` is ISO 8601, partial allowed (`2018`,
    `2018-04`, `--12-04`); a range is an interval `2018/2022` with `low` and `high`."""

    value: str | None
    low: str | None = None
    high: str | None = None
    label: ClassVar[str] = "DATE"

    @property
    def attrs(self) -> dict[str, JSON]:
        return _with_range({"value": self.value}, self.low, self.high)

    @property
    def date(self) -> date | None:
        """The value as a `datetime.date` when it names one full day."""
        if self.value and len(self.value) == 10 and self.value[4] == "-":
            try:
                return date.fromisoformat(self.value)
            except ValueError:
                return None
        return None


QUANTITY_KINDS = (
    "money", "percent", "area", "length", "mass", "volume", "energy", "duration",
    "count", "ratio", "other", "age", "information",
)
APPROX = (None, "more", "less", "about")


@dataclass(frozen=True, slots=True)
class Quantity(Span):
    """A number with its unit or measure word: `271.27亿元` -> value 27127000000, unit 元.

    `value` is exact (`Decimal`, or `Fraction` for `三分之一`); multipliers such as 万/亿
    are folded into it. `approx` is None, "more", "less" or "about". A range
    (`5至10个`) has `low` and `high`, and `value` equal to `low`. A percent-like
    quantity (%, ‰, 成, 折, 分之) also has `percent`, its value in percent (九成 -> 90,
    5‰ -> 0.5); money in a known currency has `currency`, its ISO 4217 code (CNY, USD).
    """

    value: Number
    unit: str
    kind: str
    approx: str | None = None
    low: Number | None = None
    high: Number | None = None
    percent: Number | None = None
    currency: str | None = None
    label: ClassVar[str] = "QUANTITY"

    @property
    def attrs(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {"value": format_number(self.value), "unit": self.unit,
                                "kind": self.kind, "approx": self.approx}
        _with_range(out, self.low, self.high)
        if self.percent is not None:
            out["percent"] = format_number(self.percent)
        if self.currency is not None:
            out["currency"] = self.currency
        return out


INDICATOR_CHANGES = ("level", "increase", "decrease")
INDICATOR_STATUSES = ("actual", "target")


@dataclass(frozen=True, slots=True)
class Indicator(Span):
    """The name of the statistic a QUANTITY measures: `城镇新增就业` for `1100万人以上`
    (guidelines v1.2, section "Indicators").

    `quantity` is the ``(start, end)`` of the linked QUANTITY, `change` one of
    `INDICATOR_CHANGES`, `status` one of `INDICATOR_STATUSES`; `year` is the year the
    figure refers to (docs/indicators.md), None when it cannot be told. `measure` is the
    linked Quantity itself (not part of equality or of the JSON form; `doc.indicators`
    fills it in).
    """

    quantity: tuple[int, int]
    change: str
    status: str
    year: int | None = None
    measure: Quantity | None = field(default=None, compare=False, repr=False)
    label: ClassVar[str] = "INDICATOR"

    def __post_init__(self) -> None:
        if self.change not in INDICATOR_CHANGES:
            raise ValueError(f"INDICATOR change must be one of {INDICATOR_CHANGES}, "
                             f"not {self.change!r}")
        if self.status not in INDICATOR_STATUSES:
            raise ValueError(f"INDICATOR status must be one of {INDICATOR_STATUSES}, "
                             f"not {self.status!r}")

    @property
    def attrs(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {"quantity": [self.quantity[0], self.quantity[1]],
                                "change": self.change, "status": self.status}
        if self.year is not None:
            out["year"] = self.year
        return out


__all__ = ["APPROX", "INDICATOR_CHANGES", "INDICATOR_STATUSES", "Indicator", "Agency", "Date", "DocNo", "Location", "Official", "Org", "Person",
           "QUANTITY_KINDS", "Quantity", "REGULATION_KINDS", "Regulation", "Span", "Term",
           "Work", "to_json_value"]
