"""The grammar of issue 12: hedges, ranges, spaces, readings, percent words, money,
units and names, each a table of tests with a why-note (tests/data/numbers/grammar_*)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtext
from govtext.model import Quantity, parse_exact, span_from_dict
from govtext.numbers import find_numbers, find_spans, parse_number
from govtext.numbers.numeral import MAX_LENGTH
from govtext.text.prepare import Prepared
from support import table

from test_numbers_properties import to_chinese  # the one int -> Chinese writer


@pytest.mark.parametrize("text,expected,why", table("numbers/grammar_parse.tsv", 3))
def test_parse(text: str, expected: str, why: str) -> None:
    value = parse_number(text)
    assert value == parse_exact(expected), why
    assert isinstance(value, (Decimal, Fraction)), why


@pytest.mark.parametrize("text,surface,value,unit,kind,approx,low,high,percent,currency,why",
                         table("numbers/grammar_quantities.tsv", 11))
def test_quantity(text: str, surface: str, value: str, unit: str, kind: str, approx: str,
                  low: str, high: str, percent: str, currency: str, why: str) -> None:
    start = text.index(surface)
    spans = find_spans(Prepared.of(text))
    assert all(text[s.start:s.end] == s.text for s in spans)
    found = [s for s in spans if isinstance(s, Quantity) and s.start == start]
    assert len(found) == 1, f"{why}: no QUANTITY at {surface!r}: {spans}"
    q = found[0]
    assert (q.text, q.value, q.unit, q.kind, q.approx) == (
        surface, parse_exact(value), unit, kind, approx or None), why
    assert (q.low, q.high) == (parse_exact(low) if low else None,
                               parse_exact(high) if high else None), why
    assert q.percent == (parse_exact(percent) if percent else None), why
    assert q.currency == (currency or None), why
    again = span_from_dict(q.to_dict(), text)
    assert again == q  # percent and currency survive the JSON form


@pytest.mark.parametrize("text,surface,why", table("numbers/grammar_not_quantities.tsv", 3))
def test_not_quantity(text: str, surface: str, why: str) -> None:
    start = text.index(surface)
    end = start + len(surface)
    hits = [s for s in find_spans(Prepared.of(text))
            if isinstance(s, Quantity) and s.start < end and start < s.end]
    assert hits == [], why


@pytest.mark.parametrize("text,surface,value,approx", [
    ("人口一千多万", "一千多万", "10000000", "more"),  # issue 12: was 一千 = 1000
    ("二十几万人", "二十几万", "200000", "more"),
    ("500余万元", "500余万", "5000000", "more"),
    ("十 余 万人", "十 余 万", "100000", "more"),
    ("共计三千 八百 九十六 万 四千 九百 六十五人", "三千 八百 九十六 万 四千 九百 六十五",
     "38964965", None),
])
def test_find_numbers_whole_numeral(text: str, surface: str, value: str,
                                    approx: str | None) -> None:
    found = [m for m in find_numbers(text) if m.text == surface]
    assert len(found) == 1, find_numbers(text)
    assert found[0].value == parse_exact(value)
    assert found[0].approx == approx
    assert text[found[0].start:found[0].end] == surface


def test_the_length_limit_is_a_clear_value_error() -> None:
    assert parse_number("9" * MAX_LENGTH) == int("9" * MAX_LENGTH)  # exact at the limit
    with pytest.raises(ValueError, match="longer than"):
        parse_number("9" * (MAX_LENGTH + 1))
    with pytest.raises(ValueError, match="exponent"):
        parse_number("1e999999999")


def test_non_str_is_a_value_error_too() -> None:
    with pytest.raises(ValueError):
        parse_number(12)  # type: ignore[arg-type]


SPACED = st.sampled_from(["", " ", "  "])


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=10**16 - 1), st.data())
def test_spaced_chinese_numeral_round_trips(n: int, data: st.DataObject) -> None:
    """Write the number in Chinese, put spaces next to its multipliers, read it back."""
    text = to_chinese(n)
    out = ""
    for i, ch in enumerate(text):
        out += ch
        if i + 1 < len(text) and (ch in "十百千万亿" or text[i + 1] in "十百千万亿"):
            out += data.draw(SPACED)
    assert parse_number(out) == n
    found = find_numbers(f"共有{out}个")
    assert [m.value for m in found] == [n]


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["多", "余", "几"]),
       st.sampled_from(["万", "亿"]))
def test_hedged_numeral_reads_the_stated_part(n: int, hedge: str, big: str) -> None:
    text = to_chinese(n)
    if text[-1] in "十百千" or hedge != "几":
        value = parse_number(text + hedge + big)
        assert value == n * (10000 if big == "万" else 10**8)


@settings(max_examples=200)
@given(st.integers(min_value=10**28, max_value=10**58))
def test_no_digit_is_lost_beyond_28(n: int) -> None:
    """issue 17: Decimal's default context keeps 28 digits; the reader keeps them all."""
    assert parse_number(str(n)) == n
    assert parse_number(f"-{n}") == -n
    q = [s for s in find_spans(Prepared.of(f"收入{n}元。")) if isinstance(s, Quantity)]
    assert q and q[0].value == n


