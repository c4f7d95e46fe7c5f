"""parse_number and find_numbers against the tables in tests/data/numbers."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import govtext
from govtext.model import format_number, parse_exact
from govtext.numbers import NumberMatch, find_numbers, parse_number

DATA = Path(__file__).resolve().parent.parent / "data" / "numbers"


def rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@pytest.mark.parametrize("text,expected", [tuple(r) for r in rows("parse_number.tsv")])
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == parse_exact(expected)
    assert isinstance(value, (Decimal, Fraction))


@pytest.mark.parametrize("text", [r[0] for r in rows("parse_errors.txt")])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


@pytest.mark.parametrize("bad", [None, 12, 1.5, b"12", ["1"]])
def test_parse_number_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        parse_number(bad)  # type: ignore[arg-type]


def test_parse_number_is_exact() -> None:
    # float arithmetic gives 1639999999.9999998 here (cn2an #55)
    assert format_number(parse_number("16.4亿")) == "1640000000"
    assert format_number(parse_number("百分之一点五七")) == "0.0157"
    assert parse_number("三分之一") == Fraction(1, 3)


def test_public_names() -> None:
    assert govtext.parse_number is parse_number
    assert govtext.find_numbers is find_numbers


@pytest.mark.parametrize("text,expected", [(r[0], r[1] if len(r) > 1 else "")
                                           for r in rows("find_numbers.tsv")])
def test_find_numbers(text: str, expected: str) -> None:
    found = find_numbers(text)
    want = [tuple(item.split("=")) for item in expected.split(" ; ") if item]
    assert [(m.text, m.value) for m in found] == [(s, parse_exact(v)) for s, v in want]
    for m in found:
        assert isinstance(m, NumberMatch)
        assert text[m.start:m.end] == m.text
        assert parse_number(m.text) == m.value


def test_find_numbers_type_error() -> None:
    with pytest.raises(TypeError):
        find_numbers(b"123")  # type: ignore[arg-type]
