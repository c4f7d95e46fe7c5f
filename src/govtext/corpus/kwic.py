"""A concordance (keyword in context) over a corpus.

Matches are spans of a label, or, with no label, plain occurrences of `text`. Filters
combine: `text` (in the span's text or its name, title or unit attribute; traditional
and simplified match each other), `unit` (a QUANTITY's unit, exactly), `min`/`max` (a
QUANTITY's exact value, or the year of a DATE). Context is `width` characters on each
side, with runs of white space shown as one space.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Iterator

from ..model import Date, Document, Official, Person, Quantity, Regulation, Span
from ..model.labels import labels as known_labels
from ..text.prepare import normalize
from .documents import Corpus, as_corpus

KWIC_COLUMNS = ("doc_id", "doc_title", "doc_date", "doc_year", "start", "end", "label",
                "left", "match", "right", "value", "unit", "name", "title")
_SPACE = re.compile(r"\s+")


def parse_bound(value: str | int | float | Decimal | Fraction | None) -> Fraction | None:
    """A --min/--max bound, exactly: `1e8`, `2.5`, `1/3`."""
    if value is None:
        return None
    if isinstance(value, (int, Decimal, Fraction)):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    try:
        text = str(value).strip()
        return Fraction(text) if "/" in text else Fraction(Decimal(text))
    except (InvalidOperation, ValueError, ZeroDivisionError):
        raise ValueError(f"not a number: {value!r} (write 1e8, 2.5 or 1/3)") from None


def _number(span: Span) -> Fraction | None:
    if isinstance(span, Quantity):
        return Fraction(span.value)
    if isinstance(span, Date) and span.value and span.value[:4].isdigit():
        return Fraction(int(span.value[:4]))
    return None


def _strings(span: Span) -> list[str]:
    out = [span.text]
    if isinstance(span, (Official, Person)):
        out.append(span.name)
    if isinstance(span, (Official, Regulation)):
        out.append(span.title)
    if isinstance(span, Quantity):
        out.append(span.unit)
    return out


def _context(text: str) -> str:
    return _SPACE.sub(" ", text)


def _matches(doc: Document, label: str | None, text: str | None, unit: str | None,
             low: Fraction | None, high: Fraction | None) -> Iterator[tuple[int, int, Span | None]]:
    if label is None:
        if not text:
            return
        norm, word = normalize(doc.text), normalize(text)
        start = norm.find(word)
        while start >= 0:
            yield start, start + len(word), None
            start = norm.find(word, start + len(word))
        return
    needle = normalize(text) if text else None
    for span in doc.by_label(label):
        if needle is not None and not any(needle in normalize(s) for s in _strings(span)):
            continue
        if unit is not None and not (isinstance(span, Quantity) and span.unit == unit):
            continue
        if low is not None or high is not None:
            number = _number(span)
            if number is None or (low is not None and number < low) or (
                    high is not None and number > high):
                continue
        yield span.start, span.end, span


def kwic_records(corpus: Corpus, *, label: str | None = None, text: str | None = None,
                 unit: str | None = None, width: int = 20, **bounds: Any
                 ) -> list[dict[str, Any]]:
    """The concordance lines as plain dicts (columns `KWIC_COLUMNS`), in document
    order. `label` is a registered label (`govtext.LABELS` and plugins'); without it `text` is searched as a
    string. Keywords `min` and `max` take numbers or strings such as ``"1e8"``."""
    unknown = set(bounds) - {"min", "max"}
    if unknown:
        raise TypeError(f"unexpected keyword arguments: {', '.join(sorted(unknown))}")
    if label is not None:
        label = label.upper()
        if label not in known_labels():
            raise ValueError(f"unknown label {label!r}; expected one of "
                             f"{', '.join(known_labels())}")
    elif not text:
        raise ValueError("give a label, a text to search for, or both")
    if width < 0:
        raise ValueError(f"width must be 0 or more, got {width}")
    low, high = parse_bound(bounds.get("min")), parse_bound(bounds.get("max"))
    rows = []
    for item in as_corpus(corpus):
        doc = item.doc
        cols = item.columns()
        del cols["date_source"]
        for start, end, span in _matches(doc, label, text, unit, low, high):
            attrs = {} if span is None else span.attrs
            rows.append({**cols, "start": start, "end": end,
                         "label": "TEXT" if span is None else span.label,
                         "left": _context(doc.text[max(0, start - width):start]),
                         "match": doc.text[start:end],
                         "right": _context(doc.text[end:end + width]),
                         "value": getattr(span, "value", None), "unit": attrs.get("unit"),
                         "name": attrs.get("name"), "title": attrs.get("title")})
    return rows


def kwic_frame(corpus: Corpus, **options: Any) -> Any:
    """`kwic_records` as a pandas DataFrame (values stay exact: Decimal, Fraction, or a
    DATE's ISO string)."""
    from .tables import frame

    return frame(kwic_records(corpus, **options), KWIC_COLUMNS)
