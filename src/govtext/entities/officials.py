"""OFFICIAL and PERSON: a name model checked against the title and the words around it.

A *title chain* is one or more titles joined by 、 (`市委常委、常务副市长`), each an
optional organ or place (`省人大常委会`, `国务院`, `秦皇岛市`) and a title word
(titles.tsv). A name follows the chain (`市长张瑞书`) or precedes it (`张瑞书市长`).
A name is a surname (surnames.txt) and one or two given-name characters; it is checked:
no character that never appears in a given name, not a common word that merely starts
with a surname (`周密`, `马上`, `高度`: name_stopwords.txt), and it ends where the
segmenter sees a word end or a word that follows names (`在`, `主持`, `同志`:
name_context.tsv). A bare surname before an address title (`王市长`) is a name too.
A title with no name is never an OFFICIAL (`市长热线`, `市长为第一副组长`).
PERSON is a name followed by 同志 with no title, or a leader from persons.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from .. import cache
from ..data import read_rows
from .lexicon import is_han, name_stopwords, surnames, table, trie_pattern
from .names import (DOTS, is_translit_name, leaders, run_end, split_off, translit_chars,
                    translit_places, translit_run, weak_surnames)

Bound = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int  # squeezed offsets
    end: int
    name: str
    title: str | None  # None for a PERSON


@lru_cache(maxsize=1)
def _titles() -> dict[str, tuple[int, bool]]:
    out = {}
    for r in read_rows("titles.tsv"):
        rank = int(r[1]) if len(r) > 1 and r[1].isdigit() else 3
        out[r[0]] = (rank, len(r) > 2 and r[2] == "y")
    for word, (rank, _) in list(out.items()):  # 郑副市长 as 林市长
        if word.startswith("副") and out.get(word[1:], (0, False))[1]:
            out[word] = (rank, True)
    return out


@lru_cache(maxsize=1)
def _context() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    after = tuple(sorted((r[0] for r in table("name_context.tsv", "after")), key=len,
                         reverse=True))
    glue = frozenset(r[0] for r in table("name_context.tsv", "glue"))
    bad = frozenset(r[0] for r in table("name_context.tsv", "bad"))
    return after, glue, bad


@lru_cache(maxsize=1)
def _strong_glue() -> frozenset[str]:
    return frozenset(r[0] for r in table("name_context.tsv", "glue")
                     if len(r) > 2 and r[2] == "strong")


@lru_cache(maxsize=1)
def _title_words() -> re.Pattern[str]:
    return cache.compile(trie_pattern(_titles()))


def title_at(s: str, i: int, rank: int = 3) -> bool:
    """Whether a title word (of at most `rank`: 1 heads, 2 deputies, 3 all) starts at
    position `i` of `s`."""
    m = _title_words().match(s, i)
    return m is not None and _titles()[m.group()][0] <= rank


@lru_cache(maxsize=1)
def _roles() -> re.Pattern[str]:
    return cache.compile(trie_pattern(r[0] for r in table("name_context.tsv", "role")))


def role_at(s: str, i: int) -> bool:
    """Whether a role noun (成员, 代表) starts at position `i` of `s`."""
    return _roles().match(s, i) is not None


def _given_ok(given: str) -> bool:
    _, _, bad = _context()
    if len(given) == 2 and given[0] in _middle_ok():  # 温家宝, 钱其琛
        given = given[1:]
    elif len(given) == 2 and given[1] in _middle_ok():  # 龚育之, 詹祖里
        given = given[:1]
    return all(is_han(c) and c not in bad for c in given)


@lru_cache(maxsize=1)
def _middle_ok() -> frozenset[str]:
    return frozenset(r[0] for r in table("name_context.tsv", "bad") if r[2:3] == ("middle",))


def _surname_len(cand: str) -> int:
    """Length of the surname that opens `cand` (2 for compound surnames), or 0."""
    sn = surnames()
    if cand[:2] in sn and len(cand) >= 3:
        return 2
    return 1 if cand[:1] in sn else 0


def _is_name(cand: str) -> bool:
    if cand in leaders():
        return True
    if cand in translit_places():  # 伊拉克: 伊 is a surname too
        return False
    k = _surname_len(cand)
    if k == 0 or not 1 <= len(cand) - k <= 2 or not _given_ok(cand[k:]):
        return False
    stop = name_stopwords()
    # 周密, or 周密 + one more character (周密部署 is not a person named 周密部)
    if cand in stop or cand[:k + 1] in stop:
        return False
    # a title inside the candidate: 任组长 is 任 + 组长
    return _title_words().search(cand, k) is None


def follows(s: str, i: int) -> bool:
    """True when position `i` of `s` ends a name: end, non-Han, or a word that follows names."""
    if i >= len(s) or not is_han(s[i]):
        return True
    return _after().match(s, i) is not None


@lru_cache(maxsize=1)
def _after() -> re.Pattern[str]:
    return cache.compile(trie_pattern(_context()[0]))


# A transliterated name of a minority nationality: given name · family name
# (艾尔肯·吐尼亚孜); no surname table applies.
_DOTTED = regex.compile(r"[\u4e00-\u9fff]{1,6}[·•‧・][\u4e00-\u9fff]{1,8}"
                        r"(?:[·•‧・][\u4e00-\u9fff]{1,8})?")


_DOTTED_BEFORE = regex.compile(_DOTTED.pattern + "$")


def name_after(s: str, i: int, bound: Bound) -> int:
    """End of a name starting at `i` (right after a title), or -1."""
    dotted = _DOTTED.match(s, i)
    if dotted is not None:
        # a run of transliteration characters ends where the segmenter sees a word end
        # (马尔登/有幸, 圭尼贡/多日前); otherwise the family name ends where a word that
        # follows names begins (…吐尼亚孜主持)
        last = max(dotted.group().rfind(c) for c in "·•‧・") + i + 1
        run = translit_run(s, i, 24)
        if run > last:
            end = run_end(s, last, run, bound)
            if is_translit_name(s[i:end]):
                return end
        for end in range(last + 2, dotted.end() + 1):
            if follows(s, end):
                return end
        return -1
    k = _surname_len(s[i:i + 4])
    # right after a title a weak surname split off is still a name when the rest is
    # one word of two characters that is no common word (书记向/明远), not when it is
    # more (总理和/中/缅) or a common word (亲王和/国际)
    if k == 0 or (split_off(s, i, bound) and (bound(i + 2, i + 2) or not bound(i + 3, i + 3)
                                              or s[i + 1:i + 3] in name_stopwords())):
        return translit_after(s, i, bound)
    lengths = (k + 2, k + 1)
    if not bound(i, i):
        return -1
    # 1. followed by a word that follows names, where the segmenter agrees (李明/陪同,
    #    not 李明陪/同); 2. followed by punctuation or a following word of two or more
    #    characters; 3. followed by a one-character following word that the segmenter
    #    glued to the whole name (王正谱作), not to its last character (包保/责任);
    #    4. a full name the segmenter sees as a word or words of its own
    for n in lengths:
        cand = s[i:i + n]
        if len(cand) == n and _is_name(cand) and follows(s, i + n) and bound(i + n, i + n):
            return i + n
    for n in lengths:
        cand = s[i:i + n]
        if len(cand) == n and _is_name(cand) and _follows_firmly(s, i + n):
            return i + n
    for n in lengths:
        cand = s[i:i + n]
        if len(cand) == n and _is_name(cand) and follows(s, i + n) and \
                not any(bound(p, p) for p in range(i + 1, i + n + 1)):
            return i + n
    n = k + 2  # a two-character word after a title needs a following word (书记包保/责任)
    cand = s[i:i + n]
    if len(cand) == n and _is_name(cand) and bound(i, i + n) and \
            _title_words().match(s, i + n) is None:
        return i + n
    return translit_after(s, i, bound)


def translit_after(s: str, i: int, bound: Bound) -> int:
    """End of a transliterated name starting at `i` (克林顿, 巴桑旺堆), or -1: the
    longest that ends where the segmenter sees a word end."""
    if not bound(i, i):
        return -1
    e = translit_run(s, i)
    for end in range(e, i + 2, -1):
        if bound(end, end) and (end == e or follows(s, end)) \
                and is_translit_name(s[i:end]):
            return end
    return -1


def translit_before(s: str, j: int, bound: Bound) -> int:
    """Start of a transliterated name ending at `j` (克林顿总统), or -1."""
    a = j
    while a > 0 and j - a < 12 and (s[a - 1] in translit_chars() or s[a - 1] in DOTS):
        a -= 1
    for start in range(a, j - 2):
        if bound(start, start) and s[start] not in DOTS and is_translit_name(s[start:j]):
            return start
    return -1


def _follows_firmly(s: str, i: int) -> bool:
    """A name ends at `i` for sure: end, non-Han, or a following word of 2+ characters
    (a one-character one such as 任 or 在 may be part of the next word)."""
    if i >= len(s) or not is_han(s[i]):
        return True
    m = _after().match(s, i)
    return m is not None and len(m.group()) >= 2


def name_before(s: str, j: int, bound: Bound, address: bool) -> int:
    """Start of a name ending at `j` (right before a title), or -1."""
    _, glue, _ = _context()
    dotted = _DOTTED_BEFORE.search(s, max(0, j - 20), j)
    if dotted is not None and (dotted.start() == 0 or not is_han(s[dotted.start() - 1])):
        return dotted.start()
    for n in (4, 3, 2):
        i = j - n
        if i < 0:
            continue
        cand = s[i:j]
        if not _is_name(cand):
            continue
        if cand[0] in weak_surnames() and bound(i + 1, i + 1):
            continue  # 和/代理 主任委员
        if cand[0] in glue and n > 2 and _is_name(cand[1:]) and (
                bound(i + 1, j) or cand[0] in _strong_glue()):
            return i + 1  # 和/李强/总理 (but 向明远 stays whole when segmented whole)
        if cand[0] in glue and n == 2 and bound(i + 1, i + 1):
            continue  # 和/村 书记: a conjunction and a word, not a name
        if not bound(i, j) and not (i > 0 and s[i - 1] in _strong_glue()
                                    and bound(i - 1, i - 1) and bound(j, j)):
            continue
        return i
    t = translit_before(s, j, bound)
    if t >= 0:
        return t
    if address and j >= 1 and s[j - 1] in surnames() and s[j - 1] not in glue \
            and s[j - 1] not in weak_surnames() \
            and (bound(j - 1, j) or (bound(j - 1, j - 1) and not bound(j, j))):
        if j < 2 or not is_han(s[j - 2]) or s[j - 2] in glue or bound(j - 2, j - 1):
            return j - 1  # 王市长
    return -1


def _chains(s: str, organs: dict[int, int], bound: Bound) -> list[tuple[int, int, bool]]:
    """Title chains `[a, b)` and whether the chain is one bare address title (王市长)."""
    titles = _titles()
    words = _title_words()
    cands: list[tuple[int, int, int, str]] = []  # (span start, title start, end, word)
    for m in words.finditer(s):
        start = organs.get(m.start(), m.start())
        # an organ that ends inside the title word (省政府党组 + 党组成员) opens it
        for e in range(m.start() + 1, m.end()):
            if e in organs and organs[e] < m.start():
                start = min(start, organs[e])
        cands.append((start, m.start(), m.end(), m.group()))
    for e, a in organs.items():  # a title right after an organ may overlap a word above
        after = words.match(s, e)
        if after is not None:
            cands.append((a, e, after.end(), after.group()))
    cands.sort(key=lambda c: (c[0], -c[2]))
    units: list[tuple[int, int, bool]] = []
    last_end = -1
    for a, t, u, w in cands:
        if a < last_end:
            continue
        # the title must start a word (市长 in 全市长期 does not) and end one
        if a == t and not bound(t, t) and not _glued_address(s, t, u, w, bound):
            continue
        if not (bound(u, u) or follows(s, u) or words.match(s, u)):
            continue
        units.append((a, u, a == t and titles[w][1]))
        last_end = u
    chains: list[tuple[int, int, bool]] = []
    for a, b, address in units:
        if chains and (chains[-1][1] == a or (chains[-1][1] + 1 == a and s[a - 1] == "、")):
            chains[-1] = (chains[-1][0], b, False)
        else:
            chains.append((a, b, address))
    return chains


def _glued_address(s: str, t: int, u: int, word: str, bound: Bound) -> bool:
    """A surname the segmenter glued to an address title (周总理, 温总理 as one word)."""
    return _titles()[word][1] and t > 0 and s[t - 1] in surnames() \
        and s[t - 1] not in weak_surnames() and bound(t - 1, t - 1) and bound(u, u)


def find_officials(s: str, organs: dict[int, int], bound: Bound) -> list[NameMatch]:
    """OFFICIAL mentions in the squeezed text `s`. `organs` maps the end of each organ or
    place found in `s` to its start, so a title can take the organ before it."""
    out: list[NameMatch] = []
    for a, b, address in _chains(s, organs, bound):
        title = s[a:b]
        e = name_after(s, b, bound)
        if e > 0:
            out.append(NameMatch(a, e, s[b:e], title))
            continue
        if "、" in title:
            continue  # a name before a chain would be written after it
        i = name_before(s, a, bound, address)
        if i >= 0 and not (out and out[-1].end > i):
            out.append(NameMatch(i, b, s[i:a], title))
    return out


def listed_names(s: str, officials: list[NameMatch], bound: Bound) -> list[NameMatch]:
    """Names listed after an official's name with 、, sharing the title by distribution
    (副省长时清霜、胡启生): each further name is a PERSON."""
    out: list[NameMatch] = []
    for o in officials:
        e = o.end
        for _ in range(8):
            if e >= len(s) or s[e] != "、" or title_at(s, e + 1):
                break
            f = name_after(s, e + 1, bound)
            if f < 0 or not (f >= len(s) or s[f] in "、，,。；;" or follows(s, f)) \
                    or title_at(s, f):
                break
            out.append(NameMatch(e + 1, f, s[e + 1:f], None))
            e = f
    return out
