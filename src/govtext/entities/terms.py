"""TERM: the content of quoted policy terms and slogans (“放管服”, “最多跑一次”).

A quoted stretch is a TERM unless its content is too long or sentence-like (a
quotation), is a date or a bare number (“12·4”, “1”), or its context shows it is an
honorary title or a column name (获得“…”称号, “…”栏目); those context words live in
data files.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..data import longest_first, read_words
from ..model import Term
from ..text.prepare import Prepared

# Longest quoted content taken as a term; longer quotes are speech or citations.
MAX_TERM = 24

_QUOTED = regex.compile(
    rf"“([^“”\r\n]{{1,{MAX_TERM}}})”"
    rf'|"([^"\r\n]{{1,{MAX_TERM}}})"'
    rf"|「([^「」\r\n]{{1,{MAX_TERM}}})」"
    rf"|『([^『』\r\n]{{1,{MAX_TERM}}})』"
    rf"|〝([^〝〞\r\n]{{1,{MAX_TERM}}})〞")

# Contents that are not terms: a date (12·4, 3.15, 5月12日), a bare number, a sentence
# (sentence punctuation or a colon inside), a nested title or quote.
_NOT_TERM = regex.compile(
    r"^\s*(?:\d{1,2}\s*[·.・•/-]\s*\d{1,2}|\d{1,2}月\d{1,2}日?|\d*(?:[.,]\d+)?%?)\s*$"
    r"|[。!?;:…《》<>“”\"「」『』〝〞]")


@lru_cache(maxsize=1)
def _not_after() -> tuple[str, ...]:
    return longest_first("title_term_not_after.txt")


@lru_cache(maxsize=1)
def _not_before() -> tuple[str, ...]:
    return longest_first("title_term_not_before.txt")


@lru_cache(maxsize=1)
def _not_endings() -> tuple[str, ...]:
    return tuple(read_words("title_term_not_endings.txt"))


def _content_ok(content: str) -> bool:
    content = content.strip()
    return (bool(content) and _NOT_TERM.search(content) is None
            and not content.endswith(_not_endings()))


def _context_ok(norm: str, s: int, e: int) -> bool:
    """False when the words around the quoted run [s, e) (marks included) show an
    honorary title or a column name."""
    after = norm[e:e + 10].lstrip(" 等")
    if after.startswith(_not_after()):
        return False
    before = norm[max(0, s - 6):s].rstrip(" ")
    return not before.endswith(_not_before())


# Between two quotes of one run (“五有”“四落实”、“六统一”): they share their context.
_RUN_GAP = regex.compile(r"[ 、,和及与]{0,2}")


def find_terms(prep: Prepared) -> list[Term]:
    """TERM spans (quote marks excluded) of a prepared text."""
    text, norm = prep.text, prep.norm
    quotes: list[tuple[int, int, int, int]] = []  # outer start, outer end, inner start, end
    for m in _QUOTED.finditer(norm):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        quotes.append((m.start(), m.end(), *m.span(g)))
    out: list[Term] = []
    i = 0
    while i < len(quotes):
        j = i
        while (j + 1 < len(quotes)
               and _RUN_GAP.fullmatch(norm, quotes[j][1], quotes[j + 1][0]) is not None):
            j += 1
        if _context_ok(norm, quotes[i][0], quotes[j][1]):
            for _, _, s, e in quotes[i:j + 1]:
                while s < e and norm[s].isspace():
                    s += 1
                while e > s and norm[e - 1].isspace():
                    e -= 1
                if _content_ok(norm[s:e]):
                    out.append(Term(s, e, text[s:e]))
        i = j + 1
    return out
