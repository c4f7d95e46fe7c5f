"""The Document model: typed spans, offset checks, exact values, JSON round trip."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

import govtext
from govtext.model import (Agency, Date, DocNo, Document, Official, Quantity, Region,
                              Regulation, Span, Term, format_number, parse_exact,
                              span_from_dict, SCHEMA_VERSION)

TEXT = "市长张瑞书强调，投放贷款271.27亿元，约三分之一以上，《秦皇岛市祭祀管理办法》（秦纪发〔2018〕3号）"


def sample() -> Document:
    t = TEXT
    return Document(t, spans=(
        Official(0, 5, "市长张瑞书", name="张瑞书", title="市长"),
        Quantity(12, 20, "271.27亿元", value=Decimal("27127000000"), unit="元", kind="money"),
        Quantity(22, 28, "三分之一以上", value=Fraction(1, 3), unit="", kind="ratio",
                 approx="more"),
        Regulation(29, 41, "《秦皇岛市祭祀管理办法》", title="秦皇岛市祭祀管理办法", kind="rule"),
        DocNo(42, 53, "秦纪发〔2018〕3号", issuer_code="秦纪发", year="2018", serial="3"),
    ))


@pytest.mark.parametrize("value, text", [
    (Decimal("27127000000.00"), "27127000000"),
    (Decimal("7.90"), "7.9"),
    (Decimal("0.000"), "0"),
    (Decimal("-0.5"), "-0.5"),
    (Decimal("1E+9"), "1000000000"),
    (Fraction(1, 3), "1/3"),
    (Fraction(6, 3), "2"),
    (Fraction(-5, 10), "-1/2"),
])
def test_format_number_is_exact_and_round_trips(value, text):
    assert format_number(value) == text
    assert parse_exact(text) == value


def test_format_number_rejects_floats_and_nan():
    with pytest.raises(TypeError):
        format_number(0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_number(Decimal("NaN"))


def test_spans_must_match_the_text():
    with pytest.raises(ValueError, match="does not match"):
        Document("市长张瑞书", spans=(Official(0, 4, "市长张瑞书", name="张瑞书", title="市长"),))
    with pytest.raises(ValueError):
        Document("abc", spans=(Term(2, 5, "c", ),))


def test_spans_are_sorted_and_accessors_filter_by_type():
    doc = sample()
    assert [s.start for s in doc.spans] == sorted(s.start for s in doc.spans)
    assert [o.name for o in doc.officials] == ["张瑞书"]
    assert [q.value for q in doc.quantities] == [Decimal("27127000000"), Fraction(1, 3)]
    assert doc.regulations[0].kind == "rule"
    assert doc.docnos[0].serial == "3"
    assert doc.by_label("QUANTITY") == list(doc.quantities)
    assert doc.agencies == [] and doc.dates == []


def test_to_dict_spans_use_the_guideline_format():
    spans = sample().to_dict()["spans"]
    assert all(set(s) == {"start", "end", "label", "text", "attrs"} for s in spans)
    assert spans[1] == {"start": 12, "end": 20, "label": "QUANTITY", "text": "271.27亿元",
                        "attrs": {"value": "27127000000", "unit": "元", "kind": "money",
                                  "approx": None}}
    assert spans[2]["attrs"]["value"] == "1/3"
    assert spans[0]["attrs"] == {"name": "张瑞书", "title": "市长"}


def test_json_round_trip_keeps_types_and_values():
    doc = sample()
    back = Document.from_json(doc.to_json())
    assert back == doc
    assert isinstance(back.quantities[1].value, Fraction)
    assert json.loads(doc.to_json())["version"] == SCHEMA_VERSION


def test_from_dict_rejects_other_schemas_and_versions():
    data = sample().to_dict()
    with pytest.raises(ValueError, match="version"):
        Document.from_dict({**data, "version": "2.0"})
    with pytest.raises(ValueError, match="schema"):
        Document.from_dict({**data, "schema": "something.else"})


def test_gold_style_span_dicts_load():
    span = span_from_dict({"start": 0, "end": 5, "label": "DATE", "text": "2018年",
                           "attrs": {"value": None, "low": "2018", "high": "2022"}})
    assert isinstance(span, Date) and span.low == "2018" and span.high == "2022"
    agency = span_from_dict({"start": 0, "end": 3, "label": "AGENCY", "text": "市政府",
                             "attrs": {"canonical": "秦皇岛市人民政府"}})
    assert isinstance(agency, Agency) and agency.canonical == "秦皇岛市人民政府"
    with pytest.raises(ValueError, match=r"\[E209\].*unknown span label"):
        span_from_dict({"start": 0, "end": 1, "label": "NOPE", "text": "x"})


def test_date_exposes_a_datetime_date_only_for_full_days():
    assert Date(0, 10, "2019-01-29", value="2019-01-29").date.isoformat() == "2019-01-29"
    assert Date(0, 5, "2018年", value="2018").date is None


def test_spans_are_frozen_and_slotted():
    q = sample().quantities[0]
    with pytest.raises(AttributeError):
        q.value = Decimal(1)  # type: ignore[misc]
    assert not hasattr(q, "__dict__")
    assert isinstance(q, Span) and q.label == "QUANTITY"


@pytest.mark.parametrize("bad", [b"\xe5\xb8\x82\xe9\x95\xbf", None, 42, ["市长"]])
def test_annotate_rejects_non_text(bad):
    with pytest.raises(TypeError, match="str"):
        govtext.annotate(bad)


def test_bytes_error_says_how_to_decode():
    with pytest.raises(TypeError, match="decode"):
        govtext.annotate("市长".encode())


def test_empty_text_gives_an_empty_document():
    doc = govtext.annotate("")
    assert doc.text == "" and doc.spans == () and doc.tokens == ()
    assert Document.from_dict(doc.to_dict()) == doc


def test_repr_is_compact():
    r = repr(sample())
    assert r.startswith("<Document ") and "QUANTITY=2" in r and len(r) < 200


def test_regions_are_checked_too():
    with pytest.raises(ValueError):
        Document("abc", sentences=(Region(0, 2, "ab!", "sentence"),))
