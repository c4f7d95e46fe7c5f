"""Name entities on a table of varied sentences (tests/data/entities/names.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govtext.model import Agency, Official, Person
from govtext.pipeline import Pipeline

CASES = json.loads((Path(__file__).parents[1] / "data" / "entities" / "names.json")
                   .read_text(encoding="utf-8"))["cases"]



@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_names(nlp: Pipeline, case: dict) -> None:
    doc = nlp(case["text"])
    got = {(s.label, s.text): s for s in doc.spans}
    for label, text, attr in case["expect"]:
        assert (label, text) in got, f"missing {label} {text!r}; got {sorted(got)}"
        span = got[(label, text)]
        if attr is None:
            continue
        if isinstance(span, (Official, Person)):
            assert span.name == attr
        elif isinstance(span, Agency):
            assert span.canonical == attr
    for label, text in case["absent"]:
        if text == "*":
            assert not [k for k in got if k[0] == label], f"unexpected {label}: {sorted(got)}"
        else:
            assert (label, text) not in got


DATA = json.loads((Path(__file__).parents[1] / "data" / "entities" / "names.json")
                  .read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", DATA["no_official"])
def test_title_without_name(nlp: Pipeline, text: str) -> None:
    found = [(s.label, s.text) for s in nlp(text).spans if s.label in ("OFFICIAL", "PERSON")]
    assert found == []


@pytest.mark.parametrize("text, span, name", DATA["officials"])
def test_official_around_particles(nlp: Pipeline, text: str, span: str, name: str) -> None:
    found = [(s.text, s.name) for s in nlp(text).officials]
    assert found == [(span, name)]
