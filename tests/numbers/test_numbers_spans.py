"""QUANTITY and DATE spans against the tables in tests/data/numbers."""

from __future__ import annotations


import pytest

from govtext.model import Date, Quantity, parse_exact
from govtext.numbers import find_spans
from govtext.text.prepare import Prepared
from support import table


def spans_of(text: str) -> list[Quantity | Date]:
    spans = find_spans(Prepared.of(text))
    for s in spans:
        assert text[s.start:s.end] == s.text
    return spans  # type: ignore[return-value]


def located(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


QUANTITY_ROWS = table("numbers/quantities.tsv", 8) + table("numbers/quantities_generated.tsv", 8)


@pytest.mark.parametrize("text,surface,value,unit,kind,approx,low,high", QUANTITY_ROWS)
def test_quantity(text: str, surface: str, value: str, unit: str, kind: str, approx: str,
                  low: str, high: str) -> None:
    start, end = located(text, surface)
    found = [s for s in spans_of(text) if isinstance(s, Quantity) and s.start == start]
    assert len(found) == 1, f"no QUANTITY at {surface!r}: {spans_of(text)}"
    q = found[0]
    assert (q.text, q.value, q.unit, q.kind, q.approx) == (
        surface, parse_exact(value), unit, kind, approx or None)
    assert q.low == (parse_exact(low) if low else None)
    assert q.high == (parse_exact(high) if high else None)


@pytest.mark.parametrize("text,surface", table("numbers/not_quantities.tsv", 2))
def test_not_quantity(text: str, surface: str) -> None:
    start, end = located(text, surface)
    hits = [s for s in spans_of(text)
            if isinstance(s, Quantity) and s.start < end and start < s.end]
    assert hits == []


@pytest.mark.parametrize("text,surface,value,low,high", table("numbers/dates.tsv", 5))
def test_date(text: str, surface: str, value: str, low: str, high: str) -> None:
    start, end = located(text, surface)
    found = [s for s in spans_of(text) if isinstance(s, Date)]
    assert [(d.start, d.end, d.value, d.low, d.high) for d in found if d.start == start] == [
        (start, end, value, low or None, high or None)]


@pytest.mark.parametrize("text,surface", table("numbers/not_dates.tsv", 2))
def test_not_date(text: str, surface: str) -> None:
    start, end = located(text, surface)
    hits = [s for s in spans_of(text) if isinstance(s, Date) and s.start < end and start < s.end]
    assert hits == []


def test_dates_and_quantities_do_not_overlap() -> None:
    text = "2018年全市新增就业5.6万人，2018—2022年累计投入3—5亿元。"
    spans = sorted(spans_of(text), key=lambda s: s.start)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


def test_the_finders_name_their_rule():
    """Spans come out of find_spans with the rule that the pipeline reports
    (`span.rule`, `govtext explain`), not None for the component to fill in."""
    from govtext.numbers import find_spans
    from govtext.text.prepare import Prepared

    spans = find_spans(Prepared.of("2023年3月国内生产总值增长5%至6%，投资1 8 5 8亿美元。"))
    assert {(s.label, s.rule) for s in spans} == {("DATE", "numbers.date"),
                                                  ("QUANTITY", "numbers.quantity")}
    assert len([s for s in spans if s.label == "QUANTITY"]) == 2
