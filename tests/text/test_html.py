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
