"""The pipeline: text -> prepared text -> structure -> tokens -> numbers -> entities ->
one resolution pass -> Document. Each stage reads what earlier stages produced."""

from __future__ import annotations

import multiprocessing
from itertools import islice
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Iterable, Iterator

from .document import Document
from .segment import Segmenter, get_segmenter

STAGES = ("structure", "segment", "numbers", "entities", "indicators")


def check_text(text: object) -> str:
    """The text itself, or a TypeError that says what to pass instead."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "govtext expects text (str), not bytes: decode it first "
            "(data.decode('utf-8')) or read the file with govtext.read(path), "
            "which detects UTF-8, GB18030 and UTF-16")
    raise TypeError(f"govtext expects text (str), not {type(text).__name__}")


class Pipeline:
    """A reusable, configurable annotator.

    >>> nlp = Pipeline()                         # jieba, every stage
    >>> nlp = Pipeline(disable=["entities"])     # numbers and structure only
    >>> doc = nlp("市长张瑞书在市政府常务会议上强调")

    `segmenter` is "jieba" (default), "pkuseg" (with ``pkuseg_model=PATH``) or any
    object with a ``segment(text, norm)`` method. Resources load on first use; a
    Pipeline pickles without them, so it can be sent to worker processes.
    """

    def __init__(self, segmenter: str | Segmenter = "jieba", *,
                 disable: Iterable[str] = (), **segmenter_options: Any) -> None:
        disabled = set(disable)
        unknown = disabled - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stage(s) {sorted(unknown)}; stages are {STAGES}")
        self.stages = tuple(s for s in STAGES if s not in disabled)
        if isinstance(segmenter, str):
            self.segmenter: Segmenter = get_segmenter(segmenter, **segmenter_options)
        else:
            if segmenter_options:
                raise ValueError("segmenter options go with a segmenter name, not an object")
            self.segmenter = segmenter

    def __repr__(self) -> str:
        return f"Pipeline(segmenter={self.segmenter.name!r}, stages={self.stages})"

    def __call__(self, text: str) -> Document:
        text = check_text(text)
        from .resolve import resolve
        from .text.prepare import Prepared
        from .text.structure import Structure, analyze

        prep = Prepared.of(text)
        structure = analyze(prep) if "structure" in self.stages else Structure()
        tokens = self.segmenter.segment(text, prep.norm) if "segment" in self.stages else []
        spans = []
        if "numbers" in self.stages:
            from .numbers import find_spans

            spans.extend(find_spans(prep))
        if "entities" in self.stages:
            from .entities import find_entities

            spans.extend(find_entities(prep, tokens, structure))
        resolved = list(resolve(spans, structure))
        if "indicators" in self.stages and "numbers" in self.stages:
            from .indicators.component import indicators_of

            resolved.extend(indicators_of(prep, resolved, structure))
        return Document(
            text=text,
            spans=tuple(resolved),
            tokens=tuple(tokens),
            sentences=structure.sentences,
            paragraphs=structure.paragraphs,
            boilerplate=structure.boilerplate,
            outline=structure.outline,
            metadata=structure.metadata,
            body=structure.body,
        )

    annotate = __call__

    def pipe(self, texts: Iterable[str], *, n_process: int = 1,
             batch_size: int = 8) -> Iterator[Document]:
        """Annotate many texts, in order. With ``n_process > 1`` the work runs in
        worker processes started with the spawn method (safe on every platform);
        each worker loads its dictionaries once, and only a bounded window of texts is
        in flight at a time, so a long iterator is not read into memory up front."""
        if n_process <= 1:
            for text in texts:
                yield self(text)
            return
        batch_size = max(1, batch_size)
        window = n_process * batch_size * 4  # texts in flight: memory stays bounded
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx,
                                 initializer=_init_worker, initargs=(self,)) as pool:
            it = iter(texts)
            while chunk := list(islice(it, window)):
                yield from pool.map(_work, chunk, chunksize=batch_size)


_worker_pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline


def _work(text: str) -> Document:
    assert _worker_pipeline is not None
    return _worker_pipeline(text)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def annotate(text: str) -> Document:
    """Annotate one text with the default pipeline."""
    return default_pipeline()(check_text(text))
