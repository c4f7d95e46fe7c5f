"""Issue 17 at the integrations: astral characters keep their offsets through ASCII JSON
and every integration; lone surrogates are refused with one error, E009, everywhere."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtext
from govtext.errors import InputError
from govtext.integrations import check_encodable
from govtext.model import Document, Term

ASTRAL = "𠀋𠀌😀"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市长张伟说。 \n") + list(ASTRAL)), max_size=20),
       st.data())
def test_ascii_json_keeps_offsets_after_astral_characters(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = Document(text, spans=(Term(start, end, text[start:end]),))
    ascii_json = doc.to_json(ensure_ascii=True)
    assert ascii_json.isascii()
    again = Document.from_json(ascii_json)
    assert again == doc
    (span,) = again.spans
    assert again.text[span.start:span.end] == span.text


# (text, offset of the first lone surrogate, why)
SURROGATES = [
    ("a\ud800", 1, "a high surrogate alone"),
    ("\udc80市长", 0, "a low surrogate, as surrogateescape makes from a stray byte"),
    (f"{ASTRAL}\udfff", len(ASTRAL), "after astral characters: code-point offsets"),
]


@pytest.mark.parametrize("text, offset, why", SURROGATES, ids=[s[2] for s in SURROGATES])
def test_check_encodable_names_the_offset(text, offset, why):
    with pytest.raises(InputError) as info:
        check_encodable(text)
    assert info.value.code == "E009"
    assert f"offset {offset}" in str(info.value), why
    assert f"U+{ord(text[offset]):04X}" in str(info.value)


@pytest.mark.parametrize("text", ["", "市长张伟", ASTRAL, "\ufffd替换字符"])
def test_clean_text_passes(text):
    assert check_encodable(text) == text


def test_astral_offsets_in_a_frame():
    pytest.importorskip("pandas")
    text = f"{ASTRAL}增长3.5%"
    frame = govtext.annotate(text).to_frame()
    for start, end, span_text in zip(frame["start"], frame["end"], frame["text"]):
        assert text[start:end] == span_text
    assert json.loads(json.dumps(list(frame["start"].astype(int)), ensure_ascii=True))
