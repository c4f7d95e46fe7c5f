"""The HTML display of a Document: escaped, self-contained, nested where spans nest."""

from __future__ import annotations

import html
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.model import Document, Location, Official, Person, Quantity, Region, Term
from govtext.integrations.display import COLOURS, render_body, render_html

LABEL_TAG = re.compile(r'<span class="gt-label">[A-Z]+</span>')
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
    assert f'background: {COLOURS["QUANTITY"]}' in out
    assert f'background: {COLOURS["LOCATION"]}' in out
    assert COLOURS["QUANTITY"] != COLOURS["LOCATION"]
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
    body, skipped = render_body(doc, limit=None)
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
