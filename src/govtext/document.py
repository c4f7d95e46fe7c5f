"""The Document model: every annotation is a frozen span over the ORIGINAL text.

`doc.text[s.start:s.end] == s.text` holds for every span, token, sentence and region;
`Document` checks it when built, so a stage that computes a wrong offset fails loudly
instead of returning a silently shifted annotation.

The JSON form (`to_dict`) uses the span format of the annotation guidelines:
``{"start", "end", "label", "text", "attrs"}``. Values are exact: a `Decimal` is written
as a plain decimal string, a `Fraction` as ``"p/q"``; floats never appear.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Iterator, Mapping, Sequence, TypeVar, Union

SCHEMA = "govtext.document"
SCHEMA_VERSION = "1.0"

Number = Union[Decimal, Fraction]
Day = date  # for fields of classes that have a `date` property
JSON = Any

# ---------------------------------------------------------------------------
# exact values <-> strings


def format_number(value: Number) -> str:
    """Exact string form of a value: ``Decimal('27127000000.00')`` -> ``'27127000000'``,
    ``Fraction(1, 3)`` -> ``'1/3'``. Never uses exponent notation."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    raise TypeError(f"expected Decimal or Fraction, got {type(value).__name__}")


def parse_exact(text: str) -> Number:
    """Inverse of `format_number`: ``'1/3'`` -> ``Fraction(1, 3)``, else a `Decimal`."""
    if "/" in text:
        return Fraction(text)
    return Decimal(text)


