"""Numerals -> exact values.

One numeral string (Arabic, Chinese, financial, traditional, full-width or mixed) is read
into a `Decimal`, or a `Fraction` for `X分之Y` when the quotient is not a round decimal.
Nothing goes through float, so `16.4亿` is exactly 1640000000.

The reader tokenizes the normalized string into digits, Arabic numbers, small
multipliers (十百千), big multipliers (万亿) and the point, then folds them with the
classic section algorithm; a stack of closed sections lets `万亿`, `万万` and
`十亿3000万` combine the way they are read aloud.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

import regex

from ..data import read_rows
from ..model import Number
from ..text.prepare import normalize


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


MAX_LENGTH = 60  # longer strings are digit runs (serials, hashes), not numerals
_ARABIC = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_SPACES = regex.compile(r"[\s_']+")


def _tokens(s: str) -> list[tuple[str, Decimal]]:
    """Split a normalized numeral into (kind, value) tokens: kind is 'num' (an Arabic
    number), 'digit' (a Chinese digit), 'small', 'big' or 'point'."""
    table = numeral_table()
    financial = financial_chars()
    out: list[tuple[str, Decimal]] = []
    i, n = 0, len(s)
    while i < n:
        m = _ARABIC.match(s, i)
        if m:
            if i > 0 and _no_arabic_next(s[i - 1], table, financial):
                raise ValueError(f"not a number: {s!r} ({s[i - 1]!r} next to a digit)")
            out.append(("num", Decimal(m.group().replace(",", ""))))
            i = m.end()
            continue
        entry = table.get(s[i])
        if entry is None:
            raise ValueError(f"not a number: {s!r} (unexpected {s[i]!r} at {i})")
        if i > 0 and s[i - 1].isdigit() and _no_arabic_next(s[i], table, financial):
            raise ValueError(f"not a number: {s!r} ({s[i]!r} next to a digit)")
        out.append((entry[0], Decimal(entry[1])))
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


def _read_digits(tokens: list[tuple[str, Decimal]], s: str) -> Decimal:
    """A run of digits read one by one: 二〇一八 -> 2018, 三点一四 -> 3.14."""
    text = ""
    for kind, value in tokens:
        if kind == "point":
            if "." in text:
                raise ValueError(f"not a number: {s!r} (two decimal points)")
            text += "."
        elif kind == "digit":
            text += str(int(value))
        elif kind == "num":
            text += format(value, "f")
        else:
            raise ValueError(f"not a number: {s!r}")
    if not text or text[0] == "." or text[-1] == ".":
        raise ValueError(f"not a number: {s!r} (a point needs digits on both sides)")
    try:
        return Decimal(text)
    except ArithmeticError:
        raise ValueError(f"not a number: {s!r}") from None


def _fold(tokens: list[tuple[str, Decimal]], s: str) -> Decimal:
    """Fold tokens with multipliers into one value (see the module docstring)."""
    if not any(k in ("small", "big") for k, _ in tokens):
        return _read_digits(tokens, s)
    closed: list[tuple[Decimal, Decimal]] = []  # (value, magnitude) of closed sections
    section = Decimal(0)  # the part below the current big unit
    current: Decimal | None = None  # a number waiting for its multiplier
    last_unit = Decimal(0)  # the last multiplier seen, for elided tails (三万五)
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
            # a decimal part in Chinese: 三点五 -> 3.5
            if i + 1 < n and tokens[i + 1][0] == "point":
                j = i + 2
                while j < n and tokens[j][0] in ("digit", "num"):
                    j += 1
                if j == i + 2:
                    raise ValueError(f"not a number: {s!r} (nothing after the point)")
                value = _read_digits(tokens[i:j], s)
                i = j - 1
            current = value
        elif kind == "small":
            if prev == "small":
                raise ValueError(f"not a number: {s!r} (two multipliers in a row)")
            section += (Decimal(1) if current is None else current) * value
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
                if part == 0 and prev != "small":
                    if current is None:
                        part = Decimal(1)  # a bare 万 / 亿 at the start
                mag = value
                while closed and closed[-1][1] < value:
                    v, m = closed.pop()
                    part += v
                    mag = max(mag, m * value)
                closed.append((part * value, mag))
            section = Decimal(0)
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
                  and 0 < last_value < 10 and last_value == last_value.to_integral_value()
                  and (last_kind == "digit" or "." not in str(last_value)))
        section += current * (last_unit / 10) if elided else current
    return sum((v for v, _ in closed), Decimal(0)) + section


def _plain(value: Decimal) -> Decimal:
    """Drop a trailing exponent so `format_number` and equality behave: 1.64E+9 -> 1640000000."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_number(s: str) -> Number:
    """The exact value of one numeral string.

    >>> parse_number("一百零八億")
    Decimal('10800000000')
    >>> parse_number("三分之一")
    Fraction(1, 3)

    Percent and permille forms are read as their value: `百分之五十` and `50%` are 0.5.
    Raises TypeError for a non-str, ValueError for anything that is not one number.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number expects str, not {type(s).__name__}")
    norm = _SPACES.sub("", normalize(s).strip())
    if not norm:
        raise ValueError("not a number: empty string")
    if len(norm) > MAX_LENGTH:
        raise ValueError(f"not a number: {s[:20]!r}… is longer than {MAX_LENGTH} characters")
    sign = 1
    if norm[0] in "负-−+正":
        sign = -1 if norm[0] in "负-−" else 1
        norm = norm[1:]
    scale = Decimal(1)
    if norm.endswith("%"):
        norm, scale = norm[:-1], Decimal("0.01")
    elif norm.endswith("‰"):
        norm, scale = norm[:-1], Decimal("0.001")
    elif norm.endswith("‱"):
        norm, scale = norm[:-1], Decimal("0.0001")
    if "分之" in norm:
        den_text, _, num_text = norm.partition("分之")
        den = parse_number(den_text) if den_text else None
        num = parse_number(num_text) if num_text else None
        if den is None or num is None or den == 0:
            raise ValueError(f"not a number: {s!r}")
        result: Number = Fraction(num) / Fraction(den)
        if isinstance(result, Fraction) and _round_decimal(result):
            result = _as_decimal(result)
        return -result if sign < 0 else result
    with localcontext() as ctx:
        ctx.prec = 80
        try:
            value = _fold(_tokens(norm), s) * scale
            return _plain(-value if sign < 0 else value)
        except ArithmeticError:
            raise ValueError(f"not a number: {s!r} (out of range)") from None


def _round_decimal(f: Fraction) -> bool:
    d = f.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _as_decimal(f: Fraction) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 80
        return _plain(Decimal(f.numerator) / Decimal(f.denominator))
