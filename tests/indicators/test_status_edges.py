"""The clause and sentence edges around a figure are found by regexes (one call each);
they must be the edges a scan character by character finds."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from govtext.indicators import status
from govtext.model import Quantity, Region

stretch = st.text(alphabet=st.sampled_from(list("xx数，,；;。！？!?\n 　")), max_size=600)


def _scan_back(norm: str, start: int) -> int:
    lo = start
    while lo > 0 and start - lo < 400 and norm[lo - 1] not in "。！？!?\n":
        lo -= 1
    return lo


@given(stretch, st.integers(min_value=0, max_value=600))
def test_the_sentence_start_is_the_scan_back(norm, start):
    start = min(start, len(norm))
    head = status._full_start(norm, start)
    lo = _scan_back(norm, start)
    # a paragraph under a line ending in ： may reach further back; otherwise equal
    assert head == lo or head < lo and "：" in norm


@given(stretch, st.data())
def test_the_clause_is_the_scan_both_ways(norm, data):
    if len(norm) < 2:
        return
    a = data.draw(st.integers(0, len(norm) - 1))
    b = data.draw(st.integers(a + 1, len(norm)))
    qs = data.draw(st.integers(0, len(norm) - 1))
    qe = data.draw(st.integers(qs + 1, len(norm)))
    sent = Region(a, b, norm[a:b], "sentence")
    q = Quantity(qs, qe, norm[qs:qe], value=Decimal(1), unit="", kind="count")
    lo = q.start
    while lo > sent.start and norm[lo - 1] not in "，,；;。":
        lo -= 1
    hi = q.end
    while hi < sent.end and norm[hi] not in "，,；;。":
        hi += 1
    assert status._clause(norm, sent, q) == (lo, hi)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20),
                          st.sampled_from(["plan", "review"])), max_size=8))
def test_the_section_kind_is_the_first_section_holding_the_offset(rows):
    """section_kind looks the answer up per stretch between section edges; it must be
    the first section in outline order that holds the offset."""
    plans = [(a, a + n, kind) for a, n, kind in rows]
    ctx = status.Context("x", (), None, None, ())
    ctx._plans = plans
    for offset in range(-2, 75):
        assert ctx.section_kind(offset) == next(
            (k for s, e, k in plans if s <= offset < e), "")
