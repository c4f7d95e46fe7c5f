"""The analyst's targets table: each report's targets for its own year (GDP growth, CPI,
new urban jobs, unemployment rates), one row a report. Which names fill which column is
data (data/indicator_targets.tsv); older reports' wording (工农业总产值, 国民生产总值,
经济增长速度, 零售物价) is there too."""

from __future__ import annotations

from functools import lru_cache

import regex
from typing import Any, Iterable

from ..data import read_rows
from ..model import Document, Indicator, format_number
from ..text.prepare import Prepared
from .frame import dated_indicators, year_from_name
from .status import full_start

# the sentence that states a report's targets (今年…主要预期目标是：): its figures win
_STATED = regex.compile(r"预期目标|主要目标|调控目标|计划要求|目标是|目标为")

TARGET_COLUMNS = ("gdp_growth", "cpi", "new_urban_jobs", "registered_unemployment",
                  "surveyed_unemployment")
_SCOPE = ("今年", "全年", "明年", "我国", "全国", "年均", "平均每年", "每年", "主要")


@lru_cache(maxsize=1)
def _names() -> dict[str, list[tuple[str, str, str]]]:
    """name -> [(column, change, unit)]"""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for column, change, unit, names in read_rows("indicator_targets.tsv"):
        for n in names.split("|"):
            out.setdefault(n, []).append((column, change, unit))
    return out


def _clean(text: str) -> str:
    name = "".join(text.split()).replace("\u200b", "")
    changed = True
    while changed:
        changed = False
        for w in _SCOPE:
            if name.startswith(w) and len(name) > len(w):
                name, changed = name[len(w):], True
    return name


def column_of(ind: Indicator) -> str | None:
    unit = None if ind.measure is None else ind.measure.unit
    for column, change, want in _names().get(_clean(ind.text), ()):
        if change in ("any", ind.change) and unit == want:
            return column
    return None


def format_value(ind: Indicator) -> str | None:
    """The figure as the report gives it: ``6.5``, ``8–9`` for a range, with the unit
    (``%``, ``万人``) and the approximation word's sense (``~`` about, ``≥`` more,
    ``≤`` less)."""
    q = ind.measure
    if q is None:
        return None
    value = q.value
    unit = q.unit
    if unit == "人" and value >= 10000:
        value, unit = value / 10000, "万人"
    if q.low is not None and q.high is not None:
        scale = 10000 if unit == "万人" else 1
        number = f"{format_number(q.low / scale)}–{format_number(q.high / scale)}"
    else:
        number = format_number(value)
    mark = {"about": "~", "more": "≥", "less": "≤"}.get(q.approx or "", "")
    return f"{mark}{number}{unit}"


def report_targets(doc: Document, year: int | None) -> dict[str, Any]:
    """One report's row: {"year": …, column: value or None, column + "_name": …}."""
    row: dict[str, Any] = {"year": year}
    found: dict[str, Indicator] = {}
    stated: dict[str, bool] = {}  # column -> whether its figure sits under 主要预期目标是 and the like
    norm = Prepared.of(doc.text).norm
    for ind in dated_indicators(doc, year):
        if ind.status != "target":
            continue
        column = column_of(ind)
        if column is None or (column in found and stated[column]):
            continue
        if year is not None and ind.year != year:
            continue
        strong = _STATED.search(norm, full_start(norm, ind.start), ind.quantity[0]) is not None
        if column not in found or strong:
            found[column], stated[column] = ind, strong
    for column in TARGET_COLUMNS:
        hit = found.get(column)
        row[column] = None if hit is None else format_value(hit)
        row[column + "_text"] = None if hit is None else doc.text[
            min(hit.start, hit.quantity[0]):max(hit.end, hit.quantity[1])]
    return row


def targets_table(docs: Iterable[tuple[str, Document]]) -> list[dict[str, Any]]:
    """Rows for (name, Document) pairs, by year; the year is the document's date, else a
    year in its name."""
    rows = []
    for name, doc in docs:
        day = doc.metadata.date
        year = day.year if day is not None else year_from_name(name)
        row = report_targets(doc, year)
        row["document"] = name
        rows.append(row)
    return sorted(rows, key=lambda r: (r["year"] is None, r["year"] or 0))
