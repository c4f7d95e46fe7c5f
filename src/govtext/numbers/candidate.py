"""The candidate record shared by the number finders, and `NumberMatch`, what
`find_numbers` returns."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Number


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A numeral found in a text: `[start, end)` in the original text, its surface
    `text` and exact `value` (as `parse_number(text)` gives it)."""

    start: int
    end: int
    text: str
    value: Number
    approx: str | None = None  # more / about for a hedged numeral (一千多万, 500余万)


@dataclass(slots=True)
class Cand:
    """A numeral with what attached to it, before the context checks."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: Number
    unit: str
    kind: str
    approx: str | None
    chinese: bool  # the numeral has no Arabic digit
    one_char: bool
    percent_of: int | None  # 100 / 1000 / 10000 for 百分之 / 千分之 / 万分之
    scale: Decimal = Decimal(1)  # the trailing 万 / 亿 of the numeral (20~30万元)
    hedge_end: int = -1  # the end of a hedged numeral with its late multiplier (一千多万)
    hedge: str | None = None  # the approx of that hedge
