"""govtext in spaCy: `to_spacy`, the ``govtext`` pipeline component, `write_docbin`.

    >>> sdoc = govtext.annotate(text).to_spacy()        # a spacy.tokens.Doc
    >>> [(e.text, e.label_, e._.govtext.value, e._.govtext.unit) for e in sdoc.ents]
    >>> sdoc._.govtext                                  # the govtext Document

    >>> nlp = spacy.blank("zh")
    >>> nlp.add_pipe("govtext")                         # found through the entry point
    >>> docs = list(nlp.pipe(texts, n_process=2))
    >>> nlp.add_pipe("govtext", name="g", config={"ent_labels": "ontonotes",
    ...              "overwrite_ents": False})

Component settings: ``segmenter`` ("jieba", "rjieba" or "pkuseg"), ``pkuseg_model``,
``user_words``, ``disable`` (govtext stages to skip), ``spans_key`` (default
"govtext"), ``set_ents``, ``overwrite_ents`` (keep entities set by an earlier
component, e.g. a statistical NER, and add only govtext's that do not overlap them),
``ent_labels`` ("govtext", or "ontonotes" for PERSON/ORG/GPE/MONEY/PERCENT/CARDINAL/
DATE/LAW/QUANTITY entities that mix with spaCy's own models).

What a spaCy Doc gets:

- ``doc.ents``: govtext spans that do not overlap, longer spans first, then by the label
  registry's rank.
- ``doc.spans["govtext"]``: every govtext span, overlapping ones included, with
  govtext's labels.
- ``span._.govtext`` (a `SpanValues`: ``.label``, ``.attrs``, ``.value``, ``.number``,
  ``.unit``, ``.kind``, ``.name``, ``.title``, ``.canonical``) and ``doc._.govtext`` (the
  govtext `Document`), both read from ``._.govtext_data``, which is stored in
  ``doc.user_data``: it survives ``to_bytes``, ``DocBin(store_user_data=True)`` (the
  flag is needed: DocBin drops user data by default) and
  ``Doc.to_json(underscore=["govtext_data"])`` / ``Doc.from_json``.
- Sentence boundaries from govtext, unless the Doc already has them (a parser or senter
  ran first).

`to_spacy` builds the Doc from govtext's own tokens, cut also at every span boundary, so
every span aligns exactly and ``spacy_doc.text == doc.text``. The component runs on the
tokens spaCy already made; a span that does not fall on token boundaries is widened to
the tokens it touches (``alignment_mode="expand"``); ``._.govtext`` keeps its exact
offsets. Text with a lone surrogate raises `InputError` E009 (spaCy stores UTF-8).
"""

# No `from __future__ import annotations` here: spaCy reads the factory's type hints at
# runtime to validate its config.

import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

try:
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin, Span
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    from ..errors import MissingExtra

    raise MissingExtra("E401", feature="govtext's spaCy integration", package="spacy",
                       extra="spacy") from exc

from ..model import Document
from ..model import Span as GovSpan
from . import check_encodable
from .spacy_ext import (DATA, SpanValues, displacy_colors, displacy_options, entity_label,
                        entry, ontonotes_label, rank, register_extensions)

SPANS_KEY = "govtext"


# ---------------------------------------------------------------------------
# putting govtext spans on a spaCy Doc


def set_spans(sdoc: Doc, spans: Iterable[GovSpan], *, spans_key: str = SPANS_KEY,
              set_ents: bool = True, overwrite_ents: bool = True,
              labels: str = "govtext", document: Optional[Document] = None) -> Doc:
    """Put govtext `spans` (offsets into ``sdoc.text``) on a spaCy Doc: all of them in
    ``sdoc.spans[spans_key]``, the non-overlapping best in ``sdoc.ents`` (existing
    entities are dropped with `overwrite_ents`, else kept and never overlapped), with
    govtext's labels or, with ``labels="ontonotes"``, OntoNotes ones (spans without an
    OntoNotes label stay out of the entities), and their values in ``._.govtext``.
    `document` (whose text is ``sdoc.text``) becomes ``sdoc._.govtext``. Spans that
    cover no token are skipped."""
    register_extensions()
    if document is not None:
        sdoc._.set(DATA, document.to_dict())
    made: List[Tuple[GovSpan, Span]] = []
    for g in spans:
        if g.start >= g.end:
            continue
        s = sdoc.char_span(g.start, g.end, label=g.label, alignment_mode="expand")
        if s is None or len(s) == 0:
            continue
        store = dict(s._.get(DATA) or {})
        key, k = g.label, 1
        while key in store:  # another span of this label on the same tokens
            k += 1
            key = f"{g.label}#{k}"
        if key != g.label:  # told apart by its kb_id, which spaCy keeps with the span
            s = Span(sdoc, s.start, s.end, label=g.label, kb_id=key)
        made.append((g, s))
        store[key] = entry(g.label, g.start, g.end, g.text, g.attrs)
        s._.set(DATA, store)
    sdoc.spans[spans_key] = [s for _, s in made]
    if not set_ents:
        return sdoc
    kept = [] if overwrite_ents else list(sdoc.ents)
    taken = [False] * len(sdoc)
    for e in kept:
        for i in range(e.start, e.end):
            taken[i] = True
    # longest first (in tokens, then characters), then the registry's rank, then position
    order = sorted(made, key=lambda p: (-(p[1].end - p[1].start), -(p[0].end - p[0].start),
                                        rank(p[0].label), p[0].start))
    for g, s in order:
        label = entity_label(g.label, g.attrs, labels)
        if label is None or any(taken[s.start:s.end]):
            continue
        kept.append(s if label == g.label else Span(sdoc, s.start, s.end, label=label))
        for i in range(s.start, s.end):
            taken[i] = True
    sdoc.ents = sorted(kept, key=lambda s: s.start)
    return sdoc


