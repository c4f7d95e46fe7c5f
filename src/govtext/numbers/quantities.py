"""QUANTITY spans and bare numbers.

One compiled regex over the normalized text finds every numeral with what may attach to
it: a leading approximation word (约, 近, 超过), a sign, the numeral itself (Arabic,
Chinese, mixed, `X分之Y`), a middle approximation word (余, 多), a late multiplier
(890余万元), a unit or measure word from `data/units.tsv`, and a trailing approximation
word (以上, 左右). Each match is then checked against the contexts that make a number
part of a name, an ordinal, a heading, a quoted term or an article (`numbers_context.tsv`).

Numeral characters inside ordinary words are kept out by general rules: a non-zero
Chinese or financial digit never touches an Arabic digit (队伍17支 is 17支, 统一3项 is
3项); a lone financial numeral after another Chinese character is a word part unless a
money unit follows (收拾, 大陆); a bare multiplier (百姓, 千万不要, 亿万人民) is an
amount only with an approximation word (近千家, 亿元以上) or as a run before money
(千万元); and measure words carry flags (units.tsv) for the words they start or name.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import re

import regex

from .. import cache
from ..model import Number, Quantity
from ..text.prepare import Prepared
from .candidate import Cand as _Cand
from .checks import (chinese_digit_run, ends_with_magnitude, financial_in_word,
                     is_magnitude_only, keep_quantity, magnitude_amount, unit_fits)
from .money import compound, symbol_pattern
from .numeral import cn_chars, exact, financial_chars, multiply, negate, numeral_table
from .parse import hedged, parse_fraction, parse_number
from .tails import dotted_decimal, extend_tail, percent_value, tenths_run
from .units import approx_pattern, approx_words, contexts, currency_of, unit_pattern, unit_table
from .words import blocked_spans, fixed_spans, in_fixed, inside, word_quantities

_RANGE_SEP = r"\s*(?:至|到|~|～|—{1,2}|–|－|―|-)\s*"


@lru_cache(maxsize=1)
def multiplier_pattern() -> str:
    """One multiplier character (十百千万亿...), refusing to start a unit of the
    table: the 千 of 3千瓦时 or 5千米 belongs to the unit, not the numeral."""
    out = []
    for char in cn_chars("small") + cn_chars("big"):
        tails = sorted({u[1:] for u in unit_table() if u.startswith(char) and len(u) > 1},
                       key=lambda t: (-len(t), t))
        guard = f"(?!{'|'.join(regex.escape(t) for t in tails)})" if tails else ""
        if char in financial_chars():
            guard += r"(?<!\d.)(?!\d)"  # 收拾12件: 拾 never touches a digit
        out.append(f"{regex.escape(char)}{guard}")
    return "(?:" + "|".join(out) + ")"


@lru_cache(maxsize=1)
def numeral_pattern() -> str:
    """A regex for one numeral: Arabic (1,234.5), Chinese (一百零八, 二〇一八), mixed
    (1.5万, 3万4000) and fractions (三分之一, 百分之三十六点九, 1/3, 一又四分之一)."""
    digits = cn_chars("digit")
    table = numeral_table()
    zeros = "".join(c for c in digits if table[c][1] == 0)
    others = "".join(c for c in digits if table[c][1] != 0)
    arabic = r"\d{1,3}(?:,\d{3})++(?:\.\d++)?+(?![\d,])|\d++(?:\.\d++)?+"
    big = cn_chars("big")
    # a non-zero Chinese or financial digit never touches an Arabic one: the 伍 of
    # 队伍17支 and the 一 of 统一3项 are not part of the number
    cn_digit = rf"[{zeros}]|(?<!\d)[{others}](?!\d)"
    mult = multiplier_pattern()
    small = cn_chars("small")
    # spaces inside a numeral only next to a multiplier or the point (一百 五 十 二,
    # 7 万5 千4 百, 四百 点 五, 271.27 亿 in scraped PDF text): never between two bare
    # digits, so a list 一 二 三 stays three numbers
    space = (rf"(?<=[{small}{big}]) {{1,2}}(?=[{digits}]|{mult})"
             rf"|(?<=[\d{digits}]) {{1,2}}(?={mult})"
             rf"|(?<=[\d{digits}{small}{big}]) ?点 ?(?=[\d{digits}])")
    atom = (rf"(?>{arabic}|{cn_digit}|{mult}|(?<=[\d{digits}])点(?=[\d{digits}])"
            rf"|{space})")
    # possessive: a long digit run is read once, never re-split (no backtracking)
    one = rf"{atom}++"
    # digits over digits (1/3), never inside a chain of slashes (2023/1/5, a path)
    slash = r"(?<![\d/.])\d{1,4}/\d{1,4}(?![\d/])"
    fraction = rf"{one} ?分之 ?{one}|{slash}"
    return rf"(?:(?:{one}又)?(?:{fraction})|{one})"  # 一又四分之一, 2又1/2


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """Every numeral with what may attach to it. Compiled by `re` (through the cache):
    on the 36 reports it finds the same matches as the `regex` module, three times as
    fast."""
    num = numeral_pattern()
    unit = unit_pattern()
    symbols = symbol_pattern()
    firsts = ({w[0] for w in approx_words()["pre"]} | set(cn_chars()) | set("负-")
              | {s[0] for s in symbols.replace("\\", "").split("|")})
    first = "".join(sorted(regex.escape(c) for c in firsts))
    return cache.compile(
        rf"(?=[\d{first}])"  # a cheap first test at each position
        rf"(?P<pre>{approx_pattern('pre')})?"
        rf"(?:(?<![A-Za-z])(?P<cur>{symbols}) ?)?"  # $20, HK$10, ￥300
        rf"(?P<sign>负|零下|(?<![\dA-Za-z.\-])-)?"
        rf"(?P<num>{num})"
        rf"(?: ?(?P<mid>{approx_pattern('mid')})(?: ?(?P<late>{multiplier_pattern()}+))?)?"
        rf"(?P<big>大)?"
        rf"(?:(?<=[\d{cn_chars()}]) (?=(?:{unit})))?"  # 271.27 亿元, 陆 点 五 折 (scraped text)
        rf"(?P<unit>{unit})?"
        rf"(?P<post>{approx_pattern('post')})?"
    )


_RANGE = regex.compile(_RANGE_SEP)
# the units a temperature below zero (零下) takes, and what each stands for
_TEMPERATURE = {"℃": "℃", "摄氏度": "摄氏度", "度": "℃"}
_LATIN = regex.compile(r"[A-Za-z]")
_PERCENT_SIGNS = frozenset("%‰‱")


def _value(numeral: str) -> tuple[Number, int | None] | None:
    """The numeral's value, and the denominator of a 百分之 / 千分之 form."""
    try:
        if "分之" in numeral and "又" not in numeral:
            den_text, _, num_text = numeral.partition("分之")
            den = parse_number(den_text)
            if den in (100, 1000, 10000):
                return parse_number(num_text), int(den)
        return parse_number(numeral), None
    except ValueError:
        return None


