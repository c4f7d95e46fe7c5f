"""Encoding detection beyond UTF-8/GB18030 and sectioned reading (issue 17 "Files"), and
the HTML reader's warnings (issue 9: html.py returned "" on a parse error without a word)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.text.reading import DecodeError, DecodeWarning, decode, read_sections

DECODED = [  # (text, encoding written with, why)
    ("臺北市政府法制處", "big5", "issue 17: Big5 read as GB18030 mojibake, 0 spans"),
    ("臺北市政府法制處公告修正「臺北市自治條例」", "cp950", "issue 17: Big5 with punctuation"),
    ("行政院新聞傳播處發布新聞稿", "big5", "a traditional-character site"),
    ("政府工作报告", "gbk", "simplified GBK stays GB18030"),
    ("深圳", "gbk", "two characters are enough when they are common"),
    ("臺北市政府", "gbk", "traditional characters written in GBK stay GB18030"),
    ("国务院关于印发《实施方案》的通知（国发〔2024〕1号）", "gb18030", "punctuation"),
]


@pytest.mark.parametrize("text,encoding,why", DECODED)
def test_legacy_encodings_are_told_apart(text: str, encoding: str, why: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DecodeWarning)
        assert decode(text.encode(encoding)) == text, why


REFUSED = [  # (bytes, what the error says, why)
    ("東京都は新型コロナウイルス対策を発表しました。".encode("cp932"), "Shift-JIS",
     "issue 17: Shift-JIS decoded silently"),
    (b"abc\xc0\x80def", "overlong", "issue 17: UTF-8 with the overlong pair C0 80"),
    ("国务院".encode("utf-8") + b"\xe0\x80\xaf", "overlong", "an overlong 3-byte form"),
]


@pytest.mark.parametrize("data,fragment,why", REFUSED)
def test_wrong_encodings_are_refused_by_name(data: bytes, fragment: str, why: str) -> None:
    with pytest.raises(DecodeError, match=fragment) as info:
        decode(data, "f.txt")
    assert "f.txt" in str(info.value), why


def test_a_forced_encoding_reads_what_detection_refuses() -> None:
    text = "東京都は新型コロナウイルス対策を発表しました。"
    assert decode(text.encode("cp932"), encoding="cp932") == text


def test_a_doubtful_decode_warns() -> None:
    with pytest.warns(DecodeWarning, match="low confidence"):
        decode(bytes([0x81, 0x40, 0x82, 0x41, 0x83, 0x42]), "odd.txt")


LINES = st.lists(st.text(st.sampled_from("市长王凤朝强调，。12亿元abc\r "), max_size=30)
                 .map(lambda s: s + "\n"), max_size=40)


@settings(max_examples=60, deadline=None)
@given(LINES, st.integers(5, 80), st.sampled_from(["utf-8", "gb18030", "utf-16"]),
       st.integers(3, 64))
def test_sections_cover_the_file_exactly(tmp_path_factory: pytest.TempPathFactory,
                                         lines: list[str], size: int, encoding: str,
                                         chunk: int) -> None:
    text = "".join(lines)
    path = tmp_path_factory.mktemp("s") / "f.txt"
    path.write_bytes(text.encode(encoding))
    sections = list(read_sections(path, size, chunk=chunk))
    assert "".join(s for _, s in sections) == text
    for offset, section in sections:
        assert text[offset:offset + len(section)] == section
        assert len(section) <= size
    assert len(sections) == 1 or all(s.endswith("\n") or len(s) == size
                                     for _, s in sections[:-1])


def test_a_bad_byte_late_in_a_large_file_is_named_with_its_position(tmp_path: Path) -> None:
    good = "第一段文字。\n".encode("utf-8") * 500
    path = tmp_path / "late.txt"
    path.write_bytes(good + b"\xff")
    with pytest.raises(DecodeError) as info:
        list(read_sections(path, 100, chunk=1024))
    assert info.value.position == len(good)


def test_html_warns_instead_of_returning_nothing_in_silence() -> None:
    pytest.importorskip("trafilatura")
    from govtext.text.html import HTMLWarning, extract_text, page_lines

    with pytest.warns(HTMLWarning, match="no main text"):
        assert extract_text("<html><body></body></html>") == ""
    with pytest.warns(HTMLWarning, match="could not be parsed"):
        assert page_lines("<!-- a comment only -->") == ""
    page = "<?xml version='1.0' encoding='utf-8'?><html><body><p>市长王凤朝</p></body></html>"
    with warnings.catch_warnings():
        warnings.simplefilter("error", HTMLWarning)
        assert page_lines(page) == "市长王凤朝"  # an XML declaration no longer empties it
