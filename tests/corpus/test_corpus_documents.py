"""Corpus inputs: what counts as a corpus, JSONL round trips, the document table."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtext.corpus import (CorpusDocument, as_corpus, documents_records, officials_frame,
                            officials_records, read_corpus, write_jsonl)
from govtext.corpus.officials import OFFICIAL_COLUMNS

from corpus_docs import build

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def test_corpus_shapes_give_the_same_ids() -> None:
    a = build("市长王明强调。", ("O", "市长王明", "王明", "市长"))
    b = build("无。")
    assert [d.id for d in as_corpus({"a": a, "b": b})] == ["a", "b"]
    assert [d.id for d in as_corpus([("a", a), ("b", b)])] == ["a", "b"]
    assert [d.id for d in as_corpus([a, b])] == ["0", "1"]
    assert [d.id for d in as_corpus(a)] == ["0"]


BAD = [
    ([("a", "市长王明")], TypeError, "a string is no Document"),
    ([42], TypeError, "neither a Document nor a pair"),
    ([CorpusDocument("a", build("x")), CorpusDocument("a", build("y"))], ValueError,
     "ids repeat"),
]


@pytest.mark.parametrize("docs, error, why", BAD)
def test_bad_corpus(docs, error, why: str) -> None:
    with pytest.raises(error):
        as_corpus(docs)


def test_jsonl_round_trip_keeps_ids_paths_and_tables(tmp_path) -> None:
    if not list(CORPORA.glob("*.txt")):
        pytest.skip("no sample corpus in corpora/")
    docs = read_corpus(CORPORA)
    assert [d.id for d in docs] == sorted(p.name for p in CORPORA.glob("*.txt"))
    path = tmp_path / "corpus.jsonl"
    write_jsonl(docs, path)
    back = read_corpus(path)
    assert [(d.id, d.path) for d in back] == [(d.id, d.path) for d in docs]
    assert officials_records(back) == officials_records(docs)
    table = {r["doc_id"]: r for r in documents_records(back)}
    # the Jinan notice's header gives its date; the Xiangyang report's header line
    assert table["jinan-2021-notice.txt"]["date_source"] == "metadata"
    assert table["xiangyang-2020-work-report-excerpt.txt"]["doc_year"] == 2021


def test_frame_has_the_columns_even_when_empty() -> None:
    pytest.importorskip("pandas")
    frame = officials_frame([build("无。")])
    assert list(frame.columns) == list(OFFICIAL_COLUMNS) and len(frame) == 0
