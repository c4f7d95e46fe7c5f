"""Invariants on arbitrary text: offsets index the original, JSON round-trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtext
from govtext.model import Document
from govtext.text.prepare import normalize

from support import assert_indexes_text, gov_text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gov_text)
def test_every_annotation_indexes_the_original_text(text):
    doc = govtext.annotate(text)
    assert_indexes_text(doc, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gov_text)
def test_json_round_trip_is_lossless(text):
    doc = govtext.annotate(text)
    assert Document.from_json(doc.to_json()) == doc


@given(st.text())
def test_normalization_preserves_length(text):
    assert len(normalize(text)) == len(text)
