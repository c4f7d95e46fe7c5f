"""Places beyond the divisions, organizations and agencies outside the grammar, and the
edges of names (issues 10 and 11), on tables of invented sentences: (text, expected
(label, text) pairs, absent pairs, why). Traditional-script rows must give the same
results as their simplified form; the quadratic-time rows (issue 17) check output only,
speed is in benchmarks/."""

from __future__ import annotations

import pytest

from govtext.pipeline import Pipeline

L, O, A = "LOCATION", "ORG", "AGENCY"

CASES = [
    # countries, territories, world regions (CLDR) and historical names (hand file)
    ("中国同苏联的关系不断发展。", [(L, "中国"), (L, "苏联")], [], "issue 10: countries"),
    ("中國同蘇聯的關係不斷發展。", [(L, "中國"), (L, "蘇聯")], [], "issue 10: traditional script"),
    ("东亚和中亚的合作，台湾和香港的同胞。", [(L, "东亚"), (L, "中亚"), (L, "台湾"), (L, "香港")], [],
     "issue 10: world regions and territories"),
    ("代表团访问了莫斯科和开罗。", [(L, "莫斯科"), (L, "开罗")], [], "issue 11: CLDR exemplar cities"),
    ("治理淮河，保护骆马湖和渤海。", [(L, "淮河"), (L, "骆马湖"), (L, "渤海")], [], "issue 10: features"),
    ("中美关系和中日韩合作。", [(L, "中"), (L, "美"), (L, "日"), (L, "韩")], [],
     "issue 11: a run of country abbreviations"),
    ("决策实施中法律顾问全程跟进。", [], [(L, "中"), (L, "法")],
     "a word edge inside the run: 中 + 法律顾问 is no pair"),
    ("他出生于江苏海安。", [(L, "江苏"), (L, "海安")], [], "issue 11: a county's short form after its province"),
    ("代表团来京访问，会议在京举行。", [(L, "京")], [], "issue 11: abbreviations in fixed patterns"),
    ("他站在台上讲话。", [], [(L, "台")], "an abbreviation that opens a longer word is none"),
    # generic categories are no places
    ("坚持上山下乡，留得青山在，半壁江山。", [], [(L, "上山下乡"), (L, "留得青山"), (L, "半壁江山")],
     "issue 10: idioms jieba tags as places"),
    ("支援解放区的建设。", [], [(L, "解放区")], "issue 10: 解放区 alone is the liberated areas"),
    ("建立印度洋和平区。", [(L, "印度洋")], [(L, "和平区")], "issue 10: a county after a foreign place"),
    # organizations
    ("亚太经合组织和博鳌亚洲论坛，中非合作论坛。", [(O, "亚太经合组织"), (O, "博鳌亚洲论坛"), (O, "中非合作论坛")],
     [], "issue 10: international bodies"),
    ("上海教育出版社出版。", [(O, "上海教育出版社")], [(L, "上海")], "issue 11: publishers"),
    ("中国队战胜伊朗队。", [(O, "中国队"), (O, "伊朗队")], [], "issue 11: sports teams"),
    ("海州露天煤礦和太原熱電站投產。", [(O, "太原熱電站")], [], "issue 10: plants"),
    ("严格控制集团消费。", [], [(O, "*")], "issue 10: a verb phrase before 集团"),
    ("充实一批重点大学。", [], [(O, "*"), (A, "*")], "issue 10: an indefinite phrase before 大学"),
    ("就必须断绝同蒋介石集团的联系。", [(O, "蒋介石集团")], [(O, "就必须断绝同蒋介石集团")],
     "issue 10: the name starts after the preposition"),
    ("吉林省有一个制糖厂。", [], [(O, "*")], "issue 10: a clause between place and head"),
    ("不难找到双良集团。", [(O, "双良集团")], [], "issue 11: the name starts after the verb"),
    # agencies
    ("中国共产党领导，中國共産黨。", [(A, "中国共产党"), (A, "中國共産黨")], [], "issue 10: the Party"),
    ("重工業部和燃料工业部。", [(A, "重工業部"), (A, "燃料工业部")], [], "issue 10: historical ministries"),
    ("全国人大民族委员会审议。", [(A, "全国人大民族委员会")], [], "issue 10: a committee of a central congress"),
    ("党中央统揽全局。", [(A, "党中央")], [(A, "党中央统揽全局")], "issue 10: 党中央 + a verb phrase"),
    ("中国科学院同苏联科学院签订协议。", [(A, "中国科学院")], [(A, "中国科学院同苏联科学院")],
     "issue 10: no name runs over a conjunction"),
    ("建设国际金融中心。", [], [(A, "*")], "issue 10: a generic noun is no agency"),
    # quadratic-time shapes (issue 17): the output stays right on long runs
    ("县乡镇" * 200, [], [], "issue 17: a run of 县乡镇"),
    ("深入梓山镇、古荣乡、潭头村、山峰村" * 50, [(L, "梓山镇")], [], "issue 17: townships listed with 、"),
]


@pytest.mark.parametrize("text,expect,absent,why", CASES, ids=[c[3] for c in CASES])
def test_world_and_edges(nlp: Pipeline, text: str, expect: list, absent: list, why: str) -> None:
    doc = nlp(text)
    got = {(s.label, s.text) for s in doc.spans}
    for pair in expect:
        assert pair in got, f"{why}: missing {pair}; got {sorted(got)}"
    for label, name in absent:
        if name == "*":
            assert not [k for k in got if k[0] == label], f"{why}: unexpected {label} in {sorted(got)}"
        else:
            assert (label, name) not in got, f"{why}: unexpected {label} {name!r}"
    assert all(text[s.start:s.end] == s.text for s in doc.spans)


def test_world_file_is_current() -> None:
    """place_world.tsv is what scripts/make_world_places.py makes from CLDR (babel)."""
    pytest.importorskip("babel")
    import importlib.util
    from pathlib import Path

    from govtext.data import read_text

    script = Path(__file__).parents[2] / "scripts" / "make_world_places.py"
    spec = importlib.util.spec_from_file_location("make_world_places", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = {line.split("\t")[0] for line in read_text("place_world.tsv").splitlines()
            if line and not line.startswith("#")}
    assert rows == set(module.names())
    assert {"中国", "东亚", "莫斯科", "香港"} <= rows and "中美" not in rows
