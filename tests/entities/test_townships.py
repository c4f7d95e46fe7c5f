"""Townships and villages with no table entry (govtext.entities.places.find_townships):
licensing by a division, a lead verb or a coordination, and well-formed output on any
text. Whole-sentence cases are in tests/data/entities/names.json."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.entities.lexicon import words
from govtext.entities.townships import find_townships

ALWAYS = lambda a, b: True  # noqa: E731 - the segmenter splits everywhere
ENDS = lambda i: True  # noqa: E731


def names(s: str, after: frozenset[int] = frozenset()) -> list[str]:
    return [s[p.start:p.end] for p in find_townships(s, ALWAYS, ENDS, after)]


@pytest.mark.parametrize("text, after, expected", [
    ("深入梓山镇潭头村、山峰村", (), ["梓山镇", "潭头村", "山峰村"]),
    ("前往龙潭镇调研", (), ["龙潭镇"]),
    ("雷山县西江镇羊排村", (3,), ["西江镇", "羊排村"]),
    ("宝力根苏木巴彦嘎查", (0,), ["宝力根苏木", "巴彦嘎查"]),
    ("黄岗街道东风社区", (0,), ["黄岗街道", "东风社区"]),
    ("城关街道办事处", (), ["城关街道"]),
    ("建设美丽乡村", (), []),
    ("深入农村社区", (), []),
    ("走进示范村和贫困村", (), []),
    ("在全镇各村推广", (), []),
    ("到联系村调研", (), []),
    ("拟征收上庄镇", (), []),  # no license here: 征收 is no lead verb
])
def test_licensing(text: str, after: tuple[int, ...], expected: list[str]) -> None:
    assert names(text, frozenset(after)) == expected


def test_suffixes_come_from_data() -> None:
    sufs = set(words("places.tsv", "town")) | set(words("places.tsv", "village"))
    assert {"镇", "乡", "村", "街道", "社区", "苏木", "嘎查"} <= sufs
    assert {"到", "深入", "前往"} <= set(words("places.tsv", "town_lead"))


_ALPHABET = "到深入在镇乡村街道社区苏木嘎查、和及梓山潭头西江各全示范美丽农城关办事处，。 \n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.sets(st.integers(0, 40)),
       st.sets(st.integers(0, 40)))
def test_found_townships_are_well_formed(s: str, edges: set[int], after: set[int]) -> None:
    bound = (lambda a, b: a in edges and b in edges) if edges else ALWAYS
    sufs = tuple(words("places.tsv", "town") + words("places.tsv", "village"))
    last = -1
    for p in find_townships(s, bound, lambda i: i in edges or not edges, frozenset(after)):
        assert 0 <= p.start < p.end <= len(s)
        assert p.start >= last  # no overlaps
        text = s[p.start:p.end]
        assert text.endswith(sufs)
        name = next(text[:-len(x)] for x in sorted(sufs, key=len, reverse=True)
                    if text.endswith(x))
        assert 2 <= len(name) <= 5
        last = p.end
