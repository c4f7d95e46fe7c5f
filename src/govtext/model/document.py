"""The Document: the text and everything govtext found in it.

`doc.text[s.start:s.end] == s.text` holds for every span, token, sentence and region;
`Document` checks it when built, so a stage that computes a wrong offset fails loudly
instead of returning a silently shifted annotation.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Sequence, TypeVar

from ..errors import SchemaError, check_encodable
from . import labels as registry
from .serialize import SCHEMA, SCHEMA_VERSION, document_parts, loads
from .spans import (Agency, Date, DocNo, Indicator, Location, Official, Org, Person,
                    Quantity, Regulation, Span, Term, Work)
from .structure import Metadata, Region, Section, Token
from .tokens import Tokens, as_tokens

if TYPE_CHECKING:  # pragma: no cover - the optional extras, for type checkers only
    import pandas
    import spacy.language
    import spacy.tokens

JSON = Any
S = TypeVar("S", bound=Span)


@dataclass(frozen=True, slots=True)
class Document:
    """The text and everything govtext found in it."""

    text: str
    spans: tuple[Span, ...] = ()
    tokens: Sequence[Token] = ()  # a tuple, or `Tokens` (offsets; Token objects on demand)
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
        tokens = as_tokens(self.tokens)
        if tokens is not self.tokens:
            object.__setattr__(self, "tokens", tokens)
        # Tokens of this very text hold no strings of their own: their offsets suffice
        own = isinstance(tokens, Tokens) and tokens.text_is(text) and tokens.within(n)
        for group in (self.spans, () if own else tokens, self.sentences, self.paragraphs,
                      self.boilerplate):
            for s in group:
                if not (0 <= s.start <= s.end <= n) or text[s.start:s.end] != s.text:
                    raise SchemaError(
                        "E205", field=type(s).__name__, text=s.text, start=s.start,
                        end=s.end, actual=text[max(0, s.start):max(0, s.end)])
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
        """The spans of one label (any registered label, including plugins)."""
        registry.spec(label)  # an unknown label raises rather than returning []
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
    def to_dict(self, *, rules: bool = False) -> dict[str, JSON]:
        """The JSON form (`schema.json`). With ``rules=True`` every span also carries the
        id of the rule that made it."""
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "text": self.text,
            "spans": [s.to_dict(rule=rules) for s in self.spans],
            "tokens": _token_pairs(self.tokens),
            "sentences": [[r.start, r.end] for r in self.sentences],
            "paragraphs": [[r.start, r.end] for r in self.paragraphs],
            "boilerplate": [[r.start, r.end, r.kind] for r in self.boilerplate],
            "body": None if self.body is None else [self.body.start, self.body.end],
            "outline": [s.to_dict() for s in self.outline],
            "metadata": self.metadata.to_dict(),
        }

    def to_json(self, *, rules: bool = False, **kwargs: Any) -> str:
        """The JSON form as a string. Text with a lone surrogate cannot be written as
        UTF-8 and raises `InputError` E009 (see `errors.check_encodable`)."""
        check_encodable(self.text)
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(rules=rules), **kwargs)

    @classmethod
    def from_dict(cls, data: Any) -> Document:
        """Read the JSON form back; anything malformed raises `SchemaError` (a
        ValueError) naming the field."""
        return cls(**document_parts(data))

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(loads(text))

    # -- integrations (optional extras; imported only when used) ------------
    def to_frame(self) -> pandas.DataFrame:
        """One row per span as a pandas DataFrame (needs the `pandas` extra); the
        columns of `govtext.to_frame` without `doc_id`."""
        from ..integrations.pandas import document_frame

        return document_frame(self)

    def to_spacy(self, nlp: spacy.language.Language | None = None, *,
                 labels: str = "govtext") -> spacy.tokens.Doc:
        """The document as a `spacy.tokens.Doc` (needs the `spacy` extra); ``labels=
        "ontonotes"`` gives the entities OntoNotes labels."""
        from ..integrations.spacy import to_spacy

        return to_spacy(self, nlp, labels=labels)

    def _repr_html_(self) -> str:
        from ..integrations.display import render_html

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


__all__ = ["Document"]


def _token_pairs(tokens: Sequence[Token]) -> list[list[int]]:
    if isinstance(tokens, Tokens):
        return [[s, e] for s, e in tokens.spans()]
    return [[t.start, t.end] for t in tokens]
