"""Paragraphs and sentences: terminators, quotes and brackets kept whole, line breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

DATA = Path(__file__).resolve().parent.parent / "data" / "text"


def _cases():
    for line in (DATA / "sentence_cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            yield text.replace("\\n", "\n"), [s.replace("\\n", "\n")
                                              for s in expected.split(" | ")]


@pytest.mark.parametrize("text, expected", list(_cases()))
def test_sentences(text, expected):
    structure = analyze(Prepared.of(text))
    assert [s.text for s in structure.sentences] == expected
    for s in structure.sentences:
        assert text[s.start:s.end] == s.text and s.kind == "sentence"
        assert any(p.start <= s.start and s.end <= p.end for p in structure.paragraphs)


def test_paragraphs_are_trimmed_lines():
    text = "\ufeff　　第一段，有缩进。\r\n\r\n  第二段。  \r\n\xa0\n第三段"
    paras = analyze(Prepared.of(text)).paragraphs
    assert [p.text for p in paras] == ["第一段，有缩进。", "第二段。", "第三段"]
    assert all(text[p.start:p.end] == p.text and p.kind == "paragraph" for p in paras)


def test_sentences_cover_their_paragraph():
    text = "一、总体要求。坚持“稳中求进”（工作总基调）；推动高质量发展！\n他说：“好。”然后离开。"
    structure = analyze(Prepared.of(text))
    for p in structure.paragraphs:
        inside = [s for s in structure.sentences if p.start <= s.start and s.end <= p.end]
        assert inside[0].start == p.start and inside[-1].end == p.end
        for a, b in zip(inside, inside[1:]):
            assert text[a.end:b.start].strip() == ""


def test_marks_far_apart_protect_nothing():
    """A “ matched with a ” thousands of characters later (scraped text without line
    breaks joined two reports) made one sentence of 680,000 characters; a pair farther
    apart than MAX_PROTECTED no longer holds its terminators together."""
    from govtext.text.sentences import MAX_PROTECTED

    body = "要加强。" * (MAX_PROTECTED // 4 + 10)
    text = "他说“" + body + "”然后离开。"
    sentences = analyze(Prepared.of(text)).sentences
    assert len(sentences) > MAX_PROTECTED // 4
    assert max(s.end - s.start for s in sentences) < 10
    near = "他说“" + "要加强。" * 10 + "”然后离开。"  # a real quotation stays whole
    assert [s.text for s in analyze(Prepared.of(near)).sentences] == [near[:-5], "然后离开。"]
