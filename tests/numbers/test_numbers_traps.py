"""Numeral characters inside ordinary words (队伍, 收拾, 百姓, 千万不要): the table in
tests/data/numbers/numeral_traps.tsv gives every QUANTITY a sentence must yield."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtext.model import Quantity
from govtext.numbers import find_spans
from govtext.text.prepare import Prepared

DATA = Path(__file__).resolve().parent.parent / "data" / "numbers" / "numeral_traps.tsv"


def rows() -> list[tuple[str, str, str]]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t") + ["", ""]
            out.append((fields[0], fields[1], fields[2]))
    return out


@pytest.mark.parametrize("text,word,expected", rows())
def test_numeral_in_word(text: str, word: str, expected: str) -> None:
    assert word in text
    found = [s.text for s in find_spans(Prepared.of(text)) if isinstance(s, Quantity)]
    assert found == [e for e in expected.split(" ; ") if e]