def set_sentences(sdoc: Doc, starts: Iterable[int]) -> None:
    """Mark the token where each sentence starts (character offsets `starts`) and no
    other; with no starts, the whole Doc is one sentence."""
    firsts = sorted(set(starts))
    k = 0
    for tok in sdoc:
        end = tok.idx + len(tok.text)
        first = tok.i == 0
        while k < len(firsts) and firsts[k] < end:
            first = True
            k += 1
        tok.is_sent_start = first


def _has_sentences(sdoc: Doc) -> bool:
    return bool(sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP"))


# ---------------------------------------------------------------------------
# Document -> spacy Doc


@lru_cache(maxsize=1)
def _blank_zh() -> Language:
    return spacy.blank("zh")


def _pieces(doc: Document) -> List[Tuple[int, int]]:
    """Non-overlapping [start, end) pieces covering the whole text: govtext's tokens
    (each non-space character when there are none), the characters between them, all
    cut at every span boundary."""
    text = doc.text
    n = len(text)
    pieces: List[Tuple[int, int]] = []
    pos = 0

    def fill(upto: int) -> None:
        # the gap [pos, upto): whitespace runs and non-space characters, one piece each
        i = pos
        while i < upto:
            j = i + 1
            if text[i].isspace():
                while j < upto and text[j].isspace():
                    j += 1
            pieces.append((i, j))
            i = j

    for t in sorted(doc.tokens, key=lambda t: (t.start, t.end)):
        if t.start < pos or t.start >= t.end:  # overlapping or empty: leave to the gaps
            continue
        fill(t.start)
        pieces.append((t.start, t.end))
        pos = t.end
    fill(n)
    cuts = sorted({x for s in doc.spans for x in (s.start, s.end) if 0 < x < n})
    if not cuts:
        return pieces
    out: List[Tuple[int, int]] = []
    k = 0
    for start, end in pieces:
        while k < len(cuts) and cuts[k] <= start:
            k += 1
        s = start
        while k < len(cuts) and cuts[k] < end:
            out.append((s, cuts[k]))
            s = cuts[k]
            k += 1
        out.append((s, end))
    return out


def _words_spaces(doc: Document) -> Tuple[List[str], List[bool]]:
    """Words and trailing-space flags whose concatenation is exactly ``doc.text``: a
    single space after a word becomes its trailing space (unless a span starts on it or
    ends after it), any other whitespace its own token."""
    text = doc.text
    starts = {s.start for s in doc.spans}
    ends = {s.end for s in doc.spans}
    words: List[str] = []
    spaces: List[bool] = []
    for start, end in _pieces(doc):
        piece = text[start:end]
        if (piece == " " and words and not spaces[-1] and not words[-1].isspace()
                and start not in starts and end not in ends):
            spaces[-1] = True
            continue
        words.append(piece)
        spaces.append(False)
    return words, spaces


def _is_govtext(component: Any) -> bool:
    return isinstance(component, GovtextComponent)


def to_spacy(doc: Document, nlp: Optional[Language] = None, *,
             labels: str = "govtext") -> Doc:
    """The govtext `Document` as a `spacy.tokens.Doc` with the same text and tokens.

    `nlp` gives the vocab and the components (tagger, parser, ...) to run over govtext's
    tokens; a ``govtext`` component in it is skipped, since the spans are already there.
    Without `nlp`, a blank Chinese pipeline's vocab is used and nothing runs. Entities,
    ``doc.spans["govtext"]``, the ``._`` extensions and, when `nlp` has no parser or
    senter, sentence boundaries come from govtext. ``labels="ontonotes"`` gives the
    entities OntoNotes labels (see `set_spans`).
    """
    check_encodable(doc.text)
    lang = _blank_zh() if nlp is None else nlp
    words, spaces = _words_spaces(doc)
    sdoc = Doc(lang.vocab, words=words, spaces=spaces)
    if sdoc.text != doc.text:  # a bug here would shift every span: fail loudly
        raise AssertionError("to_spacy rebuilt a different text")
    if nlp is None or not (nlp.has_pipe("parser") or nlp.has_pipe("senter")):
        set_sentences(sdoc, (r.start for r in doc.sentences if r.start < r.end))
    if nlp is not None:
        for _, proc in nlp.pipeline:
            if not _is_govtext(proc):
                sdoc = proc(sdoc)
    return set_spans(sdoc, doc.spans, labels=labels, document=doc)


# ---------------------------------------------------------------------------
# the pipeline component


class GovtextComponent:
    """Runs govtext on ``doc.text`` and puts its spans on the Doc (see `set_spans`),
    the govtext Document in ``doc._.govtext`` and, unless a parser or senter ran
    first, govtext's sentence boundaries (so ``doc.sents`` works as after `to_spacy`).

    The govtext `Pipeline` loads its dictionaries on first use; the component pickles
    without it and remakes it on first use, so it can go to `nlp.pipe(n_process=...)`
    workers."""

    def __init__(self, name: str = "govtext", *, segmenter: str = "jieba",
                 pkuseg_model: Optional[str] = None, user_words: Sequence[str] = (),
                 disable: Sequence[str] = (), spans_key: str = SPANS_KEY,
                 set_ents: bool = True, overwrite_ents: bool = True,
                 ent_labels: str = "govtext") -> None:
        self.name = name
        self.segmenter = segmenter
        self.pkuseg_model = pkuseg_model
        self.user_words = tuple(user_words)
        self.disable = tuple(disable)
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.overwrite_ents = overwrite_ents
        entity_label("DATE", {}, ent_labels)  # a bad label set fails here
        self.ent_labels = ent_labels
        self._pipeline: Any = None
        self.pipeline  # made now so a bad setting fails here, not on the first doc
        register_extensions()

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state["_pipeline"] = None
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            options: Dict[str, Any] = {}
            if self.user_words:
                options["user_words"] = self.user_words
            if self.pkuseg_model is not None:
                options["pkuseg_model"] = self.pkuseg_model
            self._pipeline = Pipeline(self.segmenter, disable=self.disable, **options)
        return self._pipeline

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()  # workers do not inherit the parent's extensions
        gdoc = self.pipeline(check_encodable(doc.text))
        if not _has_sentences(doc):
            set_sentences(doc, (r.start for r in gdoc.sentences if r.start < r.end))
        return set_spans(doc, gdoc.spans, spans_key=self.spans_key,
                         set_ents=self.set_ents, overwrite_ents=self.overwrite_ents,
                         labels=self.ent_labels, document=gdoc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "govtext",
    default_config={"segmenter": "jieba", "pkuseg_model": None, "user_words": [],
                    "disable": [], "spans_key": SPANS_KEY, "set_ents": True,
                    "overwrite_ents": True, "ent_labels": "govtext"},
    assigns=["doc.ents", "doc.spans", "doc.sents", "doc._.govtext_data",
             "span._.govtext_data"],
)
def make_govtext_component(nlp: Language, name: str, segmenter: str,
                           pkuseg_model: Optional[str], user_words: List[str],
                           disable: List[str], spans_key: str, set_ents: bool,
                           overwrite_ents: bool, ent_labels: str) -> GovtextComponent:
    """The ``govtext`` factory: ``nlp.add_pipe("govtext", config={...})``.

    `segmenter` is "jieba", "rjieba" or "pkuseg" (with `pkuseg_model`, a model
    directory); `user_words` are kept whole by the segmenter; `disable` lists govtext
    stages to skip; `spans_key` names the span group; `set_ents` and `overwrite_ents`
    say whether govtext sets ``doc.ents`` and whether it replaces entities already
    there; `ent_labels` is "govtext" or "ontonotes".
    """
    return GovtextComponent(name, segmenter=segmenter, pkuseg_model=pkuseg_model,
                            user_words=user_words, disable=disable, spans_key=spans_key,
                            set_ents=set_ents, overwrite_ents=overwrite_ents,
                            ent_labels=ent_labels)


# ---------------------------------------------------------------------------
# DocBin files (`govtext annotate --format spacy`)


def write_docbin(docs: Iterable[Document], path: Union[str, Path], *,
                 nlp: Optional[Language] = None, labels: str = "govtext") -> int:
    """Write govtext Documents to a spaCy ``.spacy`` file (a `DocBin` with
    ``store_user_data=True``, so ``._.govtext`` values come back with
    ``DocBin().from_disk(path).get_docs(nlp.vocab)``). The file is written to a
    temporary name and moved into place, so it is complete or absent. Returns the
    number of documents written."""
    lang = _blank_zh() if nlp is None else nlp
    binder = DocBin(store_user_data=True)
    count = 0
    for doc in docs:
        binder.add(to_spacy(doc, lang, labels=labels))
        count += 1
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(binder.to_bytes())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


__all__ = ["GovtextComponent", "SPANS_KEY", "SpanValues", "displacy_colors",
           "displacy_options", "make_govtext_component", "ontonotes_label",
           "register_extensions", "set_sentences", "set_spans", "to_spacy", "write_docbin"]
