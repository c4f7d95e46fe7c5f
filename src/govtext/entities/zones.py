"""LOCATION and AGENCY: long names of development zones and pilot areas (郑州航空港经济综合
实验区, 中韩（长春）国际合作示范区) and their organs (管委会)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .. import cache
from ..data import read_words
from .lexicon import Scanner, is_han, place_stopwords, trie_pattern, words
from .places import Place, place_names as _names
from .sites import _NOT_IN_MIDDLE

Bound = Callable[[int, int], bool]

@lru_cache(maxsize=1)
def _zone_data() -> tuple[Scanner, frozenset[str], re.Pattern[str], re.Pattern[str],
                          frozenset[str]]:
    sufs = read_words("place_zone_suffixes.txt")
    stops = (({w for w in place_stopwords() if len(w) >= 2}
              - read_words("place_zone_modifiers.txt")) | read_words("name_breakers.txt")
             | read_words("place_zone_verbs.txt"))
    return (Scanner(cache.compile(trie_pattern(sufs, grouped=True)), sufs), read_words("place_zone_leads.txt"),
            re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)]"), cache.compile(trie_pattern(stops)),
            _names() | frozenset(words("places.tsv", "region")))


# the longest zone name before its suffix (长三角生态绿色一体化发展 + 示范区)
_ZONE_NAME_MAX = 14


def find_zones(s: str, bound: Bound, ends: Callable[[int], bool]) -> list[Place]:
    """Long names of development zones and pilot areas: a known place name or a country
    pair (中韩, 中新; then a parenthesized place or a known name), a modifier with no
    verb, particle or level word, and a zone suffix (郑州 + 航空港经济综合 + 实验区,
    中韩 + （长春） + 国际合作 + 示范区, 中新 + 天津 + 生态城). Generic phrases (各类开发区,
    国家级新区建设) have no such head."""
    scanner, leads, paren, generic, names = _zone_data()
    out: list[Place] = []
    for m in scanner.finditer(s):
        a, b = m.span()
        if not ends(b):
            continue
        start = -1
        for j in range(a - 1, max(-1, a - _ZONE_NAME_MAX - 1), -1):
            c = s[j]
            if c not in "（）()" and (not is_han(c) or c in _NOT_IN_MIDDLE):
                break
            head = _zone_head(s, j, a, names, leads, paren, bound)
            if head > 0 and not generic.search(s, head, a) \
                    and not any(ch in "（）()" for ch in s[head:a]):
                start = j
        if start >= 0 and not (out and start < out[-1].end):
            out.append(Place(start, b, "site", None))
    return out


def zone_organ(s: str, i: int) -> int:
    """End of a zone's organ head (管委会, 党工委) at `i`, or -1."""
    for w in read_words("place_zone_organs.txt"):
        if s.startswith(w, i):
            return i + len(w)
    return -1


def _zone_head(s: str, j: int, a: int, names: frozenset[str], leads: frozenset[str],
               paren: re.Pattern[str], bound: Bound) -> int:
    """End of the head of a zone name starting at `j` (a known name, or a country pair
    and a place), or -1."""
    if j > 0 and is_han(s[j - 1]) and not bound(j, j):
        return -1
    for n in (3, 2):
        if s[j:j + n] in leads and j + n < a:
            k = j + n
            m = paren.match(s, k)
            if m and m.end() <= a and m.group(1) in names:
                return m.end()
            for q in (5, 4, 3, 2):
                if k + q <= a and s[k:k + q] in names:
                    return k + q
            return -1  # 中国 + 特色社会主义先行示范区: a policy label, no zone name
    for n in (5, 4, 3, 2):
        if j + n <= a and s[j:j + n] in names and bound(j, j):
            return j + n
    return -1
