"""jieba through a private `jieba.Tokenizer`.

The module-level tokenizer (`jieba.dt`) and its `/tmp/jieba.cache` are never touched, so
govtext can share a process with other jieba users. The dictionary, with the government
lexicon added, is cached in govtext's cache directory (`govtext.cache`).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import tempfile
from array import array
from typing import Any, Iterable, Sequence

from ..cache import cache_dir, read_cached, write_atomic
from ..model import Token
from ..model.tokens import Tokens
from .base import LexiconSegmenter, bounded_pieces
from .jieba_cut import cut_words, iter_spans


class JiebaSegmenter(LexiconSegmenter):
    """Segments with jieba's dictionary plus the government lexicon; `hmm` keeps
    unknown words (names) whole."""

    name = "jieba"

    def __init__(self, hmm: bool = True, user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True) -> None:
        super().__init__(user_words, use_lexicon)
        self.hmm = hmm

    def _options(self) -> dict[str, Any]:
        return {"hmm": self.hmm, **super()._options()}

    def _build(self) -> Any:
        import jieba

        tok = jieba.Tokenizer()  # private instance; jieba.dt is left alone
        words = self.words()
        # the dictionary with the lexicon added, cached as one marshal blob: reading
        # it whole takes a fifth of jieba's own `marshal.load` from a file object, and
        # the lexicon's suggest_freq loop is skipped (the key covers both inputs)
        key = hashlib.sha1("\n".join((jieba.__version__, *words)).encode("utf-8"))
        base = cache_dir()
        cached = (base / f"govtext-jieba-{jieba.__version__}-{key.hexdigest()[:16]}.marshal"
                  if base is not None else None)
        entry = read_cached(cached)
        if isinstance(entry, tuple) and len(entry) == 2:
            tok.FREQ, tok.total = entry
            tok.initialized = True
            return tok
        with tempfile.TemporaryDirectory() as scratch:  # jieba's own cache: ours replaces it
            tok.tmp_dir = scratch
            tok.cache_file = f"govtext-jieba-{jieba.__version__}.cache"
            logger = logging.getLogger("jieba")
            level = logger.level
            logger.setLevel(logging.WARNING)  # jieba logs its loading at DEBUG to stderr
            try:
                tok.initialize()
            finally:
                logger.setLevel(level)
        for word in words:
            # suggest_freq raises the word's frequency just enough to keep it whole
            tok.add_word(word, freq=tok.suggest_freq(word, tune=False))
        if cached is not None:
            write_atomic(cached, marshal.dumps((tok.FREQ, tok.total)))
        return tok

    def _cut(self, backend: Any, text: str) -> Iterable[str]:
        return cut_words(backend, text, self.hmm)

    def segment(self, text: str, norm: str | None = None) -> Sequence[Token]:
        """Tokens of `text`, cut from its same-length normalized view `norm`, with the
        offsets `jieba_cut` gives (the same words as `Tokenizer.cut`), as `Tokens`."""
        if not text:
            return []
        backend = self._load()
        source = text if norm is None else norm
        offsets: array[int] = array("q")
        at = 0
        for piece in bounded_pieces(source):
            for a, b in iter_spans(backend, piece, self.hmm):
                offsets.append(at + a)
                offsets.append(at + b)
            at += len(piece)
        return Tokens.from_offsets(text, offsets)

