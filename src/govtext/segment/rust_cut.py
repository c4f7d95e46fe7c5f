"""jieba's accurate mode through jieba-rs (`rjieba`, Rust): the words of `jieba_cut`,
several times faster. The default engine of the jieba segmenter when rjieba is installed
and jieba's dictionary is the one jieba-rs carries.

jieba-rs runs jieba's algorithm on jieba's dictionary; four things differ, and are
made equal here:

- **The total count.** jieba-rs's total is the sum of its words' counts. jieba's also
  counts again the three words dict.txt lists twice, and, when `add_word` gives a word
  a new count, keeps its old one. Every word's probability is divided by the total, so
  near ties (不安宁 against 不 + 安宁; 济济济 as 济济 + 济 or 济 + 济济) went the other way
  in jieba-rs. `PAD` (a word no block of text can hold) is added with the difference.
- **The HMM step.** jieba-rs's HMM breaks ties between states otherwise than jieba (不发不发
  不发). jieba-rs gives the route (its cut without the HMM), and jieba's `__cut_DAG` runs
  here, with `jieba_cut`'s HMM, on the runs of one-character words.
- **Letters and digits.** jieba's HMM step splits them with `[a-zA-Z0-9]+(?:\\.\\d+)?%?`;
  with HMM off, jieba joins runs of single letters and digits.
- **Characters outside the blocks** (punctuation, symbols) are words of one character
  in jieba; they are split to one character each here whatever jieba-rs does.

tests/test_rust_cut.py compares the two engines on the work reports and on random text.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import re
import sys
from array import array
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from ..cache import memo
from . import jieba_cut
from .jieba_cut import _BLOCK, _ENG, BLOCK_CHARS, Flat
from .jieba_data import hmm_tables, jieba_file, jieba_tokenizer

# a word that no text can match: jieba and jieba-rs look words up only inside runs of
# Han characters, letters, digits and +#&._%- (`_BLOCK`), which U+FFFF is not part of
PAD = "\uffff"
# jieba 0.42.1's dict.txt, the dictionary jieba-rs carries (checked by the tests)
DICT_MD5 = "897a1f17ca8c08caa37a36f92e2da441"
# jieba-rs's words of one call come back as one list of strings: cut a long text in
# pieces of about this many characters (at a character outside the blocks, where no
# word can cross) so that list stays small
CHUNK = 50_000
_OUTSIDE = re.compile(f"[^{BLOCK_CHARS}]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # re reads the escapes


class RustJieba:
    """An `rjieba.Jieba` holding jieba's dictionary plus the added words with the counts
    jieba gives them, and jieba's HMM tables once they are needed."""

    __slots__ = ("jieba", "has_word", "cuts", "_hmm")

    def __init__(self, jieba: Any) -> None:
        self.jieba = jieba
        self.has_word = jieba.has_word
        self.cuts: dict[str, tuple[int, ...]] = {}  # run -> its cut (`_flush`)
        self._hmm: Any = None

    def hmm_tables(self) -> Any:
        """jieba's HMM tables (`start_p`, `trans_p`, `emit_p`), for `jieba_cut._hmm`."""
        if self._hmm is None:
            self._hmm = HmmTables(*hmm_tables())
        return self._hmm


class HmmTables(NamedTuple):
    start_p: dict[str, float]
    trans_p: dict[str, dict[str, float]]
    emit_p: dict[str, dict[str, float]]


