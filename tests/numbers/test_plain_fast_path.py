"""Plain ASCII numerals (2019, 271.27, 0015) skip the folding of Chinese numerals; the
shortcut must give what the folding gives."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, strategies as st

from govtext.numbers.numeral import _fold, _tokens, read_numeral
from govtext.numbers.parse import parse_number

plain = st.from_regex(r"\A[0-9]{1,25}(\.[0-9]{1,25})?\Z")


@given(plain)
def test_plain_numerals_read_as_the_folding_reads_them(s):
    assert read_numeral(s) == _fold(_tokens(s), s)


@given(plain)
@example("0.0")
@example("0015")
@example("3.50")
def test_parse_number_of_a_plain_numeral_is_its_exact_decimal(s):
    value = parse_number(s)
    assert value == _fold(_tokens(s), s)
    assert value == Decimal(s) and "E" not in str(value)  # 2019, not 2.019E+3
    assert not ("." in str(value) and str(value).endswith("0"))  # 3.5, not 3.50
