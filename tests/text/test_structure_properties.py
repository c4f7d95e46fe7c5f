"""Invariants of `analyze` on arbitrary text: regions index the original text, sentences
tile their paragraphs, the outline is a well-nested tree inside the body."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtext.model import Document
from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

PIECES = [
    "一、", "二、", "（一）", "（二）", "(三)", "1.", "2、", "3．", "（1）", "(2)", "①", "一是", "二是",
    "第一章", "第二条", "索引号：", "主题分类:", "发布机构\t", "发文日期：2019-01-29", "名称：",
    "| ", " | ", "<<返回", "当前位置:", "打印 关闭本页", "Copyright", "主办单位:", "版权:",
    "【字体：大 中 小】", "浏览次数：12", "“", "”", "《", "》", "（", "）", "(", ")", "。", "；",
    "！", "？", "，", "\n", "\r\n", "\r", "\u2028", "\x0b", "　", " ", "\xa0", "\ufeff", "𠮷",
    "市政府", "工作报告", "全市", "2018年", "加强法治建设",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
                 max_size=60).map("".join)


def _check_tree(sections, lo, hi, level=1):
    end = lo
    for s in sections:
        assert s.level == level
        assert lo <= s.start <= s.end <= hi and end <= s.start
        _check_tree(s.children, s.start, s.end, level + 1)
        end = s.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_structure_invariants(text):
    s = analyze(Prepared.of(text))
    for group in (s.paragraphs, s.sentences, s.boilerplate):
        for r in group:
            assert 0 <= r.start < r.end <= len(text) and text[r.start:r.end] == r.text
            assert not r.text[0].isspace() and not r.text[-1].isspace()
    for a, b in zip(s.paragraphs, s.paragraphs[1:]):
        assert a.end < b.start
    for a, b in zip(s.sentences, s.sentences[1:]):
        assert a.end <= b.start
    for p in s.paragraphs:  # sentences tile each paragraph
        inside = [x for x in s.sentences if p.start <= x.start and x.end <= p.end]
        assert inside and inside[0].start == p.start and inside[-1].end == p.end
    assert sum(1 for _ in s.sentences) == sum(
        1 for x in s.sentences for p in s.paragraphs if p.start <= x.start and x.end <= p.end)
    if s.body is not None:
        assert text[s.body.start:s.body.end] == s.body.text
        _check_tree(s.outline, s.body.start, s.body.end)
    else:
        assert s.outline == ()
    m = s.metadata
    if m.start is not None:
        assert m.end is not None and 0 <= m.start <= m.end <= len(text)
    # the pipeline's Document accepts every region
    Document(text=text, sentences=s.sentences, paragraphs=s.paragraphs,
             boilerplate=s.boilerplate, outline=s.outline, metadata=m, body=s.body)
