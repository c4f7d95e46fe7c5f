"""`Tokens`: the segmenter's words of one text, kept as offsets.

A work report of 750,000 characters has about 400,000 words. As `Token` objects they
took 80 MiB and half a second to build, although most runs never look at them one by
one (the finders read word edges, the writers read offsets). `Tokens` keeps one array
of offsets and the text, and makes a `Token` when one is asked for: it is a read-only
sequence of `Token` and compares equal to a tuple of the same tokens.
"""

from __future__ import annotations

from array import array
from operator import le
from typing import Any, Iterable, Iterator, Sequence, overload

from .structure import Token


class Tokens(Sequence[Token]):
    """The tokens of `text`, given as `(start, end)` pairs in text order."""

    __slots__ = ("_text", "_offsets")

    def __init__(self, text: str, spans: Iterable[tuple[int, int]] = ()) -> None:
        offsets = array("q")
        for start, end in spans:
            offsets.append(start)
            offsets.append(end)
        self._text = text
        self._offsets = offsets

    @classmethod
    def from_offsets(cls, text: str, offsets: array[int]) -> Tokens:
        """Tokens from a flat array `[start0, end0, start1, end1, ...]` (not copied)."""
        if len(offsets) % 2:
            raise ValueError("offsets come in (start, end) pairs")
        self = cls.__new__(cls)
        self._text, self._offsets = text, offsets
        return self

    @property
    def offsets(self) -> array[int]:
        """The flat array of offsets, `[start0, end0, start1, end1, ...]`."""
        return self._offsets

    def text_is(self, text: str) -> bool:
        """Whether these are tokens of `text` (the same string)."""
        return self._text is text or self._text == text

    def spans(self) -> Iterator[tuple[int, int]]:
        """The `(start, end)` of every token, without making Token objects."""
        pairs = iter(self._offsets)
        return zip(pairs, pairs)

    def within(self, n: int) -> bool:
        """Whether every token lies in a text of length `n` (`0 <= start <= end <= n`):
        the check `Document` makes, without Token objects."""
        off = self._offsets
        if not off:
            return True
        starts, ends = off[0::2], off[1::2]
        return min(starts) >= 0 and max(ends) <= n and all(map(le, starts, ends))

    def __len__(self) -> int:
        return len(self._offsets) // 2

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, i: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("token index out of range")
        start, end = self._offsets[2 * i], self._offsets[2 * i + 1]
        return Token(start, end, self._text[start:end])

    def __iter__(self) -> Iterator[Token]:
        text = self._text
        for start, end in self.spans():
            yield Token(start, end, text[start:end])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self._offsets == other._offsets and self._text == other._text
        if isinstance(other, (tuple, list)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the equal tuple hashes

    def __repr__(self) -> str:
        return f"Tokens({len(self)} tokens)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Tokens.from_offsets, (self._text, self._offsets))


def as_tokens(tokens: Sequence[Token]) -> Sequence[Token]:
    """`tokens` as they are when already `Tokens` or a tuple; else a tuple."""
    return tokens if isinstance(tokens, (Tokens, tuple)) else tuple(tokens)
