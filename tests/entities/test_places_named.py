"""Named places from a known name and a suffix (govtext.entities.places.find_named): the
derived name list keeps to its filters, and found places are well-formed on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.data import read_words
from govtext.entities.lexicon import words
from govtext.entities.sites import _named_suffixes, find_named, glued


def test_name_list_keeps_its_filters() -> None:
    names = read_words("place_names.txt")
    dropped = (read_words("place_ns_common.txt") | read_words("place_stopwords.txt")
               | read_words("name_breakers.txt") | read_words("gov_words.txt"))
    assert len(names) > 10000
    assert not names & dropped
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,5}", w) for w in names)


def test_suffix_kinds_are_known() -> None:
    _, kinds = _named_suffixes()
    assert set(kinds.values()) <= {"geo", "town", "zone"}
    assert "水库" in words("places.tsv", "geo")


def test_glued_suffix() -> None:
    never = lambda a, b: False  # noqa: E731 - the segmenter splits nowhere
    always = lambda a, b: True  # noqa: E731
    assert glued("江南水乡", 3, 4, never)  # 水乡 kept whole: 乡 is no suffix
    assert not glued("江南水乡", 3, 4, always)
    assert not glued("上庄镇", 2, 3, never)


_ALPHABET = "湟水河北川镇村山湖岛湾太原园区不锈钢经开新各全市，。、 \n南亚龙海"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.sets(st.integers(0, 40)))
def test_found_places_are_well_formed(s: str, edges: set[int]) -> None:
    bound = (lambda a, b: a in edges and b in edges) if edges else (lambda a, b: True)
    _, kinds = _named_suffixes()
    found = find_named(s, bound, lambda i: i in edges or not edges)
    last = -1
    for p in found:
        assert 0 <= p.start < p.end <= len(s)
        assert p.start >= last  # no overlaps
        assert any(s[p.start:p.end].endswith(k) for k in kinds)
        assert p.end - p.start >= 3
        last = p.end
