"""The jieba segmenter: jieba's accurate mode with the government lexicon, run by one of
two engines that give the same words (`rust_cut`: jieba-rs; `jieba_cut`: Python), on
dictionaries from `jieba_data`, without jieba's module-level state."""

from __future__ import annotations

from array import array
from typing import Any, Sequence

from ..errors import InputError
from ..model import Token
from ..model.tokens import Tokens
from .base import LexiconSegmenter, bounded_pieces
from . import rust_cut
from .jieba_cut import spans_into
from .jieba_data import JiebaDict, jieba_stamp, load_dictionary
from .lexicon import splits


ENGINES = ("auto", "rust", "python")


class JiebaSegmenter(LexiconSegmenter):
    """Segments with jieba's dictionary plus the government lexicon; `hmm` keeps
    unknown words (names) whole.

    `engine` runs jieba's accurate mode: "python" (`jieba_cut`), "rust" (jieba-rs through
    `rjieba`, `rust_cut`), or "auto" (the default): rust when rjieba is installed and
    jieba's dictionary is the one jieba-rs carries, else python. Both give the words of
    jieba's `Tokenizer.cut`."""

    name = "jieba"

    def __init__(self, hmm: bool = True, user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True, engine: str = "auto") -> None:
        super().__init__(user_words, use_lexicon)
        if engine not in ENGINES:
            raise InputError("E010", engine=engine, known="'auto', 'rust' or 'python'")
        self.hmm = hmm
        self.engine = engine

    def _options(self) -> dict[str, Any]:
        return {"hmm": self.hmm, "engine": self.engine, **super()._options()}

    def words(self) -> tuple[str, ...]:
        """The words kept whole, then the dictionary words cut (`lexicon.splits`:
        "法国 总理", a space at each cut), which both engines read."""
        return super().words() + (splits() if self.use_lexicon else ())

    def _build(self) -> JiebaDict | rust_cut.RustJieba:
        if self.engine != "python":
            rust = rust_cut.load(self.words(), jieba_stamp(), strict=self.engine == "rust")
            if rust is not None:
                return rust
        return load_dictionary(self.words())

    def _spans_into(self, backend: Any, text: str, out: array[int], at: int) -> None:
        if isinstance(backend, rust_cut.RustJieba):
            rust_cut.spans_into(backend, text, out, self.hmm, at)
        else:
            spans_into(backend, text, out, self.hmm, at)

    def segment(self, text: str, norm: str | None = None) -> Sequence[Token]:
        """Tokens of `text`, cut from its same-length normalized view `norm`, with the
        offsets the engine gives (the same words as `Tokenizer.cut`), as `Tokens`: the
        engines write offsets, so the base class's `_cut` and `align` are not needed."""
        if not text:
            return []
        backend = self._load()
        source = text if norm is None else norm
        offsets: array[int] = array("q")
        at = 0
        for piece in bounded_pieces(source):
            self._spans_into(backend, piece, offsets, at)
            at += len(piece)
        return Tokens.from_offsets(text, offsets)
