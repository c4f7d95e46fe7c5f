"""The outline tree: marker styles, numbering checks, titles, spans, printing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govtext.model import Document, Section
from govtext.text.outline import chinese_number, format_outline
from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

DATA = Path(__file__).resolve().parent.parent / "data" / "text"
CASES = json.loads((DATA / "outline_cases.json").read_text(encoding="utf-8"))["cases"]


def _check_tree(sections, text, parent=None, level=1):
    previous = None
    for s in sections:
        assert s.level == level
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.start + len(s.marker)] == s.marker
        assert s.title in text[s.start:s.end]
        if parent is not None:
            assert parent.start < s.start and s.end <= parent.end
        if previous is not None:
            assert previous.end <= s.start
        _check_tree(s.children, text, s, level + 1)
        previous = s


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_outline_styles(case):
    text = case["text"]
    outline = analyze(Prepared.of(text)).outline
    assert format_outline(outline) == case["outline"]
    _check_tree(outline, text)


def test_section_str_and_numbers():
    text = CASES[0]["text"]
    outline = analyze(Prepared.of(text)).outline
    assert str(outline[0]).splitlines()[0] == "一、过去一年的工作"
    assert str(outline[0]) == format_outline(outline[:1])
    assert [s.number for s in outline] == [1, 2]
    assert [c.number for c in outline[0].children[0].children] == [1, 2]


def test_sections_end_where_the_next_heading_begins():
    text = "一、甲\n正文一。\n二、乙\n正文二。\n"
    first, second = analyze(Prepared.of(text)).outline
    assert text[first.start:first.end] == "一、甲\n正文一。"
    assert text[second.start:second.end] == "二、乙\n正文二。"


def test_section_of_locates_the_deepest_section(nlp):
    text = CASES[0]["text"]
    doc = nlp(text)
    pos = text.index("产量增长")

    class Probe:
        start, end = pos, pos + 4

    section = doc.section_of(Probe())  # type: ignore[arg-type]
    assert isinstance(section, Section) and section.marker == "（1）"
    assert doc.paragraph_of(Probe()).text.startswith("（1）汽车产业")  # type: ignore[arg-type]
    assert doc.sentence_of(Probe()).text == "产量增长8.5%。"  # type: ignore[arg-type]
    # the outline survives JSON
    assert Document.from_json(doc.to_json()).outline == doc.outline


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("九十九", 99),
    ("一百", 100), ("一百零五", 105), ("两", 2), ("〇", 0), ("一〇", 10), ("", None), ("甲", None),
])
def test_chinese_number(text, value):
    assert chinese_number(text) == value
