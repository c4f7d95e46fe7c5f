"""Indicator rows across documents: one row per link, as dicts or a pandas DataFrame.

Columns: document, date (the document's), indicator, change, status, year, value (exact
string), value_float, unit, kind, approx, low, high, sentence, start, end.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from ..model import Document, Indicator, format_number

COLUMNS = ("document", "date", "indicator", "change", "status", "year", "value",
           "value_float", "unit", "kind", "approx", "low", "high", "sentence", "start",
           "end")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def year_from_name(name: str) -> int | None:
    """A four-digit year in a file name (`2017.txt`, `gwr-2024.txt`), or None."""
    m = _YEAR.search(name.rsplit("/", 1)[-1])
    return int(m.group(1)) if m else None


def dated_indicators(doc: Document, fallback_year: int | None = None) -> list[Indicator]:
    """The document's indicators; when its metadata has no date and `fallback_year` is
    given (a spring report's year, e.g. from its file name), they are found again with
    that date, so every figure gets a year."""
    if doc.metadata.date is not None or fallback_year is None:
        return doc.indicators
    from .finder import find_indicators

    return find_indicators(doc.text, doc.spans, doc.sentences, doc.outline,
                           year=fallback_year, month=3)


def indicator_rows(doc: Document, name: str = "", fallback_year: int | None = None
                   ) -> list[dict[str, Any]]:
    day = doc.metadata.date
    rows = []
    for ind in dated_indicators(doc, fallback_year):
        q = ind.measure
        sent = doc.sentence_of(q if q is not None else ind)
        rows.append({
            "document": name,
            "date": None if day is None else day.isoformat(),
            "indicator": "".join(ind.text.split()).replace("\u200b", ""),
            "change": ind.change,
            "status": ind.status,
            "year": ind.year,
            "value": None if q is None else format_number(q.value),
            "value_float": None if q is None else float(q.value),
            "unit": None if q is None else q.unit,
            "kind": None if q is None else q.kind,
            "approx": None if q is None else q.approx,
            "low": None if q is None or q.low is None else format_number(q.low),
            "high": None if q is None or q.high is None else format_number(q.high),
            "sentence": None if sent is None else sent.text.strip(),
            "start": ind.start,
            "end": ind.end,
        })
    return rows


def indicators_frame(docs: Iterable[tuple[str, Document]], *,
                     years_from_names: bool = True) -> Any:
    """A pandas DataFrame of `indicator_rows` for (name, Document) pairs (needs pandas)."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for name, doc in docs:
        rows.extend(indicator_rows(doc, name, year_from_name(name) if years_from_names
                                   else None))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def rows_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] = COLUMNS) -> list[list[Any]]:
    return [[r.get(c) for c in columns] for r in rows]
