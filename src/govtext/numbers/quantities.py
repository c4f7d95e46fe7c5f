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

from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Mapping

import regex

from ..data import read_rows, read_words
from ..model import Number, Quantity
from ..text.prepare import Prepared
from .parse import cn_chars, financial_chars, numeral_table, parse_number
from .units import Unit, approx_pattern, approx_words, contexts, unit_pattern, unit_table

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
    (1.5万, 3万4000) and fractions (三分之一, 百分之三十六点九)."""
    digits = cn_chars("digit")
    table = numeral_table()
    zeros = "".join(c for c in digits if table[c][1] == 0)
    others = "".join(c for c in digits if table[c][1] != 0)
    arabic = r"\d{1,3}(?:,\d{3})++(?:\.\d++)?+(?![\d,])|\d++(?:\.\d++)?+"
    big = cn_chars("big")
    # a non-zero Chinese or financial digit never touches an Arabic one: the 伍 of
    # 队伍17支 and the 一 of 统一3项 are not part of the number
    cn_digit = rf"[{zeros}]|(?<!\d)[{others}](?!\d)"
    atom = (rf"(?>{arabic}|{cn_digit}|{multiplier_pattern()}|(?<=[\d{digits}])点(?=[\d{digits}])"
            rf"|(?<=\d) (?=[{big}]))")  # 271.27 亿 in scraped PDF text
    # possessive: a long digit run is read once, never re-split (no backtracking)
    one = rf"{atom}++"
    return rf"(?:{one}分之{one}|{one})"


@lru_cache(maxsize=1)
def _scanner() -> regex.Pattern[str]:
    num = numeral_pattern()
    unit = unit_pattern()
    firsts = {w[0] for w in approx_words()["pre"]} | set(cn_chars()) | set("负-")
    first = "".join(sorted(regex.escape(c) for c in firsts))
    return regex.compile(
        rf"(?=[\d{first}])"  # a cheap first test at each position
        rf"(?P<pre>{approx_pattern('pre')})?"
        rf"(?P<sign>负|(?<![\dA-Za-z.\-])-)?"
        rf"(?P<num>{num})"
        rf"(?:(?P<mid>{approx_pattern('mid')})(?P<late>{multiplier_pattern()}+)?)?"
        rf"(?P<big>大)?"
        rf"(?:(?<=\d) (?=(?:{unit})))?"  # 271.27 亿元 in scraped PDF text
        rf"(?P<unit>{unit})?"
        rf"(?P<post>{approx_pattern('post')})?"
    )


_RANGE = regex.compile(_RANGE_SEP)
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_QUOTED = regex.compile(r"“[^“”\n]{1,12}”|‘[^‘’\n]{1,12}’|「[^「」\n]{1,12}」|『[^『』\n]{1,12}』"
                        r'|"[^"\n]{1,12}"|〔[^〔〕\n]{1,12}〕|\[[^\[\]\n]{1,12}\]|《[^《》\n]{1,60}》')
_FAR = 1 << 62
_DATE_PARTS = frozenset("年月日号时")
_PERCENT_SIGNS = frozenset("%‰‱")
_BARE_AFTER = frozenset("，,、；;")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A numeral found in a text: `[start, end)` in the original text, its surface
    `text` and exact `value` (as `parse_number(text)` gives it)."""

    start: int
    end: int
    text: str
    value: Number


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    num_start: int
    num_end: int
    value: Number
    unit: str
    kind: str
    approx: str | None
    chinese: bool  # the numeral has no Arabic digit
    one_char: bool
    percent_of: int | None  # 100 / 1000 / 10000 for 百分之 / 千分之 / 万分之
    scale: Decimal = Decimal(1)  # the trailing 万 / 亿 of the numeral (20~30万元)


@lru_cache(maxsize=1)
def _word_scanner() -> tuple[regex.Pattern[str], dict[str, tuple[Fraction, str]]]:
    words = {row[0]: (Fraction(row[1]), row[2]) for row in read_rows("numbers_words.tsv")}
    alts = "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return regex.compile(rf"(?P<w>{alts})(?P<post>{approx_pattern('post')})?"), words


def _word_quantities(norm: str) -> list[_Cand]:
    """一半, 半数以上: ratios written as words."""
    pattern, words = _word_scanner()
    approx = approx_words()["post"]
    out = []
    for m in pattern.finditer(norm):
        value, kind = words[m.group("w")]
        post = m.group("post")
        out.append(_Cand(m.start(), m.end(), m.start(), m.end("w"), value, "", kind,
                         approx.get(post) if post else None, True, False, None))
    return out


def _blocked_spans(norm: str) -> list[tuple[int, int]]:
    """Short quoted terms, document-number brackets and 《》 titles: no QUANTITY inside."""
    return [m.span() for m in _QUOTED.finditer(norm)]


