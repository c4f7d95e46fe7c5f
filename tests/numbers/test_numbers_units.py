"""The unit table and the base-unit conversion."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from govtext.model import QUANTITY_KINDS, Quantity
from govtext.numbers.units import approx_words, to_base, unit_table


def test_unit_table_is_well_formed() -> None:
    table = unit_table()
    assert len(table) > 100
    for unit in table.values():
        assert unit.kind in QUANTITY_KINDS
        assert (unit.factor is None) == (unit.base == "")
        assert unit.factor is None or unit.factor > 0


def test_approx_words_cover_the_guideline() -> None:
    words = approx_words()
    for word in ("余", "多"):
        assert words["mid"][word] == "more"
    for word in ("以上", "左右", "以下", "以内", "上下", "前后"):
        assert word in words["post"]
    for word, approx in (("约", "about"), ("近", "less"), ("超过", "more"), ("逾", "more"),
                         ("不到", "less"), ("突破", "more"), ("不超过", "less")):
        assert words["pre"][word] == approx


def q(value: str, unit: str) -> Quantity:
    return Quantity(0, 0, "", value=Decimal(value), unit=unit,
                    kind=unit_table()[unit].kind)


@pytest.mark.parametrize("value,unit,base_value,base_unit", [
    ("426000", "亩", Fraction(284000000), "平方米"),
    ("1", "亩", Fraction(2000, 3), "平方米"),
    ("12.5", "公里", Fraction(12500), "米"),
    ("3.2", "吨", Fraction(3200), "千克"),
    ("1", "千瓦时", Fraction(3600000), "焦"),
    ("10800000000", "度", Fraction(38880000000000000), "焦"),
    ("2", "公顷", Fraction(20000), "平方米"),
    ("5", "个工作日", Fraction(432000), "秒"),
    ("7", "成", Fraction(70), "%"),
    ("3", "尺", Fraction(1), "米"),  # 市制: 3 尺 = 1 m
    ("1", "马力", Fraction(73549875, 100000), "瓦"),  # metric horsepower, exact
    ("5", "克拉", Fraction(1, 1000), "千克"),  # 200 mg a carat
    ("3.5", "GHz", Fraction(3500000000), "赫兹"),
])
def test_to_base(value: str, unit: str, base_value: Fraction, base_unit: str) -> None:
    result = to_base(q(value, unit))
    assert result is not None
    got, got_unit = result
    assert Fraction(got) == base_value
    assert got_unit == base_unit
    assert isinstance(got, (Decimal, Fraction))


@pytest.mark.parametrize("unit", ["个", "项", "人次", "家"])
def test_measure_words_have_no_base(unit: str) -> None:
    assert to_base(q("3", unit)) is None


def test_unknown_unit_has_no_base() -> None:
    assert to_base(Quantity(0, 0, "", value=Decimal(3), unit="", kind="count")) is None


def test_unit_flags_are_known() -> None:
    from govtext.data import read_rows
    known = {"multi", "cn-name", "phase", "alone", "half", "tenth", "decimals"}
    for row in read_rows("units.tsv"):
        flags = row[4].split(",") if len(row) > 4 and row[4] else []
        for flag in flags:
            assert flag in known or flag.startswith("after="), (row[0], flag)
    table = unit_table()
    assert table["番"].after and table["期"].cn_name and table["期"].phase
    assert table["对"].alone and not table["个"].alone


@pytest.mark.parametrize("unit", ["期", "卷", "瓶", "枚", "尾", "剂", "标准箱", "届", "网点"])
def test_new_measure_words_are_counts(unit: str) -> None:
    assert unit_table()[unit].kind == "count"
    assert to_base(q("3", unit)) is None
