"""LOCATION: townships and villages whose names no table holds, licensed by their context
(`find_townships`: 堆龙德庆区 + 古荣乡, 深入 + 梓山镇, 潭头村、山峰村)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable

from .. import cache
from ..data import read_words
from .chars import chars, charset
from .institutions import town_organ
from .lexicon import divisions, is_han, place_stopwords, trie_pattern, words
from .places import Place
from .sites import _OPENERS

Bound = Callable[[int, int], bool]

@lru_cache(maxsize=1)
def _township_data() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str], frozenset[str],
                              re.Pattern[str]]:
    """Township and village suffixes (longest first), the lead-verb pattern, the generic
    modifier pattern, the common words a one-character suffix may end or open, and a
    pattern matching the suffixes (the longest one that starts at a position)."""
    sufs = tuple(sorted(words("places.tsv", "town") + words("places.tsv", "village"),
                        key=len, reverse=True))
    lead = cache.compile(trie_pattern(words("places.tsv", "town_lead")))
    generic = [w for w in place_stopwords() if len(w) >= 2 and w not in divisions()]
    generic += list(read_words("place_town_generic.txt")) + list(read_words("name_breakers.txt"))
    return (sufs, lead, cache.compile(trie_pattern(generic)), read_words("place_suffix_words.txt"),
            re.compile("|".join(re.escape(w) for w in sufs)))


# characters no township or village name holds: levels, suffixes, quantifiers, pronouns
_NOT_IN_TOWNSHIP = charset("not_in_township")
_COORD = chars("coord")
_TOWN_ENDS = tuple(sorted(words("places.tsv", "town"), key=len, reverse=True))
_TOWN_END_RE = re.compile("|".join(_TOWN_ENDS))
_VILLAGE_ENDS = words("places.tsv", "village")


_VILLAGE_END_RE = cache.compile(trie_pattern(_VILLAGE_ENDS))


def _village_at(s: str, i: int) -> bool:
    """Whether a village suffix ends the next 2-5 characters from `i` (西辛力屯 + 村)."""
    return any(_VILLAGE_END_RE.match(s, j) for j in range(i + 2, min(len(s), i + 6)))
_TOWN_BEFORE_ORGAN = cache.compile(trie_pattern(_TOWN_ENDS + _VILLAGE_ENDS))


def find_townships(s: str, bound: Bound, ends: Callable[[int], bool],
                   after: frozenset[int], before: frozenset[int] = frozenset()
                   ) -> list[Place]:
    """Townships and villages whose names no table holds (梓山镇, 古荣乡, 西辛力屯村): a
    name of 2-4 characters (5 right after a division), then a township or village suffix, licensed by what comes
    before it: the end of a division or another township (`after`: 堆龙德庆区 + 古荣乡,
    上庄镇 + 西辛力屯村), a lead verb standing as a word (深入 + 梓山镇), or a coordination
    with a licensed one (潭头村、山峰村). A township right before a known village
    (`before`: starts of places found; 城关镇 + 东关村) is licensed by it and takes the
    shortest name that starts a word. A name with a generic modifier (示范村, 美丽乡村)
    or a common word at the suffix (农村, 城镇, 乡村) is none."""
    sufs, lead, generic, common, suffix = _township_data()
    conjunctions = charset("conjunctions")
    todo = sorted(after)
    for m in lead.finditer(s):
        if bound(m.start(), m.start()) and bound(m.end(), m.end()):
            todo.append(m.end())
    # a name that opens a clause before a township organ: 城关街道 + 办事处
    groups = []  # the longest name that passes wins: 关于 + 城关镇人民政府
    for m in _TOWN_BEFORE_ORGAN.finditer(s):
        if town_organ(s, m.end()) >= 0:
            groups.append([i for i in range(max(0, m.start() - 4), m.start() - 1)
                           if bound(i, i) and (i == 0 or not is_han(s[i - 1])
                                               or s[i - 1] in _OPENERS)])
    out: dict[int, Place] = {}
    tried: set[int] = set()
    # what a trial adds, so that a failed one is undone in the time it took (copying
    # `out` per trial made a list of townships quadratic)
    out_log: list[int] = []
    tried_log: list[int] = []
    found_ends: Counter[int] = Counter()

    def at(i: int, depth: int) -> Place | None:
        """The township starting at `i`, if its end is a word edge or opens another. Right
        after a division a name may be longer (伊金霍洛旗 + 阿勒腾席热镇)."""
        if depth > 8 or i in tried and i not in out:
            return None
        if i in out:
            return out[i]
        tried.add(i)
        tried_log.append(i)
        for n in range(1, 6 if i in after else 5):
            j = i + n
            if j >= len(s) or not is_han(s[j - 1]) or s[j - 1] in _NOT_IN_TOWNSHIP:
                return None
            if s[j - 1] in conjunctions and bound(j - 1, j - 1) and bound(j, j):
                return None  # 县 + 和 + 特大镇, 进城和留乡: a conjunction, not a name
            m = suffix.match(s, j)  # the alternatives longest first: the longest suffix
            if m is None:
                continue
            suf = m.group()
            b = j + len(suf)
            if n < 2 or generic.search(s, i, j) or (len(suf) == 1 and (
                    s[j - 1:b] in common or s[j:b + 1] in common or s[b:b + 1] in sufs)):
                return None
            if not ends(b) and town_organ(s, b) < 0 and at(b, depth + 1) is None:
                return None
            p = Place(i, b, "town", None)
            out[i] = p
            out_log.append(i)
            found_ends[b] += 1
            if b < len(s) and s[b] in _COORD:
                at(b + 1, depth + 1)
            else:
                at(b, depth + 1)
            return p
        return None

    for i in sorted(set(todo)):
        at(i, 0)
    for group in groups:
        for i in group:
            if at(i, 0) is not None:
                break
    # a township right before a village licenses and is licensed by it (拟征收 + 城关镇
    # + 东关村): the village is known (`before`) or reads as one with a word end
    pairs = sorted(before | {m.end() for m in _TOWN_END_RE.finditer(s)})
    for b in pairs:
        suf = next((w for w in _TOWN_ENDS if s.endswith(w, 0, b)), None)
        if suf is None or found_ends[b] > 0:
            continue
        marks = len(out_log), len(tried_log)
        if b in before or (_village_at(s, b) and at(b, 1) is not None):
            if any(bound(i, i) and at(i, 0) is not None
                   for i in range(b - len(suf) - 2, max(-1, b - len(suf) - 5), -1)):
                continue
        # no township: a village read after it is not licensed either
        while len(out_log) > marks[0]:
            found_ends[out.pop(out_log.pop()).end] -= 1
        while len(tried_log) > marks[1]:
            tried.discard(tried_log.pop())
    # two licenses may reach one suffix: the nearer one, the shorter name, wins
    kept: list[Place] = []
    for p in sorted(out.values(), key=lambda p: (p.end, -p.start)):
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    # `at` refers to itself through its closure: a cycle that only the garbage collector
    # would free (Pipeline._run pauses it), so the reference is dropped here
    at = None  # type: ignore[assignment]
    return kept
