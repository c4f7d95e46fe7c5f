"""The citation table and the concordance on hand-built documents (issue 15)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtext
from govtext.corpus import (citation_edges_records, citations_records, kwic_records,
                            write_table)
from govtext.corpus.names import instrument_key
from govtext.model import Document, Quantity

from corpus_docs import build

SAME_INSTRUMENT = [
    ("《中华人民共和国行政许可法》", "《行政许可法》", "full and short name of a law"),
    ("《中華人民共和國傳染病防治法》", "《传染病防治法》", "traditional full, simplified short"),
    ("《中华人民共和国\n香港特别行政区基本法》", "《香港特别行政区基本法》", "line break inside"),
    ("《中华人民共和国国民经济和社会发展第十个五年计划纲要》",
     "《国民经济和社会发展第十个五年计划纲要》", "a plan under the country's name"),
    ("《〈中华人民共和国行政处罚法〉释义》", "《中华人民共和国行政处罚法释义》", "inner marks"),
    ("《马克思·恩格斯选集》", "《马克思•恩格斯选集》", "dots of transliterations"),
]
DIFFERENT = [
    ("《行政许可法》", "《行政处罚法》", "two laws"),
    ("《中华人民共和国》", "《人民共和国》", "the country's name alone is no prefix"),
    ("《行政许可法(草案)》", "《行政许可法》", "a draft is not the law"),
]


@pytest.mark.parametrize("a, b, why", SAME_INSTRUMENT)
def test_same_instrument_one_key(a: str, b: str, why: str) -> None:
    assert instrument_key(a) == instrument_key(b), why


@pytest.mark.parametrize("a, b, why", DIFFERENT)
def test_different_instruments_differ(a: str, b: str, why: str) -> None:
    assert instrument_key(a) != instrument_key(b), why


def law_corpus() -> dict[str, Document]:
    # the 2004 report cites the Administrative Licensing Law by its full name, 2005 by
    # its short name (both forms occur in ../shared's State Council reports)
    return {
        "2005.txt": build("各级政府认真实施《行政许可法》，贯彻《行政许可法》。",
                          ("R", "《行政许可法》", "行政许可法"),
                          ("R", "《行政许可法》", "行政许可法")),
        "2004.txt": build("制定了《中华人民共和国行政许可法》和国办发〔2003〕5号。",
                          ("R", "《中华人民共和国行政许可法》", "中华人民共和国行政许可法"),
                          ("N", "国办发〔2003〕5号", "国办发", "2003", "5")),
        "2009.txt": build("深入贯彻《中華人民共和國\n行政許可法》，见国办发[2003]5号。",
                          ("R", "《中華人民共和國\n行政許可法》", "中華人民共和國\n行政許可法"),
                          ("N", "国办发[2003]5号", "国办发[", "2003", "5")),
    }


def test_full_and_short_names_on_one_row() -> None:
    rows = citations_records(law_corpus())
    law = [r for r in rows if r["label"] == "REGULATION"]
    assert len(law) == 1
    (row,) = law
    assert row["instrument"] == "中华人民共和国行政许可法"
    assert (row["documents"], row["mentions"]) == (3, 4)
    assert set(row["forms"]) == {"中华人民共和国行政许可法", "行政许可法"}
    assert (row["first_doc"], row["first_date"]) == ("2004.txt", "2004")
    assert (row["last_doc"], row["last_date"]) == ("2009.txt", "2009")
    (docno,) = [r for r in rows if r["label"] == "DOCNO"]
    assert (docno["instrument"], docno["documents"]) == ("国办发〔2003〕5号", 2)


def test_edges_one_per_document_and_instrument() -> None:
    edges = citation_edges_records(law_corpus())
    pairs = {(e["source"], e["target"]): e["weight"] for e in edges}
    assert pairs == {("2005.txt", "中华人民共和国行政许可法"): 2,
                     ("2004.txt", "中华人民共和国行政许可法"): 1,
                     ("2004.txt", "国办发〔2003〕5号"): 1,
                     ("2009.txt", "中华人民共和国行政许可法"): 1,
                     ("2009.txt", "国办发〔2003〕5号"): 1}
    assert {e["doc_year"] for e in edges} == {2004, 2005, 2009}


def test_footer_and_own_number_are_no_citations() -> None:
    doc = build("依据《安全生产法》。根据《中华人民共和国著作权法》第五条，本作品属于公有领域。",
                ("R", "《安全生产法》", "安全生产法"),
                ("R", "《中华人民共和国著作权法》", "中华人民共和国著作权法"),
                boilerplate=("根据《中华人民共和国著作权法》第五条，本作品属于公有领域。",))
    assert [r["instrument"] for r in citations_records([doc])] == ["安全生产法"]


def test_edge_list_files(tmp_path) -> None:
    pd = pytest.importorskip("pandas")
    edges = citation_edges_records(law_corpus())
    columns = ("source", "target", "weight")
    write_table(edges, columns, tmp_path / "e.csv")
    back = pd.read_csv(tmp_path / "e.csv")
    assert list(back.columns) == list(columns) and back["weight"].sum() == 6
    pytest.importorskip("pyarrow")
    write_table(edges, columns, tmp_path / "e.parquet")
    assert pd.read_parquet(tmp_path / "e.parquet")["weight"].sum() == 6
    with pytest.raises(ValueError, match="suffix"):
        write_table(edges, columns, tmp_path / "e.xlsx")


def test_citation_graph_when_networkx_is_installed() -> None:
    pytest.importorskip("networkx")
    from govtext.corpus import citation_graph

    graph = citation_graph(law_corpus())
    assert graph["2005.txt"]["中华人民共和国行政许可法"]["weight"] == 2


# -- kwic ---------------------------------------------------------------------

def money_doc() -> Document:
    text = "全年投入12.5亿元，其中3000万元用于培训，另有三分之一亿元。"
    spans = []
    for surface, value in (("12.5亿元", Decimal("1250000000")), ("3000万元", Decimal("30000000")),
                           ("三分之一亿元", Fraction(100000000, 3))):
        start = text.index(surface)
        spans.append(Quantity(start, start + len(surface), surface, value=value, unit="元",
                              kind="money"))
    return Document(text, spans=tuple(spans))


KWIC = [
    ({"label": "QUANTITY", "unit": "元", "min": "1e8"}, ["12.5亿元"], "1e8 is exact"),
    ({"label": "QUANTITY", "min": Fraction(100000000, 3)}, ["12.5亿元", "三分之一亿元"],
     "a Fraction bound, inclusive"),
    ({"label": "QUANTITY", "max": 3e7}, ["3000万元"], "a float bound, exactly 3e7"),
    ({"label": "QUANTITY", "unit": "%"}, [], "no percentages"),
    ({"text": "亿元"}, ["亿元", "亿元"], "plain text search"),
]


@pytest.mark.parametrize("options, matches, why", KWIC)
def test_kwic_filters(options: dict, matches: list, why: str) -> None:
    assert [r["match"] for r in kwic_records([money_doc()], **options)] == matches, why


def test_kwic_context_and_script() -> None:
    doc = govtext.annotate("市長陳國強強調，\n市长陈国强要求落实。")
    rows = kwic_records([("gz", doc)], label="OFFICIAL", text="陈国强", width=3)
    assert [(r["left"], r["match"], r["right"]) for r in rows] == [
        ("", "市長陳國強", "強調，"), ("調， ", "市长陈国强", "要求落")]
    text_rows = kwic_records([doc], text="陈国强", width=2)
    assert [r["match"] for r in text_rows] == ["陳國強", "陈国强"]
    assert all(r["doc_id"] == "0" for r in text_rows)


def test_kwic_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown label"):
        kwic_records([money_doc()], label="MONEY")
    with pytest.raises(ValueError, match="give a label"):
        kwic_records([money_doc()])
    with pytest.raises(ValueError, match="not a number"):
        kwic_records([money_doc()], label="QUANTITY", max="1/3e8")
    with pytest.raises(TypeError, match="minimum"):
        kwic_records([money_doc()], label="QUANTITY", minimum=1)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="市长王明亿元。 \n，1234", max_size=40),
       st.text(alphabet="市长王明亿元", min_size=1, max_size=3), st.integers(0, 6))
def test_kwic_lines_are_the_text(text: str, word: str, width: int) -> None:
    doc = Document(text)
    for r in kwic_records([doc], text=word, width=width):
        assert text[r["start"]:r["end"]] == r["match"] == word
        assert len(r["left"]) <= width and len(r["right"]) <= width
        assert " ".join(text[max(0, r["start"] - width):r["start"]].split()) == " ".join(
            r["left"].split())
