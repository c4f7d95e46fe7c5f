"""jieba through a private `jieba.Tokenizer`.

The module-level tokenizer (`jieba.dt`) and its `/tmp/jieba.cache` are never touched, so
govtext can share a process with other jieba users. The dictionary cache is written to a
per-user cache directory.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ..model import Token
from .base import LexiconSegmenter, bounded_pieces
from .jieba_cut import cut_spans, cut_words


def cache_dir() -> Path:
    """`$GOVTEXT_CACHE_DIR`, else `$XDG_CACHE_HOME/govtext`, else `~/.cache/govtext`;
    the system temp directory when none of those is writable."""
    env = os.environ.get("GOVTEXT_CACHE_DIR")
    if env:
        base = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "govtext"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if os.access(base, os.W_OK):
            return base
    except OSError:
        pass
    user = os.getuid() if hasattr(os, "getuid") else "user"
    fallback = Path(tempfile.gettempdir()) / f"govtext-{user}"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


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
        tok.tmp_dir = str(cache_dir())
        tok.cache_file = f"govtext-jieba-{jieba.__version__}.cache"
        logger = logging.getLogger("jieba")
        level = logger.level
        logger.setLevel(logging.WARNING)  # jieba logs its loading at DEBUG to stderr
        try:
            tok.initialize()
        finally:
            logger.setLevel(level)
        for word in self.words():
            # suggest_freq raises the word's frequency just enough to keep it whole
            tok.add_word(word, freq=tok.suggest_freq(word, tune=False))
        return tok

    def _cut(self, backend: Any, text: str) -> Iterable[str]:
        return cut_words(backend, text, self.hmm)

    def segment(self, text: str, norm: str | None = None) -> list[Token]:
        """Tokens of `text`, cut from its same-length normalized view `norm`, with the
        offsets `jieba_cut` gives (the same words as `Tokenizer.cut`)."""
        if not text:
            return []
        backend = self._load()
        source = text if norm is None else norm
        tokens: list[Token] = []
        at = 0
        for piece in bounded_pieces(source):
            tokens.extend(Token(at + a, at + b, text[at + a:at + b])
                          for a, b in cut_spans(backend, piece, self.hmm))
            at += len(piece)
        return tokens
