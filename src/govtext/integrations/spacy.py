"""govtext in spaCy: `to_spacy` and the ``govtext`` pipeline component.

    >>> doc = govtext.annotate(text).to_spacy()         # a spacy.tokens.Doc
    >>> [(e.text, e.label_, e._.value, e._.unit) for e in doc.ents]

    >>> nlp = spacy.blank("zh")
    >>> nlp.add_pipe("govtext")                         # found through the entry point
    >>> docs = list(nlp.pipe(texts, n_process=2))
    >>> nlp.add_pipe("govtext", name="g", config={"segmenter": "pkuseg",
    ...              "pkuseg_model": "path/to/model", "overwrite_ents": False})

Component settings: ``segmenter`` ("jieba" or "pkuseg"), ``pkuseg_model``,
``user_words``, ``disable`` (govtext stages to skip), ``spans_key`` (default
"govtext"), ``set_ents`` and ``overwrite_ents`` (keep entities set by an earlier
component, e.g. a statistical NER, and add only govtext's that do not overlap them).

What a spaCy Doc gets:

- ``doc.ents``: govtext spans that do not overlap, longer spans first, then by label
  priority (`ENT_PRIORITY`); labels as in govtext (``OFFICIAL``, ``QUANTITY``, ...).
- ``doc.spans["govtext"]``: every govtext span, overlapping ones included.
- Span extensions: ``._.govtext_attrs`` (the span's attributes in their JSON form),
  ``._.govtext_span`` (the govtext span as a dict, with its own exact offsets), and the
  shortcuts ``._.value`` (exact string: ``"27127000000"``, ``"2018-04"``), ``._.number``
  (the value as `Decimal`/`Fraction`, QUANTITY only), ``._.unit``, ``._.kind``,
  ``._.name``, ``._.title``, ``._.canonical``. A shortcut another library registered
  first under the same name is left alone; ``._.govtext_attrs`` always works.

Values are stored in ``doc.user_data`` as strings, so a Doc survives ``to_bytes`` (which
is how `nlp.pipe(n_process=...)` returns docs from its workers); ``._.number`` turns the
string back into an exact number on access.

`to_spacy` builds the Doc from govtext's own tokens, cut also at every span boundary, so
every span aligns exactly and ``spacy_doc.text == doc.text``. The component runs on the
tokens spaCy already made; a span that does not fall on token boundaries is widened to
the tokens it touches (``alignment_mode="expand"``); ``._.govtext_span`` keeps its exact
offsets.
"""

# No `from __future__ import annotations` here: spaCy reads the factory's type hints at
# runtime to validate its config.

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache, partial
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

try:
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "govtext's spaCy integration needs spaCy: pip install govtext[spacy]") from exc

from ..model import Document
from ..model import Span as GovSpan
from ..model import parse_exact

SPANS_KEY = "govtext"

# Which label wins a tie in length when spans overlap and only one can be an entity.
ENT_PRIORITY = ("DOCNO", "REGULATION", "OFFICIAL", "QUANTITY", "DATE", "AGENCY", "ORG",
                "PERSON", "LOCATION", "WORK", "TERM")

# The storage extension: {label: {"start", "end", "text", "attrs"}}. Keyed by label so
# two govtext spans over the same characters (which share spaCy's storage) both survive.
_STORE = "govtext_by_label"
_SHORTCUTS = ("value", "unit", "kind", "name", "title", "canonical")


# ---------------------------------------------------------------------------
# extensions


def _entry(span: Span) -> Optional[Dict[str, Any]]:
    store = span._.get(_STORE)
    if not store:
        return None
    entry = store.get(span.label_)
    if entry is None and len(store) == 1:  # a span the user re-made without the label
        entry = next(iter(store.values()))
    return entry


def _attrs(span: Span) -> Dict[str, Any]:
    entry = _entry(span)
    return {} if entry is None else dict(entry["attrs"])


def _attr(key: str, span: Span) -> Any:
    entry = _entry(span)
    return None if entry is None else entry["attrs"].get(key)


def _number(span: Span) -> Union[Decimal, Fraction, None]:
    entry = _entry(span)
    if entry is None or span.label_ != "QUANTITY":
        return None
    value = entry["attrs"].get("value")
    return None if value is None else parse_exact(str(value))


def register_extensions() -> None:
    """Register govtext's ``Span._`` extensions; does nothing for ones that exist.

    Called by the component on every doc, because a worker process started by
    `nlp.pipe(n_process=...)` does not inherit extensions registered in the parent."""
    if not Span.has_extension(_STORE):
        Span.set_extension(_STORE, default=None)
    if not Span.has_extension("govtext_attrs"):
        Span.set_extension("govtext_attrs", getter=_attrs)
    if not Span.has_extension("govtext_span"):
        Span.set_extension("govtext_span", getter=_entry)
    if not Span.has_extension("number"):
        Span.set_extension("number", getter=_number)
    for key in _SHORTCUTS:
        if not Span.has_extension(key):
            # a partial of a module function, not a closure: spaCy pickles the getters
            # to send them to spawned `nlp.pipe` workers
            Span.set_extension(key, getter=partial(_attr, key))


# ---------------------------------------------------------------------------
# putting govtext spans on a spaCy Doc


def _rank(label: str) -> int:
    return ENT_PRIORITY.index(label) if label in ENT_PRIORITY else len(ENT_PRIORITY)


