"""Issue 17, "Lone surrogates": annotating text with a lone surrogate works with every
segmenter (the Rust automaton and rjieba take UTF-8, so they see U+FFFD in its place);
the integrations refuse such text with E009 (tests/integrations/test_unicode_policy.py)."""

from __future__ import annotations

import pytest

import govtext

TEXTS = ["市长张瑞书\ud800说", "\udfff", "增长3.5%\ud83d，秦皇岛市\udc00人民政府"]


@pytest.mark.parametrize("segmenter", ["jieba", "rjieba"])
@pytest.mark.parametrize("text", TEXTS)
def test_annotate_keeps_offsets_on_lone_surrogates(segmenter, text):
    if segmenter == "rjieba":
        pytest.importorskip("rjieba")
    doc = govtext.Pipeline(segmenter)(text)
    assert all(text[s.start:s.end] == s.text for s in doc.spans)
    assert "".join(t.text for t in doc.tokens) == text.replace(" ", "")


def test_the_official_is_still_found():
    assert [s.text for s in govtext.annotate(TEXTS[0]).officials] == ["市长张瑞书"]


def test_to_json_refuses_text_it_cannot_write_as_utf8():
    doc = govtext.annotate(TEXTS[0])
    with pytest.raises(ValueError, match=r"\[E009\] .*offset 5 \(U\+D800\)"):
        doc.to_json()
