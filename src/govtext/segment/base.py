"""What every segmenter backend shares: options, the words to keep whole, loading the
backend lazily and once (thread-safe), pickling without it, and exact offsets."""

from __future__ import annotations

import re
import threading
from array import array
from itertools import chain
from typing import Any, Iterable, Iterator, Sequence

import regex

from ..model import Token
from ..model.tokens import Tokens
from .lexicon import gov_words


# Longest stretch without whitespace or punctuation handed to a backend in one piece:
# jieba's HMM copies its Viterbi paths, so it is quadratic in the length of a run of
# unknown characters (100,000 in a row took 25 s). Real sentences are far shorter.
MAX_RUN = 400
_LONG_RUN = regex.compile(r"[^\s\p{P}]{%d,}" % MAX_RUN)
# a superset of those runs that `re` finds several times faster: these characters are
# Unicode white space or punctuation for `regex` too, so every run of _LONG_RUN lies
# inside one of these (re's \s is not used: it also takes \x1c-\x1f, which regex's does not)
_BREAKS = " \t\n\r\f\v\u3000，。、；：？！“”‘’（）《》,.;:?!()"
# A run is tried only where it starts, after a break character (trying it again at each
# of its characters made this search cost ten steps a character), and the break is
# matched first rather than looked behind for, which `re` scans for twice as fast.
_MAYBE_LONG = re.compile("[%s][^%s]{%d,}" % (_BREAKS, _BREAKS, MAX_RUN))
_LONG_AT_START = re.compile("[^%s]{%d,}" % (_BREAKS, MAX_RUN))


def _long_runs(text: str) -> Iterator[regex.Match[str]]:
    first = _LONG_AT_START.match(text)
    if first is not None:
        yield from _LONG_RUN.finditer(text, 0, first.end())
    for maybe in _MAYBE_LONG.finditer(text, first.end() if first else 0):
        yield from _LONG_RUN.finditer(text, maybe.start() + 1, maybe.end())


def bounded_pieces(text: str) -> Iterator[str]:
    """`text` in consecutive pieces, none holding a run of more than MAX_RUN
    characters without whitespace or punctuation; joined, they give `text` back."""
    pos = 0
    for m in _long_runs(text):
        if m.start() > pos:
            yield text[pos:m.start()]
        for i in range(m.start(), m.end(), MAX_RUN):
            yield text[i:min(i + MAX_RUN, m.end())]
        pos = m.end()
    if pos < len(text):
        yield text[pos:]



def align(words: list[str] | Any, text: str, norm: str) -> Tokens:
    """Turn a backend's words (cut from `norm`) into tokens with offsets into `text`.

    Words are found left to right; characters a backend dropped are skipped, and
    whitespace-only words are left out.
    """
    offsets: array[int] = array("q")
    pos = 0
    for word in words:
        if not word:
            continue
        if norm.startswith(word, pos):
            start = pos
        else:
            start = norm.find(word, pos)
            if start < 0:  # a backend changed the word: skip it rather than guess
                continue
        end = start + len(word)
        pos = end
        if not word.isspace():
            offsets.append(start)
            offsets.append(end)
    return Tokens.from_offsets(text, offsets)

class LexiconSegmenter:
    """Base of the backends. Subclasses set `name` and implement `_build()` (load the
    backend with `self.words()` as its user dictionary) and `_cut(backend, text)`.

    `user_words` are kept whole besides the government lexicon (`use_lexicon=False`
    leaves the lexicon out). Instances pickle without the loaded backend, so a
    Pipeline can be sent to worker processes that load it once each.
    """

    name = ""

    def __init__(self, user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True) -> None:
        self.user_words = tuple(user_words)
        self.use_lexicon = use_lexicon
        self._backend: Any = None
        self._lock = threading.Lock()

    def _options(self) -> dict[str, Any]:
        """The constructor arguments, for pickling."""
        return {"user_words": self.user_words, "use_lexicon": self.use_lexicon}

    def __getstate__(self) -> dict[str, Any]:
        return self._options()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def words(self) -> tuple[str, ...]:
        """The words the backend must keep whole, without duplicates or whitespace."""
        words = (gov_words() if self.use_lexicon else ()) + self.user_words
        return tuple(w for w in dict.fromkeys(words) if w and not any(c.isspace() for c in w))

    def _build(self) -> Any:
        raise NotImplementedError

    def _cut(self, backend: Any, text: str) -> Iterable[str]:
        raise NotImplementedError

    def _load(self) -> Any:
        with self._lock:
            if self._backend is None:
                self._backend = self._build()
            return self._backend

    def segment(self, text: str, norm: str | None = None) -> Sequence[Token]:
        """Tokens of `text`, cut from its same-length normalized view `norm`."""
        if not text:
            return []
        backend = self._load()
        source = text if norm is None else norm
        words = chain.from_iterable(self._cut(backend, piece)
                                    for piece in bounded_pieces(source))
        return align(words, text, source)
