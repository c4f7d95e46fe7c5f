"""LOCATION: named sites, features, townships and villages with a suffix (places.tsv: geo,
town, village, zone, site): the name either opens a clause (`find_sites`: 天荒坪镇,
伏林水库) or is a known place name (`find_named`: 湟水河, 太原不锈钢园区, 亚龙湾)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .. import cache
from ..data import read_words
from .chars import chars, charset
from .lexicon import Scanner, breakers, is_han, place_stopwords, table, trie_pattern, words
from .places import Place, place_names as _names
from .wordclass import tag

Bound = Callable[[int, int], bool]

@lru_cache(maxsize=1)
def _site_suffixes() -> tuple[Scanner, frozenset[str]]:
    sufs = (words("places.tsv", "site") + words("places.tsv", "town")
            + tuple(r[0] for r in table("places.tsv", "geo") if r[2:3] == ("open",)))  # 伏林 + 水库
    return Scanner(cache.compile(trie_pattern(sufs, grouped=True)), sufs), frozenset(words("places.tsv", "town"))


@lru_cache(maxsize=1)
def _not_in_names() -> frozenset[str]:
    """Characters no site or town name holds: those of level words, quantifiers and
    particles, so 98个乡镇, 全市各乡镇 and 支持城乡 are no township."""
    return frozenset("".join(words("levels.tsv", "level"))) | charset("not_in_site")


@lru_cache(maxsize=1)
def _generic() -> re.Pattern[str]:
    """Generic modifiers and clause words that a proper site name never holds."""
    stops = [w for w in place_stopwords() if len(w) >= 2] + list(read_words("name_breakers.txt"))
    return cache.compile(trie_pattern(stops))


# A site or town name opens a clause: it follows punctuation, a line start or one of
# these prepositions and conjunctions.
_OPENERS = chars("openers")


def find_sites(s: str, bound: Bound, ends: Callable[[int], bool]) -> list[Place]:
    """Named sites and townships with no table entry: a proper name of 2-5 characters that
    opens a clause, then a site or town suffix (天府国际机场, 栖云山片区, 天荒坪镇).
    `ends(i)` says whether a name may end at `i`."""
    scanner, towns = _site_suffixes()
    stop = place_stopwords()
    bad = _not_in_names()
    out: list[Place] = []
    for m in scanner.finditer(s):
        a, b = m.span()
        if not ends(b) or glued(s, a, b, bound):
            continue
        for n in range(5, 1, -1):
            i = a - n
            if i < 0 or not all(is_han(c) for c in s[i:a]):
                continue
            if i > 0 and (is_han(s[i - 1]) and s[i - 1] not in _OPENERS
                          or s[i - 1].isdigit()):
                continue  # inside a word, or after a number (1.5万座小型水库)
            stem = s[i:a]
            if stem[0] in _OPENERS or any(c in bad for c in stem):
                continue
            if stem in _town_leads() or (m.group() in towns and _inner_name(s, i, a, bound)):
                continue  # 拟征收 + 上庄镇: a known name or a lead verb starts later
            if stem[0] in stop or _generic().search(stem) or not bound(i, i):
                continue
            out.append(Place(i, b, "town" if m.group() in towns else "site", None))
            break
    return out


@lru_cache(maxsize=1)
def _named_suffixes() -> tuple[Scanner, dict[str, str]]:
    """Suffix -> kind (geo, town, zone) for `find_named`."""
    kinds: dict[str, str] = {}
    for kind in ("geo", "town", "village", "zone", "site"):
        for w in words("places.tsv", kind):
            kinds.setdefault(w, {"site": "zone", "village": "town"}.get(kind, kind))
    return Scanner(cache.compile(trie_pattern(kinds, grouped=True)), kinds), kinds


# level characters that end a division name (湟中区 + 上新庄镇): a township may follow
_LEVEL_ENDS = charset("level_ends")

# characters no modifier between a place and a zone suffix holds
_NOT_IN_MIDDLE = charset("not_in_zone_middle")


def find_named(s: str, bound: Bound, ends: Callable[[int], bool],
               after: frozenset[int] = frozenset()) -> list[Place]:
    """A known proper place name, then a geographic or administrative suffix (湟水 + 河,
    海南 + 岛, 上庄 + 镇); a zone suffix may follow a short modifier (太原 + 不锈钢 +
    园区). A known name that already ends with a suffix stands alone (亚龙湾). Right
    after another place (`after`: ends of places found), a village or township needs no
    known name (府城镇 + 那白村). The name starts a word; the suffix ends one."""
    scanner, kinds = _named_suffixes()
    names = _names()
    bad = _not_in_names()
    generic = _generic()
    geo = tuple(w for w, k in kinds.items() if k == "geo")
    out: list[Place] = []
    last = -1
    for m in scanner.finditer(s):
        a, b = m.span()
        kind = kinds[m.group()]
        if not ends(b):
            continue
        start = -1
        for n in (5, 4, 3):  # a known name holding its suffix: 亚龙湾, 海南岛
            i = b - n
            # a name of four or five characters is one only when its stem is a name
            # too: jieba tags idioms as places (留得青山, 半壁江山, 上山下乡)
            if i >= 0 and a - i >= 2 and s[i:b] in names and bound(i, i) \
                    and (n == 3 or s[i:a] in names):
                start = i
                break
        if start < 0 and glued(s, a, b, bound):
            continue
        if start < 0:
            for n in (4, 3, 2):
                i = a - n
                # a name that already names a feature takes no second suffix: 太湖 + 湖体
                if i >= 0 and s[i:a] in names and bound(i, i) and not (
                        kind == "geo" and s[i:a].endswith(geo)):
                    start = i
                    break
            # the longest reading wins: 海口 + 江东 + 新区 over 江东 + 新区
            if kind == "zone":
                i = _with_middle(s, a, bound, names)
                start = i if i >= 0 and (start < 0 or i < start) else start
            if kind == "town":  # after another place: 湟中区 + 上新庄镇, 府城镇 + 那白村
                for n in (3, 2):
                    i = a - n
                    if i >= 0 and (i in after or s[i - 1:i] in _LEVEL_ENDS) and bound(i, i) \
                            and all(is_han(c) and c not in bad for c in s[i:a]) \
                            and not (s[i] in charset("conjunctions") and bound(i + 1, i + 1)) \
                            and not generic.search(s, i, a) and (start < 0 or i < start):
                        start = i
                        break
        if start < 0 or s[start] in bad:
            continue
        if start < last:  # a longer reading covers the last one: 三亚崖州湾科技城
            if not (out and start <= out[-1].start):
                continue
            out.pop()
        out.append(Place(start, b, "town" if kind == "town" else "site", None))
        last = b
        after = after | {b}
    return out


def _with_middle(s: str, a: int, bound: Bound, names: frozenset[str]) -> int:
    """Start of a known name followed by a modifier of 1-4 characters ending at `a`."""
    for j in range(a - 1, max(-1, a - 5), -1):
        if not is_han(s[j]) or s[j] in _NOT_IN_MIDDLE or breakers().match(s, j) \
                or _zone_verbs().match(s, j):
            return -1
        if not bound(j, j):
            continue
        for n in (5, 4, 3, 2):
            i = j - n
            if i >= 0 and s[i:j] in names and bound(i, i):
                return i
    return -1


@lru_cache(maxsize=1)
def _zone_verbs() -> re.Pattern[str]:
    return cache.compile(trie_pattern(read_words("place_zone_verbs.txt")))



def glued(s: str, a: int, b: int, bound: Bound) -> bool:
    """Whether the one-character suffix `s[a:b]` is the end of a common word the
    segmenter keeps whole with the character before it (江南/水乡, 建设/新农村), or of a
    verb (上山/下乡: jieba's dictionary tags 下乡 a verb)."""
    if b - a != 1 or a == 0 or bound(a, a):
        return False
    pair = s[a - 1:b]
    return pair in read_words("place_suffix_words.txt") or tag(pair) == "v"


def _inner_name(s: str, i: int, a: int, bound: Bound) -> bool:
    """Whether a known place name starts on a word edge inside `s[i:a]` and runs to `a`,
    or a lead verb (到, 深入) ends on one: the stem then holds words before the name."""
    names = _names()
    leads = _town_leads()
    for j in range(i + 2, a - 1):  # words of two or more characters before the name
        if bound(j, j) and (s[j:a] in names or any(s.endswith(w, i, j) for w in leads)):
            return True
    return False


@lru_cache(maxsize=1)
def _town_leads() -> tuple[str, ...]:
    return tuple(sorted(words("places.tsv", "town_lead"), key=len, reverse=True))
