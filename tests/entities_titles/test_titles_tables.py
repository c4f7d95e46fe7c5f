"""Table tests for REGULATION/WORK titles, DOCNO and TERM finders; the tables live in
tests/data/entities_titles/*.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govtext.model import Regulation, Work
from govtext.entities.docno import find_docnos
from govtext.entities.terms import find_terms
from govtext.entities.titles import find_titles, title_head, title_key, title_kind
from govtext.text.prepare import Prepared

DATA = Path(__file__).resolve().parent.parent / "data" / "entities_titles"


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA / name).read_text("utf-8"))["cases"]
    return cases


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["text"][:16] for c in cases]


def _inner(marked: str) -> str:
    n = 2 if marked[:2] in ("<<", "＜＜") else 1
    return marked[n:-n]


TITLE_CASES = _cases("titles.json")
DOCNO_CASES = _cases("docnos.json")
TERM_CASES = _cases("terms.json")


@pytest.mark.parametrize("case", TITLE_CASES, ids=_ids(TITLE_CASES))
def test_titles(case: dict[str, Any]) -> None:
    prep = Prepared.of(case["text"])
    got = []
    for s in find_titles(prep):
        assert prep.text[s.start:s.end] == s.text
        if isinstance(s, Regulation):
            got.append(["REGULATION", s.text, s.kind, s.bracketed])
            assert s.title == (_inner(s.text) if s.bracketed else s.text)
        else:
            assert isinstance(s, Work)
            got.append(["WORK", s.text])
            assert s.title == _inner(s.text)
    assert got == case["spans"]


@pytest.mark.parametrize("case", DOCNO_CASES, ids=_ids(DOCNO_CASES))
def test_docnos(case: dict[str, Any]) -> None:
    prep = Prepared.of(case["text"])
    got = []
    for d in find_docnos(prep.text, prep.norm):
        assert prep.text[d.start:d.end] == d.text
        got.append([d.text, d.issuer_code, d.year, d.serial])
    assert got == case["spans"]


@pytest.mark.parametrize("case", TERM_CASES, ids=_ids(TERM_CASES))
def test_terms(case: dict[str, Any]) -> None:
    prep = Prepared.of(case["text"])
    got = find_terms(prep)
    for t in got:
        assert prep.text[t.start:t.end] == t.text
    assert [t.text for t in got] == case["terms"]


def test_docno_window_limits_the_search() -> None:
    text = "国发〔2018〕1号和京政发〔2019〕2号"
    prep = Prepared.of(text)
    start = text.index("京")
    got = find_docnos(prep.text, prep.norm, start)
    assert [d.text for d in got] == ["京政发〔2019〕2号"]
    assert find_docnos(prep.text, prep.norm, 0, start - 1)[0].text == "国发〔2018〕1号"


@pytest.mark.parametrize("title, head, kind", [
    ("秦皇岛市海水浴场管理条例（草案）", "秦皇岛市海水浴场管理条例", "regulation"),
    ("法治政府建设实施纲要(2021—2025年)", "法治政府建设实施纲要", "plan"),
    ("重大行政决策程序暂行条例征求意见稿", "重大行政决策程序暂行条例", "regulation"),
    ("城市管理办法（试行）（修订）", "城市管理办法", "rule"),
    ("今日说法", "今日说法", "work"),
    ("环境保护法", "环境保护法", "law"),
    ("人民日报", "人民日报", "work"),
    ("平安中国", "平安中国", None),
])
def test_title_head_and_kind(title: str, head: str, kind: str | None) -> None:
    assert title_head(title) == head
    assert title_kind(title) == kind


@pytest.mark.parametrize("a, b, same", [
    ("《秦皇岛市2018年度法治政府建设工作报告》", "秦皇岛市2018年度法治政府建设工作报告", True),
    ("＜＜關於深化“放管服”改革的通知＞＞", "关于深化放管服改革的通知", True),
    ("秦皇岛市2018年度法治政府建设工作报告", "秦皇岛市2019年度法治政府建设工作报告", False),
])
def test_title_key(a: str, b: str, same: bool) -> None:
    assert (title_key(a) == title_key(b)) is same
