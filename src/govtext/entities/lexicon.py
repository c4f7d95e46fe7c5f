"""Shared lexicon machinery for the name entities: word lists compiled once into trie
regexes, the division table, and a whitespace-free view of the text.

Names in scraped pages are often broken by spaces or a line break (`国务院总理　\\n李　强`),
so the finders match on a *squeezed* view: the normalized text without spaces, tabs and
single line breaks, plus a map from each squeezed position back to the original offset.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

import ahocorasick_rs
import regex

from .. import cache
from ..data import read_rows, read_words
from ..trie import trie_pattern


def first_chars(*groups: Iterable[str]) -> str:
    """A lookahead on the first characters of the words, so the regex engine skips the
    positions where no word can start instead of entering a large alternation there."""
    chars = sorted({w[0] for g in groups for w in g if w})
    return "(?=[" + "".join(regex.escape(c) for c in chars) + "])" if chars else "(?!)"


class Scanner:
    """A compiled pattern tried only where one of its words can start.

    A large trie alternation is slow to enter at every position, so the positions where
    one of the words a match begins with occurs are found first, by one Aho-Corasick
    pass over the text for every scanner at once (see `_positions`), and the pattern is
    matched there (where 建设部 occurs, not at every 建设). `search` and `finditer` behave
    like the `re` methods (leftmost, non-overlapping)."""

    __slots__ = ("pattern", "keys", "bit")

    def __init__(self, pattern: "re.Pattern[str]", starts: Iterable[str]) -> None:
        """`starts`: the words a match begins with; every match begins with one of them
        entire."""
        self.pattern = pattern
        self.keys = frozenset(w for w in starts if w)
        self.bit = _register(self)

    def _candidates(self, s: str, pos: int, endpos: int) -> Iterator[int]:
        at = _positions(s)[self.bit]
        for k in range(bisect_left(at, pos), bisect_left(at, endpos)):
            yield at[k]

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> "re.Match[str] | None":
        end = len(s) if endpos is None else endpos
        match = self.pattern.match
        for i in self._candidates(s, pos, end):
            m = match(s, i, end)
            if m is not None:
                return m
        return None

    def finditer(self, s: str, pos: int = 0,
                 endpos: int | None = None) -> Iterator["re.Match[str]"]:
        end = len(s) if endpos is None else endpos
        last = pos
        match = self.pattern.match
        for i in self._candidates(s, pos, end):
            if i < last:
                continue
            m = match(s, i, end)
            if m is not None:
                yield m
                last = max(m.end(), i + 1)


class Ahead:
    """The next match of each scanner from a position that only moves forward: a scanner
    is searched again only once the position has passed its last match, so a loop that
    interleaves two scanners never scans the same stretch twice."""

    __slots__ = ("s", "found")

    def __init__(self, s: str) -> None:
        self.s = s
        self.found: dict[Scanner, re.Match[str] | None] = {}

    def next(self, scanner: Scanner, pos: int) -> re.Match[str] | None:
        m = self.found.get(scanner)
        if scanner not in self.found or (m is not None and m.start() < pos):
            m = self.found[scanner] = scanner.search(self.s, pos)
        return m


# Every scanner built in this process (its index is its `bit`), one automaton over all
# their keys (rebuilt when a scanner is added, which happens once per scanner), and per
# thread the candidate positions of the last few long texts scanned: the finders call
# `search(s, pos)` many times on one text, so the positions are found once per text.
_scanners: list[Scanner] = []
_lock = threading.Lock()
_automaton: "tuple[Any, tuple[tuple[int, ...], ...], int] | None" = None
_local = threading.local()
_CACHED = 2        # texts whose positions are kept, per thread
_SHORT = 256       # shorter texts skip building the automaton while scanners register
_CHUNK = 1 << 20   # characters per automaton call, to bound the match list's memory


_owners: dict[str, list[int]] = {}  # key -> bits of the scanners that hold it
_key_lengths: set[int] = set()
_registering = -1  # the number of scanners at the last `_positions` call


def _register(scanner: Scanner) -> int:
    global _automaton
    with _lock:
        _scanners.append(scanner)
        _automaton = None
        bit = len(_scanners) - 1
        for key in scanner.keys:
            _owners.setdefault(key, []).append(bit)
            _key_lengths.add(len(key))
        return bit


def _build() -> "tuple[Any, tuple[tuple[int, ...], ...], int]":
    global _automaton
    with _lock:
        if _automaton is None or _automaton[2] != len(_scanners):
            keys = sorted(_owners)
            # a contiguous NFA scans the reports in 32 ms instead of 40 (a DFA: 22 ms,
            # but 30 MiB more at the peak)
            ac = ahocorasick_rs.AhoCorasick(
                keys or ["\x00\x00"], matchkind=ahocorasick_rs.MatchKind.Standard,
                implementation=ahocorasick_rs.Implementation.ContiguousNFA)
            _automaton = (ac, tuple(tuple(_owners[k]) for k in keys) or ((),), len(_scanners))
        return _automaton


_SURROGATE = re.compile(r"[\ud800-\udfff]")  # re reads the escapes


def _scan(s: str) -> list["array[int]"]:
    """For each scanner, the sorted positions of `s` where one of its keys starts."""
    ac, owners, n = _build()
    found: list[list[int]] = [[] for _ in range(n)]
    if _SURROGATE.search(s):  # the automaton takes UTF-8: a lone surrogate (which no
        s = _SURROGATE.sub("\ufffd", s)  # key holds) becomes U+FFFD, offsets unchanged
    for c0 in range(0, len(s), _CHUNK):
        c1 = min(c0 + _CHUNK, len(s))
        # one character more, so a two-character key across the chunk edge is seen
        for idx, start, _ in ac.find_matches_as_indexes(s[c0:c1 + 1], overlapping=True):
            if start + c0 < c1:
                for bit in owners[idx]:
                    found[bit].append(start + c0)
    for at in found:
        at.sort()  # matches come by end; a position holds at most one key per length
    # kept as arrays: 8 bytes a position instead of about 36 while the text is cached
    return [array("q", sorted(set(at)) if len(at) != len(set(at)) else at) for at in found]


def _scan_short(s: str) -> list["array[int]"]:
    """`_scan` for a short text, by looking up its slices of every key length: no
    automaton is built, which matters while the scanners are still being registered
    (the first annotation of a sentence registers them one by one)."""
    with _lock:
        n = len(_scanners)
        found: list[array[int]] = [array("q") for _ in range(n)]
        lengths = sorted(_key_lengths)
        for i in range(len(s)):  # every owner is registered: its bit is below n
            for bit in {bit for k in lengths if i + k <= len(s)
                        for bit in _owners.get(s[i:i + k], ())}:
                found[bit].append(i)
    return found


def _positions(s: str) -> list["array[int]"]:
    n = len(_scanners)
    cache: list[tuple[str, list[array[int]]]] = _local.__dict__.setdefault("cache", [])
    for text, found in cache:
        if text is s and len(found) == n:
            return found
    global _registering
    # while scanners are still being registered (the first annotation), a short text is
    # scanned by slice lookups; once a call finds no new scanner, the automaton is built
    settled = _registering == n
    _registering = n
    stale = _automaton is None or _automaton[2] != n
    found = _scan_short(s) if stale and not settled and len(s) < _SHORT else _scan(s)
    cache[:] = [(t, f) for t, f in cache if t is not s][-(_CACHED - 1):] + [(s, found)]
    return found


# ---------------------------------------------------------------------------
# the squeezed view

_SPACE = regex.compile(r"[ \t\r\n\u00a0\u2002-\u200b]+")


@dataclass(frozen=True, slots=True)
class Squeezed:
    """`s` is `norm` without inner whitespace; `pos[i]` is the offset in the original
    text of `s[i]`. A run of whitespace holding two or more line breaks (a blank line)
    is kept as one "\\n" so that names never join across paragraphs.

    `pos` is a `range` when nothing was squeezed, else a compact `array` of offsets (a
    tuple of ints cost about 40 bytes a character)."""

    s: str
    pos: Sequence[int]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original `[start, end)` of squeezed `[a, b)` (b > a)."""
        return self.pos[a], self.pos[b - 1] + 1


