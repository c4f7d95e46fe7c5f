"""发布机构 fields (entities._issuer): one AGENCY per field with its canonical name, the
same as the straightforward per-field search, which was quadratic on a listing page
that repeats the field (issue 17)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from govtext.entities.scan import _ISSUER, _issuer, _trim_to_place
from govtext.entities.lexicon import squeeze
from govtext.text.prepare import Prepared


def reference(prep, found, sq):
    """The former implementation: every field scans the found agencies and the text."""
    out = []
    norm = prep.norm
    for m in _ISSUER.finditer(norm):
        a, b = m.span("v")
        value = m.group("v")
        if any(sq.pos[f.start] <= a and b <= sq.pos[f.end - 1] + 1 for f in found):
            continue
        canon = None
        for full in re.finditer(rf"[\u4e00-\u9fff]{{2,30}}{re.escape(value)}", norm):
            if full.end() != m.end("v"):
                canon = full.group()
                break
        out.append((a, b, _trim_to_place(canon)))
    return out


def issuer(text: str, found=()):
    prep = Prepared.of(text)
    sq = squeeze(prep.norm)
    got = [(g.start, g.end, g.canonical) for g in _issuer(prep, list(found), sq)]
    return got, reference(prep, list(found), sq)


@pytest.mark.parametrize("text, expected, why", [
    ("发布机构:办公室\n主办单位:秦皇岛市人民政府办公室",
     [(5, 8, "秦皇岛市人民政府办公室")], "canonical from the 主办单位 line"),
    ("发布机构:办公室\n" * 3, [(5, 8, None), (14, 17, None), (23, 26, None)],
     "issue 17: a listing page repeats the field; no full name anywhere"),
    ("秦皇岛市人民政府办公室\n发布机构:办公室\n发布机构:办公室",
     [(17, 20, "秦皇岛市人民政府办公室"), (26, 29, "秦皇岛市人民政府办公室")],
     "every repeated field gets the one full name"),
])
def test_issuer_fields(text, expected, why):
    got, ref = issuer(text)
    assert got == expected, why
    assert got == ref


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["发布机构:办公室\n", "发文机关：财政局\n", "主办单位:秦皇岛市人民政府办公室\n",
                                 "河北省财政局", "办公室", "市政府办公室发布", "\n"]), max_size=12))
def test_same_as_the_per_field_search(parts):
    got, ref = issuer("".join(parts))
    assert got == ref


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=6))
def test_fields_inside_found_agencies_are_skipped_as_before(intervals):
    from collections import namedtuple

    Found = namedtuple("Found", "start end")
    text = "发布机构:办公室\n发布机构：财政局\n主办单位:秦皇岛市人民政府办公室\n发布机构:办公室"
    n = len(squeeze(Prepared.of(text).norm).s)
    found = [Found(a, min(a + k, n)) for a, k in intervals if a < n]
    got, ref = issuer(text, found)
    assert got == ref