@settings(max_examples=300)
@given(st.text(alphabet="0123456789一二三四五六七八九十百千万亿兆零〇○点.分之%多余几-负 eEkK半打^",
               max_size=20))
def test_parse_number_raises_only_value_error(text: str) -> None:
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert isinstance(value, (Decimal, Fraction))


@settings(max_examples=100)
@given(st.integers(min_value=0, max_value=9999).map(lambda n: f"{n:04d}"))
def test_circled_zero_digit_runs(digits: str) -> None:
    """二○二三 and 二〇二三: both circles read as zero everywhere numerals are read."""
    for zero in "〇○":
        cn = "".join(zero if d == "0" else "一二三四五六七八九"[int(d) - 1] for d in digits)
        assert parse_number(cn) == int(digits)


@pytest.mark.parametrize("text,expected,why", table("numbers/grammar_find_numbers.tsv", 3))
def test_find_numbers(text: str, expected: str, why: str) -> None:
    found = find_numbers(text)
    for m in found:
        assert text[m.start:m.end] == m.text
    want = [] if expected == "(none)" else [
        (s, parse_exact(v)) for s, _, v in (p.rpartition("=") for p in expected.split(" ; "))]
    assert [(m.text, m.value) for m in found] == want, why


@pytest.mark.parametrize("text,surface,value,why", [
    ("二○二三年工作要点", "二○二三年", "2023", "issue 12: the white circle ○ in a year"),
    ("二〇二三年工作要点", "二〇二三年", "2023", "the ideographic zero 〇"),
    ("１ ９ ８ ４ 年，全国", "１ ９ ８ ４ 年", "1984", "issue 12: a scraped year with a space after each digit"),
    ("1 9 8 4 年 3 月", "1 9 8 4 年 3 月", "1984-03", "issue 12: the same with a month"),
    ("价格10日元5钱", None, None, "10日 before 元 is no day of the month"),
])
def test_dates_read_by_the_one_reader(text: str, surface: str | None, value: str | None,
                                      why: str) -> None:
    from govtext.model import Date

    dates = [s for s in find_spans(Prepared.of(text)) if isinstance(s, Date)]
    if surface is None:
        assert dates == [], why
        return
    assert [(d.text, d.value) for d in dates] == [(surface, value)], why


def test_to_base_is_exact_beyond_28_digits() -> None:
    from govtext.numbers import to_base

    q = Quantity(0, 1, "x", value=Decimal("1234567890123456789012345678901"), unit="公里",
                 kind="length")
    assert to_base(q) == (Decimal("1234567890123456789012345678901000"), "米")


@pytest.mark.parametrize("text,surface,value", [
    ("总量达到12.5\n\u200b万亿元。", "12.5\n\u200b万亿元", "12500000000000"),  # 2017 report
    ("线路长3\n\u200b\n多万公里。", "3\n\u200b\n多万公里", "30000"),
])
def test_a_break_between_a_number_and_its_multiplier(text: str, surface: str, value: str) -> None:
    """A scraped report breaks a line (and adds U+200B) between 74.4 and 万亿元: the
    multiplier still belongs to the number (it was read alone as 万亿元 = 10^12)."""
    doc = govtext.Pipeline()(text)
    q = [s for s in doc.spans if s.label == "QUANTITY"]
    assert [(s.text, s.value) for s in q] == [(surface, Decimal(value))]
    assert all(text[s.start:s.end] == s.text for s in doc.spans)


def test_a_break_before_a_word_that_is_no_multiplier_is_kept() -> None:
    doc = govtext.Pipeline()("第1\n\n万事俱备")
    assert not [s for s in doc.spans if s.label == "QUANTITY"]
