"""parse_number: one numeral string -> its exact value.

The numeral itself is read by `numeral.read_numeral` (the one reader); this module
adds what may wrap it: a sign (负, -, +, 正), a percent sign (% ‰ ‱), a fraction
(`三分之一`, `百分之五十`, `1/3`, and after a whole number `一又四分之一`), a hedge inside the number (`一千多万`, `500余万`,
`二十几万`: the value of the stated part, the hedge is the caller's `approx`),
scientific and suffixed forms (`2e5`, `21.2E0`, `2^5`, `40k`, `3.2K`, `-2.5 M`),
`半` (`半百` = 50) and `打` (a dozen: `五十打` = 600).

Everything is exact (integers and Fractions, then an exact Decimal); the only error
raised is ValueError (`NotANumeral` for a non-str is also a TypeError).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import regex

from ..model import Number
from ..text.prepare import normalize
from .numeral import MAX_LENGTH, PLAIN, cn_chars, exact, financial_chars, numeral_table, read_numeral

__all__ = ["MAX_EXPONENT", "NotANumeral", "cn_chars", "financial_chars", "hedged",
           "numeral_table", "parse_number", "parse_fraction"]

MAX_EXPONENT = 100  # 2e100 is read, 2e101 is refused (a value of 10**999999999 is no number)
_SPACES = regex.compile(r"[\s_'\u200b-\u200d\u2060\ufeff]+")  # zero-width too
_HEDGE = regex.compile(r"(?P<head>.+?)(?P<hedge>多|余|几|来)(?P<tail>[十百千万亿兆]*)")
_SCI = regex.compile(r"(?P<m>\d+(?:\.\d+)?|\.\d+)(?:[eE](?P<e>[+-]?\d+)|\^(?P<p>\d+))")
_SUFFIX = {"k": 1000, "K": 1000, "M": 10 ** 6, "W": 10 ** 4}


class NotANumeral(TypeError, ValueError):
    """parse_number was given something that is not a str."""


def parse_number(s: str) -> Number:
    """The exact value of one numeral string.

    >>> parse_number("一百零八億")
    Decimal('10800000000')
    >>> parse_number("三分之一")
    Fraction(1, 3)
    >>> parse_number("一千多万")
    Decimal('10000000')

    Percent and permille forms are read as their value: `百分之五十` and `50%` are 0.5.
    Raises ValueError for anything that is not one number (`NotANumeral`, a
    ValueError and TypeError, for a non-str).
    """
    if not isinstance(s, str):
        raise NotANumeral(f"parse_number expects str, not {type(s).__name__}")
    return _number(s)


@lru_cache(maxsize=8192)
def _number(s: str) -> Number:
    return exact(parse_fraction(s))


def parse_fraction(s: str) -> Fraction:
    """`parse_number` as a Fraction (exact, for arithmetic)."""
    if not isinstance(s, str):
        raise NotANumeral(f"parse_number expects str, not {type(s).__name__}")
    return _fraction(s)


@lru_cache(maxsize=8192)  # numerals repeat: a report reads the same few hundred
def _fraction(s: str) -> Fraction:
    if len(s) <= MAX_LENGTH and PLAIN.fullmatch(s):  # 2019, 271.27: nothing to normalize
        return Fraction(s)
    norm = _SPACES.sub("", normalize(s).strip())
    if not norm:
        raise ValueError("not a number: empty string")
    if len(norm) > MAX_LENGTH:
        raise ValueError(f"not a number: {s[:20]!r}… is longer than {MAX_LENGTH} characters")
    sign = 1
    if norm[0] in "负-−+正":
        sign = -1 if norm[0] in "负-−" else 1
        norm = norm[1:]
    return sign * _unsigned(norm, s)


def _unsigned(norm: str, s: str) -> Fraction:
    if not norm:
        raise ValueError(f"not a number: {s!r}")
    scale = Fraction(1)
    if norm[-1] in "%‰‱":
        norm, scale = norm[:-1], Fraction(1, {"%": 100, "‰": 1000, "‱": 10000}[norm[-1]])
    whole, mixed, part = norm.partition("又")
    if mixed:  # 一又四分之一, 2又1/2: a whole number and a fraction
        if not whole or not ("分之" in part or "/" in part) or whole[-1] in "%‰‱":
            raise ValueError(f"not a number: {s!r}")
        return (_plain(whole, s) + _unsigned(part, s)) * scale
    num_text, slash, den_text = norm.partition("/")
    if slash:  # 1/3: digits over digits
        if not (num_text.isdigit() and den_text.isdigit()) or int(den_text) == 0:
            raise ValueError(f"not a number: {s!r}")
        return Fraction(int(num_text), int(den_text)) * scale
    if "分之" in norm:
        den_text, _, num_text = norm.partition("分之")
        if not den_text or not num_text:
            raise ValueError(f"not a number: {s!r}")
        den, num = _unsigned(den_text, s), _unsigned(num_text, s)
        if den == 0:
            raise ValueError(f"not a number: {s!r} (a zero denominator)")
        return num / den * scale
    return _plain(norm, s) * scale


def _plain(norm: str, s: str) -> Fraction:
    if not norm:
        raise ValueError(f"not a number: {s!r}")
    if norm[-1] == "打" and len(norm) > 1:  # a dozen
        return _plain(norm[:-1], s) * 12
    if norm[-1] in _SUFFIX and len(norm) > 1 and norm[-2].isdigit():
        return _plain(norm[:-1], s) * _SUFFIX[norm[-1]]
    if norm[0] == "半":  # 半 = 0.5, 半百 = 50
        rest = norm[1:]
        if rest and not all(numeral_table().get(c, ("", 0))[0] in ("small", "big")
                            for c in rest):
            raise ValueError(f"not a number: {s!r}")
        return Fraction(1, 2) * (read_numeral(rest) if rest else 1)
    sci = _SCI.fullmatch(norm)
    if sci:
        power = int(sci.group("e") or sci.group("p"))
        if abs(power) > MAX_EXPONENT:
            raise ValueError(f"not a number: {s!r} (exponent beyond {MAX_EXPONENT})")
        base = Fraction(10) if sci.group("e") else Fraction(sci.group("m"))
        mantissa = Fraction(sci.group("m")) if sci.group("e") else Fraction(1)
        return mantissa * base ** power
    hedge = _HEDGE.fullmatch(norm)
    if hedge and hedge.group("head")[-1] not in "多余几来" and _larger_tail(
            hedge.group("head"), hedge.group("tail")):
        return hedged(hedge.group("head"), hedge.group("tail"))
    return read_numeral(norm)


def hedged(head: str, tail: str) -> Fraction:
    """The value of `head`, a hedge (多, 余) and the multipliers `tail`: 一千多万 is 一千 x
    万, and 一亿二千多万 is 一亿 + 二千 x 万, not (一亿二千) x 万: the multipliers after
    the hedge scale only the section after the head's last larger multiplier."""
    if not tail:
        return Fraction(read_numeral(head))
    scale = Fraction(read_numeral(tail))
    table = numeral_table()
    for i in range(len(head) - 1, -1, -1):
        role, value = table.get(head[i], ("", 0))
        if role in ("small", "big") and value > scale:
            section = head[i + 1:]
            return read_numeral(head[:i + 1]) + (read_numeral(section) * scale
                                                 if section else 0)
    return read_numeral(head) * scale


def _larger_tail(head: str, tail: str) -> bool:
    """一千多万 multiplies 一千 by 万; 一百几十 is no number (a tens digit unknown)."""
    if not tail:
        return True
    table = numeral_table()
    role, value = table.get(head[-1], ("", 0))
    return role not in ("small", "big") or table[tail[0]][1] > value
