"""Segmentation with spacy-pkuseg (a CRF segmenter), and training pkuseg models.

    >>> nlp = govtext.Pipeline(segmenter="pkuseg", pkuseg_model="path/to/model")

Needs the `spacy` extra (``pip install govtext[spacy]``, which brings `spacy-pkuseg`) and
a pkuseg model directory. govtext downloads nothing, so point it at a model you have:

- one you train yourself from a segmented corpus (one sentence a line, words separated
  by spaces): ``govtext train-segmenter corpus.txt my-model --epochs 10``, or in Python
  ``train_model("corpus.txt", "my-model", epochs=10)``;
- the ``models/default`` directory of the original pkuseg source distribution
  (``pip download pkuseg --no-binary :all: --no-deps``, unpack, use
  ``pkuseg-*/pkuseg/models/default``), or a model from the pkuseg-python releases page,
  unzipped (``news``, ``web``, ``mixed``, ...);
- the segmenter inside a spaCy Chinese pipeline: after ``pip install zh_core_web_sm``
  (or ``_md``/``_lg``/``_trf``), use the package's
  ``zh_core_web_sm-*/tokenizer/pkuseg_model`` directory
  (``spacy.util.get_package_path("zh_core_web_sm")`` finds the package).

A model directory holds ``features.msgpack`` (or ``features.pkl``/``features.json``, or
the old text format) and ``weights.npz`` (or ``model.txt``). Older formats are converted
by spacy-pkuseg on first load, which writes into the directory.

govtext's lexicon (`govtext.segment.lexicon.gov_words`) plus your ``user_words`` is the
user dictionary: pkuseg keeps those words whole wherever they occur (longest match).
The text is segmented in its normalized view, sentence by sentence.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import random
import re
import tempfile
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator

from .base import LexiconSegmenter

INSTALL_HINT = "pip install govtext[spacy]"

# spacy-pkuseg keeps its settings (model directory, training files) in one global
# object, so loading and training take turns.
_PKUSEG_LOCK = threading.Lock()

# Pieces handed to pkuseg: runs ending at sentence punctuation, never longer than
# MAX_CHUNK (pkuseg's post-processing is quadratic in the length of a piece).
_CHUNK = re.compile(r"[^\s。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+")
MAX_CHUNK = 500

_FEATURE_FILES = ("features.msgpack", "features.pkl", "features.json", "unigram_word.txt")
_WEIGHT_FILES = ("weights.npz", "model.txt")


def _require_pkuseg() -> None:
    if importlib.util.find_spec("spacy_pkuseg") is None:
        raise ImportError(f"the pkuseg segmenter needs spacy-pkuseg: {INSTALL_HINT}")


# Fail at import too, so `from .pkuseg_backend import ...` says what to install; the
# classes check again in case the package goes away (tests, broken environments).
_require_pkuseg()


def check_model_dir(path: str | os.PathLike[str]) -> Path:
    """The model directory as a Path, or a ValueError that names it and says what is
    missing."""
    # absolute, so a directory called like a pkuseg release ("news") never makes
    # spacy-pkuseg download that model instead
    model = Path(path).expanduser().resolve()
    if not model.is_dir():
        why = "does not exist" if not model.exists() else "is not a directory"
        raise ValueError(
            f"pkuseg model directory {str(model)!r} {why}; train one with "
            "`govtext train-segmenter CORPUS OUTPUT_DIR` or see govtext.segment."
            "pkuseg_backend for where to find one")
    names = {p.name for p in model.iterdir()}
    if not names & set(_FEATURE_FILES) or not names & set(_WEIGHT_FILES):
        raise ValueError(
            f"{str(model)!r} is not a pkuseg model directory: expected "
            f"{' or '.join(_FEATURE_FILES[:2])} and {' or '.join(_WEIGHT_FILES)} in it")
    return model


def chunks(norm: str) -> Iterator[str]:
    """The pieces of `norm` pkuseg segments, in order (whitespace left out)."""
    for m in _CHUNK.finditer(norm):
        piece = m.group()
        for i in range(0, len(piece), MAX_CHUNK):
            yield piece[i:i + MAX_CHUNK]


class PkusegSegmenter(LexiconSegmenter):
    """Segments with a pkuseg model, keeping govtext's lexicon and `user_words` whole.

    The model loads on first use; instances pickle without it (for worker processes).
    """

    name = "pkuseg"

    def __init__(self, pkuseg_model: str | os.PathLike[str] | None = None,
                 user_words: tuple[str, ...] | list[str] = (),
                 use_lexicon: bool = True) -> None:
        _require_pkuseg()
        if pkuseg_model is None:
            raise ValueError(
                "the pkuseg segmenter needs a model directory: "
                "Pipeline(segmenter='pkuseg', pkuseg_model=PATH); train one with "
                "`govtext train-segmenter CORPUS OUTPUT_DIR`")
        super().__init__(user_words, use_lexicon)
        self.pkuseg_model = str(check_model_dir(pkuseg_model))

    def _options(self) -> dict[str, Any]:
        return {"pkuseg_model": self.pkuseg_model, **super()._options()}

    def __repr__(self) -> str:
        return f"PkusegSegmenter(pkuseg_model={self.pkuseg_model!r})"

    def _build(self) -> Any:
        import spacy_pkuseg

        with _PKUSEG_LOCK:
            try:
                return spacy_pkuseg.pkuseg(self.pkuseg_model, user_dict=list(self.words()))
            except Exception as exc:  # whatever the format readers raise
                raise ValueError(f"cannot load the pkuseg model in "
                                 f"{self.pkuseg_model!r}: {exc}") from exc

    def _cut(self, backend: Any, text: str) -> Iterable[str]:
        for piece in chunks(text):
            yield from backend.cut(piece)


# ---------------------------------------------------------------------------
# training


def _read_corpus(path: Path) -> list[str]:
    """The corpus lines, normalized like the text govtext segments, one sentence a line
    with single spaces between words; blank lines dropped."""
    from ..text.prepare import normalize

    if not path.is_file():
        raise ValueError(f"segmented corpus {str(path)!r} does not exist")
    with open(path, encoding="utf-8-sig") as f:
        lines = [" ".join(normalize(line).split()) for line in f]
    lines = [line for line in lines if line]
    if not lines:
        raise ValueError(f"segmented corpus {str(path)!r} has no words "
                         "(expected one sentence a line, words separated by spaces)")
    return lines


def train_model(corpus_path: str | os.PathLike[str], model_dir: str | os.PathLike[str],
                epochs: int = 10, *, test_path: str | os.PathLike[str] | None = None,
                seed: int = 0) -> Path:
    """Train a pkuseg model on a segmented corpus and save it in `model_dir`.

    The corpus has one sentence a line, words separated by spaces (full-width and
    traditional text is normalized as govtext does before segmenting). `test_path`, in
    the same format, is scored after each epoch; it defaults to the corpus itself.
    pkuseg's progress log goes to ``model_dir/train.log``. Training is deterministic
    for a given `seed`. Returns the model directory, ready for
    ``Pipeline(segmenter="pkuseg", pkuseg_model=...)``.
    """
    _require_pkuseg()
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive whole number, not {epochs!r}")
    train_lines = _read_corpus(Path(corpus_path))
    test_lines = train_lines if test_path is None else _read_corpus(Path(test_path))
    import spacy_pkuseg
    from spacy_pkuseg.config import config

    minimum = max(1, int(config.nUpdate))  # pkuseg's optimizer updates in that many steps
    if len(train_lines) < minimum:
        raise ValueError(f"segmented corpus {str(corpus_path)!r} has {len(train_lines)} "
                         f"sentence(s); pkuseg needs at least {minimum}")
    out = Path(model_dir).expanduser()
    if out.exists() and not out.is_dir():
        raise ValueError(f"model directory {str(out)!r} exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)

    log = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="govtext-pkuseg-") as tmp:
        train_file = Path(tmp) / "train.txt"
        test_file = Path(tmp) / "test.txt"
        train_file.write_text("\n".join(train_lines) + "\n", encoding="utf-8")
        test_file.write_text("\n".join(test_lines) + "\n", encoding="utf-8")
        with _PKUSEG_LOCK:
            state = random.getstate()  # pkuseg shuffles with the global generator
            random.seed(seed)
            try:
                with contextlib.redirect_stdout(log):
                    spacy_pkuseg.train(str(train_file), str(test_file), str(out),
                                       train_iter=epochs)
            finally:
                random.setstate(state)
    (out / "train.log").write_text(log.getvalue(), encoding="utf-8")
    return check_model_dir(out)


__all__ = ["PkusegSegmenter", "check_model_dir", "chunks", "train_model"]
