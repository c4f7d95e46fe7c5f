"""The HTML display of a Document: escaped, self-contained, nested where spans nest."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from fractions import Fraction

import pytest

import govtext

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.model import (Agency, Date, Document, Location, Official, Person, Quantity,
                           Region, Term)
from govtext.integrations.display import colour, compact_value, page, render_body, render_html
from govtext.model import labels as registry

LABEL_TAG = re.compile(r'<span class="gt-label">[A-Z]+</span>(<span class="gt-value">[^<]*</span>)?')
TAG = re.compile(r"<[^>]*>")


def visible_text(body: str) -> str:
    """The document text as a reader sees it: label chips and tags removed."""
    return html.unescape(TAG.sub("", LABEL_TAG.sub("", body)))


def at(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), part


def test_text_is_escaped() -> None:
    text = '<script>alert("x")</script> & 市长王伟 \'引号\''
    doc = Document(text, spans=(Official(*at(text, "市长王伟"), name="王伟", title="市长"),))
    out = render_html(doc)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    body, skipped = render_body(doc)
    assert skipped == 0
    assert visible_text(body) == text


def test_hover_shows_normalized_value_and_colour_per_label() -> None:
    text = "投入3.5亿元建设海港区"
    doc = Document(text, spans=(
        Quantity(*at(text, "3.5亿元"), value=Decimal("350000000"), unit="元", kind="money"),
        Location(*at(text, "海港区")),
    ))
    out = render_html(doc)
    assert 'title="QUANTITY\nvalue: 350000000\nunit: 元\nkind: money"' in out
    assert f'background: {colour("QUANTITY")}' in out
    assert f'background: {colour("LOCATION")}' in out
    assert colour("QUANTITY") != colour("LOCATION")
    assert "<style>" in out  # self-contained


def test_attribute_values_are_escaped_in_title() -> None:
    text = "《关于\"放管服\"的意见》"
    doc = Document(text, spans=(Person(0, len(text), text, name='a"b<c>'),))
    assert 'title="PERSON\nname: a&quot;b&lt;c&gt;"' in render_html(doc)


def test_inner_span_nests_inside_outer() -> None:
    text = "省长王晓东讲话"
    doc = Document(text, spans=(
        Official(*at(text, "省长王晓东"), name="王晓东", title="省长"),
        Person(*at(text, "王晓东"), name="王晓东"),
    ))
    body, skipped = render_body(doc)
    assert skipped == 0
    assert re.search(r'<mark class="gt-official"[^>]*>省长<mark class="gt-person"', body)
    assert body.index("gt-person") < body.index(">OFFICIAL</span></mark>")


def test_crossing_span_is_skipped_and_reported() -> None:
    text = "甲乙丙丁"
    doc = Document(text, spans=(Term(0, 3, "甲乙丙"), Location(1, 4, "乙丙丁")))
    body, skipped = render_body(doc)
    assert skipped == 1
    assert visible_text(body) == text
    assert "crossing" in render_html(doc)


def test_long_text_is_cut_with_a_note() -> None:
    text = "海港区" * 10
    doc = Document(text, spans=tuple(Location(i, i + 3, "海港区") for i in range(0, 30, 3)))
    out = render_html(doc, limit=10)
    assert "showing the first 10 of 30 characters" in out
    assert out.count("<mark") == 3


def test_empty_document() -> None:
    assert "no spans" in Document("")._repr_html_()


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet=st.sampled_from("市长王&<>\"'\n　𠀀a1"), max_size=30))
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        cls = draw(st.sampled_from([Term, Location]))
        spans.append(cls(start, end, text[start:end]))
    regions = []
    for _ in range(draw(st.integers(0, 2))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        regions.append(Region(start, end, text[start:end], "navigation"))
    return Document(text, spans=tuple(spans), boilerplate=tuple(regions))


@settings(max_examples=200, deadline=None)
@given(documents())
def test_display_keeps_every_character_and_is_well_nested(doc: Document) -> None:
    body, skipped = render_body(doc, limit=None, compact=False)
    assert visible_text(body) == doc.text
    assert body.count("<mark") == body.count("</mark>")
    assert body.count("<span") == body.count("</span>")
    opened: list[str] = []  # every element closes in the order it was opened
    for closing, tag in re.findall(r"<(/?)(mark|span)\b", body):
        if closing:
            assert opened.pop() == tag
        else:
            opened.append(tag)
    assert opened == []
    drawn = body.count("<mark")
    assert drawn + skipped == sum(1 for s in doc.spans if s.start < s.end)


def test_boilerplate_is_greyed_and_spans_still_drawn() -> None:
    text = "首页 > 通知\n市长王伟讲话\n打印 关闭"
    nav = Region(*at(text, "首页 > 通知"), kind="navigation")
    footer = Region(*at(text, "打印 关闭"), kind="footer")
    doc = Document(text, spans=(Official(*at(text, "市长王伟"), name="王伟", title="市长"),),
                   boilerplate=(nav, footer))
    body, skipped = render_body(doc)
    assert skipped == 0
    assert '<span class="gt-boilerplate" title="navigation">首页 &gt; 通知</span>' in body
    assert '<span class="gt-boilerplate" title="footer">打印 关闭</span>' in body
    assert visible_text(body) == text
    assert "gt-official" in body


# ---------------------------------------------------------------------------
# issue 16: values visible, tags that do not wrap, distinct colours, no blank gaps


def test_values_are_shown_after_the_span_and_can_be_hidden() -> None:
    text = "投入约3.5亿元，2018年4月由市政府印发"
    doc = Document(text, spans=(
        Quantity(*at(text, "约3.5亿元"), value=Decimal("350000000"), unit="元",
                 kind="money", approx="about"),
        Date(*at(text, "2018年4月"), value="2018-04"),
        Agency(*at(text, "市政府"), canonical="秦皇岛市人民政府"),
    ))
    out = render_html(doc)
    assert '<span class="gt-value">≈350000000 元</span>' in out
    assert '<span class="gt-value">2018-04</span>' in out
    assert '<span class="gt-value">秦皇岛市人民政府</span>' in out
    assert 'class="govtext-hide-values"' in out and ":checked ~ .govtext-doc .gt-value" in out
    assert "checked>" in render_html(doc, values=False)


@pytest.mark.parametrize("span, expected", [
    (Quantity(0, 5, "5至10个", value=Decimal(5), unit="个", kind="count",
              low=Decimal(5), high=Decimal(10)), "5–10 个"),
    (Quantity(0, 4, "三分之一", value=Fraction(1, 3), unit="", kind="ratio"), "1/3"),
    (Agency(0, 3, "国务院", canonical="国务院"), None),  # the text says it all
    (Official(0, 5, "市长张瑞书", name="张瑞书", title="市长"), None),
])
def test_compact_values(span, expected) -> None:
    assert compact_value(span) == expected


def test_tags_never_wrap_and_colours_come_from_the_registry() -> None:
    out = render_html(Document("x"))
    rule = re.search(r"\.gt-label, \.govtext-doc \.gt-value \{([^}]*)\}", out).group(1)
    assert "white-space: nowrap" in rule and "inline-block" in rule
    for spec in registry.specs():
        assert colour(spec.label) == spec.colour
    assert colour("OFFICIAL") != colour("QUANTITY")  # issue 16: both were orange


def test_runs_of_blank_lines_become_one() -> None:
    text = "第一段\n\n\n\n\n　\n第二段\n\n第三段"
    body, _ = render_body(Document(text))
    assert visible_text(body) == "第一段\n\n第二段\n\n第三段"


def test_full_height_or_a_box() -> None:
    doc = Document("市长王伟")
    assert 'style="max-height: 40em"' in render_html(doc)
    assert "max-height" not in render_html(doc, height=None).split("</style>")[1]


def test_page_is_a_complete_utf8_document_and_refuses_lone_surrogates() -> None:
    out = page(Document("市长王伟"), title="<t>")
    assert out.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in out
    assert "<title>&lt;t&gt;</title>" in out
    with pytest.raises(ValueError, match=r"\[E009\]"):
        page(Document("a\udc80"))


def test_view_command_writes_a_page(tmp_path) -> None:
    from govtext.integrations import view

    src = tmp_path / "report.txt"
    src.write_text("市长张瑞书强调，全年投放贷款271.27亿元。", encoding="utf-8")
    out = tmp_path / "page.html"
    assert view.main([str(src), "-o", str(out)]) == 0
    html_text = out.read_text(encoding="utf-8")
    assert "gt-official" in html_text and "27127000000 元" in html_text
    as_json = tmp_path / "doc.json"
    as_json.write_text(govtext.annotate("增长3.5%").to_json(), encoding="utf-8")
    assert view.main([str(as_json), "-o", str(out)]) == 0
    assert "3.5 %" in out.read_text(encoding="utf-8")
    assert view.main([str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json", "page.html", "report.txt"]


def test_view_registers_on_a_subparser() -> None:
    import argparse

    from govtext.integrations import view

    parser = argparse.ArgumentParser()
    view.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["view", "f.txt", "-o", "p.html"])
    assert args.run is view.run and args.output == "p.html" and args.limit is None