@lru_cache(maxsize=1)
def _fixed_words() -> regex.Pattern[str]:
    words = sorted(read_words("numbers_fixed_words.txt"), key=lambda w: (-len(w), w))
    return regex.compile("|".join(regex.escape(w) for w in words))


def _in_fixed(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether a numeral starting at `pos` starts inside a fixed word (not merely runs
    into one: the 十 of 十二元 is not the 二 of 二元)."""
    i = bisect_right(spans, (pos, _FAR)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _fixed_spans(norm: str) -> list[tuple[int, int]]:
    """Place names and idioms written with numerals (三门峡, 五花八门)."""
    return [m.span() for m in _fixed_words().finditer(norm)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, disjoint spans."""
    i = bisect_right(spans, (start, _FAR)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _value(numeral: str) -> tuple[Number, int | None] | None:
    """The numeral's value, and the denominator of a 百分之 / 千分之 form."""
    try:
        if "分之" in numeral:
            den_text, _, num_text = numeral.partition("分之")
            den = parse_number(den_text)
            if den in (100, 1000, 10000):
                return parse_number(num_text), int(den)
        return parse_number(numeral), None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _digit_set() -> frozenset[str]:
    return frozenset(cn_chars("digit"))


def _is_magnitude_only(numeral: str) -> bool:
    """百, 千, 万, 亿 and their runs (千万, 万亿) without a digit: words (百姓, 千年大计,
    千万不要, 万人) unless a unit follows a run (千万元) or an approximation word marks
    a single one as an amount (近千家, 百余名)."""
    digits = _digit_set()
    return not any(c in digits or c in "0123456789十拾" for c in numeral)


def _magnitude_amount(m: regex.Match[str], norm: str, unit: Unit | None) -> bool:
    """Whether 百, 千, 万, 亿 or a run of them with no digit is an amount: with an
    approximation word (近千家, 百余名, 亿元以上 = 100 million yuan or more), or a run
    of two before a money unit (千万元). A bare 亿元 or 万人 is a word, and so is a
    multiplier that ends a longer numeral (the 万 of 数万人 is not read here)."""
    if unit is None:
        return False
    if m.group("pre") or m.group("mid"):
        return True
    start = m.start("num")
    prev = norm[start - 1] if start > 0 else ""
    if prev.isdigit() or prev in numeral_table() or prev == ".":
        return False
    if m.group("post"):
        return True
    return len(m.group("num")) > 1 and unit.kind == "money"


def _financial_in_word(numeral: str, norm: str, start: int, unit: Unit | None) -> bool:
    """A lone financial numeral (壹贰叁…) right after another Chinese character is part
    of a word (队伍, 收拾, 大陆, 参天) unless it states money (人民币伍元). A run of two
    or more (实现贰佰公里) is a number wherever it stands."""
    financial = financial_chars()
    if sum(c in financial for c in numeral) != 1 or start == 0:
        return False
    prev = norm[start - 1]
    if not _HAN.match(prev) or prev in numeral_table():
        return False
    if unit is not None and unit.kind == "money":
        return False
    return not any(norm.endswith(w, 0, start)
                   for w in contexts().get("before-financial", ()))


def _unit_fits(unit: Unit, m: regex.Match[str], norm: str) -> bool:
    """The flags of a measure word (units.tsv): 翻一番 only after 翻, 1对1 is not a
    count of pairs, 3期工程 and 二期 are stages, not counts of issues; and no unit
    where a longer word starts (3对口支援, 开通5班车)."""
    if _word_at(norm, m.start("unit"), "not-unit"):
        return False
    start = m.start("pre") if m.group("pre") else m.start("num")
    if unit.after and not any(norm.endswith(w, 0, start) for w in unit.after):
        return False
    end = m.end("unit")
    if unit.alone and end < len(norm) and (norm[end].isdigit()
                                           or norm[end] in numeral_table()):
        return False
    numeral = m.group("num")
    if unit.cn_name and not any(c.isdigit() for c in numeral) and not any(
            norm.endswith(w, 0, start) for w in contexts().get("count-before", ())):
        return False  # 二期工程, 十九届; but 举办三期, 连续三届
    if unit.phase and _word_at(norm, end, "phase-head"):
        return False
    return True


@lru_cache(maxsize=None)
def _context_lengths(where: str) -> tuple[frozenset[str], tuple[int, ...]]:
    words = contexts().get(where, frozenset())
    return words, tuple(sorted({len(w) for w in words}))


def _word_at(norm: str, pos: int, where: str) -> bool:
    """Whether a context word of `where` starts at `pos` (a set lookup per length)."""
    words, lengths = _context_lengths(where)
    return any(norm[pos:pos + n] in words for n in lengths)


def _chinese_digit_run(numeral: str) -> bool:
    """Two or three Chinese digits with no multiplier (七五, 三四): a name or a vague
    'three or four', not a number. Four or more (二〇一八) read as a digit string."""
    digits = _digit_set()
    return 2 <= len(numeral) <= 3 and all(c in digits for c in numeral)


def _candidates(norm: str) -> list[_Cand]:
    """Every numeral with what attaches to it, before the context checks."""
    units = unit_table()
    approx = approx_words()
    before = contexts().get("before", frozenset())
    before_cn = contexts().get("before-cn", frozenset())
    before_one = contexts().get("before-one", frozenset())
    not_approx = contexts().get("not-approx", frozenset())
    out: list[_Cand] = []
    for m in _scanner().finditer(norm):
        numeral = m.group("num")
        ns, ne = m.span("num")
        prev = norm[ns - 1] if ns > 0 else ""
        prev2 = norm[max(0, ns - 2):ns]
        unit_row = units.get(m.group("unit") or "")
        if "分之" not in numeral:
            if _chinese_digit_run(numeral):
                continue
            if _is_magnitude_only(numeral) and not _magnitude_amount(m, norm, unit_row):
                continue  # 百姓, 千万不要, 万人, 亿万人民; but 千万元, 近千家, 百余名, 亿元以上
        if not m.group("pre") and _financial_in_word(numeral, norm, ns, unit_row):
            continue  # 队伍, 收拾, 大陆: not 伍, 拾, 陆
        if unit_row is not None and not _unit_fits(unit_row, m, norm):
            continue
        parsed = _value(numeral)
        if parsed is None:
            continue
        value, percent_of = parsed
        pre = m.group("pre")
        if pre and m.start() > 0 and norm[m.start() - 1] + pre in not_approx:
            pre = None  # 最近三年: 近 belongs to 最近
        chinese = not any(c.isdigit() for c in numeral)
        if pre is None and (prev in before or prev2 in before or chinese and (
                prev in before_cn or prev2 in before_cn) or numeral in ("一", "壹") and (
                prev in before_one or prev2 in before_one)):
            continue
        if pre is not None and (m.start() > 0 and norm[m.start() - 1] in "第"):
            continue
        if _LATIN.match(prev) or prev == ".":
            continue
        if m.group("sign"):
            value = -value
            ns = m.start("sign")
        if m.group("late"):
            try:
                late = parse_number(m.group("late"))
            except ValueError:
                continue
            if isinstance(value, Decimal) and isinstance(late, Decimal):
                value = value * late
            else:
                value = Fraction(value) * Fraction(late)
        unit = m.group("unit") or ""
        after = norm[m.end("unit"):m.end("unit") + 1] if unit else ""
        if unit and _LATIN.match(unit[-1]) and _LATIN.match(after):
            unit = ""
        if not unit and ne < len(norm) and _LATIN.match(norm[ne]):
            continue  # 5G, 4K
        start = m.start("pre") if pre else ns
        end = m.end("unit") if unit else (m.end("late") if m.group("late") else
                                          m.end("mid") if m.group("mid") else ne)
        approx_word = approx["pre"].get(pre) if pre else None
        if m.group("mid") and (unit or m.group("late")):
            approx_word = approx_word or approx["mid"][m.group("mid")]
        elif m.group("mid"):
            end = ne  # 多 / 来 with no unit after it belongs to the next word
        post = m.group("post")
        if unit == "个" and post == "多":
            # 3个多月: 多 splits the unit 个月
            for n in (3, 2, 1):
                rest = norm[m.end("post"):m.end("post") + n]
                if len(rest) == n and "个" + rest in units:
                    unit = "个" + rest
                    approx_word = approx_word or "more"
                    post, end = None, m.end("post") + n
                    break
        if post and (unit or percent_of or "分之" in numeral):
            approx_word = approx_word or approx["post"][post]
            end = m.end("post")
        if m.group("big") and not unit:
            end = min(end, ne)
        kind = units[unit].kind if unit else ("ratio" if isinstance(value, Fraction) or
                                                "分之" in numeral else "count")
        if percent_of and not unit:
            unit = {100: "%", 1000: "‰", 10000: "‱"}[percent_of]
            kind = "percent"
        out.append(_Cand(start, end, ns, ne, value, unit, kind, approx_word, chinese,
                         len(numeral) == 1, percent_of,
                         _trailing_scale(m.group("late") or numeral)))
    return out


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


def _keep_quantity(c: _Cand, norm: str) -> bool:
    """The context checks that tell a counted amount from a name, label or article."""
    units = unit_table()
    if c.unit == "" and c.kind != "ratio":
        return _bare_count(c, norm)
    if c.chinese and c.one_char and c.value == 0:
        return False  # 零件, 〇号
    if c.unit and any(norm.startswith(h, c.end) for h in contexts().get("head-all", ())):
        return False  # 80年代, 三年级
    if c.chinese:
        unit = units.get(c.unit)
        if c.one_char and unit is not None and unit.multi:
            return False  # 三方, 八角, 十度
        if c.value == 1 and c.one_char and c.unit != "" and c.kind != "ratio":
            # 一 as an article (一件工作, 一批, 一站式) except a counted 一次; 一倍,
            # 一成 and 翻一番 are ratios, never articles
            return c.unit == "次" and norm[c.end:c.end + 1] not in ("性", "次")
        heads = contexts().get("head", frozenset())
        tail = norm[c.end:c.end + 4]
        if any(tail.startswith(h) for h in heads):
            return False  # 三项制度, 五年行动计划
    return True


def _bare_count(c: _Cand, norm: str) -> bool:
    """A number without a unit is a QUANTITY only as a count in running text: an Arabic
    integer of at most four digits between a Chinese noun and a list separator
    (发现问题202，). Longer ones are codes and hotlines (12345); a year is a date."""
    if c.chinese or c.approx or not isinstance(c.value, Decimal):
        return False
    if c.value != c.value.to_integral_value() or c.value < 0:
        return False
    digits = norm[c.num_start:c.num_end]
    if not digits.isdigit() or len(digits) > 4 or digits.startswith("0"):
        return False
    if 1500 <= c.value <= 2199 and len(digits) == 4:
        return False  # a bare year
    prev = norm[c.num_start - 1] if c.num_start > 0 else ""
    nxt = norm[c.num_end] if c.num_end < len(norm) else ""
    stops = contexts().get("bare-stop", frozenset())
    return bool(_HAN.match(prev)) and prev not in stops and nxt in _BARE_AFTER


def _ranges(cands: list[_Cand], norm: str) -> list[tuple[_Cand, _Cand | None]]:
    """Pair `5至10个`, `3—5年`, `百分之五到百分之八` into (low, high) ranges."""
    out: list[tuple[_Cand, _Cand | None]] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            gap = norm[a.end:b.start]
            if (gap and _RANGE.fullmatch(gap) and b.unit and (a.unit in ("", b.unit))
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
    blocked = _blocked_spans(norm)
    taken = sorted(taken or [])
    cands = sorted(_candidates(norm) + _word_quantities(norm), key=lambda c: c.start)
    fixed = _fixed_spans(norm)
    cands = [c for c in cands
             if not _overlaps(taken, c.start, c.end) and not _inside(blocked, c.start, c.end)
             and not (c.chinese and _in_fixed(fixed, c.num_start))]
    out: list[Quantity] = []
    for a, b in _ranges(cands, norm):
        if b is None:
            if not _keep_quantity(a, norm):
                continue
            out.append(Quantity(a.start, a.end, text[a.start:a.end], value=a.value,
                                unit=a.unit, kind=a.kind, approx=a.approx))
            continue
        if not _keep_quantity(b, norm):
            continue
        approx = a.approx or b.approx
        low = a.value
        if (isinstance(low, Decimal) and a.scale == 1 and b.scale > 1 and not a.unit
                and low * b.scale <= b.value):
            low = low * b.scale  # 20~30万元: the 万 is shared
        out.append(Quantity(a.start, b.end, text[a.start:b.end], value=low, unit=b.unit,
                            kind=b.kind, approx=approx, low=low, high=b.value))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    lo, hi = 0, len(spans)
    while lo < hi:  # first span ending after start
        mid = (lo + hi) // 2
        if spans[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] < end


def find_numbers(text: str) -> list[NumberMatch]:
    """Every numeral in a text with its exact value, bare numbers included: a building
    block for one's own parsers. Offsets are into `text`; `value` equals
    `parse_number(match.text)`. Words that only look like numerals (统一, 一些, 千万不要)
    and two-digit Chinese runs (七五) are left out."""
    if not isinstance(text, str):
        raise TypeError(f"find_numbers expects str, not {type(text).__name__}")
    prep = Prepared.of(text)
    norm = prep.norm
    units = unit_table()
    out: list[NumberMatch] = []
    for c in _candidates(norm):
        if (c.one_char and c.chinese and not _unit_after(norm, c.num_end, units)
                and norm[c.num_end:c.num_end + 1] not in _DATE_PARTS):
            continue
        s, e = c.num_start, c.num_end
        if norm[e:e + 1] in _PERCENT_SIGNS:
            e += 1  # 5% is 0.05, as parse_number reads it
        surface = text[s:e]
        try:
            value = parse_number(surface)
        except ValueError:
            continue
        out.append(NumberMatch(s, e, surface, value))
    return out


def _unit_after(norm: str, pos: int, units: Mapping[str, object]) -> bool:
    for n in (4, 3, 2, 1):
        if norm[pos:pos + n] in units:
            return True
    return False
