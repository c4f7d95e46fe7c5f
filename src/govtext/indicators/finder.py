"""Finding INDICATOR spans: the statistic each QUANTITY measures.

Within a clause (a stretch of a sentence between ，；：（） and the like), quantities
joined only by 、/和 form a run sharing one name. The text left of a run is read from the
right: change cues (增长, 下降, 达到, 分别, 比上年 ...) are peeled off and give the change;
from the left, scope, time and agency words are dropped. What is left is the name. When
nothing is left, or only a verb that governs the quantity (有, 取消, 新设), the noun phrase
right after the run is the name (全市590所中小学, 新设12个自贸试验区); when there is none
either, the quantity measures the statistic named last in the sentence
(空气质量达标天数285天，增加17天). `分别` and `均` distribute coordinated names.
The vocabulary lives in data/indicator_*.tsv|txt.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import regex

from ..model import Date, Quantity, Region, Section, Span
from . import lexicon
from .span import Indicator
from .status import Context, indicator_status, indicator_year

CLAUSE_BREAKS = frozenset("，,；;：:。！？!?（）()")
# line breaks inside a sentence are artefacts of scraped pages (新建\n高速铁路\n投产里程)
INVISIBLE = frozenset(" \t\r\n\u3000\u200b\ufeff\xa0")
_INVISIBLE = re.compile("[" + re.escape("".join(sorted(INVISIBLE))) + "]")
_CLAUSE_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
COPULAS = ("为", "是", "定为", "定在")
NAME_SPANS = ("DATE", "AGENCY", "LOCATION", "OFFICIAL", "PERSON", "ORG")
# durations, ages, and counts of categories a rule defines (明确4类重大决策事项)
NOT_MEASURES = ("年", "周年", "个月", "月", "年度", "岁", "类", "大类", "种", "方面", "个方面")
MAX_NAME = 30
MAX_RIGHT = 16
_TIME = regex.compile("(?<![比较由同与])(?:(?:今年|明年|去年|当年)[底末初]?|全年|年末|年底|年初)")
_COMPARED = regex.compile(r"(?:比|较|由|同|与)(?:上年|去年|前年|上一年|\d{4}年)")
MAX_BARE = 16  # a clause without numbers this short may name the next clause's statistic


@dataclass(slots=True)
class _View:
    """The visible characters of a stretch of text and where each one is."""

    chars: str
    offsets: list[int]

    @classmethod
    def of(cls, norm: str, start: int, end: int) -> _View:
        if _INVISIBLE.search(norm, start, end) is None:  # the common case: all visible
            return cls(norm[start:end], list(range(start, end)))
        offs = [i for i in range(start, end) if norm[i] not in INVISIBLE]
        return cls("".join(norm[i] for i in offs), offs)


@dataclass(slots=True)
class _Name:
    start: int  # original offsets
    end: int
    change: str | None
    cut: bool = False  # opened by a cutting verb (降低企业税负): decrease
    distribute: bool = False  # 分别
    each: bool = False  # 均: one quantity for every coordinated name
    shared: bool = False  # opened by 、: shares the previous run's verb
    rule: str = "indicators.before"  # which reading named it (the spans' rule id)


def _strip_right(s: str) -> tuple[str, str | None, bool, bool]:
    """`s` without its trailing cues; the nearest change cue; 分别 and 均 seen."""
    change = None
    distribute = each = copula = peeled = False
    while s:
        m = (lexicon.COMPARISON.search(s) or lexicon.YEAR_END.search(s)
             or lexicon.ADJUSTMENT.search(s))
        if m is not None:
            s = s[:m.start()]
            continue
        for word, what in lexicon.cue_words().ending(s):
            if what != "~" or peeled:
                peeled = True
                if what not in "-~" and (change is None or (copula and what != "level")):
                    copula = change is None and word in COPULAS
                    change = what
                distribute |= word == "分别"
                each |= word in ("均", "都")
                s = s[:-len(word)]
                break
        else:
            break
    return s, change, distribute, each


@lru_cache(maxsize=1)
def _cutting() -> regex.Pattern[str]:
    """The cutting verbs of indicator_leads.tsv (read on first use, not at import)."""
    return regex.compile("|".join(w for w, role in lexicon.leads() if role == "cut"))


def _strip_left(view: _View, lo: int, hi: int, others: Sequence[Span]) -> tuple[int, bool, bool]:
    """The first index of the name in view[lo:hi] after scope words and names of
    places, agencies and dates; whether a cutting verb opened it; whether 、 did."""
    cut = shared = False
    s = view.chars
    while lo < hi:
        if s[lo] == "的" and lo > 0:
            lo += 1
            continue
        m = lexicon.PERIOD_LEAD.match(s, lo, hi)
        if m is not None and m.end() > lo:
            lo = m.end()
            continue
        if s[lo] in "、":
            shared = True
            lo += 1
            continue
        span = next((o for o in others if o.start == view.offsets[lo] and o.label in NAME_SPANS
                     and o.end <= view.offsets[hi - 1] + 1), None)
        if span is not None:
            while lo < hi and view.offsets[lo] < span.end:
                lo += 1
            continue
        for word, role in lexicon.lead_words().starting(s, lo, hi):
            if role != "open":
                cut |= role == "cut"
                lo += len(word)
                break
        else:
            if s.startswith(lexicon.CONNECTORS, lo) and not shared:
                conn = next(c for c in lexicon.CONNECTORS if s.startswith(c, lo))
                lo += len(conn)
                continue
            break
    # a time word inside opens the name after it (中央提出今年经济增长…)
    m = None
    for m in _TIME.finditer(s, lo, hi):
        pass
    if m is not None and m.end() < hi:
        return _strip_left(view, m.end(), hi, others)[0], cut, shared
    # so does a cutting verb that governs what follows it (完成本届政府减少行政审批事项: the
    # decrease of 行政审批事项), not one that modifies a noun (流程缩减的措施, 降低额)
    m = None
    cutting = _cutting()
    if cutting.search(s, lo + 1, hi) is not None:  # rare: the loop only then
        for c in cutting.finditer(s, lo + 1, hi):
            if c.end() + 1 < hi and s[c.end()] not in "的额率":
                m = c
    if m is not None:
        return _strip_left(view, m.end(), hi, others)[0], True, shared
    return lo, cut, shared


def _right_name(view: _View, lo: int, hi: int) -> int:
    """The end (index into view) of the noun phrase starting at lo, or lo for none."""
    s = view.chars
    if any(what not in "-~" for _, what in lexicon.cue_words().starting(s, lo)):
        return lo  # 由33%上升到34%: a change word, no noun
    end = lo
    limit = min(hi, lo + MAX_RIGHT)
    while end < limit:
        if next(lexicon.stop_words().starting(s, end), None) is not None:
            break
        end += 1
    return end


def _split_names(view: _View, lo: int, hi: int) -> list[tuple[int, int]]:
    parts, start = [], lo
    i = lo
    while i < hi:
        c = view.chars[i]
        if c in "、和":
            if i > start:
                parts.append((start, i))
            start = i + 1
        i += 1
    if hi > start:
        parts.append((start, hi))
    return parts


def _measurable(q: Quantity, norm: str) -> bool:
    if q.unit in NOT_MEASURES or norm.startswith(("来",) + NOT_MEASURES, q.end):
        return False
    # a counting 一次 (每季度召开一次座谈会) is optional in the guidelines: left out
    return not (q.text.startswith("一") and q.value == 1 and q.unit in ("次", "个"))


def _runs(view: _View, qs: list[Quantity]) -> list[list[Quantity]]:
    runs: list[list[Quantity]] = []
    for q in qs:
        if runs:
            prev = runs[-1][-1]
            between = "".join(c for i, c in zip(view.offsets, view.chars)
                              if prev.end <= i < q.start)
            if between in lexicon.CONNECTORS or between == "":
                runs[-1].append(q)
                continue
        runs.append([q])
    return runs


def _index(view: _View, offset: int) -> int:
    """The view index of the first visible character at or after `offset`."""
    return bisect_left(view.offsets, offset)


def _text_span(text: str, view: _View, lo: int, hi: int) -> tuple[int, int, str]:
    start, end = view.offsets[lo], view.offsets[hi - 1] + 1
    return start, end, text[start:end]


def _clauses(norm: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    s = start
    for m in _CLAUSE_BREAK.finditer(norm, start, end):
        i = m.start()
        if i > s:
            yield s, i
        s = i + 1
    if end > s:
        yield s, end


MAX_SENTENCE = 2000  # longer "sentences" (tables, lists of figures) are read in pieces


def _bounded(text: str, sentences: Sequence[Region]) -> Iterable[Region]:
    """The sentences, a sentence longer than MAX_SENTENCE cut into pieces at its last
    clause break (else hard): every reading of a quantity looks back at most one piece,
    so a page-long list of figures with no full stop stays linear."""
    for sent in sentences:
        start = sent.start
        while sent.end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(text.rfind(c, start + 1, limit) for c in "，,；;、") + 1
            cut = cut if cut > start + 1 else limit
            yield Region(start, cut, text[start:cut], sent.kind)
            start = cut
        yield sent if start == sent.start else Region(start, sent.end, text[start:sent.end],
                                                      sent.kind)


def _joined(text: str, sentences: Sequence[Region]) -> list[Region]:
    """Sentences, with those cut by a stray line break (a sentence with no final
    punctuation and a single line break before the next) joined again."""
    runs: list[list[Region]] = []  # the sentences of each joined run
    for s in sentences:
        if runs:
            prev = runs[-1][-1]
            gap = text[prev.end:s.start]
            if (prev.text.rstrip()[-1:] not in "。！？!?；;：:"
                    and not gap.strip("\n \t\u3000\u200b")
                    and all(gap.split("\n")[1:-1])):  # no line inside the gap is empty
                runs[-1].append(s)
                continue
        runs.append([s])
    # each run's text is sliced once (joining one by one copied a long run again and again)
    return [run[0] if len(run) == 1 else
            Region(run[0].start, run[-1].end, text[run[0].start:run[-1].end], run[0].kind)
            for run in runs]


def find_indicators(text: str, spans: Sequence[Span], sentences: Sequence[Region],
                    outline: Sequence[Section] = (), year: int | None = None,
                    month: int | None = None, norm: str | None = None) -> list[Indicator]:
    """INDICATOR spans for the QUANTITY spans in `spans`, sentence by sentence.

    `spans` are the document's resolved spans (quantities; dates, places and agencies
    are left out of names); `year`/`month` are the document's date, used for the
    figures' years and the plan section; `norm` the normalized view (default: text).
    """
    norm = text if norm is None else norm
    out: list[Indicator] = []
    quantities = sorted((s for s in spans if isinstance(s, Quantity)), key=lambda s: s.start)
    others = sorted((s for s in spans if s.label in NAME_SPANS), key=lambda s: s.start)
    dates = [s for s in others if isinstance(s, Date)]
    ctx = Context(norm, outline, year, month, dates)
    other_starts = [o.start for o in others]
    qi = 0
    for sent in _bounded(text, _joined(text, sentences)):
        while qi < len(quantities) and quantities[qi].start < sent.start:
            qi += 1
        in_sent = []
        while qi < len(quantities) and quantities[qi].end <= sent.end:
            if _measurable(quantities[qi], norm):
                in_sent.append(quantities[qi])
            qi += 1
        if not in_sent:
            continue
        near = others[bisect_left(other_starts, sent.start):bisect_left(other_starts, sent.end)]
        last: _Name | None = None
        for c_start, c_end in _clauses(norm, sent.start, sent.end):
            qs = [q for q in in_sent if c_start <= q.start and q.end <= c_end]
            if not qs:
                # a clause naming the statistic alone (工农业总产值，比1980年预计增长5.5%;
                # 今年经济增长速度的宏观调控目标，定为百分之八至九)
                last = _bare_name(_View.of(norm, c_start, c_end), near) or last
                continue
            view = _View.of(norm, c_start, c_end)
            pos = 0
            runs = _runs(view, qs)
            for k, run in enumerate(runs):
                a, b = _index(view, run[0].start), _index(view, run[-1].end)
                nxt = _index(view, runs[k + 1][0].start) if k + 1 < len(runs) else len(view.chars)
                name, pos = _name_of(view, pos, a, b, nxt, near, last, run[-1].kind)
                if name is None:
                    continue
                last = name
                out.extend(_link(text, view, name, run, ctx, sent))
    return out


def _bare_name(view: _View, near: Sequence[Span]) -> _Name | None:
    m = _COMPARED.search(view.chars)  # 物价上涨幅度比去年有明显回落: the name ends at 比
    left, change, _, _ = _strip_right(view.chars if m is None else view.chars[:m.start()])
    lo, _, _ = _strip_left(view, 0, len(left), near)
    if not 0 < len(left) - lo <= MAX_BARE or left.endswith(("后", "前", "以来", "时", "中")):
        return None  # too long for a name, or a time phrase (全国“两会”后)
    return _Name(view.offsets[lo], view.offsets[len(left) - 1] + 1, change)


def _name_of(view: _View, pos: int, a: int, b: int, nxt: int, near: Sequence[Span],
             last: _Name | None, kind: str) -> tuple[_Name | None, int]:
    """The name for the run at view[a:b], reading view[pos:a] and view[b:nxt]; the
    position after what was used."""
    left, change, distribute, each = _strip_right(view.chars[pos:a])
    lo, cut, shared = _strip_left(view, pos, pos + len(left), near)
    hi = pos + len(left)
    if hi - lo > MAX_NAME:
        lo = hi - MAX_NAME
    rest = view.chars[lo:hi]
    # a count followed by a noun counts that noun (全市590所中小学, 取消18项许可事项)
    opened = rest == "" or rest.endswith(lexicon.open_verbs()) or kind != "percent"
    if opened:
        r_end = _right_name(view, b, nxt)
        if r_end > b + 1:
            return _Name(view.offsets[b], view.offsets[r_end - 1] + 1, change or
                         ("decrease" if cut else None), rule="indicators.after"), r_end
    if rest:
        if shared and last is not None:
            change = change or last.change
            cut = cut or last.cut
        name = _Name(view.offsets[lo], view.offsets[hi - 1] + 1, change, cut, distribute, each,
                     shared)
        name.change = change or ("decrease" if cut else None)
        if distribute or each:
            name.rule = "indicators.distributed"
        return name, b
    if last is not None:
        return _Name(last.start, last.end, change, rule="indicators.said"), b
    return None, b


def _link(text: str, view: _View, name: _Name, run: list[Quantity], ctx: Context,
          sent: Region) -> list[Indicator]:
    change = name.change or "level"
    targets = [(name.start, name.end)]
    if name.distribute or name.each:
        lo, hi = _index(view, name.start), _index(view, name.end)
        parts = _split_names(view, lo, hi)
        if len(parts) > 1 and (len(parts) == len(run) or (name.each and len(run) == 1)):
            targets = [(view.offsets[p], view.offsets[e - 1] + 1) for p, e in parts]
    pairs: list[tuple[tuple[int, int], Quantity]]
    if len(targets) == len(run):
        pairs = list(zip(targets, run))
    elif len(run) == 1:
        pairs = [(t, run[0]) for t in targets]
    else:
        pairs = [(targets[0], q) for q in run]
    out = []
    for (s, e), q in pairs:
        status = indicator_status(ctx, sent, q, (s, e))
        out.append(Indicator(s, e, text[s:e], quantity=(q.start, q.end), change=change,
                             status=status, year=indicator_year(ctx, sent, q, status),
                             measure=q, rule=name.rule))
    return out
