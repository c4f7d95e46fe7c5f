"""The citation table: which documents cite which instruments.

An instrument is a REGULATION (by its normalized title) or a DOCNO (by its number).
Titles meet under one key when they differ only by traditional/simplified characters,
full-width forms, book-title marks, dots and white space or line breaks inside, or the
leading country name of a full title (`《中华人民共和国行政处罚法》` is
`《行政处罚法》`). A document's own number (its metadata header) and spans in
boilerplate (a scraped page's licence footer) are no citations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterator

from ..model import DocNo, Regulation, Span
from .documents import Corpus, CorpusDocument, as_corpus, outside_boilerplate
from .names import COUNTRY_PREFIX, docno_key, instrument_key, instrument_title

CITATION_COLUMNS = ("instrument", "label", "kind", "documents", "mentions", "forms",
                    "first_doc", "first_date", "last_doc", "last_date", "key")
EDGE_COLUMNS = ("source", "target", "weight", "label", "kind", "doc_title", "doc_date",
                "doc_year")


def _cited(item: CorpusDocument) -> Iterator[tuple[str, str, str, str, Span]]:
    """(key, label, shown title, kind, span) for every citation in a document."""
    doc = item.doc
    own = doc.metadata.docno
    for span in outside_boilerplate(doc, doc.spans):
        if isinstance(span, Regulation):
            shown = instrument_title(span.title)
            if shown:
                yield "R:" + instrument_key(span.title), "REGULATION", shown, span.kind, span
        elif isinstance(span, DocNo):
            if own is not None and own.start == span.start and own.text == span.text:
                continue
            number = docno_key(span.issuer_code, span.year, span.serial)
            yield "D:" + number, "DOCNO", number, "docno", span


def _preferred(forms: Counter[str]) -> str:
    """The name a row shows: the full title (with the country name) when one was seen,
    else the most cited form, else the longest."""
    return max(forms, key=lambda f: (f.startswith(COUNTRY_PREFIX), forms[f], len(f), f))


def citation_edges_records(corpus: Corpus) -> list[dict[str, Any]]:
    """One row per (citing document, instrument): an edge list for graph tools
    (`source` a doc_id, `target` the instrument's shown name, `weight` the mentions)."""
    items = as_corpus(corpus)
    per_doc: list[tuple[CorpusDocument, Counter[str]]] = []
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, str] = {}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        counts: Counter[str] = Counter()
        for key, label, shown, kind, _span in _cited(item):
            counts[key] += 1
            forms[key][shown] += 1
            labels[key] = label
            kinds[key][kind] += 1
        per_doc.append((item, counts))
    rows = []
    for item, counts in per_doc:
        cols = item.columns()
        for key, n in counts.items():
            rows.append({"source": item.id, "target": _preferred(forms[key]), "weight": n,
                         "label": labels[key], "kind": kinds[key].most_common(1)[0][0],
                         "doc_title": cols["doc_title"], "doc_date": cols["doc_date"],
                         "doc_year": cols["doc_year"], "key": key})
    return rows


def citations_records(corpus: Corpus) -> list[dict[str, Any]]:
    """One row per instrument: how many documents cite it and how often, the forms it
    is cited by, and the first and last citing document by date (undated last; ties
    by id). Most cited first."""
    items = as_corpus(corpus)
    edges = citation_edges_records(items)
    order = {item.id: i for i, item in enumerate(items)}
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        for key, _label, shown, _kind, _span in _cited(item):
            forms[key][shown] += 1
    for e in edges:
        by_key[e["key"]].append(e)
    rows = []
    for key, group in by_key.items():
        group.sort(key=lambda e: (e["doc_date"] is None, e["doc_date"] or "",
                                  order[e["source"]]))
        first, last = group[0], group[-1]
        if last["doc_date"] is None:
            dated = [e for e in group if e["doc_date"] is not None]
            last = dated[-1] if dated else last
        rows.append({"instrument": first["target"], "label": first["label"],
                     "kind": first["kind"], "documents": len(group),
                     "mentions": sum(e["weight"] for e in group),
                     "forms": sorted(forms[key], key=lambda f: (-forms[key][f], f)),
                     "first_doc": first["source"], "first_date": first["doc_date"],
                     "last_doc": last["source"], "last_date": last["doc_date"],
                     "key": key})
    rows.sort(key=lambda r: (-r["documents"], -r["mentions"], r["instrument"]))
    return rows


def citations_frame(corpus: Corpus) -> Any:
    """`citations_records` as a pandas DataFrame (`forms` holds lists)."""
    from .tables import frame

    return frame(citations_records(corpus), CITATION_COLUMNS)


def citation_edges_frame(corpus: Corpus) -> Any:
    from .tables import frame

    return frame(citation_edges_records(corpus), EDGE_COLUMNS)


def citation_graph(corpus: Corpus) -> Any:
    """A networkx DiGraph: document -> instrument edges weighted by mentions, nodes
    typed by their `kind` attribute ("document" or the instrument's label). Needs
    networkx, which govtext does not require."""
    try:
        import networkx as nx
    except ImportError:
        raise ImportError("citation_graph needs networkx (pip install networkx); "
                          "citation_edges_records gives the same edges without it"
                          ) from None
    graph = nx.DiGraph()
    for item in as_corpus(corpus):
        graph.add_node(item.id, kind="document", **{k: v for k, v in item.columns().items()
                                                   if k != "doc_id"})
    for e in citation_edges_records(corpus):
        graph.add_node(e["target"], kind=e["label"])
        graph.add_edge(e["source"], e["target"], weight=e["weight"])
    return graph
