"""govtext values through spaCy's own serialisation, sentences from the component,
displaCy colours and OntoNotes labels from the registry, DocBin files (issue 16), and
the lone-surrogate policy (issue 17)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

spacy = pytest.importorskip("spacy")

from spacy import displacy  # noqa: E402
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

import govtext  # noqa: E402
from govtext.integrations.spacy import (displacy_colors, displacy_options,  # noqa: E402
                                        ontonotes_label, to_spacy, write_docbin)
from govtext.model import Document, Quantity, Term  # noqa: E402
from govtext.model import labels as registry  # noqa: E402

TEXT = ("市长张瑞书在市政府常务会议上强调，全年投放贷款271.27亿元，增长3.5%。"
        "会议审议了《秦皇岛市祭祀管理办法》（秦政发〔2018〕3号）。𠀋2019年3月完成三分之一。")


@pytest.fixture(scope="module")
def gdoc() -> Document:
    return govtext.annotate(TEXT)


def summary(sdoc: Doc) -> list[tuple[int, int, str, object]]:
    return [(e.start_char, e.end_char, e.label_, e._.govtext.attrs) for e in sdoc.ents]


def test_values_survive_to_json_and_from_json_even_as_ascii(gdoc):
    # issue 16: to_json(underscore=...) kept nothing; issue 17: ASCII JSON of an astral
    # character read back must not shift offsets
    sdoc = gdoc.to_spacy()
    data = json.loads(json.dumps(sdoc.to_json(underscore=["govtext_data"]), ensure_ascii=True))
    again = Doc(sdoc.vocab).from_json(data)
    assert again.text == TEXT
    assert summary(again) == summary(sdoc) and summary(sdoc)
    assert again._.govtext == gdoc
    for e in again.ents:
        assert TEXT[e._.govtext.start:e._.govtext.end] == e._.govtext.text


def test_docbin_with_user_data_keeps_values(gdoc):
    binder = DocBin(store_user_data=True)
    binder.add(gdoc.to_spacy())
    nlp = spacy.blank("zh")
    (again,) = DocBin().from_bytes(binder.to_bytes()).get_docs(nlp.vocab)
    assert summary(again) == summary(gdoc.to_spacy())
    assert again._.govtext == gdoc
    money = next(e for e in again.ents if e.text == "271.27亿元")
    assert money._.govtext.number == Decimal("27127000000")


def test_docbin_without_the_flag_keeps_entities_but_not_values(gdoc):
    binder = DocBin()  # the documented reason to pass store_user_data=True
    binder.add(gdoc.to_spacy())
    (again,) = DocBin().from_bytes(binder.to_bytes()).get_docs(spacy.blank("zh").vocab)
    assert again.ents and all(e._.govtext is None for e in again.ents)


def test_write_docbin_writes_a_file_spacy_reads(tmp_path, gdoc):
    path = tmp_path / "out.spacy"
    assert write_docbin([gdoc, govtext.annotate("没有实体。")], path) == 2
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("zh").vocab))
    assert [d.text for d in docs] == [TEXT, "没有实体。"]
    assert docs[0]._.govtext == gdoc
    assert [p.name for p in tmp_path.iterdir()] == ["out.spacy"]  # no temporary left


def test_component_sets_sentences_like_to_spacy(gdoc):
    # issue 16: doc.sents raised E030 after the component
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext")
    doc = nlp(TEXT)
    assert [s.text for s in doc.sents] == [s.text for s in gdoc.to_spacy().sents]
    assert len(list(doc.sents)) == 3
    assert doc._.govtext == gdoc


def test_component_keeps_sentences_set_before_it():
    nlp = spacy.blank("zh")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("govtext")
    doc = nlp("第一句。第二句！")
    assert [s.text for s in doc.sents] == ["第一句。", "第二句！"]


def test_a_text_without_sentences_is_one_sentence():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext", config={"disable": ["structure"]})
    doc = nlp("增长3.5%。又增长4%。")
    assert len(list(doc.sents)) == 1


def test_displacy_colours_cover_every_registered_label(gdoc):
    colors = displacy_colors()
    assert set(colors) == set(registry.labels())
    assert all(colors[s.label] == s.colour for s in registry.specs())
    html = displacy.render(gdoc.to_spacy(), style="ent", options=displacy_options())
    assert registry.spec("OFFICIAL").colour in html and registry.spec("QUANTITY").colour in html
    spans_html = displacy.render(gdoc.to_spacy(), style="span",
                                 options=displacy_options(spans_key="govtext"))
    assert "REGULATION" in spans_html


# (govtext span, OntoNotes label, why)
ONTONOTES = [
    ("市长张瑞书", "PERSON", "OFFICIAL is a person"),
    ("市政府", "ORG", "AGENCY is an organization"),
    ("271.27亿元", "MONEY", "QUANTITY of kind money"),
    ("3.5%", "PERCENT", "QUANTITY of kind percent"),
    ("三分之一", "CARDINAL", "QUANTITY of kind ratio"),
    ("《秦皇岛市祭祀管理办法》", "LAW", "REGULATION"),
    ("2019年3月", "DATE", "DATE"),
]


@pytest.mark.parametrize("text, label, why", ONTONOTES, ids=[r[0] for r in ONTONOTES])
def test_ontonotes_labels(gdoc, text, label, why):
    sdoc = gdoc.to_spacy(labels="ontonotes")
    ents = {e.text: e for e in sdoc.ents}
    assert ents[text].label_ == label, why
    assert ents[text]._.govtext is not None  # values still found under the new label
    assert {s.label_ for s in sdoc.spans["govtext"]} <= set(registry.labels())


def test_ontonotes_labels_come_from_the_registry():
    for spec in registry.specs():
        if spec.label != "QUANTITY":
            assert ontonotes_label(spec.label, {}) == spec.ontonotes
    assert ontonotes_label("QUANTITY", {"kind": "area"}) == "QUANTITY"
    assert ontonotes_label("TERM", {}) is None


def test_ontonotes_entities_mix_with_a_model_s_own():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext", config={"ent_labels": "ontonotes"})
    doc = nlp("增长3.5%，投资12亿元。")
    assert [e.label_ for e in doc.ents] == ["PERCENT", "MONEY"]
    with pytest.raises(ValueError, match="labels"):
        nlp.add_pipe("govtext", name="bad", config={"ent_labels": "conll"})


def test_entity_rank_comes_from_the_registry():
    # two labels over the same characters: the lower registry rank becomes the entity
    text = "“十四五”"
    doc = Document(text, spans=(Term(1, 4, "十四五"),
                                Quantity(1, 4, "十四五", value=Decimal(145), unit="",
                                         kind="count")))
    (ent,) = to_spacy(doc).ents
    winner = min(("TERM", "QUANTITY"), key=lambda lb: registry.spec(lb).rank)
    assert ent.label_ == winner


@pytest.mark.parametrize("make", [
    lambda d: d.to_spacy(),
    lambda d: write_docbin([d], "/nonexistent/never-written.spacy"),
], ids=["to_spacy", "write_docbin"])
def test_lone_surrogate_is_refused_with_e009(make):
    # issue 17: spaCy raised UnicodeEncodeError deep inside
    text = "市长张瑞书\ud800说"
    doc = Document(text, spans=(Term(0, 5, text[:5]),))
    with pytest.raises(ValueError, match=r"\[E009\].*offset 5.*U\+D800"):
        make(doc)


def test_spans_of_a_user_made_span_are_none():
    sdoc = govtext.annotate("增长3.5%").to_spacy()
    assert Span(sdoc, 0, 1)._.govtext is None
