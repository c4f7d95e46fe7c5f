"""The officials index: names resolved within a document, titles split, one person
across scripts (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from govtext.corpus import (document_date, officials_records, officials_summary,
                            resolve_names)
from govtext.corpus.names import title_parts

from corpus_docs import build

TITLE_PARTS = [
    ("国务院总理", [("国务院总理", "总理", "国务院")], "organ + bare title"),
    ("國務院總理", [("国务院总理", "总理", "国务院")], "traditional is simplified"),
    ("副市长", [("副市长", "副市长", None)], "a bare title has no agency"),
    ("常务副市长", [("常务副市长", "常务副市长", None)], "常务 is a modifier, no organ"),
    ("中共中央总书记、国家主席",
     [("中共中央总书记", "总书记", "中共中央"), ("国家主席", "国家主席", None)],
     "a compound title gives one part per title"),
    ("襄阳市人民政府市长", [("襄阳市人民政府市长", "市长", "襄阳市人民政府")],
     "a division's government"),
    ("国务院\n副总理", [("国务院副总理", "副总理", "国务院")], "line break inside"),
]


@pytest.mark.parametrize("title, expected, why", TITLE_PARTS)
def test_title_parts(title: str, expected: list, why: str) -> None:
    assert title_parts(title) == expected, why


def names_of(doc) -> dict[str, tuple[str, bool]]:
    return {o.text: value for o, value in resolve_names(doc).items()}


RESOLVE = [
    (build("周恩来总理指出。周总理强调。", ("O", "周恩来总理", "周恩来", "总理"),
           ("O", "周总理", "周", "总理")),
     {"周总理": ("周恩来", True)}, "a surname with the same role: the full name"),
    (build("国务院总理周恩来指出。周总理强调。", ("O", "国务院总理周恩来", "周恩来", "国务院总理"),
           ("O", "周总理", "周", "总理")),
     {"周总理": ("周恩来", True)}, "总理 is the role of 国务院总理"),
    (build("市长张瑞书、副市长张三说，张市长强调。", ("O", "市长张瑞书", "张瑞书", "市长"),
           ("O", "副市长张三", "张三", "副市长"), ("O", "张市长", "张", "市长")),
     {"张市长": ("张瑞书", True)}, "副市长 is not 市长: one candidate left"),
    (build("市长张瑞书、市长张三说，张市长强调。", ("O", "市长张瑞书", "张瑞书", "市长"),
           ("O", "市长张三", "张三", "市长"), ("O", "张市长", "张", "市长")),
     {"张市长": ("张", False)}, "two mayors named 张: left unresolved"),
    (build("周恩来指出。周总理强调。", ("P", "周恩来"), ("O", "周总理", "周", "总理")),
     {"周总理": ("周恩来", True)}, "no official: the one person of that surname"),
    (build("王市长强调。", ("O", "王市长", "王", "市长")),
     {"王市长": ("王", False)}, "no full name in the document"),
    (build("國務院總理周恩來指出。", ("O", "國務院總理周恩來", "周恩來", "国务院总理")),
     {"國務院總理周恩來": ("周恩来", True)}, "traditional names are simplified"),
]


@pytest.mark.parametrize("doc, expected, why", RESOLVE)
def test_short_forms_resolve_within_a_document(doc, expected: dict, why: str) -> None:
    got = names_of(doc)
    for surface, value in expected.items():
        assert got[surface] == value, why


def test_one_person_across_scripts_and_short_forms() -> None:
    docs = {
        "1978.txt": build("周恩来总理说。周总理强调。", ("O", "周恩来总理", "周恩来", "总理"),
                          ("O", "周总理", "周", "总理")),
        "1956.txt": build("國務院總理周恩來指出。", ("O", "國務院總理周恩來", "周恩來", "国务院总理")),
    }
    summary = officials_summary(officials_records(docs))
    people = {g["person"] for g in summary}
    assert people == {"周恩来"}
    (row,) = [g for g in summary if g["role"] == "总理" and g["agency"] is None]
    assert row["years"] == [1978] and row["mentions"] == 2
    assert {y for g in summary for y in g["years"]} == {1956, 1978}


def test_rows_carry_document_columns_and_sentence_dates() -> None:
    doc = build("2017年3月5日\n国务院总理李克强\n各位代表：\n2016年，李克强总理强调。",
                ("D", "2017年3月5日", "2017-03-05"), ("O", "国务院总理李克强", "李克强", "国务院总理"),
                ("D", "2016年", "2016"), ("O", "李克强总理", "李克强", "总理"))
    rows = officials_records([("r", doc)])
    assert [(r["person"], r["title"], r["agency"], r["mentions"]) for r in rows] == [
        ("李克强", "国务院总理", "国务院", 1), ("李克强", "总理", None, 1)]
    assert {r["doc_date"] for r in rows} == {"2017-03-05"}
    assert [r["mention_date"] for r in rows] == [None, "2016"]


def test_boilerplate_names_no_official() -> None:
    doc = build("市长王明强调。主办单位：市长李四办公室", ("O", "市长王明", "王明", "市长"),
                ("O", "市长李四", "李四", "市长"), boilerplate=("主办单位：市长李四办公室",))
    assert [r["person"] for r in officials_records([doc])] == ["王明"]


DATES = [
    (build("通知", issued=date(2021, 6, 8)), "x.txt", ("2021-06-08", "metadata"),
     "metadata first"),
    (build("政府工作报告\n——2017年3月5日在大会上\n各位代表：", ("D", "2017年3月5日", "2017-03-05")),
     "2017.txt", ("2017-03-05", "text"), "a report's header line"),
    (build("各位代表：\n一、2016年工作回顾", ("D", "2016年", "2016")), "2017.txt",
     ("2017", "filename"), "a year in a heading is no date: the file name"),
    (build("a\nb\nc\nd\ne\nf\ng\n2017年3月5日", ("D", "2017年3月5日", "2017-03-05")), None,
     (None, None), "a day far from the head is no date; no name"),
]


@pytest.mark.parametrize("doc, name, expected, why", DATES)
def test_document_date(doc, name, expected, why: str) -> None:
    assert document_date(doc, name) == expected, why


SPEAKERS = [
    ("国务院总理 李克强", ("李克强", "国务院总理"), "a report's header: title, then name"),
    ("国务院总理\n李强", ("李强", "国务院总理"), "a line break between"),
    ("李克强总理", ("李克强", "总理"), "name, then title"),
    ("李克强", ("李克强", ""), "a name alone"),
    ("  ", None, "nothing"),
]


@pytest.mark.parametrize("speaker, expected, why", SPEAKERS)
def test_split_speaker(speaker: str, expected, why: str) -> None:
    from govtext.corpus.officials import split_speaker

    assert split_speaker(speaker) == expected, why


def test_the_speaker_delivered_the_report() -> None:
    from dataclasses import replace

    found = build("国务院总理李克强\n各位代表：\n习近平总书记指出。",
                  ("O", "国务院总理李克强", "李克强", "国务院总理"),
                  ("O", "习近平总书记", "习近平", "总书记"))
    missed = build("各位代表：\n习近平总书记指出。", ("O", "习近平总书记", "习近平", "总书记"))
    docs = {"2017.txt": replace(found, metadata=replace(found.metadata, speaker="国务院总理 李克强")),
            "2021.txt": replace(missed, metadata=replace(missed.metadata, speaker="国务院总理 李克强"))}
    rows = officials_records(docs)
    assert {(r["doc_id"], r["person"], r["mentions"]) for r in rows if r["delivered"]} == {
        ("2017.txt", "李克强", 1), ("2021.txt", "李克强", 0)}
    (li,) = [g for g in officials_summary(rows) if g["person"] == "李克强"]
    assert (li["role"], li["agency"], li["delivered"]) == ("总理", "国务院", [2017, 2021])
