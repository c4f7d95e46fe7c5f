"""Spans as pandas DataFrames (the `pandas` extra).

    >>> doc.to_frame()                      # one row per span
    >>> govtext.to_frame(docs)              # many documents, with a doc_id column
    >>> quantities_frame(docs)              # quantities, with a float column for plots

Exact values stay exact: the `value` column holds a `Decimal` for a quantity, the exact
string ``"p/q"`` for a fraction and the ISO string for a date; `quantities_frame` adds a
`value_float` column next to it for plotting only.

`span_records` builds the same rows as plain dicts without pandas, so the command line
and the Dask recipe share one definition of the flat span table.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Union

from ..model import (Agency, Date, Document, Number, Official, Person, Quantity,
                        Regulation, Span, Work, format_number)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# The flat span table: one row per span. `kind` is a quantity's kind, `reg_kind` a
# regulation's, so each column keeps one meaning.
SPAN_COLUMNS = ("doc_id", "start", "end", "label", "text", "section", "value", "unit",
                "kind", "approx", "low", "high", "name", "title", "canonical", "reg_kind")
QUANTITY_COLUMNS = ("doc_id", "start", "end", "text", "value", "value_float", "unit",
                    "kind", "approx", "low", "high", "section")

Docs = Union[Document, Iterable[Document], Mapping[Any, Document]]


def _exact(value: Number | None) -> Decimal | str | None:
    """A Decimal stays a Decimal; a Fraction becomes its exact string ``"p/q"``."""
    if value is None or isinstance(value, Decimal):
        return value
    return format_number(value)


def _exact_string(value: Number | None) -> str | None:
    return None if value is None else format_number(value)


def span_record(doc: Document, span: Span, *, exact_strings: bool = False) -> dict[str, Any]:
    """One span as a flat row (without `doc_id`). With ``exact_strings`` every value is
    written as its exact string (for TSV and Parquet, where a Decimal has no place)."""
    row: dict[str, Any] = {
        "start": span.start, "end": span.end, "label": span.label, "text": span.text,
        "section": None, "value": None, "unit": None, "kind": None, "approx": None,
        "low": None, "high": None, "name": None, "title": None, "canonical": None,
        "reg_kind": None,
    }
    section = doc.section_of(span) if doc.outline else None
    if section is not None:
        row["section"] = section.title
    if isinstance(span, Quantity):
        exact = _exact_string if exact_strings else _exact
        row.update(value=exact(span.value), unit=span.unit, kind=span.kind,
                   approx=span.approx, low=exact(span.low), high=exact(span.high))
    elif isinstance(span, Date):
        row.update(value=span.value, low=span.low, high=span.high)
    elif isinstance(span, Official):
        row.update(name=span.name, title=span.title)
    elif isinstance(span, Person):
        row.update(name=span.name)
    elif isinstance(span, Agency):
        row.update(canonical=span.canonical)
    elif isinstance(span, Regulation):
        row.update(title=span.title, reg_kind=span.kind)
    elif isinstance(span, Work):
        row.update(title=span.title)
    return row


def _named(docs: Docs) -> Iterator[tuple[Any, Document]]:
    """(doc_id, document) pairs: a mapping's keys, else positions 0, 1, 2, ..."""
    if isinstance(docs, Document):
        yield 0, docs
    elif isinstance(docs, Mapping):
        yield from docs.items()
    else:
        for i, doc in enumerate(docs):
            if not isinstance(doc, Document):
                raise TypeError(f"expected govtext Documents, got {type(doc).__name__} "
                                f"at position {i}")
            yield i, doc


def span_records(docs: Docs, *, exact_strings: bool = False) -> Iterator[dict[str, Any]]:
    """Flat rows (with `doc_id`) for every span of every document, in order."""
    for doc_id, doc in _named(docs):
        for span in doc.spans:
            yield {"doc_id": doc_id, **span_record(doc, span, exact_strings=exact_strings)}


# The flat span table of files on disk (TSV, Parquet, the Dask recipe): every value an
# exact string, every column a plain type, so Spark, DuckDB or Excel read it as is.
TABLE_COLUMNS = ("doc_id", "path", "start", "end", "label", "text", "value", "unit", "kind",
                 "approx", "low", "high", "name", "title", "canonical", "reg_kind",
                 "section")


def table_rows(doc: Document, doc_id: str, path: str | None = None
               ) -> Iterator[dict[str, Any]]:
    """Rows of the flat span table for one document (exact values as strings)."""
    for span in doc.spans:
        row = span_record(doc, span, exact_strings=True)
        yield {"doc_id": doc_id, "path": path, **{k: row[k] for k in TABLE_COLUMNS[2:]}}


def table_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The flat span table as a DataFrame with a fixed schema: int64 offsets, nullable
    strings elsewhere (so every Parquet part has the same columns and types)."""
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(rows), columns=list(TABLE_COLUMNS))
    for col in TABLE_COLUMNS:
        frame[col] = frame[col].astype("int64" if col in ("start", "end") else
                                       pd.StringDtype())
    return frame


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("this needs pandas: pip install 'govtext[pandas]'") from exc
    return pandas


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    pd = _pandas()
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    for col in ("start", "end"):
        frame[col] = frame[col].astype("int64")
    # Values must stay Python objects (Decimal, "p/q"), never be coerced to numbers.
    for col in ("value", "low", "high"):
        frame[col] = frame[col].astype(object)
    return frame


def document_frame(doc: Document) -> pd.DataFrame:
    """One row per span of one document (what `Document.to_frame()` returns)."""
    rows = [span_record(doc, s) for s in doc.spans]
    return _frame(rows, SPAN_COLUMNS[1:])


def to_frame(docs: Docs) -> pd.DataFrame:
    """One row per span of every document, with a `doc_id` column: the mapping key
    when `docs` is a mapping (e.g. file name -> Document), else the position."""
    return _frame(list(span_records(docs)), SPAN_COLUMNS)


def _float(value: Number | None) -> float | None:
    return None if value is None else float(value)


def quantities_frame(docs: Docs) -> pd.DataFrame:
    """One row per QUANTITY: the exact `value` (Decimal, or ``"p/q"`` for a fraction)
    and, next to it, `value_float` for plotting and rough arithmetic."""
    rows = []
    for doc_id, doc in _named(docs):
        for q in doc.quantities:
            row = span_record(doc, q)
            rows.append({
                "doc_id": doc_id, "start": q.start, "end": q.end, "text": q.text,
                "value": row["value"], "value_float": _float(q.value), "unit": q.unit,
                "kind": q.kind, "approx": q.approx, "low": row["low"], "high": row["high"],
                "section": row["section"],
            })
    frame = _frame(rows, QUANTITY_COLUMNS)
    frame["value_float"] = frame["value_float"].astype("float64")
    return frame


__all__ = ["QUANTITY_COLUMNS", "SPAN_COLUMNS", "TABLE_COLUMNS", "document_frame",
           "quantities_frame", "span_record", "span_records", "table_frame", "table_rows",
           "to_frame"]
