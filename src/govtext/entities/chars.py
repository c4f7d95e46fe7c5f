"""Named character and word sets of the name finders (name_chars.tsv)."""

from __future__ import annotations

from functools import lru_cache

from ..data import read_rows


@lru_cache(maxsize=1)
def _rows() -> dict[str, str]:
    return {r[0]: r[1] for r in read_rows("name_chars.tsv") if len(r) > 1}


@lru_cache(maxsize=None)
def charset(key: str) -> frozenset[str]:
    """The characters of a set (`level_ends` -> 省市县区州旗盟)."""
    return frozenset(_rows()[key])


@lru_cache(maxsize=None)
def chars(key: str) -> str:
    """The characters of a set as a string, for regex classes and `in` tests."""
    return _rows()[key]


@lru_cache(maxsize=None)
def wordset(key: str) -> tuple[str, ...]:
    """The words of a set, longest first."""
    return tuple(sorted(_rows()[key].split(), key=len, reverse=True))
