"""The outline: numbered headings as a tree of `Section`s.

Marker styles, from the outermost: ``第一编/第一部分`` > ``第一章`` > ``第一节`` >
``第一条`` > ``一、`` > ``（一）``/``(一)`` > ``1.``/``1、``/``1．`` > ``（1）``/``(1)`` >
``1)`` > ``①`` > ``一是…二是…`` (items inside a paragraph). All but the last must start a
line. A `Section`'s `level` is its depth in the tree, so ``（一）`` is level 1 in a text
that has no ``一、``.

Numbering is checked: a heading is accepted only when it continues an open list of its
style (``（二）`` after ``（一）``) or starts a new one with 1. A ``1.`` in the middle of a
sentence is never a candidate, and ``3.`` out of sequence is ignored.

A title is the heading text up to its first ``。！？；：`` or the line end (for a
``一是`` item, up to its first comma or the next item). When a heading
runs on into its paragraph with no punctuation (a page that lost the break after a bold
heading: ``(一)宪法学习宣传实施成效明显全市政府系统将…``), a long title is cut before the
first paragraph-opening word (``data/outline_openers.txt``: 全市, 我省, 围绕, ...) or, failing
that, at the first comma.

Print an outline as an indented table of contents with `format_outline(doc.outline)`;
``str(section)`` gives the same for one section and its children.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

import regex

from ..data import longest_first
from ..model import Region, Section
from .lines import trim

_CN = "一二三四五六七八九十百零〇两"
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGIT.update({"〇": 0, "两": 2})

# (style, rank, pattern); group 1 is the number. Matched at the start of a line.
_STYLES: tuple[tuple[str, int, str], ...] = (
    ("part", 0, rf"第([{_CN}]{{1,4}})(?:编|部分)"),
    ("chapter", 1, rf"第([{_CN}]{{1,4}})章"),
    ("section", 2, rf"第([{_CN}]{{1,4}})节"),
    ("article", 3, rf"第([{_CN}]{{1,4}})条"),
    ("cn", 4, r"([一二三四五六七八九十]{1,3})\s?[、.]"),
    ("cn_paren", 5, r"[(〔]\s?([一二三四五六七八九十]{1,3})\s?[)〕]"),
    ("num", 6, r"(\d{1,3})\s?(?:、|\.(?!\d))"),
    ("num_paren", 7, r"\(\s?(\d{1,3})\s?\)"),
    ("num_half", 8, r"(\d{1,3})\)"),
    ("circled", 9, r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
)
_INLINE_RANK = 10
# styles numbered through the whole document rather than within their parent:
# 第三条 follows 第二条 across a chapter break
_DOCUMENT_WIDE = frozenset(("part", "chapter", "section", "article"))
_HEAD = regex.compile("|".join(f"(?P<{name}>{pattern})" for name, _, pattern in _STYLES))
_HEAD_FIRST = frozenset("第一二三四五六七八九十(〔0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_INNER = {name: regex.compile(pattern) for name, _, pattern in _STYLES}
_RANK = {name: rank for name, rank, _ in _STYLES}
_INLINE = regex.compile(r"([一二三四五六七八九十]{1,3})是")
_INLINE_BOUNDARY = frozenset("，,；;。：:！!？?、)）")
_TITLE_END = regex.compile(r"[。！？；：!?;:]")
_CLAUSE = regex.compile(r"[，,、“”\"《（(]")
_COMMA = regex.compile(r"[，,]")
_YEAR_OPENER = regex.compile(r"\d{4}年")
_RUN_ON = 30  # a title longer than this, with no punctuation, ran on into its paragraph
_MIN_TITLE = 4


def chinese_number(s: str) -> int | None:
    """一..九十九 and 一百..九百九十九, or digit-by-digit strings (一〇); None if `s`
    is not a number."""
    if not s:
        return None
    if all(c in _CN_DIGIT for c in s):  # digit by digit: 一〇 = 10
        value = 0
        for c in s:
            value = value * 10 + _CN_DIGIT[c]
        return value
    total, current = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            current = _CN_DIGIT[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _circled(c: str) -> int:
    return ord(c) - 0x2460 + 1


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return longest_first("outline_openers.txt")


def _cut_run_on(title: str) -> str:
    """The heading part of a title that ran on into its paragraph."""
    if len(title) <= _RUN_ON:
        return title
    m = _CLAUSE.search(title)
    window = m.start() if m else len(title)
    best = window
    for word in _openers():
        i = title.find(word, _MIN_TITLE, window)
        if 0 <= i < best:
            best = i
    y = _YEAR_OPENER.search(title, _MIN_TITLE, window)
    if y is not None and y.start() < best:
        best = y.start()
    if best < window:
        return title[:best]
    if m is not None and m.group() in "，," and m.start() >= _MIN_TITLE:
        return title[:m.start()]
    return title


@dataclass(slots=True)
class _Open:
    style: str
    rank: int
    number: int
    start: int
    marker: str
    title: str
    level: int
    limit: int  # the furthest this section may reach (inline items: their paragraph)
    children: list[Section] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    marker_end: int
    style: str
    rank: int
    number: int
    para: Region


def _line_candidate(norm: str, para: Region) -> _Candidate | None:
    if para.start >= para.end or norm[para.start] not in _HEAD_FIRST:
        return None
    m = _HEAD.match(norm, para.start, para.end)
    if m is None or m.lastgroup is None:
        return None
    style = m.lastgroup
    num_text = m.group(style)
    inner = _INNER[style].match(num_text)
    if inner is None:
        return None
    digits = inner.group(1)
    if style.startswith("num"):
        number: int | None = int(digits)
    elif style == "circled":
        number = _circled(digits)
    else:
        number = chinese_number(digits)
    if not number:
        return None
    return _Candidate(para.start, m.end(), style, _RANK[style], number, para)


def _inline_candidates(norm: str, para: Region, after: int) -> list[_Candidate]:
    out = []
    for m in _INLINE.finditer(norm, after, para.end):
        number = chinese_number(m.group(1))
        if number:
            out.append(_Candidate(m.start(), m.end(), "inline", _INLINE_RANK, number, para))
    return out


def _title(text: str, start: int, limit: int, inline: bool = False) -> str:
    s, e = trim(text, start, limit)
    m = _TITLE_END.search(text, s, e)
    if m is not None:
        e = m.start()
    s, e = trim(text, s, e)
    title = text[s:e]
    if inline:  # an item's title is its first clause
        c = _COMMA.search(title, _MIN_TITLE)
        return title if c is None else title[:c.start()]
    return _cut_run_on(title)


def build_outline(text: str, norm: str, paragraphs: Sequence[Region]) -> tuple[Section, ...]:
    """The outline tree of the headings found at the starts of `paragraphs` (and the
    ``一是`` items inside them). Sections end where the next heading of their level or
    above begins, or at the end of the last paragraph; ``一是`` items end with their
    paragraph at the latest."""
    top: list[Section] = []
    stack: list[_Open] = []
    last_end = paragraphs[-1].end if paragraphs else 0

    def pop_to(size: int, pos: int) -> None:
        while len(stack) > size:
            node = stack.pop()
            end = trim(text, node.start, min(pos, node.limit))[1]
            section = Section(node.start, max(end, node.start), node.marker, node.number,
                              node.level, node.title, tuple(node.children))
            (stack[-1].children if stack else top).append(section)

    last: dict[str, int] = {}  # the last number accepted of each style

    def accept(c: _Candidate) -> bool:
        same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].style == c.style),
                    None)
        if same is not None and stack[same].number + 1 == c.number:
            pop_to(same, c.start)
            return True
        continued = c.style in _DOCUMENT_WIDE and last.get(c.style, 0) + 1 == c.number
        if c.number != 1 and not continued:
            return False
        if c.style == "inline" and c.start > c.para.start \
                and norm[c.start - 1] not in _INLINE_BOUNDARY:
            return False  # 统一是, 之一是: not an item
        size = len(stack)
        while size and stack[size - 1].rank >= c.rank:
            size -= 1
        pop_to(size, c.start)
        return True

    for para in paragraphs:
        cands: list[_Candidate] = []
        head = _line_candidate(norm, para)
        if head is not None:
            cands.append(head)
        cands.extend(_inline_candidates(norm, para, head.marker_end if head else para.start))
        for i, c in enumerate(cands):
            if not accept(c):
                continue
            last[c.style] = c.number
            # a title stops at the line end, or at the next item in the same paragraph
            limit = para.end
            if i + 1 < len(cands) and cands[i + 1].style == "inline":
                limit = cands[i + 1].start
            stack.append(_Open(c.style, c.rank, c.number, c.start,
                               text[c.start:c.marker_end],
                               _title(text, c.marker_end, limit, c.style == "inline"),
                               len(stack) + 1, para.end if c.style == "inline" else last_end))
    pop_to(0, last_end)
    return tuple(top)


def format_outline(sections: Iterable[Section]) -> str:
    """An indented table of contents: one line per section, ``marker title``, two
    spaces of indent per level (the same as ``str(section)`` for each one)."""
    return "\n".join(str(s) for s in sections)


def is_heading(norm: str, para: Region) -> bool:
    """Whether a paragraph starts with a heading marker (numbering not checked)."""
    return _line_candidate(norm, para) is not None
