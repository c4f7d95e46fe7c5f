"""jieba through a private `jieba.Tokenizer`.

The module-level tokenizer (`jieba.dt`) and its `/tmp/jieba.cache` are never touched, so
govtext can share a process with other jieba users. The dictionary cache is written to a
per-user cache directory.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from ..document import Token
from . import align
from .lexicon import gov_words


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
    fallback = Path(tempfile.gettempdir()) / f"govtext-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


class JiebaSegmenter:
    """Segments with jieba's dictionary plus the government lexicon.

    `hmm` keeps unknown words (names) whole; `user_words` adds words of your own.
    The dictionary loads on first use, once per instance; instances pickle without it.
    """

    name = "jieba"

    def __init__(self, hmm: bool = True, user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True) -> None:
        self.hmm = hmm
        self.user_words = tuple(user_words)
        self.use_lexicon = use_lexicon
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"hmm": self.hmm, "user_words": self.user_words,
                "use_lexicon": self.use_lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _load(self) -> Any:
        with self._lock:
            if self._tokenizer is not None:
                return self._tokenizer
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
            words = (gov_words() if self.use_lexicon else ()) + self.user_words
            for word in words:
                # suggest_freq raises the word's frequency just enough to keep it whole
                tok.add_word(word, freq=tok.suggest_freq(word, tune=False))
            self._tokenizer = tok
            return tok

    def segment(self, text: str, norm: str | None = None) -> list[Token]:
        if not text:
            return []
        tok = self._load()
        source = text if norm is None else norm
        return align(tok.cut(source, HMM=self.hmm), text, source)
