"""Reading files: encodings, BOMs, line endings kept, clear decode errors."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtext
from govtext.text.reading import DecodeError, decode, read

TEXT = "索引号：000014349/2021-00056\r\n国务院办公厅关于印发《某某方案》的通知\r\n\r\n各省、自治区人民政府：𠮷\n现印发给你们。\r"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("gb18030", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
])
def test_encodings_round_trip(tmp_path, encoding, prefix):
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    assert read(path) == TEXT  # BOM stripped, \r\n and \r kept as written


@pytest.mark.parametrize("encoding", ["gbk", "gb2312"])
def test_gbk_and_gb2312_files_read_as_gb18030(tmp_path, encoding):
    text = "石家庄市人民政府办公厅关于做好春季农业生产工作的通知\n各县（市、区）人民政府：\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    assert read(path) == text


def test_offsets_index_the_text_after_the_bom(tmp_path, nlp):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "发文日期：2019-01-29\n正文。".encode("utf-8"))
    doc = govtext.annotate_file(path, nlp)
    assert doc.text.startswith("发文日期")
    assert doc.metadata.issued is not None and doc.metadata.issued.isoformat() == "2019-01-29"
    assert doc.paragraphs[0].start == 0


def test_bad_utf8_byte_is_reported_with_file_and_position(tmp_path):
    good = "秦皇岛市法治政府建设工作报告，全文如下。".encode("utf-8")
    path = tmp_path / "broken.txt"
    path.write_bytes(good + b"\xff" + "后文".encode("utf-8"))
    with pytest.raises(DecodeError) as info:
        read(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.position == len(good)
    assert str(path) in str(err) and str(len(good)) in str(err)


def test_bytes_that_are_neither_utf8_nor_gb18030(tmp_path):
    path = tmp_path / "binary.bin"
    path.write_bytes(b"\x81\x30\xff\xff\x00")
    with pytest.raises(DecodeError) as info:
        read(path)
    assert info.value.encoding == "gb18030"
    assert "binary.bin" in str(info.value)


def test_broken_utf16_reports_the_byte_position_in_the_file(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "文本".encode("utf-16-le") + b"\x00\xdc")
    with pytest.raises(DecodeError) as info:
        read(path)
    assert info.value.position == 2 + 4


def test_forced_encoding_and_empty_input(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("臺灣".encode("big5"))
    assert read(path, encoding="big5") == "臺灣"
    assert decode(b"") == ""


def test_annotate_file_keeps_line_endings(tmp_path, nlp):
    path = tmp_path / "crlf.txt"
    path.write_bytes("一、总体要求\r\n（一）指导思想。\r\n".encode("gb18030"))
    doc = govtext.annotate_file(str(path), pipeline=nlp)
    assert "\r\n" in doc.text
    assert [s.title for s in doc.outline] == ["总体要求"]
    assert doc.outline[0].children[0].title == "指导思想"

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=200, deadline=None)
@given(any_text, st.sampled_from([
    (b"", "utf-8"), (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
]))
def test_any_text_round_trips(text, form):
    bom, encoding = form
    if not bom and text.startswith("\ufeff"):
        text = "x" + text  # a leading U+FEFF in a file without a BOM is read as one
    if encoding == "utf-16-le" and text.startswith("\x00"):
        text = "x" + text  # FF FE 00 00 is also the UTF-32 mark: ambiguous by design
    assert decode(bom + text.encode(encoding)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
                        "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理"
                        "，。；：“”《》（）、\n\r 0123456789abc", min_size=8, max_size=80))
def test_gb18030_text_of_chinese_documents_round_trips(text):
    data = text.encode("gb18030")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode(data) == text
