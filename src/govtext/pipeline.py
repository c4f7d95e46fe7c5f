"""The pipeline: text -> one shared analysis -> components that yield candidates ->
one resolver -> Document.

    text ──> Analysis (prepared text, structure, tokens, squeezed view, word edges)
         ──> components: numbers, places, agencies, orgs, people, titles, docnos, terms,
             user rules, your own ──> candidates (span, rule id, score)
         ──> resolve (the one place where candidates compete) ──> Document

`STAGES` are switches for whole families (``disable=["entities"]``); a single
component can be switched off by its name (``disable=["terms"]``).
"""

from __future__ import annotations

import gc
from typing import Any, Iterable, Iterator, Sequence

from .components import Component
from .errors import InputError
from .model import Document
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


def builtin_components() -> dict[str, tuple[Component, ...]]:
    """The built-in components by stage, in the order they run."""
    from .entities.components import COMPONENTS as ENTITIES
    from .numbers.components import COMPONENTS as NUMBERS

    return {"numbers": tuple(NUMBERS), "entities": tuple(ENTITIES)}


class Pipeline:
    """A reusable, configurable annotator.

    >>> nlp = Pipeline()                         # jieba, every stage
    >>> nlp = Pipeline(disable=["entities"])     # numbers and structure only
    >>> nlp = Pipeline(rules=[{"block": "党中央统揽全局"}])   # user rules (govtext.rules)
    >>> doc = nlp("市长张瑞书在市政府常务会议上强调")
    >>> nlp.explain("市长张瑞书在市政府常务会议上强调")  # candidates and decisions

    `segmenter` is "jieba" (default), "rjieba", "pkuseg" (with ``pkuseg_model=PATH``)
    or any object with a ``segment(text, norm)`` method. `components` adds your own
    components (see `govtext.components`) after the built-in ones; `statistical="lac"`
    adds a learned tagger (the `lac` extra) whose candidates fill the rules' gaps, and
    `min_score` drops candidates scored lower. Resources load on
    first use; a Pipeline pickles without them, so it can be sent to worker processes.
    """

    def __init__(self, segmenter: str | Segmenter = "jieba", *,
                 disable: Iterable[str] = (), components: Sequence[Component] = (),
                 rules: Any = None, min_score: float = 0.0,
                 statistical: str | None = None, **segmenter_options: Any) -> None:
        from .rules import RulesComponent, UserRules

        disabled = set(disable)
        builtin = builtin_components()
        names = {c.name for group in builtin.values() for c in group}
        unknown = disabled - set(STAGES) - names
        if unknown:
            raise InputError("E002", names=sorted(unknown),
                             known=f"{STAGES} and components {sorted(names)}")
        self.stages = tuple(s for s in STAGES if s not in disabled)
        self.rules = UserRules.load(rules)
        chosen: list[Component] = [c for stage, group in builtin.items()
                                   if stage in self.stages for c in group
                                   if c.name not in disabled]
        if self.rules.entries:
            chosen.append(RulesComponent(self.rules))
        if statistical is not None:  # a learned tagger filling the rules' gaps
            from .statistical import get_component

            chosen.append(get_component(statistical))
        self.components: tuple[Component, ...] = tuple(chosen) + tuple(components)
        self.min_score = min_score
        if isinstance(segmenter, str):
            self.segmenter: Segmenter = get_segmenter(segmenter, **segmenter_options)
        else:
            if segmenter_options:
                raise InputError("E003")
            self.segmenter = segmenter

    def __repr__(self) -> str:
        names = [c.name for c in self.components]
        return f"Pipeline(segmenter={self.segmenter.name!r}, components={names})"

    def analyze(self, text: str) -> Any:
        """The shared `Analysis` of a text, as the components see it."""
        from .analysis import Analysis

        return Analysis(check_text(text),
                        segmenter=self.segmenter if "segment" in self.stages else None,
                        structure="structure" in self.stages)

    def _run(self, text: str, explain: bool) -> tuple[Document, list[Any]]:
        # The garbage collector waits while a text is annotated. Annotation makes no
        # reference cycles (tests/test_cache.py checks that a collection afterwards
        # finds nothing), so every pass it would make is pure cost: it walks the
        # lexicons, about a million objects loaded by the first call, again and again
        # while they are built, and the document's objects while they grow (5-8% of
        # the time of a long text). It is switched back on as it was.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._annotate(text, explain)
        finally:
            if enabled:
                gc.enable()

    def _annotate(self, text: str, explain: bool) -> tuple[Document, list[Any]]:
        from .resolve import decide

        analysis = self.analyze(text)
        candidates = [c for component in self.components for c in component(analysis)]
        structure = analysis.structure
        spans, decisions = decide(candidates, structure,
                                  blocked=self.rules.is_blocked if self.rules.blocked else None,
                                  min_score=self.min_score, explain=explain)
        if "indicators" in self.stages and "numbers" in self.stages:
            # links between resolved spans: they compete with nothing, so they join
            # after the resolver (the finder reads the QUANTITY spans that were kept)
            from .indicators.component import indicators_of

            spans = [*spans, *indicators_of(analysis, spans)]
        return self._document(analysis, spans), decisions

    @staticmethod
    def _document(analysis: Any, spans: Sequence[Any]) -> Document:
        """The Document of an analysed text and its final spans."""
        structure = analysis.structure
        return Document(
            text=analysis.text,
            spans=tuple(spans),
            tokens=analysis.tokens,  # Document keeps `Tokens`, makes other kinds a tuple
            sentences=structure.sentences,
            paragraphs=structure.paragraphs,
            boilerplate=structure.boilerplate,
            outline=structure.outline,
            metadata=structure.metadata,
            body=structure.body,
        )

    def __call__(self, text: str) -> Document:
        return self._run(check_text(text), explain=False)[0]

    annotate = __call__

    def explain(self, text: str) -> list[Any]:
        """Every candidate of every component for `text`, with its rule, its score and
        why `resolve` kept or dropped it (a list of `resolve.Decision`)."""
        return self._run(check_text(text), explain=True)[1]

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


def explain(text: str) -> list[Any]:
    """Why each span of `text` was tagged or not, with the default pipeline."""
    return default_pipeline().explain(check_text(text))
