"""Property tests: on any input the finders return offset-exact spans, titles never
cross a line end or run past the length bound, and terms never include quote marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.model import Regulation, Work
from govtext.entities.docno import find_docnos
from govtext.entities.terms import MAX_TERM, find_terms
from govtext.entities.titles import MAX_TITLE, find_titles
from govtext.text.prepare import Prepared

PIECES = [
    "《", "》", "<", ">", "〈", "〉", "“", "”", '"', "「", "」", "〔", "〕", "(", ")", "（",
    "）", "[", "]", "【", "】", "\n", "。", "，", "、", "2018", "２０１８", "年", "号", "第",
    "令", "发", "国", "法", "条例", "办法", "通知", "意见", "中华人民共和国", "工作要点",
    "印发", "对", "和", "栏目", "称号", "荣获", "12·4", "1+3", "放管服", "秦", "政", "𠀀",
    "a", " ", "<<", ">>", "＜", "\u3000", "國發", "號", "憲法",
]

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_titles_are_offset_exact_and_bounded(text: str) -> None:
    prep = Prepared.of(text)
    for s in find_titles(prep):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert "\n" not in s.text and "\r" not in s.text
        if isinstance(s, Work) or (isinstance(s, Regulation) and s.bracketed):
            mark = 2 if prep.norm.startswith("<<", s.start) else 1
            assert s.text[:mark] in ("《", "<<", "＜＜") and s.text[-mark:] in ("》", ">>", "＞＞")
            assert len(s.text) <= MAX_TITLE + 2 * mark
            assert s.title == s.text[mark:-mark]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_titles_do_not_overlap(text: str) -> None:
    spans = find_titles(Prepared.of(text))
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(texts)
def test_docnos_are_offset_exact(text: str) -> None:
    prep = Prepared.of(text)
    for d in find_docnos(prep.text, prep.norm):
        assert text[d.start:d.end] == d.text
        assert d.text.startswith(d.issuer_code)
        assert prep.norm[d.end - 1] == "号"
        assert d.serial.isdigit()
        assert d.year is None or (len(d.year) == 4 and d.year.isdigit())


@settings(max_examples=300, deadline=None)
@given(texts)
def test_terms_are_offset_exact_and_unquoted(text: str) -> None:
    prep = Prepared.of(text)
    for t in find_terms(prep):
        assert text[t.start:t.end] == t.text
        assert 0 < len(t.text) <= MAX_TERM
        assert not set(t.text) & set('“”"「」')
        assert t.text.strip()
