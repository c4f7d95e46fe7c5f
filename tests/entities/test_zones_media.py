"""Zone names (tests/data/entities/zones.json) and media organizations
(tests/data/entities/media.json) on tables of invented sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govtext.pipeline import Pipeline

DATA = Path(__file__).parents[1] / "data" / "entities"
ZONES = json.loads((DATA / "zones.json").read_text(encoding="utf-8"))["cases"]
MEDIA = json.loads((DATA / "media.json").read_text(encoding="utf-8"))["cases"]



def _check(nlp: Pipeline, case: dict) -> None:
    got = {(s.label, s.text) for s in nlp(case["text"]).spans}
    for label, text in case["expect"]:
        assert (label, text) in got, f"missing {label} {text!r}; got {sorted(got)}"
    for label, text in case["absent"]:
        if text == "*":
            assert not [k for k in got if k[0] == label], f"unexpected {label}: {sorted(got)}"
        else:
            assert (label, text) not in got, f"unexpected {label} {text!r}"


@pytest.mark.parametrize("case", ZONES, ids=[c["text"][:14] for c in ZONES])
def test_zones(nlp: Pipeline, case: dict) -> None:
    _check(nlp, case)


@pytest.mark.parametrize("case", MEDIA, ids=[c["text"][:14] for c in MEDIA])
def test_media(nlp: Pipeline, case: dict) -> None:
    _check(nlp, case)
