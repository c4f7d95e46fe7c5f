"""Saved web pages: main text, page metadata, and the missing-extra message."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import govtext

PAGE = (Path(__file__).resolve().parent.parent / "data" / "text" / "page.html").read_text(
    encoding="utf-8")

pytest.importorskip("trafilatura")


def test_annotate_html_reads_text_and_metadata(nlp):
    doc = govtext.annotate_html(PAGE, pipeline=nlp)
    assert "法治政府建设取得新成效" in doc.text
    assert "ICP" not in doc.text  # the footer is not main text
    meta = doc.metadata
    assert meta.title == "湖州市2022年度法治政府建设情况报告"
    assert meta.index_no == "002639839/2023-01234"
    assert meta.issuer == "湖州市人民政府办公室"
    assert meta.issued == date(2023, 2, 10)
    assert meta.published == date(2023, 2, 15)  # from the page's date, via trafilatura
    assert [s.title for s in doc.outline] == ["主要工作", "存在问题"]


def test_page_metadata_reads_the_header_table_even_without_main_text():
    from govtext.text.html import page_metadata

    meta = page_metadata(PAGE.replace("<div class=\"article\">", "<div class=\"x\" hidden>"))
    assert meta.topic == "综合政务"
    assert meta.start is None  # not read from a Document's text


def test_bytes_and_empty_pages(nlp):
    doc = govtext.annotate_html(PAGE.encode("gb18030"), pipeline=nlp)
    assert "法治政府建设取得新成效" in doc.text
    assert govtext.annotate_html("", pipeline=nlp).text == ""
    with pytest.raises(TypeError):
        govtext.annotate_html(42, pipeline=nlp)  # type: ignore[arg-type]


def test_missing_library_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ImportError, match=r"pip install govtext\[html\]"):
        govtext.annotate_html(PAGE)


def test_hidden_header_table_fills_metadata_and_docno_is_found_in_the_text(nlp):
    page = (Path(__file__).resolve().parent.parent / "data" / "text" / "page_policy.html"
            ).read_text(encoding="utf-8")
    doc = govtext.annotate_html(page, pipeline=nlp)
    assert "索引号" not in doc.text.replace(" ", "")
    meta = doc.metadata
    assert meta.index_no == "000014349/2021-00029"
    assert meta.issuer == "国务院办公厅"
    assert meta.issued == date(2021, 4, 8) and meta.published == date(2021, 4, 25)
    assert meta.title == "国务院办公厅关于加强城市内涝治理的实施意见"
    if meta.docno is not None:  # filled when the DOCNO finder recognizes the number
        assert doc.text[meta.docno.start:meta.docno.end] == "国办发〔2021〕11号"
    assert [s.title for s in doc.outline] == ["总体要求", "系统建设城市排水防涝工程体系"]
    assert "ICP" not in doc.text


@pytest.mark.parametrize("title, expected", [
    ("湖州市2022年度法治政府建设情况报告_湖州市人民政府", "湖州市2022年度法治政府建设情况报告"),
    ("关于做好春节期间安全工作的通知 | 某某县人民政府", "关于做好春节期间安全工作的通知"),
    ("国务院办公厅关于加强城市内涝治理的实施意见", "国务院办公厅关于加强城市内涝治理的实施意见"),
    ("", None),
    (None, None),
])
def test_page_titles_lose_the_site_name(title, expected):
    from govtext.text.html import _page_title

    assert _page_title(title) == expected
