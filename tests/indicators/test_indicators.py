"""INDICATOR (guidelines v1.2, section "Indicators", issue 14): tables of sentences with
the links they must give, invariants, and the development gold where ../shared exists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtext
from govtext.model import Document, Indicator

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# (text, expected [(name, quantity text, change, status)], why)
CASES = [
    ("全年空气质量达标天数285天，增加17天。",
     [("空气质量达标天数", "285天", "level", "actual"),
      ("空气质量达标天数", "17天", "increase", "actual")],
     "several quantities link one name; 全年 is a time word left out"),
    ("全市高新技术企业、科技型中小企业分别达到197家、2429家。",
     [("高新技术企业", "197家", "level", "actual"),
      ("科技型中小企业", "2429家", "level", "actual")],
     "分别 distributes coordinated names over the quantities"),
    ("今年发展主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上，"
     "城镇登记失业率4.5%以内。",
     [("国内生产总值", "6.5%左右", "increase", "target"),
      ("城镇新增就业", "1100万人以上", "level", "target"),
      ("城镇登记失业率", "4.5%以内", "level", "target")],
     "预期目标是 makes every figure after it a target"),
    ("PM2.5平均浓度下降13.6%，森林覆盖率达54%。",
     [("PM2.5平均浓度", "13.6%", "decrease", "actual"),
      ("森林覆盖率", "54%", "level", "actual")],
     "下降 gives decrease, 达 level; PM2.5 is part of the name"),
    ("全市590所中小学均配备法治副校长。",
     [("中小学", "590所", "level", "actual")],
     "a count followed by its noun counts that noun"),
    ("工业企业利润由上年下降2.3%转为增长8.5%。",
     [("工业企业利润", "2.3%", "decrease", "actual"),
      ("工业企业利润", "8.5%", "increase", "actual")],
     "a comparison (由上年) is no part of the name; the second figure keeps the name"),
    ("今年要再压减行政开支3500亿元左右、涉企收费约2000亿元。",
     [("行政开支", "3500亿元左右", "decrease", "target"),
      ("涉企收费", "约2000亿元", "decrease", "target")],
     "a cutting verb makes a decrease, shared by the object after 、; a modal 要: target"),
    ("居民消费价格涨幅3%左右。",
     [("居民消费价格涨幅", "3%左右", "level", "actual")],
     "涨幅 inside the name keeps level"),
    ("世界经济增速7年来最低。", [], "durations of time are not linked"),
    ("明确4类重大决策事项。", [], "counts of categories a rule defines are not linked"),
    ("全县农民人均纯收入，扣除物价上涨因素，比上年增长4.6%。",
     [("农民人均纯收入", "4.6%", "increase", "actual")],
     "a price adjustment clause names nothing: the name before it stays (11 reports of "
     "the 1980s-2000 linked 扣除物价上涨因素 itself)"),
    ("全区社会消费品零售总额扣除价格因素实际增长8.2%。",
     [("社会消费品零售总额", "8.2%", "increase", "actual")],
     "an adjustment between the name and its change is no part of the name"),
    ("全县新建的仓库面积约有八万平方公尺。",
     [("新建的仓库面积", "八万平方公尺", "level", "actual")],
     "约 before 有 is a hedge, no name (the 1950s reports named 约, 就 and 将约); "
     "平方公尺 is the 1950s name of m²"),
    ("去年乡镇企业的利润就达到三十亿元。",
     [("乡镇企业的利润", "三十亿元", "level", "actual")],
     "就 before a figure stresses it and is no part of the name"),
    ("全省森林覆盖率从40.1%提升到42.3%。",
     [("森林覆盖率", "40.1%", "level", "actual"), ("森林覆盖率", "42.3%", "level", "actual")],
     "从 before the first figure is no part of the name (about 130 names in the reports "
     "ended with 从)"),
    ("将小微企业贷款贴息比例提高到50%。",
     [("小微企业贷款贴息比例", "50%", "level", "target")],
     "a leading 将 (the ba-construction) is no part of the name"),
    ("全市储蓄存款年末达到800亿元。",
     [("储蓄存款", "800亿元", "level", "actual")],
     "a time word after the name (年末, 去年底) is cut off, not kept in it"),
    ("出口创汇达八十亿元之多。",
     [("出口创汇", "八十亿元", "level", "actual")],
     "之多 after a figure is no name"),
    ("客运周转量将达到三十亿人公里。",
     [("客运周转量", "三十亿人公里", "level", "target")],
     "人公里 (passenger-kilometres) is a unit, not 人 and a name 公里 (1955 report)"),
    ("全省提前完成减少行政审批事项三分之一的目标。",
     [("行政审批事项", "三分之一", "decrease", "actual")],
     "a cutting verb inside the words before a figure opens the name and makes it a "
     "decrease; a fraction before 目标 is a figure, not a name's number (2017 report)"),
    ("各类市场主体每天新增4.5万户。",
     [("市场主体", "4.5万户", "increase", "actual")],
     "每天 between the name and the figure is no part of the name"),
    ("今年拟安排地方政府专项债券1200亿元。",
     [("地方政府专项债券", "1200亿元", "level", "target")],
     "安排 (to allocate) opens a budget line without being part of it (财政赤字, "
     "专项债券: about 30 names in the reports began with 安排)"),
    ("全年提请省人大常委会审议法规议案8件。",
     [("审议法规议案", "8件", "level", "actual")],
     "提请 and the organ after it open no name"),
    ("今年比2019年的铺轨里数增加120公里，粮食产量只增长1%。",
     [("铺轨里数", "120公里", "increase", "actual"), ("粮食产量", "1%", "increase", "actual")],
     "the year compared with (比2019年) opens no name, and 只 (only) ends none (the "
     "1950s reports: 比１９５４年的铺轨里数, 粮食产量只)"),
    ("机关内设处室精简1/4。",
     [("机关内设处室", "1/4", "decrease", "actual")],
     "精简 (streamline) is a decrease; 1/4 is one fraction"),
]


@pytest.mark.parametrize("text,expected,why", CASES, ids=[c[2][:40] for c in CASES])
def test_links(nlp: govtext.Pipeline, text: str, expected: list, why: str) -> None:
    doc = nlp(text)
    got = [(i.text, text[i.quantity[0]:i.quantity[1]], i.change, i.status)
           for i in doc.indicators]
    assert got == expected, why


def test_typed_with_quantity_and_round_trip(nlp: govtext.Pipeline) -> None:
    doc = nlp("——2017年3月5日在第十二届全国人民代表大会第五次会议上\n\n国务院总理\n李克强\n\n"
              "国内生产总值达到74.4万亿元，增长6.7%。今年赤字率拟按3%安排。")
    inds = doc.indicators
    assert [i.measure is not None and (i.measure.start, i.measure.end) == i.quantity
            for i in inds] == [True] * len(inds)
    assert [(i.text, i.status, i.year) for i in inds] == [
        ("国内生产总值", "actual", 2016), ("国内生产总值", "actual", 2016),
        ("赤字率", "target", 2017)]
    spans = [s for s in doc.to_dict()["spans"] if s["label"] == "INDICATOR"]
    assert spans[0]["attrs"]["quantity"] == list(inds[0].quantity)
    again = Document.from_json(doc.to_json())
    assert [i.quantity for i in again.indicators] == [i.quantity for i in inds]
    assert again.indicators[0].measure is not None


def test_bad_attribute_values_are_refused() -> None:
    with pytest.raises(ValueError, match="change"):
        Indicator(0, 2, "就业", quantity=(2, 4), change="up", status="actual")


# (header text, delivered, speaker, meeting, why)
HEADERS = [
    ("政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　李强\n\n各位代表：",
     date(2024, 3, 5), "李强", "第十四届全国人民代表大会第二次会议", "title and name on one line"),
    ("政府工作报\n告\n\n\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n\n\n\n国务院总理\n　李克强\n",
     date(2017, 3, 5), "李克强", "第十二届全国人民代表大会第五次会议", "title and name on two lines"),
    ("各位代表：\n\n现在，我代表国务院，向大会报告政府工作。", None, None, None, "no header line"),
]


@pytest.mark.parametrize("text,delivered,speaker,meeting,why", HEADERS,
                         ids=[h[-1] for h in HEADERS])
def test_report_header(nlp: govtext.Pipeline, text: str, delivered: date | None,
                       speaker: str | None, meeting: str | None, why: str) -> None:
    meta = nlp(text).metadata
    assert (meta.delivered, meta.speaker, meta.meeting) == (delivered, speaker, meeting), why
    assert meta.date == delivered


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["国内生产总值", "增长", "6.5%", "左右", "，", "。", "、",
                                 "分别", "达到", "197家", "1100万人", "力争", "企业", "\n",
                                 "（", "）", "比上年", "下降", "均为", "12个"]), max_size=25))
def test_offsets_and_links_hold(nlp: govtext.Pipeline, parts: list[str]) -> None:
    text = "".join(parts)
    doc = nlp(text)
    quantities = {(q.start, q.end) for q in doc.quantities}
    for i in doc.indicators:
        assert text[i.start:i.end] == i.text and i.text
        assert i.quantity in quantities


def test_development_gold_partial_f1() -> None:
    gold = SHARED / "gold-indicators"
    if not gold.is_dir():
        pytest.skip("no ../shared/gold-indicators")
    from govtext.evaluate import evaluate

    report = evaluate([gold / "qinhuangdao-2018-fazhi-report.json"])
    assert report.f1("INDICATOR", "partial") >= 0.90
    report = evaluate([gold / "gwr2017-slice.json"])
    assert report.f1("INDICATOR", "partial") >= 0.90  # 0.927 measured


def test_overlong_sentences_are_read_in_bounded_pieces():
    """A table row of figures with no full stop is one "sentence"; the finder reads it in
    pieces of at most MAX_SENTENCE characters, cut after a clause break, so each
    quantity's look back stays short (it was quadratic on a page-long list)."""
    from govtext.indicators.finder import MAX_SENTENCE, _bounded
    from govtext.model import Region

    text = "粮食产量增长12.5%、" * (3 * MAX_SENTENCE // 10)
    pieces = list(_bounded(text, [Region(0, len(text), text, "sentence")]))
    assert len(pieces) >= 3
    assert all(p.end - p.start <= MAX_SENTENCE and text[p.start:p.end] == p.text
               for p in pieces)
    assert [p.start for p in pieces[1:]] == [p.end for p in pieces[:-1]]  # no gap
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(text[p.end - 1] == "、" for p in pieces[:-1])  # cut after a clause break
    short = Region(0, 10, text[:10], "sentence")
    assert list(_bounded(text, [short])) == [short]
