"""Titles whose book-title marks stand on lines of their own, and the licence footer of
a scraped Wikisource page (issue 10)."""

from __future__ import annotations

import pytest

from govtext.model import Regulation
from govtext.pipeline import Pipeline

# (text, expected span text, expected title, why)
CASES = [
    ("要认真贯彻执行《\n中华人民共和国村民委员会组织法\n》，以保障村民自治。",
     "《\n中华人民共和国村民委员会组织法\n》", "中华人民共和国村民委员会组织法",
     "issue 10: marks on lines of their own keep the title bracketed, with its marks"),
    ("国务院发出《\n关于进一步加强农村教育工作的决定\n》。",
     "《\n关于进一步加强农村教育工作的决定\n》", "关于进一步加强农村教育工作的决定",
     "issue 10: a headless 关于 title across lines"),
    ("严格执行《建筑法》、《\n招标投标法\n》。", "《\n招标投标法\n》", "招标投标法",
     "a run of titles where only one is broken"),
]


@pytest.mark.parametrize("text, span, title, why", CASES, ids=[c[1][:10] for c in CASES])
def test_broken_marks(nlp: Pipeline, text: str, span: str, title: str, why: str) -> None:
    regs = {s.text: s for s in nlp(text).spans if isinstance(s, Regulation)}
    assert span in regs, why
    assert regs[span].title == title and regs[span].bracketed


def test_title_never_spans_a_paragraph(nlp: Pipeline) -> None:
    text = "根据《\n\n这是一段正文，没有书名号的结尾。\n\n另一段》。"
    assert not [s for s in nlp(text).spans if isinstance(s, Regulation)]


FOOTER = ("\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议、决定、命令和其他具有"
          "立法、行政、司法性质的文件，及其官方正式译文。根据《\n中华人民共和国著作权法\n》"
          "第五条第一项，本作品不适用于该法，在\n中国大陆\n，也可能在其他管辖区，属于\n公有领域\n"
          "。\n\n\n注：中文维基文库社群认为，中华人民共和国公务演讲，\n不总是\n具有立法、行政、"
          "司法性质的文件。\n\n\nPublic domain\nPublic domain\nfalse\nfalse")


def test_wikisource_licence_footer(nlp: Pipeline) -> None:
    body = "各级政府要严格执行《中华人民共和国预算法》，加强预算管理。"
    doc = nlp(body + FOOTER)
    regs = [s.text for s in doc.spans if isinstance(s, Regulation)]
    assert regs == ["《中华人民共和国预算法》"]  # the footer's 著作权法 is boilerplate
    start = doc.text.index("本作品")
    assert any(r.start <= start < r.end for r in doc.boilerplate)
    assert all(r.start >= len(body) for r in doc.boilerplate)


def test_blank_line_inside_marks_is_no_title(nlp: Pipeline) -> None:
    text = "根据《\n\n关于》执行。"
    assert not [s for s in nlp(text).spans if isinstance(s, Regulation)]
