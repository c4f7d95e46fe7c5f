"""Status (actual or target) and year of an indicator figure.

Status: `target` when the quantity is followed by 的(预期)目标/计划, when its sentence holds a
target cue (力争, 确保; before the quantity: 预期目标是, 拟, 计划, a modal 要), or when it
lies in the plan part of a report (a top-level section whose title plans: 今年, 部署, 任务,
or names the document's own year) and its clause does not point to the past (去年, 上年).
A clause saying what was achieved (实际达到, 实际完成) keeps it `actual`.

Year (docs/indicators.md): an explicit year (a DATE) earlier in the sentence; else a
relative word before the quantity (今年, 去年/上年, 明年, 前年) counted from the document's
year; else the report's convention: a target is for the document's year (for the next
year when the document is dated after June), an actual figure for the year before when the
document is dated January to April (a spring report reviews last year), else its own year.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Sequence

import regex

from ..model import Date, Quantity, Region, Section
from . import lexicon

_TITLES = regex.compile(r"《[^《》\n]{0,80}》")
_YEAR_IN_TITLE = regex.compile(r"(\d{4})年")
_RELATIVE = regex.compile(r"(?<![比较由同与])(今年|本年|去年|上年|明年|前年)(?!同期)")
# a figure for a span of years (五年内, 今后五年, “七五”期间, 到本世纪末) has no one year
_PERIOD = regex.compile(
    r"(?:今后|未来|这|近)[一二三四五六七八九十两几\d]+年|[一二三四五六七八九十两几\d]+年(?:内|间|中|里)"
    r"|期间|本世纪末|计划期|[一二三四五六七八九十]+五”?时期")
_LIMIT = regex.compile(r"控制在[\s\u200b]*$")
_OFFSET = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
_PAST = regex.compile(r"(?<![比较由同])(?:去年|上年|过去)")
_DONE = regex.compile(r"实际(?:达到|完成|为|回落|上涨|增长了)|已经?(?:达到|完成|实现)|完成了")
_AFTER = regex.compile(r"^(?:[\s\u200b]*的)?[\s\u200b]*(?:预期目标|预定目标|调控目标|目标|计划)")


@dataclass
class Context:
    norm: str
    outline: Sequence[Section]
    year: int | None
    month: int | None
    dates: Sequence[Date]
    _plans: list[tuple[int, int, str]] = field(default_factory=list)
    masked: str = ""
    names: set[tuple[int, int]] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)  # offsets inside `names`
    date_starts: list[int] = field(default_factory=list)  # `dates` are sorted by start
    _edges: list[int] = field(default_factory=list)  # the plans' starts and ends, sorted
    _kinds: dict[int, str] = field(default_factory=dict)  # stretch index -> section_kind

    def __post_init__(self) -> None:
        self.date_starts = [d.start for d in self.dates]
        # words inside titles (《2018年度随机抽查工作计划》) are no cues
        self.masked = _TITLES.sub(lambda m: "□" * len(m.group()), self.norm)
        for s in self.outline:
            kind = self._kind(s.title)
            if kind:
                self._plans.append((s.start, s.end, kind))

    def _kind(self, title: str) -> str:
        pats = lexicon.status_patterns()
        review = pats["review"].search(title) is not None
        m = _YEAR_IN_TITLE.search(title)
        if m is not None and self.year is not None:
            y = int(m.group(1))
            if y < self.year or (y == self.year and (self.month or 1) > 6):
                return "review"
            if not review:
                return "plan"
        if review:
            return "review"
        return "plan" if pats["plan"].search(title) else ""

    def section_kind(self, offset: int) -> str:
        """The kind of the first plan or review section (in outline order) that holds
        `offset`. The answer changes only at a section's start or end, so it is worked
        out once per stretch between two of them."""
        if not self._plans:
            return ""
        if not self._edges:
            self._edges = sorted({x for s, e, _ in self._plans for x in (s, e)})
        i = bisect_right(self._edges, offset) - 1
        if i < 0:
            return ""
        kind = self._kinds.get(i)
        if kind is None:
            at = self._edges[i]  # every offset of this stretch is held by the same sections
            kind = self._kinds[i] = next((k for s, e, k in self._plans if s <= at < e), "")
        return kind


# the first clause mark; the last clause mark and the last sentence end of a stretch
# (matched from its start: the greedy `.*` runs to its end and backs up to the last mark)
_CLAUSE_MARK = re.compile("[，,；;。]")
_LAST_CLAUSE_MARK = re.compile("(?s:.*)[，,；;。]")
_LAST_END = re.compile("(?s:.*)[。！？!?\\n]")


def _clause(norm: str, sent: Region, q: Quantity) -> tuple[int, int]:
    """The clause of the sentence around `q`: from after the last of ，,；;。 before it
    to the first one after it."""
    if q.start <= sent.start:
        lo = q.start
    else:
        before = _LAST_CLAUSE_MARK.match(norm, sent.start, q.start)
        lo = before.end() if before else sent.start
    after = _CLAUSE_MARK.search(norm, q.end, sent.end)
    return lo, after.start() if after else max(q.end, sent.end)


def _full_start(norm: str, start: int) -> int:
    """The start of the whole sentence: a sentence region may end at ； or ：, but a
    主要预期目标是： governs every clause up to 。."""
    floor = max(0, start - 400)  # looked back at most 400 characters
    last = _LAST_END.match(norm, floor, start)
    lo = last.end() if last else floor
    # a paragraph under a line ending in ： (今年…主要预期目标是：) is governed by it
    head = lo
    while head > 0 and norm[head - 1] in "\n \t\u3000\u200b\r":
        head -= 1
    if head < lo and head > 0 and norm[head - 1] in "：:":
        return full_start(norm, head - 1)
    return lo


full_start = _full_start


def _cue(ctx: Context, pattern: regex.Pattern[str], start: int, end: int) -> bool:
    return any(m.start() not in ctx.covered for m in pattern.finditer(ctx.masked, start, end))


def indicator_status(ctx: Context, sent: Region, q: Quantity,
                     name: tuple[int, int] | None = None) -> str:
    """Words inside the names of statistics (计划 in 列入修改计划) are no cues."""
    norm = ctx.masked
    if name is not None and name not in ctx.names:
        ctx.names.add(name)
        ctx.covered.update(range(*name))
    pats = lexicon.status_patterns()
    if _AFTER.match(norm, q.end, min(sent.end, q.end + 12)):
        return "target"
    # a limit (控制在4.5%以内) is a target (guidelines: 控制在…以内)
    if q.approx == "less" and _LIMIT.search(norm, max(sent.start, q.start - 6), q.start):
        return "target"
    c_lo, c_hi = _clause(norm, sent, q)
    if _DONE.search(norm, c_lo, c_hi):
        return "actual"
    lo = _full_start(norm, sent.start)
    if _cue(ctx, pats["sentence"], lo, q.start):
        return "target"
    if _cue(ctx, pats["before"], lo, q.start):
        return "target"
    if ctx.section_kind(q.start) == "plan" and not _PAST.search(norm, sent.start, q.start):
        return "target"
    return "actual"


def _date_year(d: Date) -> int | None:
    value = d.high or d.value or ""
    if "/" in value:
        value = value.split("/")[-1]
    head = value[:4]
    return int(head) if head.isdigit() else None


def indicator_year(ctx: Context, sent: Region, q: Quantity, status: str) -> int | None:
    # the base of a comparison (比1955年增长) is not the figure's year
    lo = _full_start(ctx.norm, sent.start)
    period = None
    for period in _PERIOD.finditer(ctx.norm, lo, q.start):
        pass
    lo_d = bisect_left(ctx.date_starts, sent.start)
    hi_d = bisect_left(ctx.date_starts, q.start)
    explicit = [d for d in ctx.dates[lo_d:hi_d] if d.end <= q.start
                and ctx.norm[d.start - 1:d.start] not in ("比", "较", "由", "同", "与")]
    for d in reversed(explicit):
        y = _date_year(d)
        if y is not None and (period is None or d.start > period.start()):
            return y
    if period is not None:
        return None
    if ctx.year is None:
        return None
    words = list(_RELATIVE.finditer(ctx.norm, sent.start, q.start))
    if words:
        return ctx.year + _OFFSET[words[-1].group(1)]
    month = ctx.month or 1
    if status == "target":
        return ctx.year if month <= 6 else ctx.year + 1
    return ctx.year - 1 if month <= 4 else ctx.year
