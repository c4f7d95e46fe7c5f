"""`trie_pattern` matches the longest of its words at a position, whatever the layout:
with `grouped=True` nodes with many branches are split in groups behind lookaheads
(`govtext.trie._GROUPED`), which must change nothing but the speed."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings, strategies as st

from govtext import trie

# 60 first characters, so the top node is grouped; short words share prefixes
ALPHABET = [chr(0x4E00 + i) for i in range(60)] + list("-.()[]^")
words = st.lists(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=4),
                 min_size=1, max_size=400)


def _longest(ws: list[str], s: str, i: int) -> int | None:
    found = [len(w) for w in ws if s.startswith(w, i)]
    return max(found) if found else None


@settings(max_examples=120, deadline=None)
@given(words, st.text(alphabet=st.sampled_from(ALPHABET), max_size=40), st.booleans())
def test_the_longest_word_at_each_position(ws, s, grouped):
    pattern = trie._trie(sorted(set(ws)), grouped)
    for engine in (re, regex):
        compiled = engine.compile(pattern)
        for i in range(len(s) + 1):
            m = compiled.match(s, i)
            expected = _longest(ws, s, i)
            assert (m.end() - i if m else None) == expected, (engine.__name__, i)


def test_a_large_node_is_grouped():
    ws = [chr(0x4E00 + i) + "市" for i in range(500)]
    assert "(?=[" not in trie._trie(ws)  # searched for: flat, so `re` skips by first character
    pattern = trie._trie(ws, grouped=True)
    assert pattern.count("(?=[") == 22  # 500 branches in groups of 23 (isqrt(499) + 1)
    assert re.fullmatch(pattern, chr(0x4E00 + 321) + "市")
