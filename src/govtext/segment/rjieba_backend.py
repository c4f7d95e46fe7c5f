"""jieba-rs (through `rjieba`): jieba's dictionary and algorithm in Rust, many times faster.

An optional extra (`pip install govtext[fast]`); `Pipeline(segmenter="rjieba")`. Each
instance has its own `rjieba.Jieba`, so the module-level one is left alone.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .base import LexiconSegmenter
from .jieba_backend import JiebaSegmenter


_SURROGATE = re.compile("[\ud800-\udfff]")


def _restore(words: Iterable[str], text: str) -> list[str]:
    """The words cut from a same-length copy of `text`, spelled as in `text`."""
    out, at = [], 0
    for w in words:
        out.append(text[at:at + len(w)])
        at += len(w)
    return out


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
        if _SURROGATE.search(text):  # Rust takes UTF-8: a lone surrogate becomes U+FFFD
            words = backend.cut(_SURROGATE.sub("\ufffd", text), self.hmm)
            return _restore(words, text)
        return backend.cut(text, self.hmm)

    segment = LexiconSegmenter.segment  # words from rjieba, aligned to the text
