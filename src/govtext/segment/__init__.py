"""Segmentation: the `Segmenter` protocol and its backends.

Every backend returns `Token`s whose offsets index the original text. Backends segment
the normalized view (same length as the original), so traditional and full-width text is
cut like simplified text, and rebuild offsets by aligning words to the text.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from ..model import Token


@runtime_checkable
class Segmenter(Protocol):
    """Cuts a text into tokens. `norm` is the same-length normalized view of `text`."""

    name: str

    def segment(self, text: str, norm: str | None = None) -> list[Token]: ...


def align(words: list[str] | Any, text: str, norm: str) -> list[Token]:
    """Turn a backend's words (cut from `norm`) into tokens with offsets into `text`.

    Words are found left to right; characters a backend dropped are skipped, and
    whitespace-only words are left out.
    """
    tokens: list[Token] = []
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
            tokens.append(Token(start, end, text[start:end]))
    return tokens


def get_segmenter(name: str = "jieba", **options: Any) -> Segmenter:
    """A segmenter by name: "jieba" (default), "rjieba" (the Rust port, needs the `fast`
    extra) or "pkuseg" (needs the `spacy` extra and a model: ``pkuseg_model=PATH``)."""
    if name == "jieba":
        from .jieba_backend import JiebaSegmenter

        return JiebaSegmenter(**options)
    if name == "rjieba":
        from .rjieba_backend import RjiebaSegmenter

        return RjiebaSegmenter(**options)
    if name == "pkuseg":
        from .pkuseg_backend import PkusegSegmenter

        return PkusegSegmenter(**options)
    raise ValueError(f"unknown segmenter {name!r}: expected 'jieba', 'rjieba' or 'pkuseg'")


__all__ = ["Segmenter", "align", "get_segmenter"]
