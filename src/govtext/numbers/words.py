"""Ratio words (一半, 半成, 对折), blocked stretches (short quoted terms, 《》 titles) and
fixed words written with numerals (三门峡, 五花八门, 四个现代化): data-driven lists
from `numbers_words.tsv` and `numbers_fixed_words.txt`."""

from __future__ import annotations

import re
from bisect import bisect_right
from fractions import Fraction
from functools import lru_cache

import regex

from .. import cache
from ..data import read_rows, read_words
from ..trie import trie_pattern
from .candidate import Cand as _Cand
from .numeral import exact
from .units import approx_pattern, approx_words, contexts

_QUOTED = regex.compile(r"“[^“”\n]{1,12}”|‘[^‘’\n]{1,12}’|「[^「」\n]{1,12}」|『[^『』\n]{1,12}』"
                        r'|"[^"\n]{1,12}"|〔[^〔〕\n]{1,12}〕|\[[^\[\]\n]{1,12}\]|《[^《》\n]{1,60}》')
_FAR = 1 << 62


@lru_cache(maxsize=1)
def word_scanner() -> tuple[regex.Pattern[str], dict[str, tuple[Fraction, str, str]]]:
    words = {row[0]: (Fraction(row[1]), row[2], row[3] if len(row) > 3 else "")
             for row in read_rows("numbers_words.tsv")}
    alts = trie_pattern(words)  # the longest word at a position
    stops = "".join(regex.escape(c) for c in contexts().get("word-stop", ()))
    guard = f"(?![{stops}])" if stops else ""
    return regex.compile(rf"(?P<w>{alts}){guard}(?P<post>{approx_pattern('post')})?"), words


def word_quantities(norm: str) -> list[_Cand]:
    """一半, 半数以上, 半成, 对折: ratios written as words."""
    pattern, words = word_scanner()
    approx = approx_words()["post"]
    out = []
    for m in pattern.finditer(norm):
        value, kind, unit = words[m.group("w")]
        post = m.group("post")
        out.append(_Cand(m.start(), m.end(), m.start(), m.end("w"),
                         exact(value) if unit else value, unit, kind,
                         approx.get(post) if post else None, True, False, None))
    return out


def blocked_spans(norm: str) -> list[tuple[int, int]]:
    """Short quoted terms, document-number brackets and 《》 titles: no QUANTITY inside."""
    return [m.span() for m in _QUOTED.finditer(norm)]


@lru_cache(maxsize=1)
def fixed_words() -> re.Pattern[str]:
    """The fixed words, longest first (a trie run by `re`: a flat alternation in `regex`
    cost a tenth of the numbers finder)."""
    return cache.compile(trie_pattern(read_words("numbers_fixed_words.txt")))


def in_fixed(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether a numeral starting at `pos` starts inside a fixed word (not merely runs
    into one: the 十 of 十二元 is not the 二 of 二元)."""
    i = bisect_right(spans, (pos, _FAR)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def fixed_spans(norm: str) -> list[tuple[int, int]]:
    """Place names and idioms written with numerals (三门峡, 五花八门)."""
    return [m.span() for m in fixed_words().finditer(norm)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, disjoint spans."""
    i = bisect_right(spans, (start, _FAR)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

