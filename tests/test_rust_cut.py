"""The jieba segmenter's two engines give the same words: jieba-rs (`rust_cut`, the
default when rjieba is installed) and govtext's Python rewrite of jieba (`jieba_cut`,
which tests/test_jieba_cut.py compares with jieba itself)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from govtext.errors import InputError
from govtext.segment.base import bounded_pieces
from govtext.segment.jieba_backend import JiebaSegmenter
from govtext.segment.jieba_data import jieba_file
from govtext.segment import get_segmenter, rust_cut
from govtext.text.prepare import normalize

pytest.importorskip("rjieba")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="module")
def engines():
    rust, python = JiebaSegmenter(engine="rust"), JiebaSegmenter(engine="python")
    assert isinstance(rust._load(), rust_cut.RustJieba)
    assert not isinstance(python._load(), rust_cut.RustJieba)
    return rust, python


def spans(seg, text: str, hmm: bool) -> list[tuple[int, int]]:
    seg.hmm = hmm
    return [(t.start, t.end) for t in seg.segment(text)]


CASES = [
    ("全面加强法治政府建设，深化放管服改革", "lexicon words and punctuation"),
    ("局势仍然很不安宁。", "a near tie: jieba-rs's total differs from jieba's unless padded"),
    ("国发〔2019〕33号，2019-33，2011-2020年，2019-01-29", "jieba-rs's HMM keeps 2019-33 whole"),
    ("投放贷款271.27亿元，增长3.5%，a.b 1.2.3 x%%", "decimals and percent signs"),
    ("COVID-19疫情 and GDP增长\r\n下一行\t制表\x1c分隔", "Latin words, \\r\\n, tabs, \\x1c"),
    ("市长张瑞书在市政府常务会议上强调", "an unknown name goes to the HMM"),
    ("——“《》”……！？##&&++__..%%--", "runs of punctuation and block symbols"),
    ("𠀀𠀁中国𝟘𝟙ｑ", "characters outside the BMP and full-width letters"),
    ("a1b2c3中d.e%f_g", "single letters and digits (joined without the HMM)"),
    ("", "empty text"),
]


@pytest.mark.parametrize("text, why", CASES)
@pytest.mark.parametrize("hmm", [True, False])
def test_same_words(engines, text, why, hmm):
    rust, python = engines
    assert spans(rust, text, hmm) == spans(python, text, hmm), why


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(
    "市长张瑞书政府法治建设的一是在了不安宁人中国大会议上强调年号"
    "abXYZ0129.%-_+#&  \r\n\t\u3000，。、（）《》〔〕“”—…·\x1c\ufffd𠀀")), max_size=80),
    st.booleans())
def test_same_words_on_any_mix(engines, text, hmm):
    rust, python = engines
    assert spans(rust, text, hmm) == spans(python, text, hmm)


def test_long_text_is_cut_in_chunks_with_the_same_words(engines, monkeypatch):
    rust, python = engines
    text = "第一条，国发〔2019〕33号。\n" * 50 + "政府" * 30 + "abc-123。"
    expected = spans(python, text, True)
    monkeypatch.setattr(rust_cut, "CHUNK", 7)  # every few characters a chunk ends
    assert spans(rust, text, True) == expected


def test_same_words_on_the_work_reports(engines):
    folder = SHARED / "corpora" / "state-council-work-reports"
    if not folder.exists():
        pytest.skip("../shared corpora not present")
    rust, python = engines
    for path in sorted(folder.glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8"))
        assert spans(rust, text, True) == spans(python, text, True), path.name


def test_jiebas_dictionary_is_the_one_jieba_rs_carries():
    """If a jieba release changes dict.txt, "auto" falls back to the Python engine; this
    test says so, so the checksum and these comparisons get looked at again."""
    import hashlib

    assert hashlib.md5(jieba_file("dict.txt").read_bytes()).hexdigest() == rust_cut.DICT_MD5
    assert isinstance(JiebaSegmenter()._load(), rust_cut.RustJieba)


def test_pad_word_lies_outside_every_block():
    from govtext.segment.jieba_cut import _BLOCK

    assert not _BLOCK.search(rust_cut.PAD)


def test_engine_is_an_option_that_pickles():
    seg = JiebaSegmenter(engine="python", hmm=False)
    clone = pickle.loads(pickle.dumps(seg))
    assert (clone.engine, clone.hmm, clone._backend) == ("python", False, None)
    with pytest.raises(InputError, match="E010"):
        JiebaSegmenter(engine="c")
    with pytest.raises(TypeError):  # "rjieba" is the Rust engine: no engine to choose
        get_segmenter("rjieba", engine="python")


def test_bounded_pieces_are_cut_alike(engines):
    rust, python = engines
    text = "山" * 1000 + "，市长张瑞书。"
    assert len(list(bounded_pieces(text))) > 1
    assert spans(rust, text, True) == spans(python, text, True)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("济政不发山国会中社安建")), min_size=1, max_size=4,
                unique=True).flatmap(
    lambda alphabet: st.text(alphabet=st.sampled_from(alphabet), min_size=2, max_size=60)),
    st.booleans())
def test_same_words_on_repeated_characters(engines, text, hmm):
    """Near ties: 济济济 cut as 济济 + 济 or 济 + 济济 (the route), 不发不发不发 (the HMM).
    Found this way: jieba-rs cut one such text in ten otherwise, until its total was
    padded to jieba's (dict.txt lists three words twice) and the HMM step ran here."""
    rust, python = engines
    assert spans(rust, text, hmm) == spans(python, text, hmm)
