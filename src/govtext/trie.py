"""Word lists as regex alternations built as tries: the engine reads one character at a
time instead of trying the words one by one, and returns the longest word at a position.
Shared by the name finders (`entities.lexicon`) and the number finders."""

from __future__ import annotations

import math
from typing import Iterable

import regex

from . import cache


def trie_pattern(words: Iterable[str], grouped: bool = False) -> str:
    """A regex alternation matching any of `words`, longest first, built as a trie so
    the engine never tries the words one by one. Large ones are kept in govtext's cache
    (building the 54 tries took a fifth of a fresh process's first annotation).

    `grouped`: a node with many branches is split in groups behind lookaheads on their
    first characters. `re` tries the branches of an alternation one by one, so this
    makes a match *at a given position* three to four times cheaper for a large trie
    (what a `Scanner` does); but `re` then no longer skips, when searching, the
    positions where no word starts (it does so only when every branch opens with a
    literal), and a search over a whole text got fifteen times slower. So a trie that
    is searched for stays ungrouped."""
    unique = sorted(set(words))  # sorted once, so every node's children are in order
    if len(unique) < 200:
        return _trie(unique, grouped)
    # the key names the pattern's layout too, so a changed layout is rebuilt
    layout = f"grouped {_GROUPED}" if grouped else "flat"
    return cache.memo("trie", layout + "\n" + "\n".join(unique),
                      lambda: _trie(unique, grouped), valid=lambda v: isinstance(v, str))


def _trie(unique: list[str], grouped: bool = False) -> str:
    trie: dict[str, dict] = {}
    for w in unique:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _trie_body(trie, _GROUPED if grouped else 0)
    return body if body else "(?!)"


# in a grouped trie, a node with more branches than this is split in groups (`trie_pattern`)
_GROUPED = 32


def _trie_body(node: dict[str, dict], group: int) -> str:
    """The pattern of a trie node; with `group` > 0 a node of more branches is split in
    groups of about the square root of their number. The branches start with distinct
    characters, so at most one group matches, and the order of the words is kept."""
    ends = "" in node
    alts = [((ch if ch.isalnum() else regex.escape(ch)), _trie_body(child, group))
            for ch, child in node.items() if ch]
    if not alts:
        return ""
    if len(alts) == 1 and not ends:
        return alts[0][0] + alts[0][1]
    if not group or len(alts) <= group:
        body = "(?:" + "|".join(c + rest for c, rest in alts) + ")"
    else:
        size = math.isqrt(len(alts) - 1) + 1
        groups = [alts[i:i + size] for i in range(0, len(alts), size)]
        body = "(?:" + "|".join(
            "(?=[" + "".join(c for c, _ in g) + "])(?:" + "|".join(c + rest for c, rest in g) + ")"
            for g in groups) + ")"
    return body + "?" if ends else body


__all__ = ["trie_pattern"]
