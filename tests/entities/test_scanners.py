"""Scanners try their pattern only where one of their words starts (found by one
automaton pass). That is a speed-up only if it finds exactly what the pattern finds
trying every position; these tests check it on generated text and on the reports."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

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


def _word_persons_both_ways(text: str) -> None:
    from govtext.entities.persons import word_persons

    analysis = govtext.Pipeline().analyze(text)
    s, bound = analysis.squeezed.s, analysis.bound
    starts = analysis.word_starts(3, 4)
    assert starts is not None
    assert all(bound(i, i) for i in starts)
    assert word_persons(s, bound, starts) == word_persons(s, bound)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gov_text)
def test_word_persons_from_word_starts_finds_what_trying_every_surname_finds(text):
    """`Analysis.word_starts` (from the token offsets, mapped to the squeezed view) is
    a speed-up of word_persons only if no name is lost: the same names either way."""
    _word_persons_both_ways(text)


@pytest.mark.parametrize("text", ["宋敬波 放下 书本，徐东辉即将\n\n到任。王小明说", "\u3000张三丰、李四光 和 王 小明"])
def test_word_starts_map_to_the_squeezed_view(text):
    analysis = govtext.Pipeline().analyze(text)
    pos = analysis.squeezed.pos
    starts = analysis.word_starts(1, 9)
    assert [pos[k] for k in starts] == [t.start for t in analysis.tokens]
    _word_persons_both_ways(text)


@pytest.mark.skipif(not REPORTS.is_dir(), reason="../shared not present")
def test_word_persons_both_ways_on_a_report():
    _word_persons_both_ways((REPORTS / "1995.txt").read_text(encoding="utf-8")[:40_000])


def test_word_starts_of_a_word_longer_than_255_characters():
    text = "增长" + "1" * 300 + "元，市长张瑞书说"
    analysis = govtext.Pipeline().analyze(text)
    longest = max(t.end - t.start for t in analysis.tokens)
    assert longest >= 256
    assert len(analysis.word_starts(1, 254)) == len(analysis.tokens) - 1
    assert analysis.word_starts(3, 3) == [t.start for t in analysis.tokens if len(t.text) == 3]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市长张 \n\r\t\u3000\u200b，")), max_size=60),
       st.sampled_from([0, 3, 100]))
def test_squeezed_offsets_point_at_their_characters(text, ruler_kept):
    """`squeeze` copies offsets from a shared ruler (`_ruler`); whatever the ruler's
    length, each squeezed character sits at its offset (a kept blank line at the
    first of its breaks)."""
    saved = lexicon._RULER, lexicon._RULER_KEPT
    try:
        lexicon._RULER, lexicon._RULER_KEPT = array("q"), ruler_kept
        sq = lexicon.squeeze(text)
        assert len(sq.s) == len(sq.pos)
        assert all(text[p] == c or c == "\n" and text[p] in "\n\r \t\u3000\u200b"
                   for p, c in zip(sq.pos, sq.s))
        assert list(sq.pos) == sorted(set(sq.pos))
    finally:
        lexicon._RULER, lexicon._RULER_KEPT = saved
