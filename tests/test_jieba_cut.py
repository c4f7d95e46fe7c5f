"""`segment.jieba_cut` gives exactly the words of jieba's `Tokenizer.cut`, with offsets,
and is not changed by another jieba user in the process (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from govtext.segment.jieba_backend import JiebaSegmenter
from govtext.segment.jieba_data import jieba_tokenizer
from govtext.segment.jieba_cut import cut_spans, cut_words
from govtext.text.prepare import normalize

REPORTS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


@pytest.fixture(scope="module")
def tok():
    """govtext's dictionary (what the cutter reads)."""
    return JiebaSegmenter(engine="python")._load()


@pytest.fixture(scope="module")
def jieba_tok():
    """A jieba.Tokenizer with the same words added: what the words must equal."""
    return jieba_tokenizer(JiebaSegmenter().words())


def jieba_words(tok, text: str, hmm: bool) -> list[str]:
    return [w for w in tok.cut(text, HMM=hmm) if not w.isspace()]


CASES = [
    ("全面加强法治政府建设，深化放管服改革", "lexicon words and punctuation"),
    ("市长张瑞书在市政府常务会议上强调", "an unknown name goes to the HMM"),
    ("投放贷款271.27亿元，增长3.5%", "numbers: a block mixes Han and digits"),
    ("COVID-19疫情 and GDP增长\r\n下一行\t制表", "Latin words, \\r\\n and tabs"),
    ("", "empty text"),
    ("　\n \u3000", "whitespace only"),
    ("张" * 500, "a long run of one character"),
    ("a1b2c3中d.e%f_g", "single letters and digits joined without the HMM"),
]


@pytest.mark.parametrize("text, why", CASES)
@pytest.mark.parametrize("hmm", [True, False])
def test_same_words_as_jieba(tok, jieba_tok, text, why, hmm):
    assert list(cut_words(tok, text, hmm)) == jieba_words(jieba_tok, text, hmm), why


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市长张瑞书政府法治建设的一是在了不人中国大会议"
                                             "上强调abXY12.%-_ \n，。、（）《》")), max_size=80),
       st.booleans())
def test_same_words_as_jieba_on_any_mix(tok, jieba_tok, text, hmm):
    assert list(cut_words(tok, text, hmm)) == jieba_words(jieba_tok, text, hmm)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_spans_tile_the_text_but_whitespace(tok, text):
    spans = cut_spans(tok, text)
    assert "".join(text[a:b] for a, b in spans) == "".join(c for c in text if not c.isspace())
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_same_words_as_jieba_on_a_work_report(tok, jieba_tok):
    path = REPORTS / "state-council-work-reports" / "2023.txt"
    if not path.exists():
        pytest.skip("../shared corpora not present")
    text = normalize(path.read_text(encoding="utf-8"))
    assert list(cut_words(tok, text)) == jieba_words(jieba_tok, text, True)


def test_del_word_elsewhere_does_not_change_govtext_tokens():
    """Issue 17: jieba.del_word fills jieba.finalseg.Force_Split_Words, a module-level set
    that every jieba tokenizer's HMM step reads."""
    from jieba import finalseg

    seg = JiebaSegmenter()
    text = "市长张瑞书在市政府常务会议上强调"
    before = [t.text for t in seg.segment(text, normalize(text))]
    assert "张瑞书" in before  # found by the HMM
    saved = set(finalseg.Force_Split_Words)
    try:
        # what jieba.del_word("张瑞书") does on any tokenizer (Tokenizer.add_word with
        # freq 0); called directly so the global tokenizer stays unloaded
        finalseg.add_force_split("张瑞书")
        assert "张瑞书" in finalseg.Force_Split_Words
        assert [t.text for t in seg.segment(text, normalize(text))] == before
    finally:
        finalseg.Force_Split_Words.clear()
        finalseg.Force_Split_Words.update(saved)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("张瑞书王凤朝李强市长在会议上说的了是不人中国龘𠀀")),
               min_size=1, max_size=40))
def test_viterbi_finds_the_states_jieba_finds(text):
    """govtext's viterbi (back pointers) against jieba.finalseg.viterbi (copied paths),
    with jieba's own tables, unknown characters included."""
    from jieba import finalseg

    from govtext.segment.jieba_cut import viterbi

    _, expected = finalseg.viterbi(text, "BMES", finalseg.start_P, finalseg.trans_P,
                                   finalseg.emit_P)
    assert viterbi(text, finalseg.start_P, finalseg.trans_P, finalseg.emit_P) == expected