def added_counts(words: Sequence[str], stamp: str) -> tuple[bool, list[int], int]:
    """Whether the installed jieba's dictionary is the one jieba-rs carries; the count
    jieba's `suggest_freq` gives each of `words`, added in order; and the count jieba-rs's
    total lacks after they are added. Kept in govtext's cache (computing it loads jieba)."""

    def build() -> tuple[bool, list[int], int]:
        same = hashlib.md5(jieba_file("dict.txt").read_bytes()).hexdigest() == DICT_MD5
        tok = jieba_tokenizer(words)
        counts = [tok.FREQ[w.replace(" ", "")] for w in words]  # "法国 总理": cut there
        # jieba-rs's total is the sum of its words' counts; jieba's also counts again the
        # words that dict.txt lists twice, and the old count of every word added again
        rust_total = sum(tok.FREQ.values())
        return same, counts, tok.total - rust_total

    return memo("govtext-jieba-counts", "\n".join((stamp, "pad: sum of counts", *words)), build,
                valid=lambda v: isinstance(v, tuple) and len(v) == 3 and len(v[1]) == len(words),
                keep=8)


def load(words: Sequence[str], stamp: str, strict: bool = False) -> RustJieba | None:
    """jieba-rs with `words` added, or None when rjieba is not installed or (unless
    `strict`) jieba's dictionary is not the one jieba-rs carries."""
    try:
        jieba_class = _jieba_class()
    except ImportError:
        if strict:
            raise ImportError("the rjieba segmenter needs rjieba: pip install rjieba") from None
        return None
    same, counts, pad = added_counts(words, stamp)
    if not same and not strict:
        return None
    jb = jieba_class()
    for word, count in zip(words, counts):
        jb.add_word(word.replace(" ", ""), count, None)
    if pad > 0:
        jb.add_word(PAD, pad, None)
    return RustJieba(jb)


def _jieba_class() -> Any:
    """rjieba's `Jieba` class. When rjieba is not imported yet, its compiled module is
    loaded alone: the package's `__init__` builds a module-level `Jieba` that govtext does
    not use, which parses the whole dictionary (0.1 s of a fresh process). The module is
    registered as `rjieba.rjieba`, so a later `import rjieba` takes it as it is."""
    package = sys.modules.get("rjieba")
    if package is not None:
        return package.Jieba
    loaded = sys.modules.get("rjieba.rjieba")
    if loaded is not None:
        return loaded.Jieba
    spec = importlib.util.find_spec("rjieba")  # finds the package without importing it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = Path(folder) / f"rjieba{suffix}"
            if not path.is_file():
                continue
            try:
                loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
                found = importlib.util.spec_from_file_location("rjieba.rjieba", path,
                                                                loader=loader)
                if found is None:
                    break
                module = importlib.util.module_from_spec(found)
                loader.exec_module(module)
            except ImportError:
                break
            sys.modules["rjieba.rjieba"] = module
            return module.Jieba
    import rjieba  # the ordinary way (raises ImportError when rjieba is not installed)

    return rjieba.Jieba


def spans_into(engine: RustJieba, text: str, out: Flat, hmm: bool = True, at: int = 0) -> None:
    """What `jieba_cut.spans_into` appends to `out` for `text`, cut by jieba-rs."""
    start = 0
    while start < len(text):
        m = _OUTSIDE.search(text, start + CHUNK) if len(text) - start > CHUNK else None
        end = m.start() if m else len(text)
        _rust(engine, text[start:end], out, hmm, at + start)
        start = end


def _rust(engine: RustJieba, text: str, out: Flat, hmm: bool, at: int) -> None:
    """jieba-rs's route (its cut without the HMM); with `hmm`, jieba's `__cut_DAG` on it:
    runs of one-character words that are no dictionary word go to `jieba_cut`'s HMM,
    whose ties break as jieba's do (jieba-rs's HMM breaks them otherwise)."""
    source = _SURROGATE.sub("\ufffd", text)  # Rust takes UTF-8; the length stays
    words = engine.jieba.cut(source, False)
    if not hmm:
        _no_hmm(engine, words, out, at)
    else:
        _with_hmm(engine, source, words, out, at)
    if sum(map(len, words)) != len(text):
        raise RuntimeError(f"rjieba returned {sum(map(len, words))} characters of {len(text)}")


