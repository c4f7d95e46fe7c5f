"""Where a name's left edge can be: the words of a clause that no organization name holds.

A name before a head (集团, 大学, 银行, 厂) runs back over the segmenter's words; it stops
after a word of a clause class: an adverb, preposition, conjunction, pronoun, particle or
numeral (严格 + 控制集团, 同 + 蒋介石集团, 一批 + 重点大学), or a verb that takes the words
after it as its object (找到 + 双良集团, 控制 + 集团). The classes come from the part-of-
speech tags of jieba's own dictionary (jieba/dict.txt, MIT licence), which govtext already
depends on; nothing is downloaded. A numeral or pronoun before the name makes the noun
phrase indefinite or deictic (一个制糖厂, 这个集团): no name at all.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterator

from .. import cache
from .chars import chars

Bound = Callable[[int, int], bool]

# jieba tags of clause words: adverbs, prepositions, conjunctions, pronouns, particles,
# numerals, measure words, adjectival adverbs, idioms and set phrases (严格控制,
# 高度评价); verbs (tag v) are kept too
_CLAUSE = frozenset({"d", "p", "c", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "m", "q",
                     "ad", "y", "e", "i", "l"})
_INDEFINITE = frozenset({"m", "q"})
# jieba tags of common nouns, adjectives and locatives (`common_word`)
_COMMON = frozenset({"n", "vn", "a", "an", "b", "f", "s"})
_DEICTIC = tuple("这那该此各每某")  # pronouns that make a phrase deictic; 我们 does not


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """Word -> jieba tag, for the words of clause classes and verbs (tag `v`)."""
    return _classes()[0]


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], frozenset[str]]:
    """The clause words with their tags and the frequent common words (`_common`), read
    in one pass over jieba's dict.txt (349,000 lines) and kept in govtext's cache."""
    from ..segment.jieba_data import jieba_file, jieba_stamp

    def build() -> tuple[dict[str, str], frozenset[str]]:
        tags: dict[str, str] = {}
        common = set()
        with open(jieba_file("dict.txt"), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 3:
                    continue
                word, count, pos = parts
                if (pos in _CLAUSE or pos == "v") and len(word) <= 4:
                    tags.setdefault(word, pos)
                if pos in _COMMON and len(word) <= 3 and int(count) >= 100:
                    common.add(word)
        return tags, frozenset(common)

    key = "|".join((jieba_stamp(), *sorted(_CLAUSE), "v", *sorted(_COMMON), "4,3,100"))
    return cache.memo("jieba-classes", key, build,
                      valid=lambda v: isinstance(v, tuple) and len(v) == 2)


def tag(word: str) -> str | None:
    """jieba's tag of a clause word or verb, else None. A four-character word made of two
    such words is one too, whatever the dictionary says of the whole (严格控制: ad + v,
    listed as a rare noun)."""
    tags = _tags()
    got = tags.get(word)
    if got is None and len(word) == 4 and word[:2] in tags and word[2:] in tags:
        return tags[word[2:]]
    return got


def words_in(a: int, b: int, bound: Bound) -> Iterator[tuple[int, int]]:
    """The segmenter's words inside `[a, b)` (cut at `a` and `b` whatever the edges)."""
    last = a
    for j in range(a + 1, b):
        if bound(j, j):
            yield last, j
            last = j
    if last < b:
        yield last, b


def name_start(s: str, a: int, b: int, bound: Bound) -> int:
    """Where a name whose words run over `[a, b)` (b: the head's start) really starts:
    right after the last clause word or verb (严格控制 + 集团, 同 + 蒋介石集团, 借 ...
    考上 + 大学). -1 when nothing is left or when that word is a numeral, measure word or
    pronoun (an indefinite or deictic phrase: 一个制糖厂, 一批重点大学). A word the
    segmenter glues to the head is part of the head's word (露天煤矿, 国家开发银行)."""
    start, last_tag = a, None
    for x, y in words_in(a, b, bound):
        if y == b and not bound(b, b):
            break  # 海州 + 露天|煤矿: one word with the head
        t = tag(s[x:y])
        if t is None or (t == "m" and s[y - 1] not in chars("measure")):
            continue  # 市第二污水处理厂, 乌鲁木齐八一钢铁厂: a numeral inside a name
        start, last_tag = y, t
        if t == "r" and s[x] in _DEICTIC:
            last_tag = "q"
    if start >= b or last_tag in _INDEFINITE:
        return -1
    return start


def clause_in(s: str, a: int, b: int, bound: Bound, allow: str = "") -> bool:
    """Whether a word of `[a, b)` is a clause word or a verb (党中央 + 统揽全局), words of
    one character in `allow` (joiners) aside."""
    return any(tag(s[x:y]) is not None and s[x:y] not in allow for x, y in words_in(a, b, bound))


def _common() -> frozenset[str]:
    """Frequent common nouns, adjectives and locatives of jieba's dictionary (count of
    100 or more): 社会, 国家, 正规, 综合."""
    return _classes()[1]


def common_word(word: str) -> bool:
    """Whether a word is a frequent common word: a head after it names a kind, not one
    body (社会 + 集团, 正规 + 大学, 国家 + 集团)."""
    return word in _common()