def squeeze(norm: str) -> Squeezed:
    if not _SPACE.search(norm):
        return Squeezed(norm, range(len(norm)))
    pieces: list[str] = []
    ruler = _ruler(len(norm))
    pos = array("q")
    last = 0
    for m in _SPACE.finditer(norm):
        pieces.append(norm[last:m.start()])
        pos.extend(ruler[last:m.start()])  # a memory copy: no int object per character
        if m.group().count("\n") >= 2 or m.group().count("\r") >= 2:
            pieces.append("\n")
            pos.append(m.start())
        last = m.end()
    pieces.append(norm[last:])
    pos.extend(ruler[last:len(norm)])
    return Squeezed("".join(pieces), pos)


# the offsets 0, 1, 2, ... as an array, kept for texts up to _RULER_KEPT characters:
# building the offsets of a text made an int object per character (80 ms for 750k)
_RULER = array("q")
_RULER_KEPT = 4_000_000


def _ruler(n: int) -> array[int]:
    global _RULER
    if len(_RULER) >= n:
        return _RULER
    if n > _RULER_KEPT:
        return array("q", range(n))
    grown = array("q", _RULER)  # a copy: a reader of the old one is not disturbed
    grown.extend(range(len(grown), n))
    _RULER = grown
    return grown


# ---------------------------------------------------------------------------
# tables


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    level: str  # province | city | county
    city: str
    province: str
    short: str



