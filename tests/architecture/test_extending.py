"""Extending govtext without touching the package (issue 9): a toy label added in two
places, user rules as data, explanations of what resolve did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest

import govtext
from govtext.components import Candidate, component
from govtext.errors import InputError
from govtext.model import Attr, Document, LabelSpec, Span, register
from govtext.model import labels as registry
from govtext.pipeline import explain


@dataclass(frozen=True, slots=True)
class Colour(Span):
    name: str
    label: ClassVar[str] = "COLOUR"


@component("colours")
def colours(analysis):
    for i, ch in enumerate(analysis.norm):
        if ch in "红黄蓝绿":
            yield Colour(i, i + 1, analysis.text[i], name=ch, rule="colours.char")


@pytest.fixture()
def colour_label():
    register(LabelSpec("COLOUR", Colour, attrs=(Attr("name", required=True),), rank=50,
                       yields_inside=frozenset({"LOCATION"}), colour="#ffb3c6"))
    yield
    registry.unregister("COLOUR")


def test_a_toy_label_in_two_places(colour_label):
    nlp = govtext.Pipeline(components=[colours])
    doc = nlp("紅旗渠在林州市，黄河以南")
    got = [(s.text, s.name, s.rule) for s in doc.by_label("COLOUR")]
    # 紅 (traditional) is found through the normalized view; 黄 inside the LOCATION 黄河
    # yields to it, as its registry entry says
    assert got == [("紅", "红", "colours.char")]
    assert Document.from_json(doc.to_json()) == doc
    assert "COLOUR" in registry.labels()


def test_an_unregistered_label_cannot_be_read_back():
    doc = Document("红", spans=(Colour(0, 1, "红", name="红"),))
    with pytest.raises(ValueError, match="E209"):
        Document.from_json(doc.to_json())


def test_a_registered_label_must_match_its_class():
    with pytest.raises(InputError, match="E006"):
        register(LabelSpec("NOT_COLOUR", Colour))


def test_user_rules_add_and_block():
    nlp = govtext.Pipeline(rules=[
        {"block": "党中央统揽全局"},
        {"label": "ORG", "pattern": "清风书社"},
        {"label": "AGENCY", "regex": "[一-龥]{2,8}管委会", "id": "mgmt"},
    ])
    doc = nlp("党中央统揽全局，清風書社开幕，开发区管委会")
    got = {(s.label, s.text, s.rule) for s in doc.spans}
    assert ("ORG", "清風書社", "user.清风书社") in got
    assert ("AGENCY", "开发区管委会", "user.mgmt") in got
    assert not any(s.text == "党中央统揽全局" for s in doc.spans)


def test_user_rules_from_a_jsonl_file(tmp_path):
    path = tmp_path / "rules.jsonl"
    path.write_text('{"label": "ORG", "pattern": "某某论坛"}\n\n{"block": "和企业"}\n',
                    encoding="utf-8")
    doc = govtext.Pipeline(rules=path)("某某论坛举行")
    assert [(s.label, s.text) for s in doc.spans] == [("ORG", "某某论坛")]


@pytest.mark.parametrize("entry,why", [
    ({"label": "NOPE", "pattern": "x"}, "unknown label"),
    ({"label": "ORG"}, "pattern or regex"),
    ({"label": "ORG", "pattern": "x", "regex": "y"}, "pattern or regex"),
    ({"label": "ORG", "regex": "("}, "missing"),
    ({"label": "OFFICIAL", "pattern": "张三市长"}, "attrs.name"),
    ({"block": ""}, "block needs a text"),
    ("not a dict", "JSON object"),
])
def test_bad_user_rules_say_which_and_why(entry, why):
    with pytest.raises(InputError, match="E006") as err:
        govtext.Pipeline(rules=[entry])
    assert why in str(err.value)


def test_explain_says_why_each_candidate_was_kept_or_dropped():
    decisions = explain("河北省秦皇岛市人民政府办公室")
    kept = [d for d in decisions if d.kept]
    dropped = [d for d in decisions if not d.kept]
    assert [d.candidate.span.label for d in kept] == ["AGENCY"]
    # the places inside the agency were candidates, and yielded to it
    assert [(d.candidate.span.text, d.by.text if d.by else None) for d in dropped] == [
        ("河北省", "河北省秦皇岛市人民政府办公室"), ("秦皇岛市", "河北省秦皇岛市人民政府办公室")]
    assert all("yields inside" in d.reason for d in dropped)
    assert all(str(d).startswith(("kept", "dropped")) for d in decisions)


def test_scores_and_tiers_decide_between_candidates():
    from govtext.resolve import decide
    from govtext.model import Org, Agency

    low = Candidate(Org(0, 4, "某某集团", rule="model"), score=0.3)
    high = Candidate(Agency(0, 4, "某某集团", rule="rule"), score=0.9)
    spans, decisions = decide([low, high], min_score=0.5, explain=True)
    assert [(s.label, s.rule) for s in spans] == [("AGENCY", "rule")]
    assert any("score below" in d.reason for d in decisions)
    user = Candidate(Org(0, 2, "某某", rule="user.x"), tier=1)
    spans, _ = decide([high, user])
    assert [(s.label, s.text) for s in spans] == [("ORG", "某某")]  # the user's tier wins


def test_disable_a_single_component():
    doc = govtext.Pipeline(disable=["terms"])("推进“放管服”改革")
    assert not doc.terms
    with pytest.raises(ValueError, match="E002"):
        govtext.Pipeline(disable=["nonsense"])
