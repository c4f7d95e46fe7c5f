"""Metadata header layouts: one line, pipes, one per line, tabs, two rows; dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from govtext.text.metadata import parse_date
from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

DATA = Path(__file__).resolve().parent.parent / "data" / "text"
CASES = json.loads((DATA / "metadata_cases.json").read_text(encoding="utf-8"))["cases"]


def _value(meta, key):
    value = getattr(meta, key)
    if isinstance(value, date):
        return value.isoformat()
    if key == "docno" and value is not None:
        return value.text
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_header_layouts(case):
    text = case["text"]
    structure = analyze(Prepared.of(text))
    meta = structure.metadata
    for key, expected in case["expected"].items():
        assert _value(meta, key) == expected, key
    if "fields" in case:
        if case["fields"]:
            for pair in case["fields"]:
                assert tuple(pair) in meta.fields
        else:
            assert meta.fields == ()
    # nothing inside boilerplate is a field (浏览次数：128)
    assert not any(label.startswith("浏览") for label, _ in meta.fields)
    # header lines are annotated like body text: never boilerplate, always paragraphs
    if meta.start is not None:
        assert all(not (r.start < meta.end and meta.start < r.end and r.kind != "tools")
                   for r in structure.boilerplate)
        assert any(p.start == meta.start for p in structure.paragraphs)


@pytest.mark.parametrize("text, expected", [
    ("2019-01-29", date(2019, 1, 29)),
    ("2019年1月29日", date(2019, 1, 29)),
    ("2019年 1 月 29 日", date(2019, 1, 29)),
    ("2019/1/29", date(2019, 1, 29)),
    ("2019.01.29", date(2019, 1, 29)),
    ("二〇一九年一月二十九日", date(2019, 1, 29)),
    ("二〇二〇年十二月三十一日", date(2020, 12, 31)),
    ("2019-02-30", None),
    ("2019-13-01", None),
    ("发布日期:2021-08-12 09:30", date(2021, 8, 12)),
    ("20190129", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_full_width_dates_are_read_through_the_normalized_view():
    meta = analyze(Prepared.of("发文日期：２０１９－０１－２９\n正文第一段。\n")).metadata
    assert meta.issued == date(2019, 1, 29)
    assert ("发文日期", "２０１９－０１－２９") in meta.fields


def test_metadata_round_trips_through_json():
    from govtext.model.serialize import metadata_from_dict

    text = CASES[1]["text"]
    meta = analyze(Prepared.of(text)).metadata
    assert metadata_from_dict(json.loads(json.dumps(meta.to_dict())), text) == meta


def test_prose_before_a_short_line_means_no_title():
    meta = analyze(Prepared.of("今年以来，全市经济平稳运行。\n加强法治建设\n正文。\n")).metadata
    assert meta.title is None
