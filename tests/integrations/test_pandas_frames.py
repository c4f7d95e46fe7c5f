"""Span tables as pandas DataFrames: one row per span, typed attributes in their own
columns, exact values kept exact."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import govtext  # noqa: E402
from govtext.model import (Agency, Date, DocNo, Document, Official, Person,  # noqa: E402
                              Quantity, Regulation, Section, Term, Work)
from govtext.integrations.pandas import (QUANTITY_COLUMNS, SPAN_COLUMNS,  # noqa: E402
                                         quantities_frame, span_records)

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
    ("DATE", "2021年", {"value": "2021"}),
    ("QUANTITY", "3.5亿元", {"value": Decimal("350000000"), "unit": "元", "kind": "money"}),
    ("QUANTITY", "12%", {"value": Decimal("12"), "unit": "%", "kind": "percent"}),
    ("QUANTITY", "三分之一", {"value": "1/3", "unit": "", "kind": "ratio"}),
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
        assert type(row[column]) is type(value), column
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


def test_values_are_never_floats() -> None:
    frame = sample().to_frame()
    for value in frame["value"]:
        assert not isinstance(value, float) or pd.isna(value)


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
    assert list(quantities_frame([]).columns) == list(QUANTITY_COLUMNS)


def test_quantities_frame_has_exact_and_float_values_side_by_side() -> None:
    frame = quantities_frame({"a": sample()})
    assert list(frame["text"]) == ["3.5亿元", "12%", "三分之一"]
    assert list(frame["value"]) == [Decimal("350000000"), Decimal("12"), "1/3"]
    assert frame["value_float"].dtype == "float64"
    assert frame["value_float"].tolist() == pytest.approx([3.5e8, 12.0, 1 / 3])
    assert list(frame["kind"]) == ["money", "percent", "ratio"]
    assert set(frame["doc_id"]) == {"a"}


def test_exact_strings_for_flat_files() -> None:
    rows = {r["text"]: r for r in span_records(sample(), exact_strings=True)}
    assert rows["3.5亿元"]["value"] == "350000000"
    assert rows["三分之一"]["value"] == "1/3"


def test_ranges_fill_low_and_high() -> None:
    text = "新建5至10个"
    q = Quantity(*at(text, "5至10个"), value=Decimal(5), unit="个", kind="count",
                 low=Decimal(5), high=Decimal(10))
    row = Document(text, spans=(q,)).to_frame().iloc[0]
    assert (row["low"], row["high"]) == (Decimal(5), Decimal(10))


@pytest.mark.parametrize("path", sorted(CORPORA.glob("*.txt")), ids=lambda p: p.name)
def test_real_annotations_give_valid_rows(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = govtext.annotate(text)
    frame = doc.to_frame()
    assert len(frame) == len(doc.spans)
    for start, end, span_text in zip(frame["start"], frame["end"], frame["text"]):
        assert text[start:end] == span_text