def candidates(norm: str) -> list[_Cand]:
    """Every numeral with what attaches to it, before the context checks."""
    units = unit_table()
    approx = approx_words()
    before = contexts().get("before", frozenset())
    before_cn = contexts().get("before-cn", frozenset())
    before_one = contexts().get("before-one", frozenset())
    not_approx = contexts().get("not-approx", frozenset())
    not_sign = contexts().get("not-sign", frozenset())
    out: list[_Cand] = []
    for m in _scanner().finditer(norm):
        g_pre, g_cur, g_sign, g_num, g_mid, g_late, g_big, g_unit, g_post = m.group(
            "pre", "cur", "sign", "num", "mid", "late", "big", "unit", "post")
        numeral = g_num
        ns, ne = m.span("num")
        sign = g_sign
        if sign == "零下" and g_unit not in _TEMPERATURE:
            sign = None  # below zero says nothing of a count
        elif sign == "负" and norm[ns - 2:ns] in not_sign:
            sign = None  # 税负5700多亿元: the 负 of a word
        whole = None  # the integer part of a dotted decimal, read alone before
        if g_unit:
            dotted = dotted_decimal(norm, ns, numeral)
            if dotted is not None:  # 49·5摄氏度, 约4·5万棵
                numeral, ns = dotted
                if out and out[-1].end > ns:
                    whole = out.pop()
        lead = m.start("sign") if sign == "零下" else ns  # 零下 is a word of its own
        prev = norm[lead - 1] if lead > 0 else ""
        prev2 = norm[max(0, lead - 2):lead]
        unit_row = units.get(g_unit or "")
        tenths = tenths_run(numeral, g_unit or "")
        if "分之" not in numeral and tenths is None:
            if chinese_digit_run(numeral):
                continue
            if is_magnitude_only(numeral) and not magnitude_amount(m, norm, unit_row):
                continue  # 百姓, 千万不要, 万人, 亿万人民; but 千万元, 近千家, 百余名, 亿元以上
        if not g_pre and financial_in_word(numeral, norm, ns, unit_row):
            continue  # 队伍, 收拾, 大陆: not 伍, 拾, 陆
        if unit_row is not None and not unit_fits(unit_row, m, norm):
            continue
        parsed = _value(numeral)
        if parsed is None:
            continue
        value, percent_of = parsed
        if tenths is not None:
            value = tenths
        pre = g_pre
        if pre and m.start() > 0 and norm[m.start() - 1] + pre in not_approx:
            pre = None  # 最近三年: 近 belongs to 最近
        chinese = not any(map(str.isdigit, numeral))
        if pre is None and (prev in before or prev2 in before or chinese and (
                prev in before_cn or prev2 in before_cn) or numeral in ("一", "壹") and (
                prev in before_one or prev2 in before_one)):
            continue
        if pre is not None and (m.start() > 0 and norm[m.start() - 1] in "第"):
            continue
        if _LATIN.match(prev) or prev == ".":
            continue
        if sign and sign not in ("负", "零下") and _dash_after_number(norm, out,
                                                                 m.start("sign")):
            pass  # 6%－6.5%: a range dash after a number, not a minus sign
        elif sign:
            value = negate(value)
            ns = m.start("sign")
        if g_mid == "几" and not g_late:
            continue  # 十几个, 六十几个: vague, no value
        if g_late and not _late_fits(numeral, g_late):
            continue  # 一百几十种: the hedge is inside the number, its value is vague
        if g_late:
            try:  # 一亿二千多万: 万 scales 二千 only (the hedge is in the last section)
                scaled = (Fraction(value) * parse_fraction(g_late) if "分之" in numeral
                          else hedged(numeral, g_late))
            except ValueError:
                continue
            value = exact(-scaled if Fraction(value) < 0 else scaled)
        unit = g_unit or ""
        if sign == "零下":
            unit = _TEMPERATURE[unit]  # 零下五度: degrees Celsius, not kilowatt-hours
        after = norm[m.end("unit"):m.end("unit") + 1] if unit else ""
        if unit and _LATIN.match(unit[-1]) and _LATIN.match(after):
            unit = ""
        if not unit and ne < len(norm) and _LATIN.match(norm[ne]):
            continue  # 5G, 4K
        if g_cur and (not unit or unit == g_cur):
            unit = g_cur  # $20: the symbol is the unit
        start = m.start("pre") if pre else m.start("cur") if g_cur else ns
        end = m.end("unit") if unit and g_unit else (m.end("late") if g_late else
                                          m.end("mid") if g_mid else ne)
        approx_word = approx["pre"].get(pre) if pre else None
        if whole is not None and whole.start < start:
            start, approx_word = whole.start, approx_word or whole.approx  # 约4·5万
        # 3亿多 (农村人口), 1000万以上, 一亿一千多万: a count with no unit
        amount = numeral[-1] in "万亿" or bool(g_late)
        if g_mid and (unit or g_late or amount):
            approx_word = approx_word or approx["mid"][g_mid]
        elif g_mid:
            end = ne  # 多 / 来 with no unit after it belongs to the next word
        post = g_post
        if unit == "个" and post == "多":
            # 3个多月: 多 splits the unit 个月
            for n in (3, 2, 1):
                rest = norm[m.end("post"):m.end("post") + n]
                if len(rest) == n and "个" + rest in units:
                    unit = "个" + rest
                    approx_word = approx_word or "more"
                    post, end = None, m.end("post") + n
                    break
        fraction = "/" in numeral or "分之" in numeral
        if post and (unit or percent_of or fraction or amount):
            approx_word = approx_word or approx["post"][post]
            end = m.end("post")
        if g_big and not unit:
            end = min(end, ne)
        kind = units[unit].kind if unit else ("ratio" if isinstance(value, Fraction) or
                                                fraction else "count")
        if percent_of and not unit:
            unit = {100: "%", 1000: "‰", 10000: "‱"}[percent_of]
            kind = "percent"
        hedge_end = m.end("late") if g_late else -1
        out.append(compound(extend_tail(_Cand(start, end, ns, ne, value, unit, kind, approx_word,
                                     chinese, len(numeral) == 1, percent_of,
                                     _trailing_scale(g_late or numeral), hedge_end,
                                     approx["mid"][g_mid] if hedge_end > 0
                                     else None), norm), norm))
    return out


