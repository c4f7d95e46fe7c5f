"""Persons and officials beyond the title grammar (issues 10 and 11): precision of
one-character surnames that are common words, names with no title, transliterated
names, short forms of address, and traditional script read as simplified."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.model import Official, Person
from govtext.pipeline import Pipeline


def _people(nlp: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return {(s.label, s.text, s.name) for s in nlp(text).spans
            if isinstance(s, (Official, Person))}


# (text, expected (label, span, name) found, why)
FOUND = [
    ("周恩来总理作报告。", ("OFFICIAL", "周恩来总理", "周恩来"),
     "issue 10: a leader's name before a title (was PERSON only)"),
    ("国务院总理温家宝作报告。", ("OFFICIAL", "国务院总理温家宝", "温家宝"),
     "issue 10: 家 may stand in a given name"),
    ("国务院总理李强作报告。", ("OFFICIAL", "国务院总理李强", "李强"), "issue 10"),
    ("周恩来总理说，周总理指出", ("OFFICIAL", "周总理", "周恩来"),
     "issue 10: a short form takes the full name the document gives"),
    ("市长张瑞书到会。张市长指出，要抓落实。", ("OFFICIAL", "张市长", "张瑞书"),
     "issue 10: a surname with a title resolved within the document"),
    ("李瑞环说，要团结。", ("PERSON", "李瑞环", "李瑞环"), "issue 11: a name before 说"),
    ("钱其琛指出，形势很好。", ("PERSON", "钱其琛", "钱其琛"), "issue 11: before 指出"),
    ("陈伟说，要加强管理。", ("PERSON", "陈伟", "陈伟"), "issue 11: 说 is not in the name"),
    ("彭真同志指出，要依法办事。", ("PERSON", "彭真", "彭真"),
     "issue 11: a leader before 同志 although 彭真 is a common-word entry"),
    ("巴桑旺堆说，牧区变化很大。", ("PERSON", "巴桑旺堆", "巴桑旺堆"),
     "issue 11: a Tibetan name by its transliteration characters"),
    ("美国总统克林顿说，双方同意。", ("OFFICIAL", "美国总统克林顿", "克林顿"),
     "issue 11: a foreign name after a foreign title; a country before it opens the title, as 国务院 does"),
    ("克林顿总统指出，合作重要。", ("OFFICIAL", "克林顿总统", "克林顿"),
     "issue 11: a foreign name before the title"),
    ("巴基斯坦总理纳瓦兹·谢里夫抵达北京。", ("OFFICIAL", "巴基斯坦总理纳瓦兹·谢里夫", "纳瓦兹·谢里夫"),
     "issue 11: a dotted name"),
    ("联合国秘书长科菲·安南希望会议成功。", ("OFFICIAL", "联合国秘书长科菲·安南", "科菲·安南"),
     "a dotted name ends where the segmenter ends its word (安南/希望)"),
    ("在希拉·威曼女士的帮助下完成。", ("PERSON", "希拉·威曼", "希拉·威曼"),
     "a dotted name with no title; 女士 is no part of it"),
    ("中央党校副校长龚育之在会上发言。", ("OFFICIAL", "中央党校副校长龚育之", "龚育之"),
     "之 may end a two-character given name"),
    ("市委书记向明远在会上讲话。", ("OFFICIAL", "市委书记向明远", "向明远"),
     "a surname that is also a preposition, kept whole by the segmenter after a title"),
]

# (text, (label, span) that must not be found, why)
ABSENT = [
    ("两国总理举行会谈。", ("OFFICIAL", "国总理"), "issue 10: 国 of 两国 is no name"),
    ("兩國總理舉行會談。", ("OFFICIAL", "國總理"), "issue 10: the same in traditional script"),
    ("中缅两国总理和中缅双方代表会见。", ("OFFICIAL", "总理和中缅"),
     "issue 10: 和 split off by the segmenter opens no name"),
    ("他和代理主任委员一起出席。", ("OFFICIAL", "和代理主任委员"), "issue 10"),
    ("要把改革和企业发展相结合。", ("PERSON", "和企业"), "issue 10: 和 + 企业"),
    ("群众都完成了任务，农民来分头进行。", ("PERSON", "都完成"), "issue 10"),
    ("群众都完成了任务，农民来分头进行。", ("PERSON", "来分头"), "issue 10"),
    ("我们尊重亲王和国际社会的意见。", ("PERSON", "和国际"), "a conjunction and a common word"),
    ("伊拉克表示，将继续谈判。", ("PERSON", "伊拉克"), "a country written like a name"),
    ("加强实物廉租房建设。", ("PERSON", "廉租房"), "a name-shaped word with no clue"),
    ("胡老说，画画要静心。", ("PERSON", "胡老"), "老 is a form of address, not a name"),
    ("坚持领导同群众相结合的方法。", ("PERSON", "相结合"),
     "issue 10: a weak surname read as one word with the rest after a role noun"),
    ("收购农民余粮、稳定粮价。", ("PERSON", "余粮"), "the same mechanism (余 + 粮)"),
]


@pytest.mark.parametrize("text, expected, why", FOUND, ids=[c[0][:12] for c in FOUND])
def test_found(nlp: Pipeline, text: str, expected: tuple[str, str, str], why: str) -> None:
    assert expected in _people(nlp, text), why


@pytest.mark.parametrize("text, absent, why", ABSENT, ids=[c[0][:12] for c in ABSENT])
def test_absent(nlp: Pipeline, text: str, absent: tuple[str, str], why: str) -> None:
    got = {(label, span) for label, span, _ in _people(nlp, text)}
    assert absent not in got, why


# (traditional, simplified): the same spans at the same offsets
SCRIPTS = [
    ("兩國總理舉行會談，周恩來總理說。", "两国总理举行会谈，周恩来总理说。"),
    ("國務院總理溫家寶作報告。", "国务院总理温家宝作报告。"),
]


@pytest.mark.parametrize("trad, simp", SCRIPTS)
def test_traditional_as_simplified(nlp: Pipeline, trad: str, simp: str) -> None:
    t = [(s.label, s.start, s.end, getattr(s, "name", None)) for s in nlp(trad).spans
         if isinstance(s, (Official, Person))]
    s = [(x.label, x.start, x.end, getattr(x, "name", None)) for x in nlp(simp).spans
         if isinstance(x, (Official, Person))]
    assert t == s and s


_ALPHABET = "克林顿叶利钦·•和国总理说指出同志李王张明华、，。 \n巴桑旺堆斯卡尔法罗"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_offsets_exact(nlp: Pipeline, text: str) -> None:
    for s in nlp(text).spans:
        assert text[s.start:s.end] == s.text
        if isinstance(s, (Official, Person)):
            assert s.name
