"""INDICATOR scoring, the targets table and `govtext indicators` (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govtext
from govtext.cli import main
from govtext.evaluate import GoldDoc, GoldSpan, LabelScore, score_document
from govtext.indicators.frame import indicator_rows, year_from_name
from govtext.indicators.targets import targets_table

PLAN = ("今年发展主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；"
        "城镇新增就业1100万人以上，城镇登记失业率4.5%以内。")


def _gold(text: str, name: str, qty: str, change: str, status: str) -> GoldSpan:
    s, q = text.index(name), text.index(qty)
    return GoldSpan(s, s + len(name), "INDICATOR", name,
                    {"quantity": [q, q + len(qty)], "change": change, "status": status})


# (gold (name, qty, change, status), exact F1, partial F1, why)
SCORES = [
    (("国内生产总值", "6.5%左右", "increase", "target"), 1.0, 1.0, "same link"),
    (("内生产总值", "6.5%左右", "increase", "target"), 0.0, 1.0, "overlap only: partial"),
    (("国内生产总值", "6.5%左右", "level", "target"), 0.0, 0.0, "another change: wrong"),
    (("国内生产总值", "6.5%左右", "increase", "actual"), 0.0, 0.0, "another status: wrong"),
]


@pytest.mark.parametrize("gold,exact,partial,why", SCORES, ids=[s[-1] for s in SCORES])
def test_scoring(nlp: govtext.Pipeline, gold: tuple, exact: float, partial: float,
                 why: str) -> None:
    text = "今年预期目标是：国内生产总值增长6.5%左右。"
    doc = nlp(text)
    report = score_document(GoldDoc("t", text, (_gold(text, *gold),)), doc)
    assert report.f1("INDICATOR") == exact, why
    assert report.f1("INDICATOR", "partial") == partial, why
    assert set(report.scores) == {"INDICATOR"}, "only the labels the gold file annotates"


def test_entity_gold_does_not_score_indicators(nlp: govtext.Pipeline) -> None:
    text = "国内生产总值增长6.5%。"
    q = text.index("6.5%")
    gold = GoldDoc("t", text, (GoldSpan(q, q + 4, "QUANTITY", "6.5%",
                                        {"value": "6.5", "unit": "%", "approx": None}),))
    report = score_document(gold, nlp(text))
    assert "INDICATOR" not in report.scores and isinstance(report.scores["QUANTITY"],
                                                           LabelScore)


def test_targets_table(nlp: govtext.Pipeline) -> None:
    rows = targets_table([("2017.txt", nlp(PLAN))])
    assert rows[0]["year"] == 2017
    assert [rows[0][c] for c in ("gdp_growth", "cpi", "new_urban_jobs",
                                 "registered_unemployment", "surveyed_unemployment")] == \
        ["~6.5%", "~3%", "≥1100万人", "≤4.5%", None]


def test_older_wording(nlp: govtext.Pipeline) -> None:
    text = "今年计划国民生产总值增长百分之六，零售物价上涨幅度控制在百分之六以内。"
    row = targets_table([("1992.txt", nlp(text))])[0]
    assert (row["gdp_growth"], row["cpi"]) == ("6%", "≤6%")


def test_rows_take_the_year_from_the_name(nlp: govtext.Pipeline) -> None:
    rows = indicator_rows(nlp(PLAN), "2018.txt", year_from_name("2018.txt"))
    assert {r["year"] for r in rows} == {2018}
    assert rows[0]["value"] == "6.5" and rows[0]["value_float"] == 6.5


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "2017.txt").write_text(PLAN, encoding="utf-8")
    assert main(["indicators", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t")[:5] == ["document", "year", "status", "change", "indicator"]
    assert "城镇新增就业" in out[3]
    assert main(["indicators", "--targets", "-f", "csv", str(tmp_path)]) == 0
    assert "~6.5%" in capsys.readouterr().out
    assert main(["indicators", str(tmp_path / "missing")]) == 1