@lru_cache(maxsize=1)
def breakers() -> re.Pattern[str]:
    """Words that cannot stand inside a name (name_breakers.txt): they end a place,
    agency, organization or zone name."""
    return cache.compile(trie_pattern(read_words("name_breakers.txt")))

@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Full division name -> its row (the first row wins for repeated county names)."""
    out: dict[str, Division] = {}
    for row in read_rows("divisions.tsv"):
        cells = list(row) + [""] * (5 - len(row))
        d = Division(*cells[:5])
        out.setdefault(d.name, d)
    return out


@lru_cache(maxsize=1)
def county_parents() -> dict[str, frozenset[str]]:
    """County name -> every city that has a county of that name."""
    out: dict[str, set[str]] = {}
    for row in read_rows("divisions.tsv"):
        if len(row) > 2 and row[1] == "county":
            out.setdefault(row[0], set()).add(row[2])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def short_forms() -> dict[str, Division]:
    """Short form (秦皇岛, 河北) of provinces and prefecture-level units -> division."""
    out: dict[str, Division] = {}
    for d in divisions().values():
        if d.short and d.level in ("province", "city"):
            out.setdefault(d.short, d)
    return out


@lru_cache(maxsize=1)
def county_short_forms() -> dict[str, Division]:
    out: dict[str, Division] = {}
    for d in divisions().values():
        if d.short and d.level == "county":
            out.setdefault(d.short, d)
    return out


@lru_cache(maxsize=None)
def table(name: str, kind: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a `word<TAB>kind<TAB>...` table with the given kind (some finders ask
    for them per document)."""
    return tuple(r for r in read_rows(name) if len(r) > 1 and r[1] == kind)


def words(name: str, kind: str) -> tuple[str, ...]:
    return tuple(r[0] for r in table(name, kind))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return read_words("surnames.txt")


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    return read_words("name_stopwords.txt")


@lru_cache(maxsize=1)
def place_stopwords() -> frozenset[str]:
    return read_words("place_stopwords.txt")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
