"""Spans as pandas DataFrames (the `pandas` extra), and the flat span table of files.

    >>> doc.to_frame()                        # one row per span
    >>> frame = govtext.to_frame(docs)        # many documents, with a doc_id column
    >>> frame.groupby("unit")["value_float"].sum()
    >>> frame.merge(metadata_frame(docs), on="doc_id")   # doc_title, doc_issuer, ...

The columns come from the label registry (`LabelSpec.columns`), one meaning each:

- ``value``: a QUANTITY's exact value as a string (``"27127000000"``, ``"1/3"``; read
  it back with `govtext.model.parse_exact`), and ``value_float`` next to it (float64,
  for arithmetic, grouping and plots); likewise ``low``/``low_float`` and
  ``high``/``high_float`` for ranges;
- ``date``, ``date_low``, ``date_high``: a DATE's ISO 8601 value (``"2018-04"``);
- ``name``, ``title``, ``canonical``, ``reg_kind``, ``issuer_code``, ``year``,
  ``serial``, ``unit``, ``kind``, ``approx``: the other attributes;
- ``doc_date`` and ``doc_year``: the document's own date (`Metadata.date`).

`span_rows` builds the rows as plain dicts without pandas; `to_frame`, the command
line's TSV and Parquet output and the Dask recipe all use it. Text with a lone
surrogate raises `InputError` E009 (Arrow and UTF-8 files cannot hold it).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Union

from ..model import Document, Metadata, Span
from ..model import labels as registry
from . import check_encodable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

Docs = Union[Document, Iterable[Document], Mapping[Any, Document]]

_BASE = ("start", "end", "label", "text", "section")
_DOC = ("doc_date", "doc_year")


def attribute_columns() -> tuple[tuple[str, str], ...]:
    """(column, kind) for every attribute column of the registered labels, in rank
    order; a ``number`` column is followed by its ``<column>_float``. A column two
    labels fill with values of different kinds (a DOCNO's year string, another label's
    year integer) holds strings."""
    out: dict[str, str] = {}
    for spec in registry.specs():
        for attr_name, column in spec.columns:
            attr = spec.attr(attr_name)
            kind = attr.kind if attr is not None else "str"
            if out.setdefault(column, kind) != kind:
                out[column] = "str"
            if kind == "number":
                out.setdefault(f"{column}_float", "float")
    return tuple(out.items())


def columns(*, path: bool = False) -> tuple[str, ...]:
    """The columns of the span table: doc_id (and path), offsets, label, text,
    section, the attribute columns, the document's date and year."""
    head = ("doc_id", "path") if path else ("doc_id",)
    return head + _BASE + tuple(c for c, _ in attribute_columns()) + _DOC


def _float(value: str | None) -> float | None:
    if value is None:
        return None
    num, _, den = value.partition("/")
    return float(num) / float(den) if den else float(num)


def _cells(span: Span, kinds: Mapping[str, str]) -> dict[str, Any]:
    spec = registry.get(span.label)
    if spec is None:
        return {}
    attrs = span.attrs
    cells: dict[str, Any] = {}
    for attr_name, column in spec.columns:
        value = attrs.get(attr_name)
        if value is not None and kinds.get(column) == "str" and not isinstance(value, str):
            value = str(value)  # a column shared with a label whose values are text
        cells[column] = value
        attr = spec.attr(attr_name)
        if attr is not None and attr.kind == "number":
            cells[f"{column}_float"] = _float(value)
    return cells


def span_rows(doc: Document, doc_id: Any = 0, path: str | None = None
              ) -> Iterator[dict[str, Any]]:
    """One flat row per span of `doc`, with every column of `columns(path=...)`:
    exact values as strings, floats next to them, the document's date and year."""
    check_encodable(doc.text)
    names = columns(path=path is not None)
    kinds = dict(attribute_columns())
    day = doc.metadata.date
    head: dict[str, Any] = {"doc_id": doc_id}
    if path is not None:
        head["path"] = path
    for span in doc.spans:
        row = dict.fromkeys(names)
        row.update(head)
        section = doc.section_of(span) if doc.outline else None
        row.update(start=span.start, end=span.end, label=span.label, text=span.text,
                   section=None if section is None else section.title,
                   doc_date=day, doc_year=None if day is None else day.year)
        row.update(_cells(span, kinds))
        yield row


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


def span_records(docs: Docs) -> Iterator[dict[str, Any]]:
    """Flat rows for every span of every document, in order."""
    for doc_id, doc in _named(docs):
        yield from span_rows(doc, doc_id)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from ..errors import MissingExtra

        raise MissingExtra("E401", feature="DataFrames", package="pandas",
                           extra="pandas") from exc
    return pandas


