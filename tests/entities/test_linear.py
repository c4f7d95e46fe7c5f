"""Linear time on the pathological inputs of issue 17, asserted without timing: the
Python calls (and generator resumptions) a finder makes on an input of size n and 4n,
counted with sys.setprofile, grow at most 5-fold; a quadratic scan grows about 16-fold."""

from __future__ import annotations

import sys
from typing import Any, Callable

import pytest

from govtext.entities.agencies import find_agencies
from govtext.entities.institutions import town_organ
from govtext.entities.places import Context
from govtext.entities.townships import find_townships

ALWAYS = lambda a, b: True  # noqa: E731 - the segmenter splits everywhere
ENDS = lambda i: True  # noqa: E731


def calls(fn: Callable[[], Any]) -> int:
    """Python calls, generator resumptions and C calls made while running `fn`."""
    count = 0

    def tick(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        count += 1

    sys.setprofile(tick)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def agencies(s: str) -> object:
    return find_agencies(s, Context(), ALWAYS)


def townships(s: str) -> object:
    return find_townships(s, ALWAYS, ENDS, frozenset({0}))


@pytest.mark.parametrize("unit, finder, why", [
    ("主办单位:秦皇岛市人民政府办公室\n", agencies,
     "issue 17: _institutions scanned every found agency per opener"),
    ("县乡镇", townships, "issue 17: town_organ matched to the end of the run per call"),
    ("梓山镇、古荣乡、城关镇、递铺街道、", townships,
     "issue 17: find_townships copied its sets per candidate"),
    ("潭头村、山峰村、", townships, "issue 17: a list of villages"),
])
def test_work_grows_linearly(unit: str, finder: Callable[[str], object], why: str) -> None:
    n = 2000 // len(unit) + 1
    finder(unit * n)  # load the lexicons first: their one-off cost is no part of the count
    small = calls(lambda: finder(unit * n))
    large = calls(lambda: finder(unit * (4 * n)))
    assert large <= 5 * small, (why, small, large)


def test_town_organ_reads_a_bounded_window() -> None:
    """town_organ's answer at `i` depends on the next few characters only (issue 17: it
    matched to the end of a run of 县乡镇 on each call)."""
    for s in ("县乡镇" * 200, "城关街道办事处" * 50, "征地拆迁办公室" * 50):
        for i in range(0, len(s), 7):
            local = town_organ(s[i:i + 20], 0)
            assert town_organ(s, i) == (-1 if local < 0 else i + local), (s[:7], i)
