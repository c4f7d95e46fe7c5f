"""The pieces of the agency grammar (agencies.tsv, organ_heads.tsv, org_units.tsv,
levels.tsv), read once, and the match type; shared by `agencies` and `institutions`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import cache
from ..data import read_rows
from .chars import chars
from .lexicon import divisions, trie_pattern, words

_JOINERS = chars("joiners")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _levels() -> tuple[tuple[str, ...], str]:
    """Level words (市, 省, 县区, 自治区) and the characters that block them (levels.tsv)."""
    return (words("levels.tsv", "level"), "".join(words("levels.tsv", "blocker")))


@dataclass(frozen=True, slots=True)
class AgencyMatch:
    start: int  # squeezed offsets
    end: int
    canonical: str | None
    open: bool = False  # from an open middle (秦皇岛市…领导小组), not from the lexicon
    congress: bool = False  # a congress or CPPCC organ: committees may follow it
    organ: str | None = None  # canonical name of the organ its units belong to


@lru_cache(maxsize=1)
def _central() -> dict[str, str]:
    return {r[0]: (r[1] if len(r) > 1 and r[1] else r[0]) for r in read_rows("agencies.tsv")}


@lru_cache(maxsize=1)
def _place_like() -> frozenset[str]:
    """Central organs that take departments as a place does (新疆生产建设兵团生态环境局)."""
    return frozenset(r[0] for r in read_rows("agencies.tsv") if len(r) > 2 and r[2] == "place")


@lru_cache(maxsize=1)
def _heads() -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in read_rows("organ_heads.tsv") if len(r) > 2}


def organ_heads() -> frozenset[str]:
    """The organ heads of organ_heads.tsv of two characters or more (人大, 政协, 政府)."""
    return frozenset(h for h in _heads() if len(h) > 1)


@lru_cache(maxsize=1)
def _pieces() -> dict[str, dict[str, str]]:
    """kind -> piece -> full form."""
    out: dict[str, dict[str, str]] = {}
    for r in read_rows("org_units.tsv"):
        if len(r) < 2:
            continue
        out.setdefault(r[1], {})[r[0]] = r[2] if len(r) > 2 and r[2] else r[0]
    out.setdefault("suffix", {}).update(out.get("sub-suffix", {}))
    return out


@lru_cache(maxsize=1)
def _place_in() -> re.Pattern[str]:
    return cache.compile(trie_pattern(divisions()))


@lru_cache(maxsize=1)
def _congress_central() -> frozenset[str]:
    """Central congress and CPPCC organs: committees may follow them (全国人大 + 民族委员会)."""
    return frozenset(r[0] for r in read_rows("agencies.tsv") if len(r) > 2 and r[2] == "congress")
