"""DATE spans: absolute dates and periods with ISO 8601 values.

One compiled regex finds date atoms (2018年, 2018年4月, 2019-01-29, 二〇二三年, 12·4,
4月15日, 民國107年, and the scraped-text corruptions 20184月, 20182022年, 2018以来); atoms joined
by a range connective (至, 到, —, -, ~) become one interval `2018/2022`. Relative
dates (今年, 去年) have no digits and are never matched; `以来`/`起` stay outside.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import cache, lang
from ..model import Date
from ..text.prepare import Prepared
from .numeral import plain_digits, read_int
from .units import unit_at

_Y_AR = r"(?:1[5-9]|20|21)\d\d"
_M = r"1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十]"
_D = (r"3[01]|[12]\d|0?[1-9]|三十一|三十|二十[一二三四五六七八九]|二十"
      r"|十[一二三四五六七八九]|[一二三四五六七八九十]")
SEP = r"\s*(?:至|到|~|～|—{1,2}|–|－|―|-)\s*"
# 6月底, 3月初, 5月中旬: a part of a month stays inside the span; the value is the month
_MONTH_PART = "(?:底|末|初|上旬|中旬|下旬)"


@lru_cache(maxsize=1)
def _atom_pattern() -> re.Pattern[str]:
    """The date atoms; Chinese digits come from the one numeral table (〇 and ○).
    Compiled by `re` (same matches on the 37 documents, twice as fast as `regex`)."""
    cd = plain_digits()
    y_cn = rf"[{cd}]{{4}}"
    not_after = rf"(?<![\d.{cd}十百千万两])"
    dot = lang.char_class("middle_dot")[1:-1]
    return cache.compile(_ATOM.replace("<NA>", not_after).replace("<YCN>", y_cn)
                         .replace("<CD>", cd).replace("<DOT>", dot))


_ATOM = (
    # every date starts with a digit or 民: a cheap first test at each position
    rf"(?=[\d<CD>十民])(?:"
    # 2019-01-29, 2019/1/29, 2019.01.29
    rf"(?<![\d.\-/])(?P<iy>{_Y_AR})(?P<isep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=isep)"
    rf"(?P<id>3[01]|[12]\d|0?[1-9])(?![\d])"
    # 2018—2022年: a range whose first year lacks 年
    rf"|<NA>(?P<ra>{_Y_AR}|<YCN>){SEP}(?P<rb>{_Y_AR}|<YCN>)年(?P<rsuf>度)?"
    # 20182022年: the dash lost in scraping
    rf"|(?<![\d.])(?P<ca>{_Y_AR})(?P<cb>{_Y_AR})年"
    # 2018年1—6月, 1至11月份: a range of months
    rf"|<NA>(?:(?P<my>{_Y_AR}|<YCN>)年)?(?P<ma>{_M}){SEP}(?P<mb>{_M})月份?"
    # 2018年, 2018年4月, 2018年4月15日, 2018年度, 2018年底
    # (scraped PDF text may put one space around each part: 2018 年 4 月)
    rf"|<NA>(?P<y>{_Y_AR}|<YCN>) ?年"
    rf"(?: ?(?P<m>{_M}) ?月份?(?: ?(?P<d>{_D}) ?[日号]|{_MONTH_PART})?|(?P<suf>度|底|末|初))?"
    # 民国107年 (Taiwan's Minguo calendar: year + 1911)
    rf"|民国(?P<roc>\d{{1,3}}|[<CD>十百]{{1,4}})年(?:(?P<rm>{_M})月份?(?:(?P<rd>{_D})[日号])?)?"
    # 20184月: 年 lost in scraping
    rf"|(?<![\d.])(?P<cy>{_Y_AR})(?P<cm>1[0-2]|[1-9])月"
    # 4月, 4月15日 (no year)
    rf"|<NA>(?<!个)(?P<m2>{_M})月份?(?:(?P<d2>{_D})[日号]|{_MONTH_PART})?"
    # 15日 (a day of the month); 15日内 is a span of days
    rf"|(?<![\d.])(?P<d3>3[01]|[12]\d|0?[1-9])日(?!内|以内|之内|元|圆)"
    rf"|<NA>(?P<d4>三十一|三十|二十[一二三四五六七八九]|二十|十[一二三四五六七八九])日"
    r"(?!内|以内|之内|元|圆)"
    # 12·4, 3·15: a day-month name
    r"|(?<![\d.<DOT>])(?P<dm>1[0-2]|0?[1-9])[<DOT>](?P<dd>3[01]|[12]\d|0?[1-9])(?![\d.<DOT>])"
    # 2018以来: 年 lost in scraping
    rf"|(?<![\d.])(?P<by>{_Y_AR})(?=以来|起|至今))"
)
_SEP_ONLY = regex.compile(rf"{SEP}")


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    y: str | None
    m: str | None = None
    d: str | None = None
    month_end: bool = False  # 年底 -> month 12
    interval: tuple[str, str] | None = None

    def iso(self) -> str | None:
        if self.interval:
            return f"{self.interval[0]}/{self.interval[1]}"
        return _iso(self.y, self.m, self.d)


def _num(s: str) -> int:
    return read_int(s)


def _year(s: str) -> str:
    return str(read_int(s)).rjust(len(s), "0")  # 二〇一八, 二○一八: digit by digit


def _iso(y: str | None, m: str | None, d: str | None) -> str | None:
    if y and m and d:
        try:
            return datetime.date(int(y), int(m), int(d)).isoformat()
        except ValueError:
            return None
    if y and m:
        return f"{y}-{int(m):02d}"
    if y:
        return y
    if m and d:
        if int(d) > (29 if int(m) == 2 else 30 if int(m) in (4, 6, 9, 11) else 31):
            return None
        return f"--{int(m):02d}-{int(d):02d}"
    if m:
        return f"--{int(m):02d}"
    if d:
        return f"---{int(d):02d}"
    return None


def _atom(mt: re.Match[str]) -> _Atom | None:
    g = mt.group
    s, e = mt.span()
    if g("iy"):
        return _Atom(s, e, g("iy"), str(int(g("im"))), str(int(g("id"))))
    if g("ra"):
        a, b = _year(g("ra")), _year(g("rb"))
        return _Atom(s, e, None, interval=(a, b)) if a < b else None
    if g("ca"):
        a, b = g("ca"), g("cb")
        return _Atom(s, e, None, interval=(a, b)) if a < b and int(b) - int(a) <= 50 else None
    if g("ma"):
        y = _year(g("my")) if g("my") else None
        low, high = _iso(y, str(_num(g("ma"))), None), _iso(y, str(_num(g("mb"))), None)
        if low is None or high is None or not low < high:
            return None
        return _Atom(s, e, None, interval=(low, high))
    if g("y"):
        y = _year(g("y"))
        if g("m"):
            return _Atom(s, e, y, str(_num(g("m"))), str(_num(g("d"))) if g("d") else None)
        suf = g("suf")
        if suf in ("底", "末"):
            return _Atom(s, e, y, "12")
        if suf == "初":
            return _Atom(s, e, y, "1")
        return _Atom(s, e, y)
    if g("roc"):
        try:
            year = read_int(g("roc")) + 1911
        except ValueError:
            return None
        return _Atom(s, e, str(year), str(_num(g("rm"))) if g("rm") else None,
                     str(_num(g("rd"))) if g("rd") else None)
    if g("cy"):
        return _Atom(s, e, g("cy"), g("cm"))
    if g("m2"):
        return _Atom(s, e, None, str(_num(g("m2"))), str(_num(g("d2"))) if g("d2") else None)
    if g("d3"):
        return _Atom(s, e, None, None, str(int(g("d3"))))
    if g("d4"):
        return _Atom(s, e, None, None, str(_num(g("d4"))))
    if g("dm"):
        # 1·5万人, 49·5摄氏度 in scraped news: a decimal point before a unit, no date
        return None if unit_at(mt.string, e) else _Atom(s, e, None, g("dm"), g("dd"))
    if g("by"):
        return _Atom(s, e, g("by"))
    return None


def _merge(a: _Atom, b: _Atom) -> _Atom | None:
    """`a SEP b` as one interval, b inheriting the year (and month) it leaves out."""
    if a.interval or b.interval:
        return None
    y, m, d = b.y, b.m, b.d
    if y is None and m is None and a.m is not None and d is not None:
        m = a.m  # 4月1日至15日
    if y is None and a.y is not None:
        y = a.y  # 2018年1月至6月
    low, high = a.iso(), _iso(y, m, d)
    if low is None or high is None or len(low) != len(high) or not low < high:
        return None
    return _Atom(a.start, b.end, None, interval=(low, high))


def find_dates(prep: Prepared) -> list[Date]:
    norm, text = prep.norm, prep.text
    atoms = [a for a in (_atom(mt) for mt in _atom_pattern().finditer(norm)) if a and a.iso()]
    out: list[Date] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = norm[a.end:b.start]
            if gap and _SEP_ONLY.fullmatch(gap):
                merged = _merge(a, b)
                if merged is not None:
                    a = merged
                    i += 1
        i += 1
        value = a.iso()
        low, high = a.interval if a.interval else (None, None)
        out.append(Date(a.start, a.end, text[a.start:a.end], value=value, low=low, high=high,
                        rule="numbers.date"))
    return out
