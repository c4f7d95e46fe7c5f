"""Segmentation: a private jieba tokenizer, the government lexicon, exact offsets."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.segment import align, get_segmenter
from govtext.segment.jieba_backend import JiebaSegmenter
from govtext.segment.lexicon import gov_words
from govtext.text.prepare import normalize


@pytest.fixture(scope="module")
def seg() -> JiebaSegmenter:
    return JiebaSegmenter()


def cut(seg: JiebaSegmenter, text: str) -> list[str]:
    return [t.text for t in seg.segment(text, normalize(text))]


@pytest.mark.parametrize("text, whole", [
    ("全面加强法治政府建设", "法治政府建设"),
    ("深化放管服改革", "放管服"),
    ("市、县行政审批局", "行政审批局"),
    ("全面推行最多跑一次改革", "最多跑一次"),
    ("坚持以习近平法治思想为指导", "习近平法治思想"),
])
def test_government_lexicon_words_come_out_whole(seg, text, whole):
    assert whole in cut(seg, text)


def test_lexicon_is_data_and_has_no_whitespace_entries():
    words = gov_words()
    assert "法治政府" in words and len(words) > 100
    assert all(w and not any(c.isspace() for c in w) for w in words)


@pytest.mark.parametrize("text", [
    "国务院总理　\n李　强",
    "市长\r\n张瑞书 在 市政府",
    "ＰＭ２．５平均浓度下降１３．６％",
    "廣州市人民政府關於加強城市管理的通知",
    "😀政府工作报告𠀋𠮷2018年",
    "  \t\n ",
    "a b  c",
])
def test_token_offsets_index_the_original(seg, text):
    tokens = seg.segment(text, normalize(text))
    for t in tokens:
        assert text[t.start:t.end] == t.text
        assert not t.text.isspace()
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    # every non-space character is covered by exactly one token
    covered = [False] * len(text)
    for t in tokens:
        for i in range(t.start, t.end):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


def test_traditional_text_is_cut_like_simplified(seg):
    simp = cut(seg, "广州市人民政府关于加强城市管理的通知")
    trad = seg.segment("廣州市人民政府關於加強城市管理的通知",
                       normalize("廣州市人民政府關於加強城市管理的通知"))
    assert [t.end - t.start for t in trad] == [len(w) for w in simp]
    assert trad[0].text == "廣州市"


def test_private_tokenizer_leaves_the_global_one_alone(seg):
    import jieba

    seg.segment("法治政府建设", "法治政府建设")
    assert jieba.dt is not seg._backend
    assert not jieba.dt.initialized  # the default tokenizer was never loaded
    assert "放管服" not in jieba.dt.FREQ


def test_user_words_are_kept_whole():
    custom = JiebaSegmenter(user_words=["秦皇岛市人才交流服务中心"])
    text = "秦皇岛市人才交流服务中心获得荣誉"
    assert "秦皇岛市人才交流服务中心" in [t.text for t in custom.segment(text, text)]


def test_segmenter_pickles_without_its_dictionary(seg):
    seg.segment("市长", "市长")
    clone = pickle.loads(pickle.dumps(seg))
    assert clone._backend is None and clone.hmm == seg.hmm
    assert [t.text for t in clone.segment("依法行政", "依法行政")] == ["依法行政"]


def test_align_skips_words_a_backend_changed():
    tokens = align(["市长", "XX", "张瑞书"], "市长张瑞书", "市长张瑞书")
    assert [(t.start, t.end) for t in tokens] == [(0, 2), (2, 5)]


def test_unknown_segmenter_name_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown segmenter"):
        get_segmenter("nope")


def test_rjieba_backend_agrees_with_jieba(seg):
    pytest.importorskip("rjieba")
    fast = get_segmenter("rjieba")
    text = "全面加强法治政府建设，深化放管服改革，投放贷款271.27亿元。廣州市人民政府"
    norm = normalize(text)
    assert [t.text for t in fast.segment(text, norm)] == [t.text for t in seg.segment(text, norm)]
    clone = pickle.loads(pickle.dumps(fast))
    assert clone._backend is None and clone.segment(text, norm)[0].text == "全面"


@pytest.mark.parametrize("text", ["山" * 1000 + "，市长", "政府" * 450, "a" * 900, "。" * 10, ""])
def test_bounded_pieces_rejoin_and_bound_runs(text):
    from govtext.segment.base import MAX_RUN, bounded_pieces

    pieces = list(bounded_pieces(text))
    assert "".join(pieces) == text
    assert all(len(p) <= MAX_RUN or any(not c.isalnum() for c in p) for p in pieces)


def test_long_runs_without_punctuation_are_fully_covered(seg):
    # jieba's HMM is quadratic on a run of unknown characters; the run is cut in pieces
    text = "张" * 30000
    tokens = seg.segment(text, text)
    assert sum(t.end - t.start for t in tokens) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["山" * 399, "政府" * 201, "a" * 401, "【", "〔",
                                           "，", "。", " ", "\n", "·", "—", "…", "「"]),
                          st.text(max_size=5)), max_size=12).map("".join))
def test_long_runs_prefilter_finds_what_the_exact_pattern_finds(text):
    """`re` finds candidate stretches first; the exact \\p{P} pattern runs inside them."""
    from govtext.segment.base import _LONG_RUN, _long_runs

    assert [m.span() for m in _long_runs(text)] == [m.span() for m in _LONG_RUN.finditer(text)]


@pytest.mark.parametrize("engine", ["rust", "python"])
def test_listed_dictionary_words_are_cut_by_both_engines(engine: str) -> None:
    """jieba keeps 法国总理 as one word, which hid 法国 from the place finders: the words
    of segment_splits.txt are cut where their spaces are, by both engines alike."""
    from govtext.segment.lexicon import splits

    seg = JiebaSegmenter(engine=engine)
    assert splits()
    for entry in splits():
        parts = entry.split()
        words = [t.text for t in seg.segment("他说" + "".join(parts) + "今天访华")]
        assert all(p in words for p in parts), (entry, words)
    # without the lexicon jieba's own word stays whole
    plain = JiebaSegmenter(engine=engine, use_lexicon=False)
    assert "法国总理" in [t.text for t in plain.segment("法国总理说")]
