"""The development document: metadata, boilerplate, body and outline figures."""

from __future__ import annotations

from datetime import date

import pytest

from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

DOC = "corpora/qinhuangdao-2018-fazhi-report.txt"


@pytest.fixture(scope="module")
def dev(shared_dir):
    path = shared_dir / DOC
    if not path.is_file():
        pytest.skip(f"{DOC} not present")
    text = path.read_text(encoding="utf-8")
    return text, analyze(Prepared.of(text))


def test_metadata(dev):
    _, s = dev
    m = s.metadata
    assert m.issued == date(2019, 1, 29)
    assert m.issuer == "办公室"
    assert m.index_no == "00035727X/2019-33"
    assert m.topic == "综合政务"
    assert m.title == "秦皇岛市2018年度法治政府建设工作报告"
    assert m.sponsor == "秦皇岛市人民政府办公室"  # from the footer's 主办单位


def test_boilerplate_found_and_nothing_else(dev):
    text, s = dev
    starts = ["<<返回", "当前位置", "打印 关闭本页", "Copyright", "主办单位", "版权"]
    assert len(s.boilerplate) == len(starts)
    for region, start in zip(s.boilerplate, starts):
        assert region.text.startswith(start)
        assert "\n" not in region.text
    # metadata lines are not boilerplate; the body lies between header and footer
    assert all(not (s.metadata.start <= r.start < s.metadata.end) for r in s.boilerplate)
    assert s.body is not None
    assert s.body.start >= s.metadata.end
    assert all(r.end <= s.body.start or r.start >= s.body.end for r in s.boilerplate)
    assert s.body.text.endswith("。")


def test_outline(dev):
    text, s = dev
    tops = s.outline
    assert [t.marker for t in tops] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]
    assert [t.number for t in tops] == list(range(1, 9))
    for t in tops[:7]:
        kids = [c for c in t.children if c.marker.startswith("(")]
        assert [c.marker for c in kids] == ["(一)", "(二)", "(三)"]
    assert tops[7].children == ()
    # every title is the text after its marker, cut at 。 or the line end, and short
    for top in tops:
        for sec in top.walk():
            after = text[sec.start + len(sec.marker):]
            assert after.startswith(sec.title)
            assert "。" not in sec.title and "\n" not in sec.title
            if sec.level <= 2:
                assert 4 <= len(sec.title) <= 30
    assert tops[0].title == "以贯彻实施新宪法为主线,推进法治政府建设新跨越"
    first = tops[0].children[0]
    assert first.title == "宪法学习宣传实施成效明显"  # a run-on heading, cut
    assert tops[0].children[1].title == "“七五”普法稳步推进"
    # the 一是…十是 items of 二、(二)
    items = tops[1].children[1].children
    assert [i.marker for i in items] == [f"{n}是" for n in "一二三四五六七八九十"]


def test_every_gold_span_has_a_paragraph_sentence_and_section(dev, shared_dir):
    import json

    from govtext.model import Document, span_from_dict

    text, s = dev
    gold = json.loads((shared_dir / "gold" / "qinhuangdao-2018-fazhi-report.json")
                      .read_text(encoding="utf-8"))["spans"]
    doc = Document(text=text, spans=tuple(span_from_dict(g) for g in gold),
                   sentences=s.sentences, paragraphs=s.paragraphs, boilerplate=s.boilerplate,
                   outline=s.outline, metadata=s.metadata, body=s.body)
    first_heading = s.outline[0].start
    for span in doc.spans:
        assert not any(r.start < span.end and span.start < r.end for r in doc.boilerplate)
        sentence = doc.sentence_of(span)
        paragraph = doc.paragraph_of(span)
        assert sentence is not None and paragraph is not None, span
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        if span.start >= first_heading:
            section = doc.section_of(span)
            assert section is not None and section.start <= span.start < section.end
