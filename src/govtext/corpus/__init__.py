"""Corpus tools: an officials index, a citation table and a concordance.

    >>> from govtext import corpus
    >>> docs = corpus.read_corpus("corpora/")          # or a .jsonl from govtext annotate
    >>> corpus.officials_frame(docs)                    # person, title, agency, document
    >>> corpus.citations_frame(docs)                    # instrument, documents, first/last
    >>> corpus.kwic_frame(docs, label="QUANTITY", unit="元", min="1e8")

Every table starts with the document's `doc_id`, `doc_title`, `doc_date` and `doc_year`
(see `document_date`). The `*_records` functions give the same rows as plain dicts and
need no pandas; the `*_frame` functions need the `pandas` extra.
"""

from __future__ import annotations

from typing import Any

from .citations import (CITATION_COLUMNS, EDGE_COLUMNS, citation_edges_frame,
                        citation_edges_records, citation_graph, citations_frame,
                        citations_records)
from .documents import (Corpus, CorpusDocument, as_corpus, document_date, documents_records,
                        read_corpus, read_jsonl, write_jsonl)
from .kwic import KWIC_COLUMNS, kwic_frame, kwic_records
from .officials import (OFFICIAL_COLUMNS, officials_frame, officials_records,
                        officials_summary, resolve_names)
from .tables import write_table

__all__ = [
    "CITATION_COLUMNS", "EDGE_COLUMNS", "KWIC_COLUMNS", "OFFICIAL_COLUMNS",
    "CorpusDocument", "as_corpus", "citation_edges_frame", "citation_edges_records",
    "citation_graph", "citations_frame", "citations_records", "document_date",
    "documents_frame", "documents_records", "kwic_frame", "kwic_records",
    "officials_frame", "officials_records", "officials_summary", "read_corpus",
    "read_jsonl", "resolve_names", "write_jsonl", "write_table",
]

DOCUMENT_COLUMNS = ("doc_id", "doc_title", "doc_date", "doc_year", "date_source", "path",
                    "chars", "officials", "regulations", "docnos")


def documents_frame(corpus: Corpus) -> Any:
    """One row per document (`documents_records`) as a pandas DataFrame."""
    from .tables import frame

    return frame(documents_records(corpus), DOCUMENT_COLUMNS)
