"""The pipeline: text -> prepared text -> structure -> tokens -> numbers -> entities ->
one resolution pass -> Document. Each stage reads what earlier stages produced."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .document import Document
from .segment import Segmenter, get_segmenter

STAGES = ("structure", "segment", "numbers", "entities")


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
        return Document(
            text=text,
            spans=tuple(resolve(spans, structure)),
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
        """Annotate many texts, in order. With ``n_process > 1`` the work runs in worker
        processes (see `govtext.parallel`: fork where safe, so a plain script needs no
        ``__main__`` guard); only a bounded window of texts is in flight. A text that
        fails raises its error at its place in the output, after every text before it
        was yielded, as with one process."""
        from .parallel import Failure, run_ordered

        for result in run_ordered(self, _annotate_one, (_plain(t) for t in texts),
                                  n_process=n_process, batch_size=batch_size):
            if isinstance(result, Failure):
                raise result.error
            yield result


def _plain(text: str) -> str:
    """A `str` subclass as a plain str (a class defined in __main__ cannot be sent to a
    worker); anything else as it is, for the pipeline to refuse by name."""
    return str.__str__(text) if isinstance(text, str) else text


def _annotate_one(pipeline: Pipeline, text: str) -> Document:
    return pipeline(text)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def annotate(text: str) -> Document:
    """Annotate one text with the default pipeline."""
    return default_pipeline()(check_text(text))
