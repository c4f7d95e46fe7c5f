"""jieba's data for govtext's two engines, built once and kept in govtext's cache: the
dictionary with the government lexicon added (`load_dictionary`, for `jieba_cut`) and
the HMM's tables (`hmm_tables`).

The dictionary is built by a private `jieba.Tokenizer`; the module-level tokenizer
(`jieba.dt`) and its `/tmp/jieba.cache` are never touched, so govtext can share a process
with other jieba users. A warm process reads the cache and never imports jieba.
"""

from __future__ import annotations

import importlib.util
import logging
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Any, Sequence

from ..cache import memo
from .jieba_cut import PREFIX


@dataclass(frozen=True, slots=True)
class JiebaDict:
    """What jieba's accurate mode reads, ready for `jieba_cut`: for each word of the
    dictionary its log probability, `log(count) - log(total)` (computed once, with
    jieba's operations, instead of once per candidate word of every text), and
    `PREFIX` for jieba's zero-count prefixes of longer words; the total count; and the
    HMM's start, transition and emission tables."""

    logp: dict[str, float]
    total: int
    start_p: dict[str, float]
    trans_p: dict[str, dict[str, float]]
    emit_p: dict[str, dict[str, float]]


def jieba_tokenizer(words: Sequence[str]) -> Any:
    """A private `jieba.Tokenizer` (jieba.dt is left alone) with `words` added as
    suggest_freq keeps them whole, and a word written with spaces ("法国 总理") cut there;
    its own cache goes to a scratch directory."""
    import jieba

    tok = jieba.Tokenizer()
    with tempfile.TemporaryDirectory() as scratch:
        tok.tmp_dir = scratch
        tok.cache_file = f"govtext-jieba-{jieba.__version__}.cache"
        logger = logging.getLogger("jieba")
        level = logger.level
        logger.setLevel(logging.WARNING)  # jieba logs its loading at DEBUG to stderr
        try:
            tok.initialize()
        finally:
            logger.setLevel(level)
    for word in words:
        if " " in word:  # a dictionary word to cut where the spaces are (法国 总理):
            parts = tuple(word.split())  # suggest_freq lowers its count just enough
            tok.add_word("".join(parts), freq=tok.suggest_freq(parts, tune=False))
        else:  # suggest_freq raises the word's count just enough to keep it whole
            tok.add_word(word, freq=tok.suggest_freq(word, tune=False))
    return tok


@lru_cache(maxsize=1)
def _jieba_dir() -> Path | None:
    spec = importlib.util.find_spec("jieba")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def jieba_file(name: str) -> Path:
    """A data file of the installed jieba (`dict.txt`), found without importing jieba
    (its import takes 0.15 s) or importlib.metadata (20 ms)."""
    root = _jieba_dir()
    if root is None:
        raise ModuleNotFoundError("No module named 'jieba'", name="jieba")
    return root / name


@lru_cache(maxsize=1)
def jieba_stamp() -> str:
    """What identifies the installed jieba's data: the size and modification time of its
    dictionary and HMM tables."""
    parts = []
    for name in ("dict.txt", "finalseg/prob_emit.py", "finalseg/prob_trans.py",
                 "finalseg/prob_start.py", "__init__.py"):
        try:
            st = jieba_file(name).stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except (OSError, ImportError):  # no jieba: building the dictionary says so
            parts.append(f"{name}:-")
    return "|".join(parts)


def load_dictionary(words: Sequence[str]) -> JiebaDict:
    """jieba's dictionary with `words` added (`jieba_tokenizer`), kept in govtext's cache
    as one marshal blob, so later processes neither parse dict.txt nor import jieba
    (whose import alone takes 0.15 s: it loads pkg_resources)."""
    stamp = jieba_stamp()

    def build() -> tuple[Any, ...]:
        from jieba import finalseg

        tok = jieba_tokenizer(words)
        logtotal = log(tok.total)
        logp = {w: log(f) - logtotal if f else PREFIX for w, f in tok.FREQ.items()}
        return logp, tok.total, finalseg.start_P, finalseg.trans_P, finalseg.emit_P

    entry = memo("govtext-jieba", "\n".join((stamp, "logp", *words)), build,
                 valid=lambda v: isinstance(v, tuple) and len(v) == 5, keep=4)
    return JiebaDict(*entry)


def hmm_tables() -> tuple[Any, ...]:
    """jieba's HMM tables (jieba.finalseg's start, transition and emission tables)."""

    def build() -> tuple[Any, ...]:
        from jieba import finalseg

        return finalseg.start_P, finalseg.trans_P, finalseg.emit_P

    return memo("govtext-jieba-hmm", jieba_stamp(), build,
                valid=lambda v: isinstance(v, tuple) and len(v) == 3, keep=4)
