"""The document's own place (title, else the city named most often) expands abbreviated
agencies: 市政府 in a Tangshan report is 唐山市人民政府 (tests/data/entities/context.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govtext.entities.lexicon import squeeze
from govtext.entities.places import context_of, find_places
from govtext.pipeline import Pipeline

CASES = json.loads((Path(__file__).parents[1] / "data" / "entities" / "context.json")
                   .read_text(encoding="utf-8"))["cases"]



@pytest.mark.parametrize("case", CASES, ids=[c["text"][:10] for c in CASES])
def test_canonical(nlp: Pipeline, case: dict) -> None:
    doc = nlp(case["text"])
    got = {a.text: a.canonical for a in doc.agencies}
    for text, canonical in case["expect"]:
        assert text in got, f"missing AGENCY {text!r}; got {got}"
        assert got[text] == canonical


def test_context_needs_two_mentions_without_a_title_place() -> None:
    s = squeeze("通报\n苏州市优良天数上升，全国情况良好。").s
    ctx = context_of(find_places(s), s, "通报")
    assert ctx.city is None
    s2 = squeeze("通报\n苏州市优良天数上升，苏州市经验推广。").s
    assert context_of(find_places(s2), s2, "通报").city == "苏州市"