def _late_fits(numeral: str, late: str) -> bool:
    """A multiplier after a hedge (一千多万, 500余万) multiplies the whole number: it
    must be larger than the last multiplier of the number (not 一百几十)."""
    table = numeral_table()
    last = table.get(numeral[-1], ("", 0))
    return last[0] not in ("small", "big") or table[late[0]][1] > last[1]


def _dash_after_number(norm: str, out: list[_Cand], pos: int) -> bool:
    """Whether the dash at `pos` directly follows a number (the previous candidate, or
    a digit, numeral character or percent sign): then it joins a range (6%－6.5%,
    3万-5万元), it does not make the next number negative."""
    if pos == 0:
        return False
    if out and out[-1].end == pos:
        return True
    prev = norm[pos - 1]
    return prev.isdigit() or prev in _PERCENT_SIGNS or prev in numeral_table()


def _trailing_scale(numeral: str) -> Decimal:
    """The product of the big multipliers that end a numeral: 30万 -> 10000."""
    table = numeral_table()
    scale = Decimal(1)
    for char in reversed(numeral):
        role, value = table.get(char, ("", 0))
        if role != "big":
            break
        scale *= value
    return scale


def _ranges(cands: list[_Cand], norm: str) -> list[tuple[_Cand, _Cand | None]]:
    """Pair `5至10个`, `3—5年`, `百分之五到百分之八` into (low, high) ranges."""
    out: list[tuple[_Cand, _Cand | None]] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            gap = norm[a.end:b.start]
            dash = bool(gap) and _RANGE.fullmatch(gap) is not None
            if (dash and a.percent_of and not b.unit
                    and b.kind == "count" and a.value < b.value and a.chinese == b.chinese):
                # 百分之八至九: the high end shares the low end's 百分之
                out.append((a, replace(b, unit=a.unit, kind=a.kind, percent_of=a.percent_of)))
                i += 2
                continue
            if (dash and not a.unit and not b.unit
                    and a.kind == b.kind == "count" and ends_with_magnitude(a, norm)
                    and ends_with_magnitude(b, norm) and a.value < b.value):
                out.append((a, b))  # 1.5万至2万 (人): two counts of a noun after them
                i += 2
                continue
            if (dash and b.unit and (a.unit in ("", b.unit))
                    and not (a.kind == "ratio" and a.unit == "" and b.unit)
                    and a.value < b.value and a.chinese == b.chinese):
                out.append((a, b))
                i += 2
                continue
        out.append((a, None))
        i += 1
    return out


