"""The core invariants on 10,000 generated texts (issue 17: "the hypothesis invariants run
with 10k examples in a test marked slow that CI runs"). Deselect locally with
``-m "not slow"``; CI runs them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import govtext
from govtext.model import Document
from support import assert_indexes_text, gov_text

pytestmark = pytest.mark.slow


@settings(max_examples=10_000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(gov_text)
def test_offsets_json_and_schema_hold_on_10k_texts(text):
    doc = govtext.annotate(text)
    assert_indexes_text(doc, text)
    assert all(s.rule for s in doc.spans)
    assert Document.from_json(doc.to_json(rules=True)) == doc
