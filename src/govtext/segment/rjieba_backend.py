"""The segmenter named "rjieba": the jieba segmenter with its Rust engine required
(jieba-rs through `rjieba`, see `rust_cut`). The default "jieba" segmenter already takes
that engine when rjieba is installed and jieba's dictionary is the one jieba-rs carries;
this name raises ImportError instead of falling back to the Python engine, and keeps
jieba-rs even when the dictionaries differ.
"""

from __future__ import annotations

from typing import Any

from .jieba_backend import JiebaSegmenter


class RjiebaSegmenter(JiebaSegmenter):
    """`JiebaSegmenter(engine="rust")`, under the name "rjieba"."""

    name = "rjieba"

    def __init__(self, hmm: bool = True, user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True) -> None:
        super().__init__(hmm, user_words, use_lexicon, engine="rust")

    def _options(self) -> dict[str, Any]:
        options = super()._options()
        del options["engine"]
        return options
