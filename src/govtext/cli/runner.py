"""Annotating the inputs of a run: in order, in worker processes with ``--jobs``, every
input ending as records or as a named error; a progress bar and a closing summary."""

from __future__ import annotations

import sys
import time
import warnings
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from ..model import Document
from .common import PROG, Problems, UsageError
from .inputs import SECTION_CHARS, Item, Source, read_docs, read_items


@dataclass(frozen=True, slots=True)
class Record:
    """One annotated text: a whole input, or one section of a large one."""

    source: Source
    doc: Document
    section: int | None = None
    offset: int = 0


@dataclass
class Summary:
    """The closing line of a run."""

    documents: int = 0
    characters: int = 0
    spans: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, record: Record) -> None:
        self.documents += record.section is None or record.section == 0
        self.characters += len(record.doc.text)
        self.spans += len(record.doc.spans)

    def line(self, command: str, problems: Problems) -> str:
        seconds = time.perf_counter() - self.started
        notes = f", {problems.warnings} warning(s)" if problems.warnings else ""
        return (f"{PROG} {command}: {self.documents:,} document(s), "
                f"{self.characters:,} characters, {self.spans:,} spans, {seconds:.1f} s, "
                f"{problems.count} error(s){notes}")


def make_pipeline(segmenter: str | None) -> Any:
    """The pipeline of a run; a segmenter that is unknown or not installed is a usage
    error that names the extra to install."""
    from ..pipeline import Pipeline

    try:
        return Pipeline(segmenter) if segmenter else Pipeline()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except ImportError as exc:
        hint = {"rjieba": ": pip install rjieba", "pkuseg": ": pip install 'govtext[spacy]'"
                }.get(segmenter or "", "")
        raise UsageError(f"the {segmenter} segmenter is not installed{hint} ({exc})") from None


def annotate_item(pipeline: Any, item: Item) -> tuple[Document, list[str]]:
    """The worker's task: an Item's Document, and the warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if item.source.kind == "html":
            from ..text.html import annotate_html

            doc = annotate_html(item.text, pipeline)
        else:
            doc = pipeline(item.text)
    return doc, [str(w.message) for w in caught]


@dataclass
class Annotator:
    """Turns sources into Records in input order, reporting every failure by name."""

    problems: Problems
    jobs: int = 1
    progress: bool = True
    encoding: str | None = None
    pipeline: Any = None  # a govtext.Pipeline; the default one when None
    section_chars: int = SECTION_CHARS
    summary: Summary = field(default_factory=Summary)

    def run(self, sources: Sequence[Source]) -> Iterator[Record]:
        bar = progress_bar(len(sources)) if self.progress else None
        try:
            for source in sources:
                if source.kind == "docs":
                    for doc_source, doc in read_docs(source, self.problems):
                        yield self._count(Record(doc_source, doc))
                    if bar is not None:
                        bar.update(1)
            texts = [s for s in sources if s.kind != "docs"]
            if texts:
                yield from self._annotate(texts, bar)
        finally:
            if bar is not None:
                bar.close()

    def _count(self, record: Record) -> Record:
        self.summary.add(record)
        return record

    def _annotate(self, sources: Sequence[Source], bar: Any) -> Iterator[Record]:
        from ..parallel import Failure, run_ordered

        nlp = self.pipeline if self.pipeline is not None else make_pipeline(None)
        pending: deque[Item] = deque()  # items sent, in order: one result comes per item

        def items() -> Iterator[Item]:
            for item in read_items(sources, self.problems, encoding=self.encoding,
                                   section_chars=self.section_chars):
                pending.append(item)
                yield item

        last: Source | None = None
        try:
            # small texts travel in batches (less overhead per text)
            for result in run_ordered(nlp, annotate_item, items(), n_process=self.jobs,
                                      batch_size=4):
                item = pending.popleft()
                if isinstance(result, Failure):
                    self.problems.report(item.source.name, _failed(item, result.error))
                else:
                    doc, notes = result
                    for note in notes:
                        self.problems.warn(item.source.name, note)
                    yield self._count(Record(item.source, doc, item.section, item.offset))
                if bar is not None and item.source is not last:
                    bar.update(1)
                last = item.source
        except Exception as exc:  # the run itself broke: name every input not finished
            first = pending[0].source if pending else None
            at = (sources.index(first) if first in sources
                  else sources.index(last) + 1 if last in sources else 0)
            for source in sources[at:]:
                self.problems.report(source.name, f"not annotated: the run stopped "
                                                  f"({type(exc).__name__}: {exc})")


def _failed(item: Item, error: BaseException) -> str:
    where = "" if item.section is None else f"section {item.section} (from character " \
                                            f"{item.offset:,}): "
    return f"{where}annotation failed: {type(error).__name__}: {error}"


def progress_bar(total: int) -> Any:
    """A tqdm bar on stderr when stderr is a terminal and there is more than one input;
    without tqdm, a one-time note that the `progress` extra adds it."""
    if total <= 1 or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        print(f"{PROG}: pip install 'govtext[progress]' for a progress bar",
              file=sys.stderr)
        return None
    tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
    return tqdm(total=total, unit="file", file=sys.stderr, leave=False)