# ---------------------------------------------------------------------------
# spans


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch ``[start, end)`` of the original text (code-point offsets)."""

    start: int
    end: int
    text: str

    label: ClassVar[str] = ""

    @property
    def attrs(self) -> dict[str, JSON]:
        """Label-specific attributes in their JSON form."""
        return {}

    def to_dict(self) -> dict[str, JSON]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "attrs": self.attrs,
        }

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text)


@dataclass(frozen=True, slots=True)
class Official(Span):
    """A named person with an attached position title: `市长张瑞书`."""

    name: str
    title: str
    label: ClassVar[str] = "OFFICIAL"

    @property
    def attrs(self) -> dict[str, JSON]:
        return {"name": self.name, "title": self.title}

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, name=attrs["name"], title=attrs["title"])


@dataclass(frozen=True, slots=True)
class Person(Span):
    """A named person without a title: `习近平`."""

    name: str
    label: ClassVar[str] = "PERSON"

    @property
    def attrs(self) -> dict[str, JSON]:
        return {"name": self.name}

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, name=attrs.get("name", text))


@dataclass(frozen=True, slots=True)
class Agency(Span):
    """A party, government, congress, CPPCC, court or procuratorate organ, or a public
    institution; `canonical` is the expanded name where context allows."""

    canonical: str | None = None
    label: ClassVar[str] = "AGENCY"

    @property
    def attrs(self) -> dict[str, JSON]:
        return {} if self.canonical is None else {"canonical": self.canonical}

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, canonical=attrs.get("canonical"))


@dataclass(frozen=True, slots=True)
class Org(Span):
    """A named non-government organization: media outlet, company, association."""

    label: ClassVar[str] = "ORG"


@dataclass(frozen=True, slots=True)
class Location(Span):
    """A named place or administrative division."""

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

    @property
    def attrs(self) -> dict[str, JSON]:
        return {"title": self.title, "kind": self.kind, "bracketed": self.bracketed}

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, title=attrs["title"], kind=attrs.get("kind", "other"),
                   bracketed=bool(attrs.get("bracketed", True)))


@dataclass(frozen=True, slots=True)
class Work(Span):
    """A title in book-title marks that is not an official instrument: `《普法时间》`."""

    title: str
    label: ClassVar[str] = "WORK"

    @property
    def attrs(self) -> dict[str, JSON]:
        return {"title": self.title}

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, title=attrs["title"])


@dataclass(frozen=True, slots=True)
class DocNo(Span):
    """An official document number (文号): `秦纪发〔2018〕3号`."""

    issuer_code: str
    year: str | None
    serial: str
    label: ClassVar[str] = "DOCNO"

    @property
    def attrs(self) -> dict[str, JSON]:
        return {"issuer_code": self.issuer_code, "year": self.year, "serial": self.serial}

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, issuer_code=attrs["issuer_code"], year=attrs.get("year"),
                   serial=attrs["serial"])


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
        out: dict[str, JSON] = {"value": self.value}
        if self.low is not None or self.high is not None:
            out["low"] = self.low
            out["high"] = self.high
        return out

    @property
    def date(self) -> date | None:
        """The value as a `datetime.date` when it names one full day."""
        if self.value and len(self.value) == 10 and self.value[4] == "-":
            try:
                return date.fromisoformat(self.value)
            except ValueError:
                return None
        return None

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        return cls(start, end, text, value=attrs.get("value"), low=attrs.get("low"),
                   high=attrs.get("high"))


QUANTITY_KINDS = (
    "money", "percent", "area", "length", "mass", "volume", "energy", "duration",
    "count", "ratio", "other",
)
APPROX = (None, "more", "less", "about")


@dataclass(frozen=True, slots=True)
class Quantity(Span):
    """A number with its unit or measure word: `271.27亿元` -> value 27127000000, unit 元.

    `value` is exact (`Decimal`, or `Fraction` for `三分之一`); multipliers such as 万/亿
    are folded into it. `approx` is None, "more", "less" or "about". A range
    (`5至10个`) has `low` and `high`, and `value` equal to `low`.
    """

    value: Number
    unit: str
    kind: str
    approx: str | None = None
    low: Number | None = None
    high: Number | None = None
    label: ClassVar[str] = "QUANTITY"

    @property
    def attrs(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {
            "value": format_number(self.value),
            "unit": self.unit,
            "kind": self.kind,
            "approx": self.approx,
        }
        if self.low is not None or self.high is not None:
            out["low"] = None if self.low is None else format_number(self.low)
            out["high"] = None if self.high is None else format_number(self.high)
        return out

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        def num(v: JSON) -> Number | None:
            return None if v is None else parse_exact(str(v))

        value = num(attrs.get("value"))
        if value is None:
            value = num(attrs.get("low"))
        if value is None:
            raise ValueError(f"QUANTITY span {text!r} has no value")
        return cls(start, end, text, value=value, unit=attrs.get("unit", ""),
                   kind=attrs.get("kind", "other"), approx=attrs.get("approx"),
                   low=num(attrs.get("low")), high=num(attrs.get("high")))


INDICATOR_CHANGES = ("level", "increase", "decrease")
INDICATOR_STATUSES = ("actual", "target")


@dataclass(frozen=True, slots=True)
class Indicator(Span):
    """The name of the statistic a QUANTITY measures: `城镇新增就业` for `1100万人以上`.

    `quantity` is the ``(start, end)`` of the linked QUANTITY, `change` one of `INDICATOR_CHANGES`,
    `status` one of `INDICATOR_STATUSES`; `year` is the year the figure refers to (see
    docs/indicators.md), None when the document's date is unknown. `measure` is the linked
    Quantity itself when the finder had it (not part of equality or of the JSON form).
    """

    quantity: tuple[int, int]
    change: str
    status: str
    year: int | None = None
    measure: Quantity | None = field(default=None, compare=False, repr=False)
    label: ClassVar[str] = "INDICATOR"

    def __post_init__(self) -> None:
        if self.change not in INDICATOR_CHANGES:
            raise ValueError(f"INDICATOR change must be one of {INDICATOR_CHANGES}, not {self.change!r}")
        if self.status not in INDICATOR_STATUSES:
            raise ValueError(f"INDICATOR status must be one of {INDICATOR_STATUSES}, not {self.status!r}")

    @property
    def attrs(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {"quantity": [self.quantity[0], self.quantity[1]],
                                "change": self.change, "status": self.status}
        if self.year is not None:
            out["year"] = self.year
        return out

    @classmethod
    def _from_attrs(cls, start: int, end: int, text: str, attrs: Mapping[str, JSON]) -> Span:
        q = attrs["quantity"]
        year = attrs.get("year")
        return cls(start, end, text, quantity=(int(q[0]), int(q[1])),
                   change=attrs.get("change", "level"), status=attrs.get("status", "actual"),
                   year=None if year is None else int(year))


SPAN_TYPES: dict[str, type[Span]] = {
    cls.label: cls
    for cls in (Official, Person, Agency, Org, Location, Regulation, Work, DocNo, Date,
                Quantity, Term, Indicator)
}
LABELS = tuple(SPAN_TYPES)


def span_from_dict(data: Mapping[str, JSON]) -> Span:
    """Build a typed span from its guideline JSON form."""
    label = data.get("label")
    cls = SPAN_TYPES.get(label)  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(f"unknown span label {label!r}; expected one of {', '.join(LABELS)}")
    return cls._from_attrs(int(data["start"]), int(data["end"]), data["text"],
                           data.get("attrs") or {})


# ---------------------------------------------------------------------------
# tokens and document structure


@dataclass(frozen=True, slots=True)
class Token:
    """A word from the segmenter."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of text with a role: boilerplate (`navigation`, `footer`, ...), the
    `body`, a `paragraph` or a `sentence`."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Section:
    """A heading in the outline and the text it governs.

    `marker` is the heading marker as written (`一、`, `（一）`, `1.`, `一是`), `number`
    its ordinal, `level` its depth (1 for `一、`), `title` the heading text up to its
    first `。` or line end; `start`/`end` cover the heading and its content.
    """

    start: int
    end: int
    marker: str
    number: int
    level: int
    title: str
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def __str__(self) -> str:
        """The section and its children as an indented table of contents."""
        lines: list[str] = []

        def add(s: Section, depth: int) -> None:
            # 第一章 总则 reads with a space; 一、总则 and 一是总则 without
            gap = " " if s.marker[-1:] in "章节条编分" and s.title else ""
            lines.append(f"{'  ' * depth}{s.marker}{gap}{s.title}")
            for c in s.children:
                add(c, depth + 1)

        add(self, 0)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Header fields of a government information-disclosure page."""

    title: str | None = None
    index_no: str | None = None
    topic: str | None = None
    issuer: str | None = None
    docno: DocNo | None = None
    issued: date | None = None  # 发文日期 / 成文日期
    published: date | None = None  # 发布日期
    validity: str | None = None
    fields: tuple[tuple[str, str], ...] = ()  # every (label, value) read, as written
    source: str | None = None  # 来源 / 信息来源
    start: int | None = None  # offsets of the header lines in the text, when read from it
    end: int | None = None
    sponsor: str | None = None  # the site's sponsor from its footer (主办单位:…)
    delivered: Day | None = None  # a work report's header line: ——2024年3月5日在…会议上
    speaker: str | None = None  # the name under that line (国务院总理 李强 -> 李强)
    meeting: str | None = None  # 第十四届全国人民代表大会第二次会议

    @property
    def date(self) -> Day | None:
        """The document's date: issued, else published, else delivered."""
        return self.issued or self.published or self.delivered

    def to_dict(self) -> dict[str, JSON]:
        return {
            "title": self.title,
            "index_no": self.index_no,
            "topic": self.topic,
            "issuer": self.issuer,
            "docno": None if self.docno is None else self.docno.to_dict(),
            "issued": None if self.issued is None else self.issued.isoformat(),
            "published": None if self.published is None else self.published.isoformat(),
            "validity": self.validity,
            "fields": [list(f) for f in self.fields],
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "sponsor": self.sponsor,
            "delivered": None if self.delivered is None else self.delivered.isoformat(),
            "speaker": self.speaker,
            "meeting": self.meeting,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Metadata:
        def day(v: JSON) -> date | None:
            return None if v is None else date.fromisoformat(v)

        docno = data.get("docno")
        return cls(
            title=data.get("title"),
            index_no=data.get("index_no"),
            topic=data.get("topic"),
            issuer=data.get("issuer"),
            docno=None if docno is None else span_from_dict(docno),  # type: ignore[arg-type]
            issued=day(data.get("issued")),
            published=day(data.get("published")),
            validity=data.get("validity"),
            fields=tuple((str(k), str(v)) for k, v in data.get("fields", ())),
            source=data.get("source"),
            start=data.get("start"),
            end=data.get("end"),
            sponsor=data.get("sponsor"),
            delivered=day(data.get("delivered")),
            speaker=data.get("speaker"),
            meeting=data.get("meeting"),
        )


def _section_to_dict(s: Section) -> dict[str, JSON]:
    return {
        "start": s.start, "end": s.end, "marker": s.marker, "number": s.number,
        "level": s.level, "title": s.title,
        "children": [_section_to_dict(c) for c in s.children],
    }


def _section_from_dict(d: Mapping[str, JSON]) -> Section:
    return Section(d["start"], d["end"], d["marker"], d["number"], d["level"], d["title"],
                   tuple(_section_from_dict(c) for c in d.get("children", ())))


# ---------------------------------------------------------------------------
# the document

S = TypeVar("S", bound=Span)


@dataclass(frozen=True, slots=True)
class Document:
    """The text and everything govtext found in it."""

    text: str
    spans: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Region, ...] = ()
    paragraphs: tuple[Region, ...] = ()
    boilerplate: tuple[Region, ...] = ()
    outline: tuple[Section, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    body: Region | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Document.text must be str, not {type(self.text).__name__}")
        text = self.text
        n = len(text)
        for group in (self.spans, self.tokens, self.sentences, self.paragraphs,
                      self.boilerplate):
            for s in group:
                if not (0 <= s.start <= s.end <= n) or text[s.start:s.end] != s.text:
                    raise ValueError(
                        f"{type(s).__name__} {s.text!r} at [{s.start}, {s.end}) does not "
                        f"match the text there ({text[max(0, s.start):max(0, s.end)]!r})")
        ordered = tuple(sorted(self.spans, key=lambda s: (s.start, -s.end, s.label)))
        if ordered != self.spans:
            object.__setattr__(self, "spans", ordered)

    # -- typed accessors -------------------------------------------------
    def _of(self, cls: type[S]) -> list[S]:
        return [s for s in self.spans if type(s) is cls]

    @property
    def officials(self) -> list[Official]:
        return self._of(Official)

    @property
    def persons(self) -> list[Person]:
        return self._of(Person)

    @property
    def agencies(self) -> list[Agency]:
        return self._of(Agency)

    @property
    def orgs(self) -> list[Org]:
        return self._of(Org)

    @property
    def locations(self) -> list[Location]:
        return self._of(Location)

    @property
    def regulations(self) -> list[Regulation]:
        return self._of(Regulation)

    @property
    def works(self) -> list[Work]:
        return self._of(Work)

    @property
    def docnos(self) -> list[DocNo]:
        return self._of(DocNo)

    @property
    def dates(self) -> list[Date]:
        return self._of(Date)

    @property
    def quantities(self) -> list[Quantity]:
        return self._of(Quantity)

    @property
    def terms(self) -> list[Term]:
        return self._of(Term)

    @property
    def indicators(self) -> list[Indicator]:
        """INDICATOR spans, each with its linked Quantity as `measure`."""
        by_offsets = {(q.start, q.end): q for q in self.quantities}
        return [i if i.measure is not None or i.quantity not in by_offsets
                else replace(i, measure=by_offsets[i.quantity]) for i in self._of(Indicator)]

    def by_label(self, label: str) -> list[Span]:
        return [s for s in self.spans if s.label == label]

    # -- locating a span in the structure ---------------------------------
    def _containing(self, regions: Sequence[Region], span: Span | Token) -> Region | None:
        # regions are in text order and do not overlap: the candidate is the last one
        # starting at or before the span (binary search, so locating every span is cheap)
        i = bisect_right(regions, span.start, key=lambda r: r.start) - 1
        if i >= 0:
            r = regions[i]
            if r.start <= span.start and span.end <= r.end and r.start < r.end:
                return r
        return None

    def sentence_of(self, span: Span | Token) -> Region | None:
        """The sentence containing the whole span, or None (a span across a sentence
        break, or in boilerplate)."""
        return self._containing(self.sentences, span)

    def paragraph_of(self, span: Span | Token) -> Region | None:
        """The paragraph (line) containing the whole span, or None."""
        return self._containing(self.paragraphs, span)

    def section_of(self, span: Span | Token) -> Section | None:
        """The deepest outline section containing the span, or None outside the outline."""
        best: Section | None = None
        level: Sequence[Section] = self.outline
        while True:
            inner = next((s for s in level if s.start <= span.start and span.end <= s.end),
                         None)
            if inner is None:
                return best
            best = inner
            level = inner.children

    # -- serialisation ------------------------------------------------------
    def to_dict(self) -> dict[str, JSON]:
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "text": self.text,
            "spans": [s.to_dict() for s in self.spans],
            "tokens": [[t.start, t.end] for t in self.tokens],
            "sentences": [[r.start, r.end] for r in self.sentences],
            "paragraphs": [[r.start, r.end] for r in self.paragraphs],
            "boilerplate": [[r.start, r.end, r.kind] for r in self.boilerplate],
            "body": None if self.body is None else [self.body.start, self.body.end],
            "outline": [_section_to_dict(s) for s in self.outline],
            "metadata": self.metadata.to_dict(),
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Document:
        if data.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"not a govtext document: schema {data.get('schema')!r}")
        version = str(data.get("version", SCHEMA_VERSION))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"unsupported govtext document version {version} "
                             f"(this library reads {SCHEMA_VERSION})")
        text = data["text"]

        def region(pair: Sequence[Any], kind: str) -> Region:
            start, end = int(pair[0]), int(pair[1])
            return Region(start, end, text[start:end], pair[2] if len(pair) > 2 else kind)

        body = data.get("body")
        return cls(
            text=text,
            spans=tuple(span_from_dict(s) for s in data.get("spans", ())),
            tokens=tuple(Token(s, e, text[s:e]) for s, e in data.get("tokens", ())),
            sentences=tuple(region(p, "sentence") for p in data.get("sentences", ())),
            paragraphs=tuple(region(p, "paragraph") for p in data.get("paragraphs", ())),
            boilerplate=tuple(region(p, "boilerplate") for p in data.get("boilerplate", ())),
            body=None if body is None else region(body, "body"),
            outline=tuple(_section_from_dict(s) for s in data.get("outline", ())),
            metadata=Metadata.from_dict(data.get("metadata") or {}),
        )

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))

    # -- integrations (optional extras; imported only when used) ------------
    def to_frame(self) -> Any:
        """One row per span as a pandas DataFrame (needs the `pandas` extra)."""
        from .integrations.pandas import document_frame

        return document_frame(self)

    def to_spacy(self, nlp: Any = None) -> Any:
        """The document as a `spacy.tokens.Doc` (needs the `spacy` extra)."""
        from .integrations.spacy import to_spacy

        return to_spacy(self, nlp)

    def _repr_html_(self) -> str:
        from .integrations.display import render_html

        return render_html(self)

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for s in self.spans:
            counts[s.label] = counts.get(s.label, 0) + 1
        shown = self.text[:20].replace("\n", " ")
        more = "…" if len(self.text) > 20 else ""
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        return f"<Document {len(self.text)} chars {shown!r}{more} {summary or 'no spans'}>"

    def __len__(self) -> int:
        return len(self.text)


__all__ = [
    "Agency", "Date", "DocNo", "Document", "INDICATOR_CHANGES", "INDICATOR_STATUSES", "Indicator", "LABELS", "Location", "Metadata", "Number",
    "Official", "Org", "Person", "QUANTITY_KINDS", "Quantity", "REGULATION_KINDS", "Region",
    "Regulation",
    "Section", "Span", "Term", "Token", "Work", "format_number", "parse_exact", "span_from_dict",
]
