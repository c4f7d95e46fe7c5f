"""jieba-rs (through `rjieba`): jieba's dictionary and algorithm in Rust, many times faster.

An optional extra (`pip install govtext[fast]`); `Pipeline(segmenter="rjieba")`. Each
instance has its own `rjieba.Jieba`, so the module-level one is left alone.
"""

from __future__ import annotations

import threading
from typing import Any

from ..document import Token
from . import align
from .lexicon import gov_words


class RjiebaSegmenter:
    """Like `JiebaSegmenter`, with the Rust implementation."""

    name = "rjieba"

    def __init__(self, hmm: bool = True, user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True) -> None:
        self.hmm = hmm
        self.user_words = tuple(user_words)
        self.use_lexicon = use_lexicon
        self._jieba: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"hmm": self.hmm, "user_words": self.user_words,
                "use_lexicon": self.use_lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _load(self) -> Any:
        with self._lock:
            if self._jieba is None:
                try:
                    import rjieba
                except ImportError as exc:
                    raise ImportError("the rjieba segmenter needs rjieba: "
                                      "pip install 'govtext[fast]'") from exc
                jb = rjieba.Jieba()
                words = (gov_words() if self.use_lexicon else ()) + self.user_words
                for word in words:
                    jb.add_word(word, max(jb.suggest_freq(word), 1), None)
                self._jieba = jb
            return self._jieba

    def segment(self, text: str, norm: str | None = None) -> list[Token]:
        if not text:
            return []
        source = text if norm is None else norm
        return align(self._load().cut(source, self.hmm), text, source)
