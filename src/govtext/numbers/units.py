"""The unit table (`data/units.tsv`), approximation words and number contexts, each
loaded once, plus `to_base` to convert a quantity into its base unit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import regex

from ..data import read_rows
from ..model import Number, Quantity
from .numeral import exact


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the unit table."""

    name: str
    kind: str
    base: str  # the base unit, "" for plain measure words
    factor: Fraction | None  # one `name` in `base` units, None for measure words
    multi: bool  # not after a one-character Chinese numeral
    cn_name: bool = False  # after Chinese numerals a name, not a count (二期工程, 十九届)
    alone: bool = False  # not when a numeral follows (1对1 帮扶)
    phase: bool = False  # not before a phase-head word (3期工程, 期间)
    after: tuple[str, ...] = ()  # counts only right after one of these words (翻一番)
    flags: frozenset[str] = frozenset()  # every flag of the row (half, tenth, ...)


@lru_cache(maxsize=1)
def _unit_words() -> tuple[frozenset[str], tuple[int, ...]]:
    words = frozenset(unit_table()) | frozenset("万亿千百%‰")
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def unit_at(norm: str, pos: int) -> bool:
    """Whether a unit or a multiplier (万, 亿, %) starts at `pos`: what follows a number
    of its own (100米10秒, 1·5万人)."""
    words, lengths = _unit_words()
    return any(norm[pos:pos + n] in words for n in lengths)


@lru_cache(maxsize=1)
def unit_table() -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for row in read_rows("units.tsv"):
        row = row + ("",) * (5 - len(row))
        name, kind, base, factor, flags = row[:5]
        names = [f for f in flags.split(",") if f]
        after = tuple(w for f in names if f.startswith("after=") for w in f[6:].split("|"))
        out[name] = Unit(name, kind, base, Fraction(factor) if factor else None,
                         "multi" in names, "cn-name" in names, "alone" in names,
                         "phase" in names, after, frozenset(names))
    for name, code in currency_codes().items():
        # every currency name and symbol of currencies.tsv counts money (瑞士法郎, €);
        # minor units (分, 毛) only inside a compound amount (5元3角)
        if name not in out and name not in minor_units():
            out[name] = Unit(name, "money", name, Fraction(1), False)
    return out


@lru_cache(maxsize=1)
def currency_codes() -> dict[str, str]:
    """Money unit or symbol as written -> ISO 4217 code: `currencies.tsv` (generated
    from CLDR) and the minor units of `currency_minor.tsv` (角 -> CNY)."""
    out = {row[0]: row[1] for row in read_rows("currencies.tsv")}
    for row in read_rows("currency_minor.tsv"):
        out.setdefault(row[0], row[1])
    return out


@lru_cache(maxsize=1)
def minor_units() -> dict[str, tuple[str, Fraction]]:
    """Minor money unit -> (ISO code, value in the main unit): 角 -> (CNY, 1/10)."""
    return {row[0]: (row[1], Fraction(row[2])) for row in read_rows("currency_minor.tsv")}


def currency_of(unit: str) -> str | None:
    """The ISO 4217 code of a money unit (元 -> CNY, 瑞士法郎 -> CHF, HK$ -> HKD)."""
    return currency_codes().get(unit)


def unit_pattern() -> str:
    """A regex alternation of every unit, longest first so 人次 wins over 人."""
    names = sorted(unit_table(), key=lambda u: (-len(u), u))
    return "|".join(regex.escape(n) for n in names)


@lru_cache(maxsize=1)
def approx_words() -> dict[str, dict[str, str]]:
    """position (pre, mid, post) -> word -> approx (more, less, about)."""
    out: dict[str, dict[str, str]] = {"pre": {}, "mid": {}, "post": {}}
    for word, position, approx in read_rows("numbers_approx.tsv"):
        out[position][word] = approx
    return out


def approx_pattern(position: str) -> str:
    words = sorted(approx_words()[position], key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in words)


@lru_cache(maxsize=1)
def contexts() -> dict[str, frozenset[str]]:
    """where (before, head) -> words, from `numbers_context.tsv`."""
    out: dict[str, set[str]] = {}
    for row in read_rows("numbers_context.tsv"):
        out.setdefault(row[1], set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


def to_base(q: Quantity) -> tuple[Number, str] | None:
    """The quantity's value in its base unit (亩 -> 平方米, 公里 -> 米, 吨 -> 千克,
    千瓦时 -> 焦), exact; None when the unit has no conversion (measure words).

    >>> to_base(Quantity(0, 4, "42.6万亩", value=Decimal(426000), unit="亩", kind="area"))
    (Decimal('284000000'), '平方米')
    """
    unit = unit_table().get(q.unit)
    if unit is None or unit.factor is None:
        return None
    return exact(Fraction(q.value) * unit.factor), unit.base
