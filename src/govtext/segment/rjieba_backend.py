"""jieba-rs (through `rjieba`): jieba's dictionary and algorithm in Rust, many times faster.

An optional extra (`pip install govtext[fast]`); `Pipeline(segmenter="rjieba")`. Each
instance has its own `rjieba.Jieba`, so the module-level one is left alone.
"""

from __future__ import annotations

from typing import Any, Iterable

from .base import LexiconSegmenter
from .jieba_backend import JiebaSegmenter


class RjiebaSegmenter(JiebaSegmenter):
    """Like `JiebaSegmenter` (same options), with the Rust implementation."""

    name = "rjieba"

    def _build(self) -> Any:
        try:
            import rjieba
        except ImportError as exc:
            raise ImportError("the rjieba segmenter needs rjieba: "
                              "pip install 'govtext[fast]'") from exc
        jb = rjieba.Jieba()
        for word in self.words():
            jb.add_word(word, max(jb.suggest_freq(word), 1), None)
        return jb

    def _cut(self, backend: Any, text: str) -> Iterable[str]:
        return backend.cut(text, self.hmm)

    segment = LexiconSegmenter.segment  # words from rjieba, aligned to the text
