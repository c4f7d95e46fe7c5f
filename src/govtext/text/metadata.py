"""The metadata header of government information-disclosure pages.

A header line holds one or more ``label<sep>value`` fields: ``索引号:00035727X/2019-33
主题分类:综合政务 发布机构:办公室``. Separators are ``:``/``：``, ``|``, a tab, or spaces
after a known label; labels and their variants come from ``data/metadata_fields.tsv``
(spaces inside a label are ignored: ``索 引 号``). A field starts at the start of a line
or after a blank, ``|`` or ``;``, so a label word inside a sentence is not a field.
Unknown ``汉字:`` labels between known ones end the previous value and are kept in
`Metadata.fields`. A label whose value is empty, last on its line, takes the next short
line as its value (headers scraped from two-row tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Sequence

import regex

from ..data import read_rows
from ..model import DocNo, Metadata
from .lines import Line, trim

_VALUE_TRIM = " \t|│┃:"
_STRONG_SEP = frozenset(":|│┃\t]】")
_VALUE_TRIM_END = _VALUE_TRIM + "【["  # the bracket that opens the next label
_NUMERAL = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_NUMERAL["零"] = 0
_NUMERAL["○"] = 0
_NUMERAL["O"] = 0

_DATE_ARABIC = regex.compile(
    r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_DATE_CHINESE = regex.compile(
    r"([〇零○O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日")


def _small_number(s: str) -> int:
    """一..三十九 as an int."""
    if "十" not in s:
        return _NUMERAL.get(s, 0) if len(s) == 1 else 0
    tens, _, units = s.partition("十")
    return (_NUMERAL.get(tens, 0) if tens else 1) * 10 + (_NUMERAL.get(units, 0) if units else 0)


def parse_date(value: str) -> date | None:
    """The first full date in `value`: ``2019-01-29``, ``2019年1月29日``, ``2019/1/29``,
    ``2019.01.29``, ``二〇一九年一月二十九日``; None when there is none or it is invalid."""
    m = _DATE_ARABIC.search(value)
    try:
        if m is not None:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _DATE_CHINESE.search(value)
        if m is not None:
            year = int("".join(str(_NUMERAL[c]) for c in m.group(1)))
            return date(year, _small_number(m.group(2)), _small_number(m.group(3)))
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], regex.Pattern[str]]:
    fields: dict[str, str] = {}
    for row in read_rows("metadata_fields.tsv"):
        label = "".join(row[0].split())
        fields.setdefault(label, row[1])
    known = "|".join(" *".join(regex.escape(c) for c in label)
                     for label in sorted(fields, key=len, reverse=True))
    pattern = regex.compile(
        r"(?<![^\s|│┃;,，【\[\ufeff\u200b])"  # a field starts a line or follows a blank, | or ;
        rf"(?:(?P<known>{known})[ \t]*(?:[\]】][ \t]*:?[ \t]*|[:|│┃\t][ \t]*|(?<=[ \t]))"
        r"|(?P<generic>\p{Han}{2,8})[ \t]*:[ \t]*)")
    return fields, pattern


@dataclass(frozen=True, slots=True)
class Field:
    """One ``label: value`` field; `key` is the Metadata attribute (None for a label
    not in the table). Offsets index the text; the value is trimmed."""

    label: str
    key: str | None
    value_start: int
    value_end: int


def _blank_separated(norm: str, m: regex.Match[str]) -> bool:
    label = m.group("known") or m.group("generic")
    return not any(c in _STRONG_SEP for c in norm[m.start() + len(label):m.end()])


def _weak(norm: str, m: regex.Match[str]) -> bool:
    """A two-character label followed only by blanks, inside a line whose first field
    has a real separator (名称：生活垃圾 分类 工作): too likely a word of the value."""
    label = m.group("known")
    if label is None or len("".join(label.split())) > 2:
        return False
    return _blank_separated(norm, m)


def read_fields(text: str, norm: str, line: Line, require_known: bool = True) -> list[Field]:
    """The fields of a header line, or [] when the line is not a header line (it must
    start with a field and, with `require_known`, hold at least one known label)."""
    if line.blank:
        return []
    fields, pattern = _labels()
    lo = line.lo
    while lo < line.hi and norm[lo] in "|│┃【[ \t":
        lo += 1
    found = list(pattern.finditer(norm, lo, line.hi))
    if not found or found[0].start() != lo:
        return []
    # a line laid out with blanks as separators throughout may use them mid-line too
    blank_layout = _blank_separated(norm, found[0])
    matches = [m for m in found if m is found[0] or blank_layout or not _weak(norm, m)]
    if require_known and all(m.group("known") is None for m in matches):
        return []
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else line.hi
        vs, ve = m.end(), end
        while vs < ve and (norm[vs] in _VALUE_TRIM or norm[vs].isspace()):
            vs += 1
        while ve > vs and (norm[ve - 1] in _VALUE_TRIM_END or norm[ve - 1].isspace()):
            ve -= 1
        name = m.group("known") or m.group("generic")
        label_text = text[m.start():m.start() + len(name)]
        key = fields.get("".join(name.split())) if m.group("known") else None
        out.append(Field(label_text, key, vs, ve))
    return out


def continue_field(text: str, fields: list[Field], line: Line) -> list[Field]:
    """`fields` with an empty last value filled from the next `line` (a two-row table)."""
    if not fields or fields[-1].value_start != fields[-1].value_end:
        return fields
    s, e = trim(text, line.lo, line.hi)
    last = fields[-1]
    return fields[:-1] + [Field(last.label, last.key, s, e)]


def _docno(text: str, norm: str, start: int, end: int) -> DocNo | None:
    from ..entities.docno import find_docnos

    found = find_docnos(text, norm, start, end)
    return found[0] if found else None


def build_metadata(text: str, norm: str, fields: Sequence[Field], *, title: str | None = None,
                   start: int | None = None, end: int | None = None) -> Metadata:
    """Typed metadata from header fields; the first value of each kind wins. `title`
    is used when no title field has a value."""
    values: dict[str, object] = {}
    for f in fields:
        if f.key is None or f.key == "other" or f.value_start == f.value_end:
            continue
        if f.key in values:
            continue
        raw = text[f.value_start:f.value_end]
        if f.key in ("issued", "published"):
            day = parse_date(norm[f.value_start:f.value_end])
            if day is not None:
                values[f.key] = day
        elif f.key == "docno":
            docno = _docno(text, norm, f.value_start, f.value_end)
            if docno is not None:
                values[f.key] = docno
        else:
            values[f.key] = raw
    return Metadata(
        title=values.get("title", title),  # type: ignore[arg-type]
        index_no=values.get("index_no"),  # type: ignore[arg-type]
        topic=values.get("topic"),  # type: ignore[arg-type]
        issuer=values.get("issuer"),  # type: ignore[arg-type]
        docno=values.get("docno"),  # type: ignore[arg-type]
        issued=values.get("issued"),  # type: ignore[arg-type]
        published=values.get("published"),  # type: ignore[arg-type]
        validity=values.get("validity"),  # type: ignore[arg-type]
        source=values.get("source"),  # type: ignore[arg-type]
        fields=tuple((f.label, text[f.value_start:f.value_end]) for f in fields),
        start=start,
        end=end,
    )


_SPONSOR = regex.compile(
    r"主办(?:单位)?\s*:\s*(?P<after>[^\s|│,，;；:]{2,40})"
    r"|(?P<before>[^\s|│,，;；:]{2,40}?)主办(?=\s|$|[|│])")


def find_sponsor(text: str, norm: str, start: int, end: int) -> str | None:
    """The sponsor named in a footer line (``主办单位：某市人民政府办公室`` or
    ``某市人民政府办公室主办``), as written."""
    m = _SPONSOR.search(norm, start, end)
    if m is None:
        return None
    group = "after" if m.group("after") is not None else "before"
    return text[m.start(group):m.end(group)]


# ——2024年3月5日在第十四届全国人民代表大会第二次会议上 (the line under a work report's title)
_REPORT_LINE = regex.compile(
    r"^[\s\u200b]*[—－─-]{1,2}[\s\u200b]*(?P<date>[^\n]{6,20}?日)[\s\u200b]*在"
    r"(?P<meeting>[^\n]{4,60}?(?:会议|大会))上[\s\u200b]*$", regex.M)
_SPEAKER = regex.compile(r"^[\s\u200b\u3000]*(?:国务院总理|总理|[^\s\n]{0,12}(?:长|主任|书记))?"
                         r"[\s\u200b\u3000]*(?P<name>\p{Han}{2,4})[\s\u200b\u3000]*$")
REPORT_SCAN = 1200  # characters from the top searched for the header line


def read_report_header(text: str, norm: str) -> dict[str, object]:
    """A work report's delivery line near the top: its date, meeting and the speaker
    named on the next non-blank lines (国务院总理 / 李克强); {} when there is none."""
    m = _REPORT_LINE.search(norm, 0, min(len(norm), REPORT_SCAN))
    if m is None:
        return {}
    day = parse_date(m.group("date"))
    if day is None:
        return {}
    out: dict[str, object] = {"delivered": day,
                              "meeting": text[m.start("meeting"):m.end("meeting")]}
    after = [ln for ln in text[m.end():m.end() + 80].split("\n") if ln.strip(" \u3000\u200b")]
    for lines in (after[:1], after[:2]):
        sm = _SPEAKER.match("".join(lines).replace("\u3000", " "))
        if sm is not None:
            out["speaker"] = sm.group("name")
            break
    return out