def _typed(rows: Iterable[Mapping[str, Any]], names: tuple[str, ...],
           dates_as_text: bool) -> pd.DataFrame:
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(rows), columns=list(names))
    kinds = dict(attribute_columns())
    for col in names:
        kind = kinds.get(col, "str")
        if col in ("start", "end"):
            frame[col] = frame[col].astype("int64")
        elif col == "doc_id" and not dates_as_text:
            continue  # the caller's keys, as given
        elif kind == "float":
            frame[col] = frame[col].astype("float64")
        elif kind == "bool":
            frame[col] = frame[col].astype("boolean")
        elif col == "doc_year":
            frame[col] = frame[col].astype("Int64")
        elif col == "doc_date" and not dates_as_text:
            frame[col] = pd.to_datetime(frame[col])
        else:
            frame[col] = frame[col].map(_text, na_action="ignore").astype(pd.StringDtype())
    return frame


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def to_frame(docs: Docs) -> pd.DataFrame:
    """One row per span of every document (see the module docstring for the columns),
    with a `doc_id` column: the mapping key when `docs` is a mapping (e.g. file name ->
    Document), else the position."""
    return _typed(span_records(docs), columns(), dates_as_text=False)


def document_frame(doc: Document) -> pd.DataFrame:
    """One row per span of one document (what `Document.to_frame()` returns): the
    columns of `to_frame` without `doc_id`."""
    return to_frame(doc).drop(columns=["doc_id"])


def quantities_frame(docs: Docs) -> pd.DataFrame:
    """The QUANTITY rows of `to_frame`, with their own columns only."""
    own = {c for _, c in registry.spec("QUANTITY").columns}
    keep = ["doc_id", "start", "end", "text", "section"] + [
        c for c in columns() if c in own or c.removesuffix("_float") in own] + list(_DOC)
    frame = to_frame(docs)
    return frame[frame["label"] == "QUANTITY"][keep].reset_index(drop=True)


# The metadata table: every column but doc_id prefixed, so it joins with `to_frame`
# without clashing (a span's `title`, a DOCNO's `year`); the span table already has
# the document's date and year (doc_date, doc_year).
METADATA_COLUMNS = ("doc_id", "doc_title", "doc_issuer", "doc_docno", "doc_issued",
                    "doc_published", "doc_delivered", "doc_index_no", "doc_topic",
                    "doc_validity", "doc_source", "doc_sponsor", "doc_speaker",
                    "doc_meeting")
_DAYS = ("doc_issued", "doc_published", "doc_delivered")


def metadata_row(doc_id: Any, meta: Metadata) -> dict[str, Any]:
    return {"doc_id": doc_id, "doc_title": meta.title, "doc_issuer": meta.issuer,
            "doc_docno": None if meta.docno is None else meta.docno.text,
            "doc_issued": meta.issued, "doc_published": meta.published,
            "doc_delivered": meta.delivered, "doc_index_no": meta.index_no,
            "doc_topic": meta.topic, "doc_validity": meta.validity,
            "doc_source": meta.source, "doc_sponsor": meta.sponsor,
            "doc_speaker": meta.speaker, "doc_meeting": meta.meeting}


def metadata_frame(docs: Docs) -> pd.DataFrame:
    """One row per document with its metadata (title, issuer, document number, dates,
    ...), to join with `to_frame`: ``frame.merge(metadata_frame(docs), on="doc_id")``.
    Dates are datetime64."""
    pd = _pandas()
    rows = [metadata_row(doc_id, doc.metadata) for doc_id, doc in _named(docs)]
    frame = pd.DataFrame.from_records(rows, columns=list(METADATA_COLUMNS))
    for col in METADATA_COLUMNS[1:]:
        frame[col] = (pd.to_datetime(frame[col]) if col in _DAYS
                      else frame[col].astype(pd.StringDtype()))
    return frame


# ---------------------------------------------------------------------------
# the flat span table of files (TSV, Parquet, the Dask recipe)


def table_columns() -> tuple[str, ...]:
    return columns(path=True)


TABLE_COLUMNS = table_columns()


def table_rows(doc: Document, doc_id: str, path: str | None = None
               ) -> Iterator[dict[str, Any]]:
    """Rows of the flat span table for one document: `span_rows` with a path, the
    document's date as an ISO string."""
    for row in span_rows(doc, doc_id, path or ""):
        if row["path"] == "":
            row["path"] = None
        if row["doc_date"] is not None:
            row["doc_date"] = row["doc_date"].isoformat()
        yield row


def table_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The flat span table as a DataFrame with a fixed schema (`arrow_schema`), so
    every Parquet part has the same columns and types."""
    return _typed(rows, TABLE_COLUMNS, dates_as_text=True)


def arrow_schema() -> pa.Schema:
    """The Arrow schema of the flat span table: int64 offsets and year, float64 float
    columns, bool flags, strings elsewhere."""
    import pyarrow as pa

    kinds = dict(attribute_columns())

    def arrow_type(col: str) -> Any:
        if col in ("start", "end", "doc_year"):
            return pa.int64()
        kind = kinds.get(col)
        return (pa.float64() if kind == "float" else pa.bool_() if kind == "bool"
                else pa.string())

    return pa.schema([(c, arrow_type(c)) for c in TABLE_COLUMNS])


__all__ = ["METADATA_COLUMNS", "TABLE_COLUMNS", "arrow_schema", "attribute_columns",
           "columns", "document_frame", "metadata_frame", "metadata_row",
           "quantities_frame", "span_records", "span_rows", "table_frame", "table_rows",
           "to_frame"]
