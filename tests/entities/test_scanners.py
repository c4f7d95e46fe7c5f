"""Scanners try their pattern only where one of their words starts (found by one
automaton pass). That is a speed-up only if it finds exactly what the pattern finds
trying every position; these tests check it on generated text and on the reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import govtext
from govtext.entities import agencies, lexicon

from support import gov_text

REPORTS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "state-council-work-reports"


def _scanners() -> list[lexicon.Scanner]:
    govtext.annotate("国务院办公厅关于印发实施方案的通知，北京市人民政府，中国银行")  # builds them
    g = agencies._grammar()
    return [g.prefix, g.bare, *lexicon._scanners]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _check(text: str) -> None:
    for scanner in _scanners():
        assert _spans(scanner.finditer(text)) == _spans(scanner.pattern.finditer(text)), \
            scanner.pattern.pattern[:80]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gov_text)
def test_scanners_find_what_their_patterns_find(text):
    _check(text)


@pytest.mark.skipif(not REPORTS.is_dir(), reason="../shared not present")
@pytest.mark.parametrize("year", ["1978", "1995", "2009", "2023"])
def test_scanners_find_what_their_patterns_find_on_a_report(year):
    text = (REPORTS / f"{year}.txt").read_text(encoding="utf-8")
    squeezed = lexicon.squeeze(text).s
    _check(squeezed[:60_000])
