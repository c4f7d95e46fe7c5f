"""The Dask recipe on a local cluster of two worker processes: a folder of documents in,
a Parquet span table out, one row per span."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import cloudpickle  # noqa: E402

from govtext.model import Document, Term, parse_exact  # noqa: E402
from govtext.integrations.dask import (annotate_folder_to_parquet, list_documents,  # noqa: E402
                                       worker_pipeline)
from govtext.pipeline import Pipeline  # noqa: E402
from govtext.integrations.pandas import TABLE_COLUMNS  # noqa: E402

TEXTS = {
    "a.txt": "南京市人民政府关于印发《南京市城市管理条例实施办法》的通知\n"
             "市长夏心旻强调，2023年全市投入城市更新资金86.5亿元，增长12%。",
    "b.txt": "浙江省司法厅：2022年共办理行政复议案件1200余件，纠错率8.3%。",
    "c.txt": "",
    "sub/d.txt": "国务院办公厅印发方案，要求各地在三个月内完成清理。",
    "sub/e.txt": "第十四届全国人民代表大会第一次会议于2023年3月5日在北京开幕。",
}


class QuotedTerms(Pipeline):
    """The default pipeline plus a TERM for every 《...》 title, so the table has rows
    whatever the entity stages find today."""

    def __call__(self, text: str) -> Document:
        doc = super().__call__(text)
        extra = []
        start = text.find("《")
        while start != -1:
            end = text.find("》", start)
            if end == -1:
                break
            extra.append(Term(start + 1, end, text[start + 1:end]))
            start = text.find("《", end)
        return dataclasses.replace(doc, spans=doc.spans + tuple(extra))


# The workers cannot import this test module: send the class by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    for name, text in TEXTS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "skip.md").write_text("不是输入", encoding="utf-8")
    return root


def test_list_documents(folder: Path) -> None:
    assert [doc_id for doc_id, _ in list_documents(folder)] == sorted(TEXTS)
    with pytest.raises(FileNotFoundError):
        list_documents(folder / "nope")


def test_local_cluster_writes_the_span_table(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.parquet"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = annotate_folder_to_parquet(folder, out, client=client, partition_size=2,
                                            pipeline=QuotedTerms())
        assert len(client.scheduler_info()["workers"]) == 2
    assert result == out
    assert len(list(out.glob("*.parquet"))) == 3  # 5 files in partitions of 2
    table = pd.read_parquet(out)
    assert list(table.columns) == list(TABLE_COLUMNS)
    # Same rows as annotating in this process, one per span, offsets exact.
    expected = []
    for doc_id, text in TEXTS.items():
        doc = QuotedTerms()(text)
        expected.extend((doc_id, s.start, s.end, s.label, s.text) for s in doc.spans)
    title = "南京市城市管理条例实施办法"
    start = TEXTS["a.txt"].index(title)
    assert ("a.txt", start, start + len(title), "TERM", title) in expected
    got = sorted(zip(table["doc_id"], table["start"], table["end"], table["label"],
                     table["text"]))
    assert got == sorted(expected)
    for doc_id, start, end, span_text, path in zip(table["doc_id"], table["start"],
                                                   table["end"], table["text"],
                                                   table["path"]):
        assert TEXTS[doc_id][start:end] == span_text
        assert path == str(folder / doc_id)
    for label, value in zip(table["label"], table["value"]):
        if label == "QUANTITY":  # exact strings that parse back, never floats
            assert isinstance(value, str) and parse_exact(value) is not None


def test_without_a_client_and_with_an_empty_folder(folder: Path, tmp_path: Path) -> None:
    out = annotate_folder_to_parquet(folder / "sub", tmp_path / "sub.parquet",
                                     partition_size=10)
    assert list(pd.read_parquet(out).columns) == list(TABLE_COLUMNS)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match="no files"):
        annotate_folder_to_parquet(empty, tmp_path / "x.parquet")


def test_one_pipeline_per_worker_process() -> None:
    assert worker_pipeline(Pipeline()) is worker_pipeline(Pipeline())
    assert worker_pipeline(QuotedTerms()) is worker_pipeline(QuotedTerms())
    assert worker_pipeline(QuotedTerms()) is not worker_pipeline(Pipeline())
    assert worker_pipeline(Pipeline(disable=["entities"])) is not worker_pipeline(Pipeline())
