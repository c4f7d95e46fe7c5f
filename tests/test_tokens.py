"""`Tokens`: the segmenter's words as offsets, Token objects made on demand.

It must behave as the tuple of Token it replaced: same items, equality both ways, equal
hashes, pickling, JSON, and the Document's offset check."""

from __future__ import annotations

import pickle
from array import array

import pytest

import govtext
from govtext.errors import SchemaError
from govtext.model import Document, Token, Tokens

TEXT = "国务院办公厅关于加强数字政府建设的指导意见"
SPANS = [(0, 6), (6, 8), (8, 10), (10, 12), (12, 14), (14, 16), (16, 17), (17, 19), (19, 21)]
AS_TUPLE = tuple(Token(a, b, TEXT[a:b]) for a, b in SPANS)


def test_items_are_the_tokens():
    tokens = Tokens(TEXT, SPANS)
    assert len(tokens) == len(SPANS)
    assert tokens[0] == Token(0, 6, "国务院办公厅")
    assert tokens[-1] == Token(19, 21, "意见")  # negative index, as a tuple has
    assert tokens[1:3] == AS_TUPLE[1:3] and isinstance(tokens[1:3], tuple)
    assert tokens[::-2] == AS_TUPLE[::-2]
    assert list(tokens) == list(AS_TUPLE)
    with pytest.raises(IndexError):
        tokens[len(SPANS)]
    with pytest.raises(IndexError):
        tokens[-len(SPANS) - 1]


def test_equal_to_the_tuple_both_ways_with_equal_hashes():
    tokens = Tokens(TEXT, SPANS)
    assert tokens == AS_TUPLE and AS_TUPLE == tokens and tokens == list(AS_TUPLE)
    assert hash(tokens) == hash(AS_TUPLE)
    assert tokens != AS_TUPLE[:-1] and tokens != AS_TUPLE[::-1]
    assert tokens != Tokens(TEXT + "。", SPANS)  # same offsets, another text
    assert tokens == Tokens.from_offsets(TEXT, array("q", [x for p in SPANS for x in p]))


def test_pickles_as_offsets_and_back():
    """Worker processes send documents back pickled: no Token object may travel."""
    tokens = Tokens(TEXT * 200, [(a + k * len(TEXT), b + k * len(TEXT))
                                 for k in range(200) for a, b in SPANS])
    data = pickle.dumps(tokens)
    assert pickle.loads(data) == tokens
    assert b"Token\x94" not in data and b"Token\x94" in pickle.dumps(tuple(tokens))


def test_odd_offsets_are_refused():
    with pytest.raises(ValueError):
        Tokens.from_offsets(TEXT, array("q", [0, 1, 2]))


@pytest.mark.parametrize("spans", [[(0, 6), (6, 99)], [(-1, 2)], [(5, 3)]],
                         ids=["past the end", "negative", "start after end"])
def test_document_refuses_tokens_outside_its_text(spans):
    with pytest.raises(SchemaError) as err:
        Document(TEXT, tokens=Tokens(TEXT, spans))
    assert "E205" in str(err.value)


def test_tokens_of_another_text_are_checked_word_by_word():
    other = "国务院办公室关于加强数字政府建设的指导意见"  # same length, one character differs
    with pytest.raises(SchemaError):
        Document(TEXT, tokens=Tokens(other, SPANS))


def test_an_annotated_document_keeps_offsets_and_round_trips():
    doc = govtext.annotate(TEXT)
    assert isinstance(doc.tokens, Tokens)
    assert [t.text for t in doc.tokens][:2] == ["国务院办公厅", "关于"]
    back = Document.from_json(doc.to_json())
    assert back == doc and back.tokens == doc.tokens
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_a_list_of_tokens_becomes_a_tuple():
    doc = Document(TEXT, tokens=list(AS_TUPLE))  # type: ignore[arg-type]
    assert isinstance(doc.tokens, tuple) and doc.tokens == AS_TUPLE
