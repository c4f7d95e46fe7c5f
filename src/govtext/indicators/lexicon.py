"""The indicator vocabulary, read once from the data files (see their headers)."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..data import read_rows, read_words


def _by_length(words: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0])))


class Words:
    """A word list looked up by slices, longest first: one dict probe per distinct
    length instead of a startswith/endswith per word (these run per character)."""

    __slots__ = ("what", "lengths")

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.what = dict(pairs)
        self.lengths = sorted({len(w) for w in self.what}, reverse=True)

    def ending(self, s: str) -> Iterator[tuple[str, str]]:
        """(word, value) for each word `s` ends with, longest first."""
        n = len(s)
        for k in self.lengths:
            if k <= n and s[n - k:] in self.what:
                yield s[n - k:], self.what[s[n - k:]]

    def starting(self, s: str, pos: int, end: int | None = None) -> Iterator[tuple[str, str]]:
        """(word, value) for each word at s[pos:] that ends by `end`, longest first."""
        limit = len(s) if end is None else min(end, len(s))
        for k in self.lengths:
            if pos + k <= limit and s[pos:pos + k] in self.what:
                yield s[pos:pos + k], self.what[s[pos:pos + k]]


@lru_cache(maxsize=1)
def cue_words() -> Words:
    return Words(cues())


@lru_cache(maxsize=1)
def lead_words() -> Words:
    return Words(leads())


@lru_cache(maxsize=1)
def stop_words() -> Words:
    return Words((w, "") for w in stops())


@lru_cache(maxsize=1)
def cues() -> tuple[tuple[str, str], ...]:
    """(word, change or '-') between a name and its quantity, longest first."""
    return _by_length({row[0]: row[1] for row in read_rows("indicator_cues.tsv")})


@lru_cache(maxsize=1)
def leads() -> tuple[tuple[str, str], ...]:
    """(word, role) that open a name without belonging to it, longest first."""
    return _by_length({row[0]: row[1] for row in read_rows("indicator_leads.tsv")})


@lru_cache(maxsize=1)
def open_verbs() -> tuple[str, ...]:
    return tuple(w for w, role in leads() if role == "open")


@lru_cache(maxsize=1)
def stops() -> tuple[str, ...]:
    return tuple(sorted(read_words("indicator_stops.txt"), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def status_cues() -> dict[str, tuple[str, ...]]:
    """where -> words (see indicator_status.tsv)."""
    out: dict[str, list[str]] = {}
    for row in read_rows("indicator_status.tsv"):
        out.setdefault(row[1], []).append(row[0])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def status_patterns() -> dict[str, regex.Pattern[str]]:
    """One alternation per `where`; a modal 要 only where it is no part of a word
    (主要, 重要, 需要, 要求 are no cue)."""
    out = {}
    for where, words in status_cues().items():
        alts = [regex.escape(w) for w in words if w != "要"]
        if "要" in words:
            alts.append(r"(?<![主重需必只纲摘提概简紧险首想])要(?![求素点件害闻领冲道塞是])")
        out[where] = regex.compile("|".join(alts))
    return out


# a comparison before the change cue: 比上年, 由上年, 比1980年, 同比, 较去年同期
COMPARISON = regex.compile(
    r"(?:比|较|由|同|与)[^\s，。；、]{0,10}?(?:年|前|初|末|底|期|时|月|间|过去)"
    r"(?:同期|底|末|初)?的?(?:预计|实际)?$")
# a price adjustment before the change (扣除物价上涨因素, 按可比价格计算): no part of
# the name, and a clause that holds nothing else names nothing (the name before it stays)
ADJUSTMENT = regex.compile(
    r"(?:(?:扣除|剔除|去除|考虑到?|不考虑)[^\s，。；、]{0,12}?因素|按(?:可比价格|可比口径|不变价格)计算)"
    r"(?:后|以后)?的?$")
# the year of the figure before it (下降为1952年的39%): no part of the name
YEAR_END = regex.compile(r"(?:\d{4}|[〇零○一二三四五六七八九]{4})年(?:底|末|初)?的?$")
# a span of years opening a name: 五年内, 过去五年, 这五年, 1979年至1983年 is a DATE; and
# the year compared with (比1954年完成数, 比上年同期)
PERIOD_LEAD = regex.compile(
    r"(?:过去|今后|这|近|未来|前)?[一二三四五六七八九十两几\d]+年(?:内|间|中|里|来)?"
    r"|(?:比|较|同)(?:上年|去年|前年|上一年|\d{4}年|[〇零○一二三四五六七八九]{4}年)(?:同期)?")
CONNECTORS = ("以及", "或者", "、", "和", "及", "与", "或")
