"""Issue 10: rows that `govtext stats` showed among the top 25 of the 36 work reports
though they name no official, agency or instrument, tested by their mechanism."""

from __future__ import annotations

import pytest

from govtext.entities.titles import title_kind
from govtext.model import Official, Regulation
from govtext.pipeline import Pipeline

# (text, expected (span, name) of an OFFICIAL, why)
APPELLATIONS = [
    ("毛主席指出，要加强团结。", ("毛主席", "毛泽东"),
     "issue 10: a fixed appellation names the leader when the document gives no full name"),
    ("周總理指出，要加强团结。", ("周總理", "周恩来"),
     "issue 10: traditional script reads the same appellation"),
    ("毛主席和毛泽民同志。", ("毛主席", "毛泽民"),
     "issue 10: a full name the document gives with that surname comes first"),
    ("张市长指出，要抓落实。", ("张市长", "张"),
     "issue 10: no appellation for an ordinary surname and title"),
]


@pytest.mark.parametrize("text, expected, why", APPELLATIONS, ids=[c[0][:8] for c in APPELLATIONS])
def test_appellations(nlp: Pipeline, text: str, expected: tuple[str, str], why: str) -> None:
    got = {(s.text, s.name) for s in nlp(text).spans if isinstance(s, Official)}
    assert expected in got, why


# (title, kind, why)
KINDS = [
    ("公司法", "law", "issue 10: 司法 starts inside 公司, so 法 decides (was other)"),
    ("中华人民共和国公司法", "law", "issue 10: the same with the state's name"),
    ("加强司法", "other", "a head word 司法 that starts no word still decides"),
    ("教师法", "law", "unchanged"),
]


@pytest.mark.parametrize("title, kind, why", KINDS, ids=[c[0] for c in KINDS])
def test_head_inside_word(title: str, kind: str, why: str) -> None:
    assert title_kind(title) == kind, why


# (text, expected (span, title) of REGULATION spans, why)
BARE_HEADS = [
    ("请审议《国民经济和社会发展第十个五年计划纲要（草案）》。这是《纲要》的重要内容。",
     {("《国民经济和社会发展第十个五年计划纲要（草案）》", "国民经济和社会发展第十个五年计划纲要（草案）"),
      ("《纲要》", "国民经济和社会发展第十个五年计划纲要（草案）")},
     "issue 10: a bare head refers to the one instrument with that head named before"),
    ("这是《纲要》的重要内容。", set(),
     "issue 10: a bare head with nothing before it names no instrument"),
    ("制定《甲地规划纲要》和《乙地发展纲要》，落实《纲要》。",
     {("《甲地规划纲要》", "甲地规划纲要"), ("《乙地发展纲要》", "乙地发展纲要")},
     "issue 10: two earlier candidates: the reference is left out, not guessed"),
    ("遵守《宪法》。", {("《宪法》", "宪法")}, "a law head alone is a name (the constitution)"),
]


@pytest.mark.parametrize("text, expected, why", BARE_HEADS, ids=[c[0][:10] for c in BARE_HEADS])
def test_bare_heads(nlp: Pipeline, text: str, expected: set[tuple[str, str]], why: str) -> None:
    got = {(s.text, s.title) for s in nlp(text).spans if isinstance(s, Regulation)}
    assert got == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("建设国家实验室", [], "issue 10: 国家 + a bare generic head is a kind of body (stats row)"),
    ("国家统计局发布", [("AGENCY", "国家统计局")], "a named national organ stays"),
    ("中央党校", [("AGENCY", "中央党校")], "a named central school stays"),
    ("特别行政区政府依法施政", [], "issue 10: 区 of 行政区 is no level (区政府 was a stats row)"),
    ("特区政府", [], "issue 10: 区 of 特区 is no level"),
    ("香港特别行政区政府", [("AGENCY", "香港特别行政区政府")], "the named government stays"),
    ("海淀区政府", [("AGENCY", "海淀区政府")], "a district's government stays"),
])
def test_national_head_and_bare_generic(text, expected, why):
    import govtext

    got = [(s.label, s.text) for s in govtext.annotate(text).spans]
    assert got == expected, why
