"""What every component reads, built once per document.

An `Analysis` holds the original text and its views, computed on first use and then
shared by every component that asks:

- `prep`: the text and its same-length normalized view (`text.prepare`);
- `structure`: metadata, boilerplate, body, outline, paragraphs, sentences;
- `tokens` and `edges`: the segmenter's words and the offsets where words start or end;
- `squeezed` and `bound`: the normalized view without inner whitespace, with its map to
  the original, and "does squeezed [a, b) start and end on word edges?";
- `date`: the document's own date (metadata), `shared(key, make)`: a per-document cache
  for what several components of one family compute once (the entity finders' name
  scan, the document's own place).

Components never build these themselves, so nothing is computed twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cached_property
from itertools import repeat
from operator import sub
from typing import TYPE_CHECKING, Any, Callable, Sequence, TypeVar

from .model import Token
from .model.tokens import Tokens
from .text.prepare import Prepared
from .text.structure import Structure, analyze

if TYPE_CHECKING:  # pragma: no cover
    from .entities.lexicon import Squeezed
    from .segment import Segmenter

T = TypeVar("T")


class Analysis:
    """The shared analysis of one text. Build it with `Analysis(text, segmenter=...)`;
    with ``structure=False`` the structure is empty, with ``segmenter=None`` there are
    no tokens."""

    def __init__(self, text: str, *, segmenter: Segmenter | None = None,
                 structure: bool = True) -> None:
        self.text = text
        self.prep = Prepared.of(text)
        self._segmenter = segmenter
        self._with_structure = structure
        self._shared: dict[str, Any] = {}

    @classmethod
    def of(cls, prep: Prepared, *, tokens: Sequence[Token] | None = None,
           structure: Structure | None = None) -> Analysis:
        """An analysis over parts already computed (for callers that have them)."""
        self = cls.__new__(cls)
        self.text, self.prep = prep.text, prep
        self._segmenter, self._with_structure, self._shared = None, structure is not None, {}
        if tokens is not None:
            self.__dict__["tokens"] = tokens
        if structure is not None:
            self.__dict__["structure"] = structure
        return self

    @property
    def norm(self) -> str:
        return self.prep.norm

    @cached_property
    def structure(self) -> Structure:
        return analyze(self.prep) if self._with_structure else Structure()

    @cached_property
    def tokens(self) -> Sequence[Token]:
        if self._segmenter is None:
            return []
        return self._segmenter.segment(self.text, self.prep.norm)

    @cached_property
    def edges(self) -> frozenset[int]:
        """Offsets where a word starts or ends (empty without a segmenter)."""
        tokens = self.tokens
        if isinstance(tokens, Tokens):
            return frozenset(tokens.offsets)
        out = set()
        for t in tokens:
            out.add(t.start)
            out.add(t.end)
        return frozenset(out)

    @cached_property
    def squeezed(self) -> Squeezed:
        from .entities.lexicon import squeeze

        return squeeze(self.prep.norm)

    def word_starts(self, shortest: int, longest: int,
                    first: frozenset[str] | None = None) -> list[int] | None:
        """The squeezed positions where a word of `shortest` to `longest` characters
        (at most 254) starts, in order, optionally only those whose first character is
        in `first`: a finder that wants words of one shape need not test `bound` at
        every character. None when the tokens are not `Tokens` (another segmenter's
        objects)."""
        tokens = self.tokens
        if not tokens:
            return []
        if not isinstance(tokens, Tokens):
            return None
        off = tokens.offsets
        starts = off[0::2]
        # the words' lengths as bytes (255 for longer ones), searched by the regex engine
        try:
            lengths = bytes(map(sub, off[1::2], starts))
        except ValueError:  # a word of 256 characters or more (a long run of digits)
            lengths = bytes(map(min, map(sub, off[1::2], starts), repeat(255, len(starts))))
        wanted = re.compile(b"[%c-%c]" % (shortest, longest))
        norm = self.prep.norm
        found = [a for a in (starts[m.start()] for m in wanted.finditer(lengths))
                 if first is None or norm[a] in first]
        pos = self.squeezed.pos
        if isinstance(pos, range) and pos.start == 0 and pos.step == 1:
            return found
        n = len(pos)
        return [k for a in found if (k := bisect_left(pos, a)) < n and pos[k] == a]

    @cached_property
    def bound(self) -> Callable[[int, int], bool]:
        """`bound(a, b)`: squeezed `[a, b)` starts and ends where the segmenter puts a
        word boundary (always true when there are no tokens); `bound(a, a)`: a word
        boundary right before squeezed position a."""
        edges = self.edges
        if not edges:
            return lambda a, b: True
        pos = self.squeezed.pos
        n = len(pos)

        def bound(a: int, b: int) -> bool:
            if a == b:
                return a >= n or (0 <= a and pos[a] in edges)
            if a < 0 or b > n or a > b:
                return False
            return pos[a] in edges and (pos[b - 1] + 1) in edges

        return bound

    @property
    def date(self) -> date | None:
        """The document's own date, from its metadata (header fields or report line)."""
        return self.structure.metadata.date

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """`make()` once per document under `key`, then the same object for every
        component that asks."""
        if key not in self._shared:
            self._shared[key] = make()
        value: T = self._shared[key]
        return value


__all__ = ["Analysis"]
