"""Offsets hold on any input: every entity span is a slice of the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.pipeline import Pipeline

PIECES = ["市长", "张瑞书", "市政府", "办公室", "　", "\n", "、", "秦皇岛市", "省", "委", "书记",
          "李", "强", "王", "局", "行政审批", "日报", "来秦", "同志", "𠀀", "ＡＢ", "國務院", "總理",
          "湟水", "河", "和", "综合执法", "村民", "记者", "大学", "广西", "经开区", "那白", "村",
          "并政办发〔2023〕1号", "办"]

nlp = Pipeline()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=12))
def test_offsets(parts: list[str]) -> None:
    text = "".join(parts)
    doc = nlp(text)  # Document checks text[start:end] == span.text itself
    for s in doc.spans:
        assert text[s.start:s.end] == s.text
