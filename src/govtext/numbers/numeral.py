"""The one reader of numerals: every part of govtext that reads a numeral calls it
(parse_number, find_numbers, quantities, dates, document numbers).

Its character classes and values come from `data/numbers_numerals.tsv`: digits (with
〇 and ○ both zero), small multipliers (十百千), big multipliers (万亿兆) and the
point. Values are computed with integers and `Fraction`s and turned into a `Decimal`
only at the end, exactly, so no digit is ever rounded away whatever its length.

The limit is the length of the numeral, `MAX_LENGTH` characters (spaces and
separators not counted): longer digit runs are serials or hashes, not numerals, and
are refused with a ValueError.

兆 is read as 10^12 (its use in current financial and statistical text, 1兆 = 1万亿),
not as the 10^6 of older texts or of SI prefixes (兆瓦, a unit, is not read here).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import regex

from ..data import read_rows
from ..model import Number

MAX_LENGTH = 60
# plain ASCII digits with at most one point: most numerals, read without the folding
PLAIN = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
_ARABIC = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


@lru_cache(maxsize=1)
def numeral_table() -> dict[str, tuple[str, int]]:
    """Chinese numeral character -> (role, value) from `numbers_numerals.tsv`."""
    out: dict[str, tuple[str, int]] = {}
    for row in read_rows("numbers_numerals.tsv"):
        char, role = row[0], row[1]
        value = int(row[2]) if len(row) > 2 and row[2] else 0
        out[char] = (role, value)
    return out


@lru_cache(maxsize=1)
def financial_chars() -> frozenset[str]:
    """The financial (大写) numeral characters: 4th column `financial` of the table."""
    return frozenset(row[0] for row in read_rows("numbers_numerals.tsv")
                     if len(row) > 3 and row[3] == "financial")


@lru_cache(maxsize=None)
def cn_chars(role: str | None = None) -> str:
    """The numeral characters of a role (all roles when None), for regex classes."""
    return "".join(c for c, (r, _) in numeral_table().items() if role is None or r == role)


@lru_cache(maxsize=1)
def plain_digits() -> str:
    """The everyday Chinese digits (no financial forms, no 两/俩): the characters of a
    year or a serial written digit by digit (二〇二三, 二○二三, 二零二三)."""
    table, financial = numeral_table(), financial_chars()
    return "".join(c for c, (r, v) in table.items()
                   if r == "digit" and c not in financial and c not in "两俩")


def exact(value: Fraction | int) -> Number:
    """A Fraction as a plain `Decimal` when it has a finite decimal expansion (built
    from its digits, no context rounding), else the Fraction itself."""
    f = Fraction(value)
    den, k2, k5 = f.denominator, 0, 0
    while den % 2 == 0:
        den //= 2
        k2 += 1
    while den % 5 == 0:
        den //= 5
        k5 += 1
    if den != 1:
        return f
    k = max(k2, k5)
    scaled = f.numerator * 10 ** k // f.denominator
    if k == 0:
        return Decimal(scaled)
    digits = str(abs(scaled)).rjust(k + 1, "0")
    whole, frac = digits[:-k], digits[-k:].rstrip("0")
    text = ("-" if scaled < 0 else "") + whole + ("." + frac if frac else "")
    return Decimal(text)


def multiply(a: Number, b: Number) -> Number:
    """An exact product (Decimal multiplication rounds at the context's precision)."""
    return exact(Fraction(a) * Fraction(b))


def negate(a: Number) -> Number:
    return exact(-Fraction(a))


def _tokens(s: str) -> list[tuple[str, Fraction]]:
    """Split a normalized numeral into (kind, value) tokens: kind is 'num' (an Arabic
    number), 'digit' (a Chinese digit), 'small', 'big' or 'point'."""
    table = numeral_table()
    financial = financial_chars()
    out: list[tuple[str, Fraction]] = []
    i, n = 0, len(s)
    while i < n:
        m = _ARABIC.match(s, i)
        if m:
            if i > 0 and _no_arabic_next(s[i - 1], table, financial):
                raise ValueError(f"not a number: {s!r} ({s[i - 1]!r} next to a digit)")
            out.append(("num", Fraction(m.group().replace(",", ""))))
            i = m.end()
            continue
        entry = table.get(s[i])
        if entry is None:
            raise ValueError(f"not a number: {s!r} (unexpected {s[i]!r} at {i})")
        if i > 0 and s[i - 1].isdigit() and _no_arabic_next(s[i], table, financial):
            raise ValueError(f"not a number: {s!r} ({s[i]!r} next to a digit)")
        out.append((entry[0], Fraction(entry[1])))
        i += 1
    return out


def _no_arabic_next(char: str, table: dict[str, tuple[str, int]],
                    financial: frozenset[str]) -> bool:
    """Characters that never touch an Arabic digit in one numeral: a non-zero Chinese
    digit (统一3项 is not 13) and every financial character (队伍17支 is not 517).
    零 may (1千零1), and so may 十百千万亿 (3万4000, 3千5百)."""
    entry = table.get(char)
    if entry is None:
        return False
    return char in financial or entry[0] == "digit" and entry[1] != 0


def _digit_text(tokens: list[tuple[str, Fraction]], s: str) -> str:
    """A run of digits and at most one point as a decimal string: 二〇一八 -> 2018."""
    text = ""
    for kind, value in tokens:
        if kind == "point":
            if "." in text:
                raise ValueError(f"not a number: {s!r} (two decimal points)")
            text += "."
        elif kind == "digit":
            text += str(int(value))
        elif kind == "num":
            text += _plain_text(value)
        else:
            raise ValueError(f"not a number: {s!r}")
    if not text or text[0] == "." or text[-1] == "." or text.count(".") > 1:
        raise ValueError(f"not a number: {s!r} (a point needs digits on both sides)")
    return text


def _plain_text(value: Fraction) -> str:
    return format(exact(value), "f")


def _fold(tokens: list[tuple[str, Fraction]], s: str) -> Fraction:
    """Fold tokens with multipliers into one value: sections closed by 万/亿 are kept
    on a stack so `万亿`, `万万` and `十亿3000万` combine the way they are read aloud."""
    kinds = [k for k, _ in tokens]
    if "small" not in kinds and "big" not in kinds:
        return Fraction(_digit_text(tokens, s))
    if "point" in kinds:
        p = kinds.index("point")
        if p > 0 and kinds[p - 1] in ("small", "big") and all(
                k == "digit" for k in kinds[p + 1:]) and p + 1 < len(kinds):
            # 两百点两 = 200.2, 四百点五 = 400.5: the point after a multiplier
            return _fold(tokens[:p], s) + Fraction("0." + _digit_text(tokens[p + 1:], s))
    closed: list[tuple[Fraction, Fraction]] = []  # (value, magnitude) of closed sections
    section = Fraction(0)  # the part below the current big unit
    current: Fraction | None = None  # a number waiting for its multiplier
    last_unit = Fraction(0)  # the last multiplier seen, for elided tails (三万五)
    zero_seen = False
    prev = ""
    i, n = 0, len(tokens)
    while i < n:
        kind, value = tokens[i]
        if kind in ("digit", "num"):
            if prev in ("digit", "num") and not (prev == "digit" and current == 0):
                raise ValueError(f"not a number: {s!r} (two numbers in a row)")
            if kind == "digit" and value == 0:
                zero_seen = True
            if i + 1 < n and tokens[i + 1][0] == "point":  # 三点五 -> 3.5
                j = i + 2
                while j < n and tokens[j][0] in ("digit", "num"):
                    j += 1
                if j == i + 2:
                    raise ValueError(f"not a number: {s!r} (nothing after the point)")
                value = Fraction(_digit_text(tokens[i:j], s))
                i = j - 1
            current = value
        elif kind == "small":
            if prev == "small":
                raise ValueError(f"not a number: {s!r} (two multipliers in a row)")
            # 一千零十: 十 after 零 is 一十
            section += (1 if current is None or (current == 0 and zero_seen)
                        else current) * value
            current = None
            last_unit = value
            zero_seen = False
        elif kind == "big":
            part = section + (current or 0)
            if part == 0 and prev == "big" and closed:
                # 万亿, 万万: the multiplier applies to the section just closed
                v, mag = closed.pop()
                closed.append((v * value, mag * value))
            else:
                if part == 0 and prev != "small" and current is None:
                    part = Fraction(1)  # a bare 万 / 亿 at the start
                mag = value
                while closed and closed[-1][1] < value:
                    v, m = closed.pop()
                    part += v
                    mag = max(mag, m * value)
                closed.append((part * value, mag))
            section = Fraction(0)
            current = None
            last_unit = value
            zero_seen = False
        else:  # a point not after a digit
            raise ValueError(f"not a number: {s!r} (misplaced point)")
        prev = kind
        i += 1
    if current is not None:
        # an elided tail: 三万五 = 35000, 13万2 = 132000, 一百五 = 150; not after 零
        # (一百零五 = 105) and not for a longer tail (3万4000 = 34000)
        last_kind, last_value = tokens[-1]
        elided = (n >= 2 and tokens[-2][0] in ("small", "big") and last_unit >= 100
                  and not zero_seen and last_kind in ("digit", "num")
                  and 0 < last_value < 10 and last_value.denominator == 1)
        section += current * (last_unit / 10) if elided else current
    return sum((v for v, _ in closed), Fraction(0)) + section


def read_numeral(s: str) -> Fraction:
    """The value of one unsigned numeral in normalized text (Arabic, Chinese, financial,
    mixed, with or without multipliers), exact. Spaces inside are ignored. Raises
    ValueError for anything else, and beyond `MAX_LENGTH` characters."""
    s = "".join(s.split())
    if not s:
        raise ValueError("not a number: empty string")
    if len(s) > MAX_LENGTH:
        raise ValueError(f"not a number: {s[:20]!r}… is longer than {MAX_LENGTH} characters")
    if PLAIN.fullmatch(s):
        return Fraction(s)
    return _fold(_tokens(s), s)


def read_int(s: str) -> int:
    """An integer numeral as dates and document numbers write it: a run of digits read
    one by one (二〇二三, 二○二三 -> 2023, 0015 -> 15) or a numeral with multipliers
    (十二, 一百零八). Raises ValueError when it is no whole number."""
    value = read_numeral(s)
    if value.denominator != 1:
        raise ValueError(f"not a whole number: {s!r}")
    return value.numerator
