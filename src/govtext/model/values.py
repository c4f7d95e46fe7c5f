"""Exact values and their string form.

Values are `Decimal` or `Fraction`, never floats. In JSON a `Decimal` is a plain decimal
string (``"27127000000"``), a `Fraction` is ``"p/q"``. `parse_exact` is the inverse of
`format_number`, and refuses what is not a finite, reasonably sized number: NaN,
Infinity, and exponents or digit counts beyond `MAX_DIGITS` (``1e999999999`` would
otherwise become a gigabyte string when written back).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Union

from ..errors import ParseError

Number = Union[Decimal, Fraction]

# the longest number (digits before and after the point) govtext reads or writes
MAX_DIGITS = 400


def format_number(value: Number) -> str:
    """Exact string form of a value: ``Decimal('27127000000.00')`` -> ``'27127000000'``,
    ``Fraction(1, 3)`` -> ``'1/3'``. Never uses exponent notation."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ParseError("E101", text=str(value))
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    raise TypeError(f"expected Decimal or Fraction, got {type(value).__name__}")


def _checked(d: Decimal, text: str) -> Decimal:
    if not d.is_finite():
        raise ParseError("E101", text=text)
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    width = max(len(digits), len(digits) + exponent, -exponent)
    if width > MAX_DIGITS:
        raise ParseError("E102", digits=width, limit=MAX_DIGITS)
    return d


def parse_exact(text: str) -> Number:
    """Inverse of `format_number`: ``'1/3'`` -> ``Fraction(1, 3)``, else a `Decimal`.
    Raises `ParseError` (a ValueError) for anything else."""
    if not isinstance(text, str):
        raise ParseError("E101", text=text)
    if len(text) > 2 * MAX_DIGITS + 3:
        raise ParseError("E102", digits=len(text), limit=MAX_DIGITS)
    try:
        if "/" in text:
            num, _, den = text.partition("/")
            _checked(Decimal(num), text)
            _checked(Decimal(den), text)
            return Fraction(text)
        return _checked(Decimal(text), text)
    except (InvalidOperation, ValueError, ZeroDivisionError) as err:
        if isinstance(err, ParseError):
            raise
        raise ParseError("E101", text=text) from None


__all__ = ["MAX_DIGITS", "Number", "format_number", "parse_exact"]
