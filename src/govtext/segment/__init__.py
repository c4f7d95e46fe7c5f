"""Segmentation: the `Segmenter` protocol and its backends.

Every backend returns `Token`s whose offsets index the original text. Backends segment
the normalized view (same length as the original), so traditional and full-width text is
cut like simplified text, and rebuild offsets by aligning words to the text.
"""

from __future__ import annotations

from typing import Any, Protocol, Sequence, runtime_checkable

from ..errors import InputError
from ..model import Token
from .base import align


@runtime_checkable
class Segmenter(Protocol):
    """Cuts a text into tokens. `norm` is the same-length normalized view of `text`."""

    name: str

    def segment(self, text: str, norm: str | None = None) -> Sequence[Token]: ...


def get_segmenter(name: str = "jieba", **options: Any) -> Segmenter:
    """A segmenter by name: "jieba" (default; option `engine`: "auto", "rust" or
    "python"), "rjieba" (jieba with its Rust engine required) or "pkuseg" (needs the
    `spacy` extra and a model: ``pkuseg_model=PATH``)."""
    if name == "jieba":
        from .jieba_backend import JiebaSegmenter

        return JiebaSegmenter(**options)
    if name == "rjieba":
        from .rjieba_backend import RjiebaSegmenter

        return RjiebaSegmenter(**options)
    if name == "pkuseg":
        from .pkuseg_backend import PkusegSegmenter

        return PkusegSegmenter(**options)
    raise InputError("E004", name=name, known="'jieba', 'rjieba' or 'pkuseg'")


__all__ = ["Segmenter", "align", "get_segmenter"]
