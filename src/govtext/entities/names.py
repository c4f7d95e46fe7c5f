"""Name knowledge shared by the official and person finders: known leaders, surnames
that are also common words, the characters of transliterated names and the places
written with them, and the speech verbs that follow a name."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

import regex

from .. import cache, lang
from ..data import read_text, read_words
from .lexicon import table, trie_pattern

Bound = Callable[[int, int], bool]


@lru_cache(maxsize=1)
def leaders() -> frozenset[str]:
    """Names of national leaders (persons.txt): names whatever the name model says."""
    return read_words("persons.txt")


@lru_cache(maxsize=1)
def weak_surnames() -> frozenset[str]:
    return read_words("name_weak_surnames.txt")


def split_off(s: str, i: int, bound: Bound) -> bool:
    """Whether the name candidate at `i` opens with a surname that is a common word the
    segmenter splits off (和/企业, 曾/采访, 两/国/总理): then it is no name."""
    return s[i:i + 1] in weak_surnames() and bound(i + 1, i + 1)


@lru_cache(maxsize=1)
def translit_chars() -> frozenset[str]:
    chars: set[str] = set()
    for line in read_text("name_translit_chars.txt").splitlines():
        if not line.startswith("#"):
            chars.update(c for c in line if "\u4e00" <= c <= "\u9fff")
    return frozenset(chars)


@lru_cache(maxsize=1)
def translit_places() -> frozenset[str]:
    return read_words("name_translit_places.txt")


DOTS = "".join(sorted(lang.chars("middle_dot")))  # 纳瓦兹·谢里夫


def translit_run(s: str, i: int, limit: int = 12) -> int:
    """End of the run of transliteration characters (and middle dots between them)
    that starts at `i`."""
    chars = translit_chars()
    j = i
    while j < len(s) and j - i < limit:
        if s[j] in chars:
            j += 1
        elif s[j] in DOTS and j > i and j + 1 < len(s) and s[j + 1] in chars:
            j += 1
        else:
            break
    return j


def is_translit_name(name: str) -> bool:
    """A transliterated name: three or more characters of the table (or two on either
    side of a middle dot), and not a place written the same way (伊拉克, 莫斯科)."""
    if not name or translit_run(name, 0, len(name)) != len(name) or name[-1] in DOTS \
            or name[0] in DOTS:
        return False
    places = translit_places()
    parts = _parts(name)
    if any(p in places or p[1:] in places or p[:-1] in places for p in parts):
        return False
    return len(name) >= 4 if len(parts) > 1 else len(name) >= 3


def _parts(name: str) -> list[str]:
    return regex.split(f"[{DOTS}]", name)


@lru_cache(maxsize=1)
def speech_verbs() -> re.Pattern[str]:
    return cache.compile(trie_pattern(r[0] for r in table("name_context.tsv", "speech")))


def run_end(s: str, a: int, last: int, bound: Bound) -> int:
    """End of a transliterated name whose run of table characters starts at `a` and
    ends at `last`: the run end, unless its last character opens a word with what
    follows (安南/希望, 圭尼贡/多日前); then the segmenter's last word end inside."""
    if last - a >= 2 and not bound(last, last) and bound(last - 1, last - 1):
        return last - 1
    return last
