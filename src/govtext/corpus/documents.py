"""A corpus: annotated documents with an id, a title and a date.

Every table of `govtext.corpus` starts with the same three columns, `doc_id`,
`doc_title` and `doc_date` (plus `doc_year`), so that tables join on `doc_id` and plot
by year without parsing file names. `document_date` is the one place that decides a
document's date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence, TypeVar, Union

from ..model import Document, Span

S = TypeVar("S", bound=Span)

# a full day (YYYY-MM-DD) among the document's first lines is its date (a report's
# header line `——2017年3月5日在第十二届全国人民代表大会第五次会议上`)
HEADER_LINES = 6
_YEAR_IN_NAME = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One annotated document of a corpus: `id` is unique in the corpus (a path
    relative to the folder it was found in, a file name, or a given key)."""

    id: str
    doc: Document
    path: str | None = None

    @property
    def title(self) -> str | None:
        return self.doc.metadata.title

    @property
    def date(self) -> tuple[str | None, str | None]:
        """(ISO date, partial allowed, and where it came from); see `document_date`."""
        return document_date(self.doc, self.path or self.id)

    def columns(self) -> dict[str, Any]:
        """The document columns every corpus table starts with."""
        iso, source = self.date
        return {"doc_id": self.id, "doc_title": self.title, "doc_date": iso,
                "doc_year": int(iso[:4]) if iso else None, "date_source": source}


Corpus = Union[Sequence[CorpusDocument], Mapping[str, Document], Iterable[Any]]


def document_date(doc: Document, name: str | None = None) -> tuple[str | None, str | None]:
    """A document's date as an ISO string and its source, in this order:

    1. ``metadata.date`` when the Metadata has it (issued, else published, else the
       delivery date of a report), else ``metadata.issued``, else ``metadata.published``
       — source ``"metadata"``;
    2. the first DATE naming a full day in the first `HEADER_LINES` non-blank lines
       (a work report's header) — source ``"text"``;
    3. last, a 4-digit year (1800–2099) in the file name, e.g. ``2017.txt`` — source
       ``"filename"``; the value is the year alone.

    Returns ``(None, None)`` when none applies.
    """
    meta = doc.metadata
    for value in (getattr(meta, "date", None), meta.issued, meta.published):
        if isinstance(value, date):
            return value.isoformat(), "metadata"
    limit = _header_end(doc.text)
    for span in doc.dates:
        if span.start >= limit:
            break
        if span.date is not None:
            return span.date.isoformat(), "text"
    if name:
        found = _YEAR_IN_NAME.findall(Path(name).name)
        if found:
            return found[-1], "filename"
    return None, None


def _header_end(text: str) -> int:
    seen = 0
    position = 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        if line.strip():
            seen += 1
            if seen >= HEADER_LINES:
                break
    return position


def outside_boilerplate(doc: Document, spans: Iterable[S]) -> list[S]:
    """The spans that lie in no boilerplate region (a scraped page's navigation or
    licence footer cites no law and names no official of the document)."""
    regions = doc.boilerplate
    return [s for s in spans
            if not any(r.start <= s.start and s.end <= r.end for r in regions)]


def as_corpus(docs: Corpus) -> list[CorpusDocument]:
    """Accepts CorpusDocuments, a mapping of id to Document, (id, Document) pairs, or
    bare Documents (numbered from 0 in order)."""
    if isinstance(docs, Document):
        docs = [docs]
    if isinstance(docs, Mapping):
        return [CorpusDocument(str(k), _check(v)) for k, v in docs.items()]
    out: list[CorpusDocument] = []
    for i, item in enumerate(docs):
        if isinstance(item, CorpusDocument):
            out.append(item)
        elif isinstance(item, Document):
            out.append(CorpusDocument(str(i), item))
        elif isinstance(item, tuple) and len(item) == 2:
            out.append(CorpusDocument(str(item[0]), _check(item[1])))
        else:
            raise TypeError(f"a corpus holds Documents, (id, Document) pairs or "
                            f"CorpusDocuments, not {type(item).__name__}")
    ids = [d.id for d in out]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"document ids must be unique in a corpus; repeated: {dup[:5]}")
    return out


def _check(doc: object) -> Document:
    if not isinstance(doc, Document):
        raise TypeError(f"expected a govtext Document, not {type(doc).__name__}")
    return doc


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path]]:
    """(id, path) for every input: a folder gives its ``*.txt`` files, recursively and
    sorted, with ids relative to it; a file (text, or ``.jsonl`` of annotated Documents)
    gives itself, id its name. A missing path raises FileNotFoundError."""
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and p.suffix.lower() == ".txt":
                    yield p.relative_to(path).as_posix(), p
        elif path.is_file():
            yield path.name, path
        else:
            raise FileNotFoundError(f"{arg}: no such file or folder")


def read_corpus(paths: str | Path | Iterable[str | Path], pipeline: Any = None
                ) -> list[CorpusDocument]:
    """Annotate text files (folders searched recursively for ``*.txt``) and read
    ``*.jsonl`` files written by ``govtext annotate`` (or `write_jsonl`) as they are,
    so a corpus is annotated once and read back fast."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    nlp = pipeline
    out: list[CorpusDocument] = []
    for doc_id, path in find_files(paths):
        if path.suffix.lower() == ".jsonl":
            out.extend(read_jsonl(path))
            continue
        if nlp is None:
            from ..pipeline import default_pipeline

            nlp = default_pipeline()
        from ..text.reading import read

        out.append(CorpusDocument(doc_id, nlp(read(path)), str(path)))
    return as_corpus(out)


def read_jsonl(path: str | Path) -> Iterator[CorpusDocument]:
    """Documents from a JSONL file, one ``{"id", "path", ...Document.to_dict()}`` a line
    (the format of ``govtext annotate``)."""
    path = Path(path)
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                doc = Document.from_dict(data)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}: line {number}: {exc}") from None
            where = data.get("path")
            yield CorpusDocument(str(data.get("id", f"{path.name}:{number}")), doc,
                                 None if where in (None, "-") else str(where))


def write_jsonl(corpus: Corpus, path: str | Path) -> None:
    """Write a corpus as JSONL that `read_corpus` and ``govtext stats`` read back."""
    with Path(path).open("w", encoding="utf-8") as f:
        for item in as_corpus(corpus):
            record = {"id": item.id, "path": item.path or "-", **item.doc.to_dict()}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def documents_records(corpus: Corpus) -> list[dict[str, Any]]:
    """One row per document: id, title, date (and its source), year, path, length,
    and how many officials, regulations and document numbers it has."""
    rows = []
    for item in as_corpus(corpus):
        row = item.columns()
        row.update(path=item.path, chars=len(item.doc.text),
                   officials=len(item.doc.officials),
                   regulations=len(item.doc.regulations), docnos=len(item.doc.docnos))
        rows.append(row)
    return rows
