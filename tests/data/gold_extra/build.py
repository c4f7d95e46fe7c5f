"""Regenerate the gold_extra JSON files from hand-written span lists.

Each document's spans are (text, occurrence, label, attrs[, note]) tuples, listed
in document order.  `occurrence` k means: the k-th match of `text` searching
from one character after the previous span's start (k = 0: at or after the
previous span's start, for a span nested at the same start).  Offsets are thus
computed, never typed; every span is checked with text[start:end] == span text.

Run:  python tests/data/gold_extra/build.py        (writes NAME.json next to it)
      python tests/data/gold_extra/build.py --show (also prints each span in context)
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
Span = tuple[Any, ...]


def _s(text: str, label: str, attrs: dict[str, Any], k: int, note: str | None) -> Span:
    return (text, k, label, attrs, note) if note else (text, k, label, attrs)


def A(text: str, canonical: str | None = None, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "AGENCY", {"canonical": canonical} if canonical else {}, k, note)


def L(text: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "LOCATION", {}, k, note)


def O(text: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "ORG", {}, k, note)


def T(text: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "TERM", {}, k, note)


def P(text: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "PERSON", {"name": text}, k, note)


def OF(text: str, name: str, title: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "OFFICIAL", {"name": name, "title": title}, k, note)


def D(text: str, value: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "DATE", {"value": value}, k, note)


def Q(text: str, value: str | None, unit: str, kind: str, approx: str | None = None,
      low: str | None = None, high: str | None = None, k: int = 1,
      note: str | None = None) -> Span:
    attrs: dict[str, Any] = {"value": value, "unit": unit, "kind": kind, "approx": approx}
    if low is not None:
        attrs["low"], attrs["high"] = low, high
    return _s(text, "QUANTITY", attrs, k, note)


def R(text: str, kind: str, bracketed: bool = True, k: int = 1, note: str | None = None) -> Span:
    title = text[1:-1] if bracketed else text
    return _s(text, "REGULATION", {"title": title, "kind": kind, "bracketed": bracketed}, k, note)


def W(text: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "WORK", {"title": text[1:-1]}, k, note)


def DN(text: str, issuer: str, year: str, serial: str, k: int = 1, note: str | None = None) -> Span:
    return _s(text, "DOCNO", {"issuer_code": issuer, "year": year, "serial": serial}, k, note)


def money(text: str, value: str, approx: str | None = None, **kw: Any) -> Span:
    return Q(text, value, "元", "money", approx, **kw)


def pct(text: str, value: str, approx: str | None = None, **kw: Any) -> Span:
    return Q(text, value, "%", "percent", approx, **kw)


def cnt(text: str, value: str, unit: str, approx: str | None = None, **kw: Any) -> Span:
    return Q(text, value, unit, "count", approx, **kw)


DOCTRINE = ("name inside the doctrine name 习近平法治思想; no label covers the doctrine, "
            "so the person is annotated (as in the shared gold)")
NODAY = "month and day without a year (year implied by the publication date); value kept partial"

DOCS: dict[str, list[Span]] = {}

# ---------------------------------------------------------------- 成都 政府工作报告
DOCS["chengdu-2024-gov-report"] = [
    L("成都市"), D("2024年", "2024", note="inside the document's own title: not a REGULATION, date annotated"),
    D("2024年1月15日", "2024-01-15"),
    A("成都市第十八届人民代表大会", note="the congress as an organ; 第四次会议 (its session, an event) is outside; 第四次 is an ordinal"),
    D("2023年", "2023"),
    money("22074.7亿元", "2207470000000"), pct("6.1%", "6.1"),
    money("1929.3亿元", "192930000000"), pct("8.2%", "8.2"), pct("5.1%", "5.1"),
    money("突破1万亿元", "1000000000000", "more"),
    cnt("27.6万人", "276000", "人"), pct("5.5%以内", "5.5", "less"),
    cnt("2000余个", "2000", "个", "more"), money("3600亿元以上", "360000000000", "more"),
    A("市经信局", "成都市经济和信息化局"),
    cnt("1.2万个", "12000", "个", note="5G before it is part of a name, not a quantity"),
    cnt("十一万余个", "110000", "个", "more"),
    L("天府国际机场", note="a named facility/place, like 北戴河海水浴场 in the shared gold"),
    cnt("12条", "12", "条"), cnt("超过7400万人次", "74000000", "人次", "more"),
    cnt("三条", "3", "条"), Q("601.7公里", "601.7", "公里", "length"),
    A("市政务服务中心", "成都市政务服务中心"), cnt("1600余项", "1600", "项", "more"),
    T("一网通办"), pct("95%", "95"),
    Q("2.3个百分点", "2.3", "个百分点", "percent", note="PM2.5 before it is a name, not a quantity"),
    Q("284天", "284", "天", "duration"), Q("850公里", "850", "公里", "length"),
    Q("4.6万亩", "46000", "亩", "area"), cnt("156个", "156", "个"),
    Q("约35万千瓦", "350000", "千瓦", "energy", "about", note="installed power capacity; kind energy is the closest listed kind"),
    Q("一百零八亿千瓦时", "10800000000", "千瓦时", "energy"),
    cnt("120所", "120", "所"), cnt("10.5万个", "105000", "个"), cnt("1026个", "1026", "个"),
    cnt("12.3万户", "123000", "户"),
    cnt("860余万件", "8600000", "件", "more", note="12345热线 before it is a hotline name, not a quantity"),
    pct("98.6%", "98.6"),
    D("2024年", "2024"),
    pct("6%左右", "6", "about"), cnt("25万人以上", "250000", "人", "more"),
    T("十四五", note="二十大 before it is an event name: no QUANTITY; the 规划 without marks is optional and not annotated"),
    T("三个做优做强"),
    L("成渝地区双城经济圈", note="named region, like 京津冀城市群 in the shared gold"),
]

# ---------------------------------------------------------------- 福建省司法厅 法治政府建设年度报告
DOCS["fujian-sft-2022-fazhi-report"] = [
    A("福建省司法厅"), D("2022年度", "2022"),
    D("2022年", "2022", k=1), A("省司法厅", "福建省司法厅"),
    A("省委", "中共福建省委员会"), A("省政府", "福建省人民政府"),
    P("习近平", note=DOCTRINE),
    R("《法治政府建设实施纲要（2021—2025年）》", "plan"),
    D("2021—2025年", "2021/2025", note="date range inside a REGULATION title"),
    R("《福建省法治政府建设实施方案》", "plan"),
    A("省政府", "福建省人民政府", note="the organ whose rules (规章) are drafted"),
    cnt("14件", "14", "件"), cnt("320余条", "320", "条", "more"),
    A("省人大常委会法工委", "福建省人民代表大会常务委员会法制工作委员会"),
    R("《福建省优化营商环境条例》", "regulation"),
    cnt("186份", "186", "份"), cnt("27条", "27", "条"), cnt("5件", "5", "件"), cnt("9件", "9", "件"),
    T("放管服"), cnt("三百二十六项", "326", "项"),
    Q("5个工作日以内", "5", "个工作日", "duration", "less"),
    T("一件事一次办"), pct("百分之九十五", "95"),
    cnt("两万余人", "20000", "人", "more"), pct("96.3%", "96.3"),
    A("国务院办公厅"), A("司法部"), T("三项制度"),
    cnt("1200余卷", "1200", "卷", "more"),
    A("福州市司法局"), A("厦门市司法局"), A("司法部"),
    cnt("15.8万件", "158000", "件"), pct("98%以上", "98", "more"),
    cnt("4.2万件", "42000", "件"), money("约1.6亿元", "160000000", "about"),
    cnt("7645件", "7645", "件"), pct("12.4%", "12.4"), pct("8.9%", "8.9"),
    R("《中华人民共和国行政复议法》", "law"),
    R("中华人民共和国公职人员政务处分法", "law", bracketed=False, note="bare full law name without marks"),
    O("福建日报社"), O("福建广播影视集团"), W("《法治福建》", note="a newspaper/TV column"),
    cnt("52期", "52", "期"), O("省律师协会", note="bar association: a professional association, ORG"),
    cnt("3800余场次", "3800", "场次", "more"),
    D("2023年", "2023"), D("2023年", "2023"),
    T("八五", note="“八五”普法: number part of a name, no QUANTITY"),
    pct("100%", "100"),
    A("福建省司法厅"), D("2023年1月30日", "2023-01-30"),
]

# ---------------------------------------------------------------- 兰州 通知 with disclosure header + boilerplate
PLAN = "兰州市老旧小区改造提升三年行动方案（2023—2025年）"
DOCS["lanzhou-2023-notice"] = [
    A("兰州市人民政府办公室", note="metadata field 发布机构; navigation line above is boilerplate"),
    DN("兰政办发〔2023〕45号", "兰政办发", "2023", "45"),
    D("2023年06月08日", "2023-06-08"), D("2023-06-12", "2023-06-12"),
    A("兰州市人民政府办公室"),
    L("兰州市", note="the plan title inside the notice title has no marks: optional, not annotated; its place and date are"),
    D("2023—2025年", "2023/2025"),
    A("兰州市人民政府办公室"), L("兰州市"), D("2023—2025年", "2023/2025"),
    DN("兰政办发〔2023〕45号", "兰政办发", "2023", "45"),
    A("兰州新区管委会", "兰州新区管理委员会", note="各县、区人民政府 before it is generic"),
    A("市政府", "兰州市人民政府", note="named organ modifying 各部门 (the collective 各部门 itself is generic); annotated as 自治區人民政府 in 自治區人民政府各部門 and 省政府 in 省政府规章草案 elsewhere in this set"),
    R("《" + PLAN + "》", "plan"), D("2023—2025年", "2023/2025"),
    A("市政府", "兰州市人民政府"),
    A("兰州市人民政府办公室"), D("2023年6月8日", "2023-06-08"),
    L("兰州市", note="heading of the attached plan (the document's own title): not a REGULATION"),
    D("2023—2025年", "2023/2025"),
    R("《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》", "opinion"),
    DN("国办发〔2020〕23号", "国办发", "2020", "23"),
    R("《甘肃省人民政府办公厅关于推进城镇老旧小区改造工作的实施意见》", "opinion"),
    DN("甘政办发[2020]98号", "甘政办发", "2020", "98", note="square brackets instead of 〔〕"),
    D("2023年至2025年", "2023/2025"), D("2000年底", "2000-12"),
    cnt("1350个", "1350", "个"), cnt("约11.6万户", "116000", "户", "about"),
    Q("约980万平方米", "9800000", "平方米", "area", "about"),
    D("2023年", "2023"), cnt("480个", "480", "个"), D("2024年", "2024"), cnt("450个", "450", "个"),
    D("2025年底", "2025-12"),
    Q("约620公里", "620", "公里", "length", "about"), cnt("300部以上", "300", "部", "more"),
    cnt("8000个", "8000", "个"), cnt("1500台", "1500", "台"), cnt("600组", "600", "组"),
    money("3亿元", "300000000", note="市、区两级财政 and 市级财政 are funding levels, not agencies"),
    O("兰州银行股份有限公司"),
    A("市住房城乡建设局", "兰州市住房和城乡建设局"), A("市发展改革委", "兰州市发展和改革委员会"),
    A("市财政局", "兰州市财政局"), L("城关区"), L("七里河区"),
]

# ---------------------------------------------------------------- 深圳 新闻稿 (inspection visit)
CHAIN = "chained titles: the whole contiguous title chain + name is one OFFICIAL; title attr keeps the chain"
DOCS["shenzhen-2023-inspection-news"] = [
    P("林志远", note="headline: name without a title attached"), L("龙岗区"), L("坪山区"),
    O("深圳特区报"), D("2023-09-14", "2023-09-14"),
    D("9月13日", "--09-13", note=NODAY),
    OF("市委副书记、市长林志远", "林志远", "市委副书记、市长", note=CHAIN),
    L("龙岗区"), L("坪山区"),
    OF("市委常委、常务副市长郑海波", "郑海波", "市委常委、常务副市长", note=CHAIN),
    OF("副市长、市公安局局长赵一鸣", "赵一鸣", "副市长、市公安局局长", note=CHAIN),
    OF("市政府秘书长何晓东", "何晓东", "市政府秘书长"),
    L("深圳国际低碳城"), P("林志远"),
    money("约186亿元", "18600000000", "about"), Q("3.2平方公里", "3.2", "平方公里", "area"),
    D("2025年", "2025"), money("突破500亿元", "50000000000", "more"),
    OF("林市长", "林", "市长", note="surname + title refers to the named official; name attr is the surname"),
    T("一个项目、一名领导、一套班子", note="the counts inside the slogan are not quantities"),
    L("坪山区"), O("比亚迪股份有限公司"),
    cnt("超过120万辆", "1200000", "辆", "more"), pct("96%", "96"),
    Q("近3倍", "3", "倍", "ratio", "less"),
    OF("郑副市长", "郑", "副市长", note="surname + title"),
    A("市工业和信息化局", "深圳市工业和信息化局"), A("市发展改革委", "深圳市发展和改革委员会"),
    A("龙岗区应急管理局"), L("龙岗区"),
    cnt("1.8万家", "18000", "家"), cnt("4.3万处", "43000", "处"), cnt("126家", "126", "家"),
    pct("21.5%", "21.5"),
    OF("区应急管理局局长孙丽娟", "孙丽娟", "区应急管理局局长"), T("智慧安监"),
    P("周卫国", note="优秀共产党员 is an honour, not a position; 同志 stays outside"),
    P("林志远"),
    A("市应急管理局", "深圳市应急管理局"), A("市住房建设局", "深圳市住房和建设局"),
    A("市交通运输局", "深圳市交通运输局"),
    cnt("5个", "5", "个"), Q("10天", "10", "天", "duration"),
    OF("省人大常委会副主任、市人大常委会主任陈立新", "陈立新", "省人大常委会副主任、市人大常委会主任",
       note=CHAIN + "; the organs inside are optional (nested in OFFICIAL)"),
    OF("市政协主席黄文杰", "黄文杰", "市政协主席", note="同志 stays outside"),
    L("宝安区"), L("光明区"),
    OF("赵一鸣副市长", "赵一鸣", "副市长"),
]

# ---------------------------------------------------------------- 浙江省安吉县 实施方案
DOCS["anji-2021-plan"] = [
    L("安吉县"), D("2021—2025年", "2021/2025", note="inside the document's own title"),
    T("绿水青山就是金山银山"),
    R("《浙江省乡村振兴促进条例》", "regulation"),
    R("《湖州市美丽乡村建设“十四五”规划》", "plan"), T("十四五", note="TERM inside a REGULATION title (as “1+3” in the shared gold)"),
    D("2025年", "2025"),
    cnt("30至40个", None, "个", low="30", high="40"),
    Q("三分之一以上", "1/3", "", "ratio", "more"),
    pct("100%", "100"), pct("90%以上", "90", "more"),
    pct("百分之五到百分之八", None, low="5", high="8"),
    money("突破5万元", "50000", "more"),
    cnt("2000户左右", "2000", "户", "about"), Q("45公里", "45", "公里", "length"),
    Q("3—5年", None, "年", "duration", low="3", high="5"),
    Q("15个工作日以内", "15", "个工作日", "duration", "less", note="一站式 before it is not a quantity"),
    Q("17万亩", "170000", "亩", "area"), Q("约2100吨", "2100", "吨", "mass", "about"),
    Q("一百零八万亩左右", "1080000", "亩", "area", "about"),
    money("200亿元左右", "20000000000", "about"),
    L("余村"), L("天荒坪镇", note="第一批 before it is an ordinal"),
    cnt("300家以上", "300", "家", "more"),
    D("2023年底", "2023-12"), money("80万元以上", "800000", "more"),
    Q("一半以上", "0.5", "", "ratio", "more"), money("100万元", "1000000"),
    A("县委农办", "中共安吉县委农村工作领导小组办公室"),
    A("县农业农村局", "安吉县农业农村局"), A("县自然资源和规划局", "安吉县自然资源和规划局"),
    A("湖州市生态环境局安吉分局"), A("递铺街道办事处"),
    money("1.5亿元", "150000000", note="县财政 (county funds) is not an agency"),
    money("5亿元以上", "500000000", "more"),
    O("安吉县农商银行"), T("两山贷"),
    A("县人民法院", "安吉县人民法院"), A("县人民检察院", "安吉县人民检察院"),
    A("安吉县人民政府办公室"), D("2021年8月20日", "2021-08-20"),
]

# ---------------------------------------------------------------- 呼和浩特 部门工作总结
DOCS["hohhot-2023-amr-summary"] = [
    A("呼和浩特市市场监督管理局"), D("2023年", "2023"),
    D("2023年", "2023"), A("市市场监管局", "呼和浩特市市场监督管理局"),
    A("市委", "中共呼和浩特市委员会"), A("市政府", "呼和浩特市人民政府"),
    A("自治区市场监管局", "内蒙古自治区市场监督管理局"),
    cnt("6.8万户", "68000", "户"), pct("15.2%", "15.2"), cnt("44.3万户", "443000", "户"),
    cnt("12.6万家", "126000", "家"), T("证照分离"),
    Q("0.5个工作日", "0.5", "个工作日", "duration"),
    O("市个体劳动者私营企业协会"), cnt("8场", "8", "场"), cnt("4600余家", "4600", "家", "more"),
    cnt("1562件", "1562", "件"), money("2380.6万元", "23806000"),
    cnt("1.9万批次", "19000", "批次"), pct("97.8%", "97.8"), cnt("3260家", "3260", "家"),
    cnt("4.5万台", "45000", "台"), cnt("46辆", "46", "辆"), cnt("2150瓶", "2150", "瓶"),
    A("新城区市场监管局"), A("赛罕区市场监管局"),
    A("市人民检察院", "呼和浩特市人民检察院"), cnt("7件", "7", "件"),
    cnt("5600份", "5600", "份"), cnt("120套", "120", "套"),
    cnt("3.2万件", "32000", "件", note="12315平台 before it is a hotline name"),
    pct("99.1%", "99.1"), money("1160万元", "11600000"),
    O("市消费者协会"), D("3·15", "--03-15"), cnt("2万余份", "20000", "份", "more"),
    cnt("2个", "2", "个"), cnt("18项", "18", "项"), O("伊利实业集团股份有限公司"),
    T("质量月"), cnt("24场", "24", "场"), cnt("3100余人次", "3100", "人次", "more"),
    A("市纪委监委驻局纪检监察组", note="the dispatched discipline inspection group is itself an organ: longest contiguous name"),
    cnt("67人次", "67", "人次"), cnt("3起", "3", "起"),
    D("2024年", "2024"),
    A("呼和浩特市市场监督管理局"), D("2024年1月12日", "2024-01-12"),
]

# ---------------------------------------------------------------- 新疆 traditional characters (reposted notice)
TRAD = "traditional characters; unit attr simplified"
DOCS["xinjiang-2023-notice-traditional"] = [
    A("新疆維吾爾自治區人民政府辦公廳"), D("2023—2024年", "2023/2024"),
    DN("新政辦發〔2023〕88號", "新政辦發", "2023", "88"),
    A("自治區人民政府", "新疆维吾尔自治区人民政府", note="自治區人民政府各部門 and 各直屬機構 are generic; the government itself is named"),
    A("國家發展改革委", "国家发展和改革委员会"),
    A("自治區人民政府", "新疆维吾尔自治区人民政府"),
    D("2023年", "2023"),
    Q("4.5億噸", "450000000", "吨", "mass", note=TRAD),
    pct("百分之十一點二", "11.2"),
    Q("一百二十萬噸以上", "1200000", "吨", "mass", "more"),
    Q("15天以上", "15", "天", "duration", "more"),
    L("烏魯木齊市"), L("克拉瑪依市"), D("11月15日", "--11-15", note=NODAY),
    Q("突破五千萬千瓦", "50000000", "千瓦", "energy", "more"),
    Q("約三千五百億千瓦時", "350000000000", "千瓦时", "energy", "about"),
    O("國網新疆電力有限公司"),
    Q("75億立方米", "7500000000", "立方米", "volume"),
    Q("約18億立方米", "1800000000", "立方米", "volume", "about"),
    A("自治區發展改革委", "新疆维吾尔自治区发展和改革委员会"),
    A("自治區住房城鄉建設廳", "新疆维吾尔自治区住房和城乡建设厅"),
    R("《中華人民共和國節約能源法》", "law"),
    R("《新疆維吾爾自治區天然氣利用管理辦法》", "rule"),
    money("兩千元", "2000"), cnt("12.6萬戶", "126000", "户"),
    money("2.52億元", "252000000", note="自治區財政 (funds) is not an agency"),
    cnt("8個", "8", "个"), cnt("14個", "14", "个"), Q("24小時", "24", "小时", "duration"),
    O("新疆日報"), O("新疆廣播電視台"),
    A("新疆維吾爾自治區人民政府辦公廳"), D("二〇二三年十月三十一日", "2023-10-31"),
]

# ---------------------------------------------------------------- 生态环境部 full-width digits
FW = "full-width digits; value normalized"
DOCS["mee-2023-fullwidth-notice"] = [
    A("生态环境部办公厅"), D("２０２３年", "2023", note="上半年 (first half) stays outside"),
    DN("环办监测函〔２０２３〕２１５号", "环办监测函", "2023", "215", note=FW),
    A("新疆生产建设兵团生态环境局", note="各省、自治区、直辖市生态环境厅（局） before it is generic"),
    R("《中华人民共和国环境保护法》", "law"),
    R("《生态环境监测规划纲要（２０２０—２０３５年）》", "plan"),
    D("２０２０—２０３５年", "2020/2035"),
    A("中国环境监测总站", note="public institution (事业单位) under the ministry"),
    D("２０２３年１月至６月", "2023-01/2023-06"),
    cnt("３３９个", "339", "个", note=FW), pct("８０．２％", "80.2"),
    Q("１．３个百分点", "1.3", "个百分点", "percent"),
    Q("３２微克/立方米", "32", "微克/立方米", "other", note="concentration; ＰＭ２．５ before it is a name"),
    pct("３．２％", "3.2"), L("江苏省"), L("苏州市"),
    pct("１２．５％", "12.5"), pct("８３．４％", "83.4"),
    cnt("３６４１个", "3641", "个"), pct("８６．８％", "86.8", note="Ⅰ—Ⅲ类 before it is a water class, not a quantity"),
    Q("１．１个百分点", "1.1", "个百分点", "percent"),
    L("长江", note="river; 干流 (main stream) outside"), L("黄河"), L("太湖"),
    Q("约０．０６５毫克/升", "0.065", "毫克/升", "other", "about"),
    Q("约１．２亿吨", "120000000", "吨", "mass", "about"), cnt("２６００余台", "2600", "台", "more"),
    R("《空气质量持续改善行动计划》", "plan", note="二十大 before it is an event name"),
    DN("国发〔２０２３〕２４号", "国发", "2023", "24"),
    money("３３０亿元", "33000000000", note="中央财政 (central funds) is not an agency"),
    cnt("２．１万件", "21000", "件", note="１２３６９ hotline before it is a name"),
    Q("１５个工作日以内", "15", "个工作日", "duration", "less"),
    A("生态环境部办公厅"), D("２０２３年７月２０日", "2023-07-20"),
]


def resolve(text: str, spans: list[Span]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    prev = 0
    for sp in spans:
        surface, k, label, attrs = sp[:4]
        pos = prev if k == 0 else prev + 1 if out else 0
        for _ in range(max(k, 1)):
            pos = text.find(surface, pos)
            if pos < 0:
                raise SystemExit(f"not found: {surface!r} (k={k}) after {prev}")
            start = pos
            pos += 1
        end = start + len(surface)
        assert text[start:end] == surface
        row: dict[str, Any] = {"start": start, "end": end, "label": label,
                               "text": surface, "attrs": attrs}
        if len(sp) > 4:
            row["note"] = sp[4]
        out.append(row)
        prev = start
    keys = [(r["start"], r["end"], r["label"]) for r in out]
    assert len(keys) == len(set(keys)), "duplicate span"
    return out


def main() -> None:
    show = "--show" in sys.argv
    for name, spans in DOCS.items():
        path = HERE / "texts" / f"{name}.txt"
        text = path.read_text(encoding="utf-8")
        rows = resolve(text, spans)
        doc = {"doc": name, "text_file": f"texts/{name}.txt",
               "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
               "spans": rows}
        (HERE / f"{name}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if show:
            print(f"== {name}: {len(rows)} spans")
            for r in rows:
                s, e = r["start"], r["end"]
                ctx = text[max(0, s - 6):s] + "[" + text[s:e] + "]" + text[e:e + 6]
                print(f"{s:5} {r['label']:10} {ctx!r}")


if __name__ == "__main__":
    main()
