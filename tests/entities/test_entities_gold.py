"""The name entities on the hand-checked gold set in ../shared/gold (skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtext.evaluate import evaluate
from govtext.pipeline import Pipeline

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    if not GOLD.is_dir() or not any(GOLD.glob("*.json")):
        pytest.skip("no gold set beside the repository")
    return evaluate([GOLD], Pipeline())


@pytest.mark.parametrize("label, measure, floor", [
    ("OFFICIAL", "exact", 0.95),
    ("AGENCY", "partial", 0.92),
    ("AGENCY", "exact", 0.90),
    ("PERSON", "exact", 0.90),
    ("ORG", "partial", 0.85),
    ("LOCATION", "partial", 0.85),
])
def test_floor(report, label: str, measure: str, floor: float) -> None:  # type: ignore[no-untyped-def]
    assert report.f1(label, measure) >= floor


def test_no_official_without_name(report) -> None:  # type: ignore[no-untyped-def]
    # every OFFICIAL predicted on the gold set is a gold OFFICIAL
    s = report.scores["OFFICIAL"]
    assert s.pred == s.exact_tp
