"""Span tables as pandas DataFrames: one row per span, typed attributes in their own
columns, exact values kept exact."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

pd = pytest.importorskip("pandas")

import govtext  # noqa: E402
from govtext.model import (Agency, Date, DocNo, Document, Official, Person,  # noqa: E402
                              Quantity, Regulation, Section, Term, Work)
from govtext.integrations.pandas import (TABLE_COLUMNS, arrow_schema,  # noqa: E402
                                         columns, metadata_frame, quantities_frame,
                                         span_records, table_frame, table_rows)
from govtext.model import Metadata  # noqa: E402
from govtext.model import labels as registry  # noqa: E402

SPAN_COLUMNS = columns()

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def at(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), part


TEXT = ("一、总体要求\n省长王晓东要求省财政厅落实《湖北省安全生产条例》，"
        "李明同志出席。2021年投入3.5亿元，增长12%，占三分之一。《新闻联播》报道“放管服”。"
        "鄂政发〔2021〕7号")


def sample() -> Document:
    t = TEXT
    spans = (
        Official(*at(t, "省长王晓东"), name="王晓东", title="省长"),
        Agency(*at(t, "省财政厅"), canonical="湖北省财政厅"),
        Regulation(*at(t, "《湖北省安全生产条例》"), title="湖北省安全生产条例",
                   kind="regulation"),
        Person(*at(t, "李明"), name="李明"),
        Date(*at(t, "2021年"), value="2021"),
        Quantity(*at(t, "3.5亿元"), value=Decimal("350000000"), unit="元", kind="money"),
        Quantity(*at(t, "12%"), value=Decimal("12"), unit="%", kind="percent"),
        Quantity(*at(t, "三分之一"), value=Fraction(1, 3), unit="", kind="ratio"),
        Work(*at(t, "《新闻联播》"), title="新闻联播"),
        Term(*at(t, "放管服")),
        DocNo(*at(t, "鄂政发〔2021〕7号"), issuer_code="鄂政发", year="2021", serial="7"),
    )
    outline = (Section(0, len(t), "一、", 1, 1, "总体要求"),)
    return Document(t, spans=spans, outline=outline)


# (label, text, column -> expected value): each typed attribute lands in its column
EXPECTED = [
    ("OFFICIAL", "省长王晓东", {"name": "王晓东", "title": "省长"}),
    ("AGENCY", "省财政厅", {"canonical": "湖北省财政厅"}),
    ("REGULATION", "《湖北省安全生产条例》", {"title": "湖北省安全生产条例",
                                              "reg_kind": "regulation"}),
    ("PERSON", "李明", {"name": "李明"}),
    ("DATE", "2021年", {"date": "2021"}),  # issue 16: dates in their own column
    ("QUANTITY", "3.5亿元", {"value": "350000000", "value_float": 3.5e8, "unit": "元",
                           "kind": "money"}),
    ("QUANTITY", "12%", {"value": "12", "value_float": 12.0, "unit": "%",
                         "kind": "percent"}),
    ("QUANTITY", "三分之一", {"value": "1/3", "unit": "", "kind": "ratio"}),
    ("DOCNO", "鄂政发〔2021〕7号", {"issuer_code": "鄂政发", "docno_year": "2021", "serial": "7"}),
    ("WORK", "《新闻联播》", {"title": "新闻联播"}),
]


@pytest.mark.parametrize("label,text,expected", EXPECTED, ids=[e[1] for e in EXPECTED])
def test_typed_attributes_in_their_columns(label: str, text: str,
                                           expected: dict[str, object]) -> None:
    frame = sample().to_frame()
    rows = frame[(frame["label"] == label) & (frame["text"] == text)]
    assert len(rows) == 1
    row = rows.iloc[0]
    for column, value in expected.items():
        assert row[column] == value, column
        assert isinstance(row[column], type(value)), column
    assert TEXT[row["start"]:row["end"]] == text
    assert row["section"] == "总体要求"


def test_one_row_per_span_in_document_order() -> None:
    doc = sample()
    frame = doc.to_frame()
    assert list(frame.columns) == list(SPAN_COLUMNS[1:])
    assert len(frame) == len(doc.spans)
    assert list(zip(frame["start"], frame["end"], frame["label"])) == \
        [(s.start, s.end, s.label) for s in doc.spans]
    assert frame["start"].dtype == "int64"


def test_values_are_exact_strings_and_floats_sit_next_to_them() -> None:
    # issue 16: the value column mixed Decimal, ISO dates and "1/3"; mean() failed
    frame = sample().to_frame()
    assert frame["value"].dtype == "string" and frame["value_float"].dtype == "float64"
    assert all(isinstance(v, str) for v in frame["value"].dropna())
    assert frame.groupby("unit")["value_float"].mean()["元"] == 3.5e8
    assert frame["value_float"].astype(float).notna().sum() == 3
    assert frame.loc[frame["text"] == "三分之一", "value_float"].item() == pytest.approx(1 / 3)
    assert frame["date"].dropna().tolist() == ["2021"]


def test_columns_come_from_the_registry() -> None:
    for spec in registry.specs():
        for _, column in spec.columns:
            assert column in SPAN_COLUMNS, (spec.label, column)
    assert len(set(SPAN_COLUMNS)) == len(SPAN_COLUMNS)
    assert SPAN_COLUMNS[-2:] == ("doc_date", "doc_year")


def test_document_date_and_a_joinable_metadata_table() -> None:
    from datetime import date
    import dataclasses

    doc = dataclasses.replace(sample(), metadata=Metadata(title="关于安全生产的通知",
                                                           issued=date(2021, 5, 6)))
    frame = govtext.to_frame({"hb": doc, "x": sample()})
    assert frame.loc[frame["doc_id"] == "hb", "doc_year"].unique().tolist() == [2021]
    assert frame.loc[frame["doc_id"] == "x", "doc_year"].isna().all()
    meta = metadata_frame({"hb": doc, "x": sample()})
    assert meta["doc_title"].tolist()[0] == "关于安全生产的通知"
    assert meta["doc_issued"].dt.year.tolist()[0] == 2021
    joined = frame.merge(meta, on="doc_id")
    assert len(joined) == len(frame) and set(frame.columns) <= set(joined.columns)
    by_year = joined.groupby("doc_year")["value_float"].sum()
    assert by_year[2021] == pytest.approx(3.5e8 + 12 + 1 / 3)


def test_to_frame_of_many_documents_names_them() -> None:
    doc = sample()
    empty = Document("没有实体的文本")
    by_name = govtext.to_frame({"hubei.txt": doc, "empty.txt": empty})
    assert list(by_name.columns) == list(SPAN_COLUMNS)
    assert set(by_name["doc_id"]) == {"hubei.txt"}
    assert len(by_name) == len(doc.spans)
    by_position = govtext.to_frame([empty, doc, doc])
    assert sorted(set(by_position["doc_id"])) == [1, 2]
    assert len(govtext.to_frame(doc)) == len(doc.spans)


def test_to_frame_rejects_what_is_not_a_document() -> None:
    with pytest.raises(TypeError, match="position 1"):
        govtext.to_frame([sample(), "省长王晓东"])


def test_empty_frames_keep_their_columns() -> None:
    assert list(Document("").to_frame().columns) == list(SPAN_COLUMNS[1:])
    assert list(quantities_frame([]).columns)[:6] == ["doc_id", "start", "end", "text",
                                                   "section", "value"]


def test_quantities_frame_has_exact_and_float_values_side_by_side() -> None:
    frame = quantities_frame({"a": sample()})
    assert list(frame["text"]) == ["3.5亿元", "12%", "三分之一"]
    assert list(frame["value"]) == ["350000000", "12", "1/3"]
    assert frame["value_float"].dtype == "float64"
    assert frame["value_float"].tolist() == pytest.approx([3.5e8, 12.0, 1 / 3])
    assert list(frame["kind"]) == ["money", "percent", "ratio"]
    assert set(frame["doc_id"]) == {"a"}


def test_flat_files_share_the_rows_and_get_the_float_column() -> None:
    rows = {r["text"]: r for r in table_rows(sample(), "a", "a.txt")}
    assert rows["3.5亿元"]["value"] == "350000000" and rows["3.5亿元"]["value_float"] == 3.5e8
    assert rows["三分之一"]["value"] == "1/3"
    assert list(rows["12%"]) == list(TABLE_COLUMNS)
    pa = pytest.importorskip("pyarrow")
    table = pa.Table.from_pandas(table_frame(rows.values()), schema=arrow_schema(),
                                 preserve_index=False)
    assert table.schema.field("value_float").type == pa.float64()
    assert table.num_rows == len(rows)


@pytest.mark.parametrize("make", [
    lambda d: govtext.to_frame(d),
    lambda d: list(table_rows(d, "a")),
], ids=["to_frame", "table_rows"])
def test_lone_surrogate_is_refused_with_e009(make) -> None:
    # issue 17: a lone surrogate crashed pyarrow deep inside; one policy: E009 at the door
    doc = Document("市长\udc80王晓东", spans=(Term(0, 2, "市长"),))
    with pytest.raises(ValueError, match=r"\[E009\].*offset 2.*U\+DC80"):
        make(doc)


def test_ranges_fill_low_and_high() -> None:
    text = "新建5至10个"
    q = Quantity(*at(text, "5至10个"), value=Decimal(5), unit="个", kind="count",
                 low=Decimal(5), high=Decimal(10))
    row = Document(text, spans=(q,)).to_frame().iloc[0]
    assert (row["low"], row["high"]) == ("5", "10")
    assert (row["low_float"], row["high_float"]) == (5.0, 10.0)


@pytest.mark.parametrize("path", sorted(CORPORA.glob("*.txt")), ids=lambda p: p.name)
def test_real_annotations_give_valid_rows(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = govtext.annotate(text)
    frame = doc.to_frame()
    assert len(frame) == len(doc.spans)
    for start, end, span_text in zip(frame["start"], frame["end"], frame["text"]):
        assert text[start:end] == span_text


def test_a_column_two_labels_fill_with_different_kinds_holds_strings() -> None:
    # a plugin label whose integer `year` goes to the column of DOCNO's year string
    from govtext.model import Span
    from govtext.model.labels import Attr, LabelSpec, register, unregister

    @dataclass(frozen=True, slots=True)
    class Target(Span):
        year: int | None = None
        label: ClassVar[str] = "TESTTARGET"

    register(LabelSpec("TESTTARGET", Target, rank=50, attrs=(Attr("year", "int"),),
                       columns=(("year", "docno_year"),)))
    try:
        text = "鄂政发〔2021〕7号提出2025年目标"
        doc = Document(text, spans=(
            DocNo(*at(text, "鄂政发〔2021〕7号"), issuer_code="鄂政发", year="2021", serial="7"),
            Target(*at(text, "2025年目标"), year=2025)))
        frame = doc.to_frame()
        assert frame["docno_year"].tolist() == ["2021", "2025"]
        assert list(frame.columns).count("docno_year") == 1
    finally:
        unregister("TESTTARGET")
