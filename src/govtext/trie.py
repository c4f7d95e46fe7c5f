"""Word lists as regex alternations built as tries: the engine reads one character at a
time instead of trying the words one by one, and returns the longest word at a position.
Shared by the name finders (`entities.lexicon`) and the number finders."""

from __future__ import annotations

import math
from typing import Iterable

import regex

from . import cache


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation matching any of `words`, longest first, built as a trie so
    the engine never tries the words one by one. Large ones are kept in govtext's cache
    (building the 54 tries took a fifth of a fresh process's first annotation)."""
    unique = sorted(set(words))  # sorted once, so every node's children are in order
    if len(unique) < 200:
        return _trie(unique)
    # the key names the pattern's layout too (`_GROUPED`), so a changed layout is rebuilt
    return cache.memo("trie", f"grouped {_GROUPED}\n" + "\n".join(unique), lambda: _trie(unique),
                      valid=lambda v: isinstance(v, str))


def _trie(unique: list[str]) -> str:
    trie: dict[str, dict] = {}
    for w in unique:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _trie_body(trie)
    return body if body else "(?!)"


# a node with more branches than this is split in groups, each behind a lookahead on its
# first characters: `re` tries the branches of an alternation one by one, so entering a
# trie of 3,000 place names tested about a thousand first characters each time
_GROUPED = 32


def _trie_body(node: dict[str, dict]) -> str:
    ends = "" in node
    alts = [((ch if ch.isalnum() else regex.escape(ch)), _trie_body(child))
            for ch, child in node.items() if ch]
    if not alts:
        return ""
    if len(alts) == 1 and not ends:
        return alts[0][0] + alts[0][1]
    if len(alts) <= _GROUPED:
        body = "(?:" + "|".join(c + rest for c, rest in alts) + ")"
    else:  # the branches start with distinct characters, so at most one group matches
        size = math.isqrt(len(alts) - 1) + 1
        groups = [alts[i:i + size] for i in range(0, len(alts), size)]
        body = "(?:" + "|".join(
            "(?=[" + "".join(c for c, _ in g) + "])(?:" + "|".join(c + rest for c, rest in g) + ")"
            for g in groups) + ")"
    return body + "?" if ends else body


__all__ = ["trie_pattern"]