def _no_hmm(engine: RustJieba, words: list[str], out: Flat, at: int) -> None:
    pos = at
    extend = out.extend
    for w in words:
        n = len(w)
        if n == 1:
            if not w.isspace():
                extend((pos, pos + 1))
        elif "\u4e00" <= w[0] <= "\u9fd5":  # a dictionary word
            extend((pos, pos + n))
        else:
            _odd(engine, w, pos, out)
        pos += n


# characters of a block that are not Han: a word of one of them joins the HMM's run
_BLOCK_OTHER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")


def _with_hmm(engine: RustJieba, source: str, words: list[str], out: Flat, at: int) -> None:
    has_word = engine.has_word
    extend = out.extend
    run = -1  # where the current run of one-character route words starts
    pos = at
    for w in words:
        n = len(w)
        first = w[0]
        if "\u4e00" <= first <= "\u9fd5":
            if n == 1:  # most often: a Han character alone
                if run < 0:
                    run = pos
            else:
                if run >= 0:
                    if pos - run == 1:
                        extend((run, pos))
                    else:
                        _flush(engine, source[run - at:pos - at], run, out)
                    run = -1
                extend((pos, pos + n))
        elif first in _BLOCK_OTHER and (n == 1 or _LETTERS.fullmatch(w) and not has_word(w)):
            if run < 0:  # one-character route words (jieba-rs joins letters and digits)
                run = pos
        else:
            if run >= 0:
                _flush(engine, source[run - at:pos - at], run, out)
                run = -1
            if n == 1:
                if not first.isspace():
                    extend((pos, pos + 1))
            else:
                _odd(engine, w, pos, out)
        pos += n
    if run >= 0:
        _flush(engine, source[run - at:pos - at], run, out)


_LETTERS = re.compile("[a-zA-Z0-9]+")


def _flush(engine: RustJieba, run: str, at: int, out: Flat) -> None:
    """jieba's `__cut_DAG` on a run of one-character route words starting at `at`. The
    runs repeat (新的, 这是, 都要: 5,100 distinct among 12,400 in the reports), so their
    cuts are kept."""
    if len(run) == 1:
        out.extend((at, at + 1))
        return
    cut = engine.cuts.get(run)
    if cut is None:
        flat: array[int] = array("q")
        if not engine.has_word(run):
            jieba_cut._hmm(run, 0, flat, engine.hmm_tables())
        else:  # the run is a word the route passed over: its characters one by one
            flat.extend(k for i in range(len(run)) for k in (i, i + 1))
        if len(engine.cuts) >= _CUTS_KEPT:
            engine.cuts.clear()
        cut = engine.cuts[run] = tuple(flat)
    out.extend([at + k for k in cut])


_CUTS_KEPT = 50_000


def _odd(engine: RustJieba, w: str, at: int, out: Flat) -> None:
    """A route word of several characters that does not start with a Han character:
    split, as jieba would, into single characters outside the blocks and, inside them,
    the dictionary word or runs of letters and digits."""
    pos = 0
    for m in _BLOCK.finditer(w):
        _single(w, pos, m.start(), at, out)
        run = w[m.start():m.end()]
        if m.start() == 0 and m.end() == len(w) and engine.has_word(run) or _has_han(run):
            out.extend((at + m.start(), at + m.end()))
        else:  # __cut_DAG_NO_HMM: runs of single letters and digits are joined
            _letters(w, m.start(), m.end(), at, out)
        pos = m.end()
    _single(w, pos, len(w), at, out)


def _has_han(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fd5" for c in s)


def _single(w: str, a: int, b: int, at: int, out: Flat) -> None:
    for i in range(a, b):
        if not w[i].isspace():
            out.extend((at + i, at + i + 1))


def _letters(w: str, a: int, b: int, at: int, out: Flat) -> None:
    i = a
    while i < b:
        j = i + 1
        if _ENG.match(w, i):
            while j < b and _ENG.match(w, j):
                j += 1
        out.extend((at + i, at + j))
        i = j


__all__ = ["PAD", "RustJieba", "load", "spans_into"]