def set_spans(sdoc: Doc, spans: Iterable[GovSpan], *, spans_key: str = SPANS_KEY,
              set_ents: bool = True, overwrite_ents: bool = True) -> Doc:
    """Put govtext `spans` (offsets into ``sdoc.text``) on a spaCy Doc: all of them in
    ``sdoc.spans[spans_key]``, the non-overlapping best in ``sdoc.ents`` (existing
    entities are dropped with `overwrite_ents`, else kept and never overlapped), and
    their attributes in the ``._`` extensions. Spans that cover no token are skipped."""
    register_extensions()
    made: List[Tuple[GovSpan, Span]] = []
    for g in spans:
        if g.start >= g.end:
            continue
        s = sdoc.char_span(g.start, g.end, label=g.label, alignment_mode="expand")
        if s is None or len(s) == 0:
            continue
        made.append((g, s))
        store = dict(s._.get(_STORE) or {})
        store[g.label] = {"start": g.start, "end": g.end, "text": g.text,
                          "attrs": g.attrs}
        s._.set(_STORE, store)
    sdoc.spans[spans_key] = [s for _, s in made]
    if not set_ents:
        return sdoc
    kept = [] if overwrite_ents else list(sdoc.ents)
    taken = [False] * len(sdoc)
    for e in kept:
        for i in range(e.start, e.end):
            taken[i] = True
    # longest first (in tokens, then characters), then label priority, then position
    order = sorted(made, key=lambda p: (-(p[1].end - p[1].start), -(p[0].end - p[0].start),
                                        _rank(p[0].label), p[0].start))
    for _, s in order:
        if not any(taken[s.start:s.end]):
            kept.append(s)
            for i in range(s.start, s.end):
                taken[i] = True
    sdoc.ents = sorted(kept, key=lambda s: s.start)
    return sdoc


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


def _set_sentences(sdoc: Doc, doc: Document) -> None:
    """Mark the token where each govtext sentence starts (and no other)."""
    firsts = sorted(r.start for r in doc.sentences if r.start < r.end)
    if not firsts or len(sdoc) == 0:
        return
    k = 0
    for tok in sdoc:
        end = tok.idx + len(tok.text)
        first = tok.i == 0
        while k < len(firsts) and firsts[k] < end:
            first = True
            k += 1
        tok.is_sent_start = first


def _is_govtext(component: Any) -> bool:
    return isinstance(component, GovtextComponent)


def to_spacy(doc: Document, nlp: Optional[Language] = None) -> Doc:
    """The govtext `Document` as a `spacy.tokens.Doc` with the same text and tokens.

    `nlp` gives the vocab and the components (tagger, parser, ...) to run over govtext's
    tokens; a ``govtext`` component in it is skipped, since the spans are already there.
    Without `nlp`, a blank Chinese pipeline's vocab is used and nothing runs. Entities,
    ``doc.spans["govtext"]``, the ``._`` extensions and, when `nlp` has no parser or
    senter, sentence boundaries come from govtext.
    """
    lang = _blank_zh() if nlp is None else nlp
    words, spaces = _words_spaces(doc)
    sdoc = Doc(lang.vocab, words=words, spaces=spaces)
    if sdoc.text != doc.text:  # a bug here would shift every span: fail loudly
        raise AssertionError("to_spacy rebuilt a different text")
    if nlp is None or not (nlp.has_pipe("parser") or nlp.has_pipe("senter")):
        _set_sentences(sdoc, doc)
    if nlp is not None:
        for _, proc in nlp.pipeline:
            if not _is_govtext(proc):
                sdoc = proc(sdoc)
    return set_spans(sdoc, doc.spans)


# ---------------------------------------------------------------------------
# the pipeline component


class GovtextComponent:
    """Runs govtext on ``doc.text`` and puts its spans on the Doc (see `set_spans`).

    The govtext `Pipeline` loads its dictionaries on first use; the component pickles
    without it and remakes it on first use, so it can go to `nlp.pipe(n_process=...)`
    workers."""

    def __init__(self, name: str = "govtext", *, segmenter: str = "jieba",
                 pkuseg_model: Optional[str] = None, user_words: Sequence[str] = (),
                 disable: Sequence[str] = (), spans_key: str = SPANS_KEY,
                 set_ents: bool = True, overwrite_ents: bool = True) -> None:
        self.name = name
        self.segmenter = segmenter
        self.pkuseg_model = pkuseg_model
        self.user_words = tuple(user_words)
        self.disable = tuple(disable)
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.overwrite_ents = overwrite_ents
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
        gdoc = self.pipeline(doc.text)
        return set_spans(doc, gdoc.spans, spans_key=self.spans_key,
                         set_ents=self.set_ents, overwrite_ents=self.overwrite_ents)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "govtext",
    default_config={"segmenter": "jieba", "pkuseg_model": None, "user_words": [],
                    "disable": [], "spans_key": SPANS_KEY, "set_ents": True,
                    "overwrite_ents": True},
    assigns=["doc.ents", "doc.spans", "span._.govtext_attrs"],
)
def make_govtext_component(nlp: Language, name: str, segmenter: str,
                           pkuseg_model: Optional[str], user_words: List[str],
                           disable: List[str], spans_key: str, set_ents: bool,
                           overwrite_ents: bool) -> GovtextComponent:
    """The ``govtext`` factory: ``nlp.add_pipe("govtext", config={...})``.

    `segmenter` is "jieba" or "pkuseg" (with `pkuseg_model`, a model directory);
    `user_words` are kept whole by the segmenter; `disable` lists govtext stages to
    skip; `spans_key` names the span group; `set_ents` and `overwrite_ents` say
    whether govtext sets ``doc.ents`` and whether it replaces entities already there.
    """
    return GovtextComponent(name, segmenter=segmenter, pkuseg_model=pkuseg_model,
                            user_words=user_words, disable=disable, spans_key=spans_key,
                            set_ents=set_ents, overwrite_ents=overwrite_ents)


__all__ = ["ENT_PRIORITY", "GovtextComponent", "make_govtext_component",
           "register_extensions", "set_spans", "to_spacy"]
