"""Invariants on arbitrary text: offsets index the original, JSON round-trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtext
from govtext.model import Document
from govtext.text.prepare import normalize

# Text that looks like government prose: CJK, digits (ASCII, full-width, Chinese),
# units, brackets, quotes, line breaks, full-width spaces and astral characters.
PIECES = [
    "市长", "张瑞书", "市政府", "法制办", "省司法厅", "国务院", "《", "》", "“", "”", "〔", "〕",
    "2018", "年", "月", "日", "万", "亿", "元", "%", "余", "个", "点", "三", "十", "百分之",
    "分之", "近", "约", "左右", "以上", "·", "—", "-", "至", "号", "发", "第", "、", "，", "。",
    "\n", "\r\n", "　", " ", "１２", "．", "％", "億", "點", "😀", "𠮷", "(", ")", "（", "）",
    "一、", "（一）", "索引号:", "发文日期:", "返回", "打印 关闭本页", "Copyright",
]
gov_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)),
                    max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gov_text)
def test_every_annotation_indexes_the_original_text(text):
    doc = govtext.annotate(text)
    assert doc.text == text
    for group in (doc.spans, doc.tokens, doc.sentences, doc.paragraphs, doc.boilerplate):
        for s in group:
            assert text[s.start:s.end] == s.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gov_text)
def test_json_round_trip_is_lossless(text):
    doc = govtext.annotate(text)
    assert Document.from_json(doc.to_json()) == doc


@given(st.text())
def test_normalization_preserves_length(text):
    assert len(normalize(text)) == len(text)
