"""Boilerplate regions and the body on invented scraped pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govtext
from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

DATA = Path(__file__).resolve().parent.parent / "data" / "text"
CASES = json.loads((DATA / "boilerplate_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_boilerplate_regions(case):
    structure = analyze(Prepared.of(case["text"]))
    assert [[r.text, r.kind] for r in structure.boilerplate] == case["boilerplate"]
    body = structure.body
    assert body is not None
    assert body.text.startswith(case["body_starts"])
    assert body.text.endswith(case["body_ends"])
    for r in structure.boilerplate:  # the body never holds a boilerplate line
        if r.kind != "tools":
            assert not (body.start <= r.start and r.end <= body.end) or r.start > body.start
    # no paragraph is a whole boilerplate line
    whole = {(r.start, r.end) for r in structure.boilerplate}
    assert not any((p.start, p.end) in whole for p in structure.paragraphs)


@pytest.mark.parametrize("line", [
    "<<返回", "< 返回首页", "当前位置：首页 > 政务公开", "您的位置：首页", "首页 > 政务公开 > 规划计划",
    "打印 关闭本页", "【打印】【关闭】", "[ 打印 ] [ 关闭 ]", "【字体：大 中 小】", "字号：大 中 小",
    "分享到：", "浏览次数：1024", "Copyright © 2005-2023 www.example.gov.cn", "版权所有：某某市人民政府",
    "版权：XX市人民政府办公室", "京ICP备05070218号", "冀公网安备 13030202000123号", "网站标识码：1303000003",
    "上一篇：关于做好2021年防汛工作的通知", "【下一篇】：市政府召开常务会议", "文字大小：大 中 小",
    "您是第1234567位访问者", "【打印正文】", "无障碍浏览 | 长者模式 | 繁體", "分享：", "视力保护色：",
])
def test_boilerplate_lines(line):
    text = f"正文第一段，内容充实。\n{line}\n"
    structure = analyze(Prepared.of(text))
    assert [r.text for r in structure.boilerplate] == [line.strip()]


@pytest.mark.parametrize("line", [
    "市政府办公室负责同志介绍了当前位置调整的有关情况。", "打印机采购项目已完成", "字体设计大赛圆满落幕",
    "版权保护工作取得新进展，查处侵权盗版案件32起。", "首页设计方案已通过评审", "返回式卫星回收成功",
    "主办单位要切实履行安全管理责任。", "下一步，我们将继续深化改革。", "上一年度结转资金3亿元。", "无障碍设施建设全面推进",
    "分享经济健康发展。", "视力保护工作持续加强。",
])
def test_body_lines_are_not_boilerplate(line):
    text = f"{line}\n第二段正文。\n"
    assert analyze(Prepared.of(text)).boilerplate == ()


def test_entities_in_boilerplate_are_dropped_and_offsets_kept(nlp):
    text = "当前位置：首页 > 国务院办公厅\n国务院办公厅召开会议。\n主办单位：国务院办公厅\n"
    doc = nlp(text)
    assert doc.text == text
    for s in doc.spans:
        assert not any(r.start <= s.start < r.end for r in doc.boilerplate)
    assert govtext.Region in {type(r) for r in doc.boilerplate}


def test_sponsor_line_in_the_footer():
    text = ("市政府召开常务会议。\n\n湖州市人民政府办公室主办 湖州市大数据发展管理局承办\n"
            "浙ICP备05006123号\n")
    kinds = [(r.text, r.kind) for r in analyze(Prepared.of(text)).boilerplate]
    assert kinds == [("湖州市人民政府办公室主办 湖州市大数据发展管理局承办", "footer"),
                     ("浙ICP备05006123号", "footer")]
    assert analyze(Prepared.of(text)).metadata.sponsor == "湖州市人民政府办公室"
    # the same words in the body are body text
    body = "湖州市人民政府办公室主办 湖州市大数据发展管理局承办\n会议要求各地抓好落实。\n"
    assert analyze(Prepared.of(body)).boilerplate == ()


def test_contact_lines_count_only_after_a_footer():
    text = "【打印】【关闭】\n联系电话：0571-87654321\n正文。\n"
    assert [r.text for r in analyze(Prepared.of(text)).boilerplate] == ["【打印】【关闭】"]
    text = "正文。\n版权所有：某某市人民政府\n联系电话：0571-87654321\n"
    assert [r.text for r in analyze(Prepared.of(text)).boilerplate] == [
        "版权所有：某某市人民政府", "联系电话：0571-87654321"]


@pytest.mark.parametrize("footer, sponsor", [
    ("主办单位：成都市武侯区人民政府办公室", "成都市武侯区人民政府办公室"),
    ("主办：广州市天河区人民政府 承办：天河区政务服务数据管理局", "广州市天河区人民政府"),
    ("版权所有：某某县人民政府", None),
])
def test_sponsor_from_the_footer(footer, sponsor):
    text = f"正文。\n{footer}\n"
    assert analyze(Prepared.of(text)).metadata.sponsor == sponsor