def find_quantities(prep: Prepared, taken: list[tuple[int, int]] | None = None
                    ) -> list[Quantity]:
    """QUANTITY spans of a prepared text; `taken` are spans (dates) to leave alone."""
    norm, text = prep.norm, prep.text
    blocked = blocked_spans(norm)
    taken = sorted(taken or [])
    cands = sorted(candidates(norm) + word_quantities(norm), key=lambda c: c.start)
    cands = _drop_inner(cands)
    fixed = fixed_spans(norm)
    cands = [c for c in cands
             if not _overlaps(taken, c.start, c.end) and not inside(blocked, c.start, c.end)
             and not (c.chinese and in_fixed(fixed, c.num_start))]
    out: list[Quantity] = []
    for a, b in _ranges(cands, norm):
        if b is None:
            if not keep_quantity(a, norm):
                continue
            out.append(Quantity(a.start, a.end, text[a.start:a.end], value=a.value,
                                unit=a.unit, kind=a.kind, approx=a.approx,
                                percent=percent_value(a.value, a.unit, a.kind),
                                currency=_currency(a), rule="numbers.quantity"))
            continue
        if not keep_quantity(b, norm):
            continue
        approx = a.approx or b.approx
        low = a.value
        if (isinstance(low, Decimal) and a.scale == 1 and b.scale > 1 and not a.unit
                and multiply(low, b.scale) <= b.value):
            low = multiply(low, b.scale)  # 20~30万元: the 万 is shared
        out.append(Quantity(a.start, b.end, text[a.start:b.end], value=low, unit=b.unit,
                            kind=b.kind, approx=approx, low=low, high=b.value,
                            percent=percent_value(low, b.unit, b.kind), currency=_currency(b),
                            rule="numbers.quantity"))
    return out


def _drop_inner(cands: list[_Cand]) -> list[_Cand]:
    """Drop a candidate that starts inside an earlier one: the 3角 of 5元3角 once the
    compound amount took it in. `cands` are sorted by start."""
    out: list[_Cand] = []
    reach = -1
    for c in cands:
        if out and c.start > out[-1].start and c.start < reach:
            continue
        out.append(c)
        reach = max(reach, c.end)
    return out


def _currency(c: _Cand) -> str | None:
    return currency_of(c.unit) if c.kind == "money" else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    lo, hi = 0, len(spans)
    while lo < hi:  # first span ending after start
        mid = (lo + hi) // 2
        if spans[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] < end
