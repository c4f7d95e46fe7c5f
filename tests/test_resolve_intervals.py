"""The interval index behind the resolution pass agrees with a brute-force check."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govtext.resolve import _Intervals

pairs = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(
    lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(pairs, st.integers(0, 45), st.integers(0, 10))
def test_overlaps_and_contains_match_brute_force(intervals, start, width):
    end = start + width
    index = _Intervals(intervals)
    assert index.overlaps(start, end) == any(a < end and start < b for a, b in intervals)
    assert index.contains(start, end) == any(a <= start and end <= b for a, b in intervals)
