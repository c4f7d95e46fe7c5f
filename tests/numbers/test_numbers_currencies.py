"""currencies.tsv is what scripts/build_currencies.py makes from CLDR (babel), and every
money unit of units.tsv that names a currency has its ISO code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from govtext.data import read_rows
from govtext.numbers.units import currency_of, unit_table

ROOT = Path(__file__).resolve().parents[2]


def test_generated_file_matches_the_generator() -> None:
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("build_currencies",
                                                  ROOT / "scripts" / "build_currencies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert tuple(module.build()) == read_rows("currencies.tsv")


@pytest.mark.parametrize("name,code", [
    ("瑞士法郎", "CHF"), ("奈拉", "NGN"), ("卢布", "RUB"), ("美元", "USD"), ("美圆", "USD"),
    ("欧元", "EUR"), ("日元", "JPY"), ("港元", "HKD"), ("港币", "HKD"), ("英镑", "GBP"),
    ("元", "CNY"), ("人民币", "CNY"), ("HK$", "HKD"), ("€", "EUR"), ("角", "CNY"),
])
def test_currency_codes(name: str, code: str) -> None:
    assert currency_of(name) == code
    if name != "角":
        assert unit_table()[name].kind == "money"


def test_every_money_unit_has_a_currency() -> None:
    missing = [u.name for u in unit_table().values()
               if u.kind == "money" and currency_of(u.name) is None]
    assert missing == []
