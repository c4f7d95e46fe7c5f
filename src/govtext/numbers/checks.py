"""The context checks that tell a counted amount from a word, a name, a label or an
article (`numbers_context.tsv`, the flags of `units.tsv`): 百姓 and 千万不要 are words,
队伍 and 收拾 hold no number, 二期工程 names a stage, 一件工作 has an article, and a bare
number is a count only between a noun and a list separator."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import re

import regex

from .candidate import Cand as _Cand
from .numeral import cn_chars, financial_chars, numeral_table
from .units import Unit, contexts, unit_table

_HAN = regex.compile(r"\p{Han}")
_BARE_AFTER = frozenset("，,、；;")


@lru_cache(maxsize=1)
def digit_set() -> frozenset[str]:
    return frozenset(cn_chars("digit"))


def is_magnitude_only(numeral: str) -> bool:
    """百, 千, 万, 亿 and their runs (千万, 万亿) without a digit: words (百姓, 千年大计,
    千万不要, 万人) unless a unit follows a run (千万元) or an approximation word marks
    a single one as an amount (近千家, 百余名)."""
    return _counting_chars().isdisjoint(numeral)


@lru_cache(maxsize=1)
def _counting_chars() -> frozenset[str]:
    """The characters that make a numeral more than a bare magnitude."""
    return digit_set() | frozenset("0123456789十拾")


def magnitude_amount(m: re.Match[str], norm: str, unit: Unit | None) -> bool:
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


def financial_in_word(numeral: str, norm: str, start: int, unit: Unit | None) -> bool:
    """A lone financial numeral (壹贰叁…) right after another Chinese character is part
    of a word (队伍, 收拾, 大陆, 参天) unless it states money (人民币伍元). A run of two
    or more (实现贰佰公里) is a number wherever it stands."""
    financial = financial_chars()
    if start == 0 or financial.isdisjoint(numeral) or "点" in numeral \
            or sum(c in financial for c in numeral) != 1:
        return False
    prev = norm[start - 1]
    if not _HAN.match(prev) or prev in numeral_table():
        return False
    if unit is not None and unit.kind == "money":
        return False
    return not any(norm.endswith(w, 0, start)
                   for w in contexts().get("before-financial", ()))


def unit_fits(unit: Unit, m: re.Match[str], norm: str) -> bool:
    """The flags of a measure word (units.tsv): 翻一番 only after 翻, 1对1 is not a
    count of pairs, 3期工程 and 二期 are stages, not counts of issues; and no unit
    where a longer word starts (3对口支援, 开通5班车)."""
    if word_at(norm, m.start("unit"), "not-unit"):
        return False
    start = m.start("pre") if m.group("pre") else m.start("num")
    if unit.after and not norm.endswith(unit.after, 0, start):
        return False
    end = m.end("unit")
    if unit.alone and end < len(norm) and (norm[end].isdigit()
                                           or norm[end] in numeral_table()):
        return False
    numeral = m.group("num")
    if unit.cn_name and not any(c.isdigit() for c in numeral) and not any(
            norm.endswith(w, 0, start) for w in contexts().get("count-before", ())):
        return False  # 二期工程, 十九届; but 举办三期, 连续三届
    if unit.phase and word_at(norm, end, "phase-head"):
        return False
    return True


@lru_cache(maxsize=None)
def context_lengths(where: str) -> tuple[frozenset[str], tuple[int, ...]]:
    words = contexts().get(where, frozenset())
    return words, tuple(sorted({len(w) for w in words}))


def word_at(norm: str, pos: int, where: str) -> bool:
    """Whether a context word of `where` starts at `pos` (a set lookup per length)."""
    words, lengths = context_lengths(where)
    return any(norm[pos:pos + n] in words for n in lengths)


def chinese_digit_run(numeral: str) -> bool:
    """Two or three Chinese digits with no multiplier (七五, 三四): a name or a vague
    'three or four', not a number. Four or more (二〇一八) read as a digit string."""
    return 2 <= len(numeral) <= 3 and digit_set().issuperset(numeral)


@lru_cache(maxsize=None)
def context_words(name: str) -> tuple[str, ...]:
    """The words of one row kind of contexts.tsv, as a tuple for `str.startswith`."""
    return tuple(contexts().get(name, ()))


def keep_quantity(c: _Cand, norm: str) -> bool:
    """The context checks that tell a counted amount from a name, label or article."""
    units = unit_table()
    if c.unit == "" and c.kind != "ratio":
        return bare_count(c, norm)
    if c.chinese and c.one_char and c.value == 0:
        return False  # 零件, 〇号
    if c.unit and norm.startswith(context_words("head-all"), c.end):
        return False  # 80年代, 三年级
    if c.kind == "ratio" and not c.unit and norm.startswith(context_words("ratio-head"), c.end):
        return False  # 1/8决赛
    if c.chinese:
        unit = units.get(c.unit)
        if c.one_char and unit is not None and unit.multi:
            return False  # 三方, 八角, 十度
        if c.value == 1 and c.one_char and c.unit != "" and c.kind != "ratio":
            # 一 as an article (一件工作, 一批, 一站式) except a counted 一次; 一倍,
            # 一成 and 翻一番 are ratios, never articles
            return c.unit == "次" and norm[c.end:c.end + 1] not in ("性", "次")
        tail = norm[c.end:c.end + 4]
        if c.kind != "ratio" and tail.startswith(context_words("head")) and not tail.startswith(
                context_words("not-head")):
            return False  # 三项制度, 五年行动计划; but 二百个建设项目
    return True


def ends_with_magnitude(c: _Cand, norm: str) -> bool:
    """Whether the numeral (with the 多万 of 一千多万) ends with 万 or 亿 after a digit:
    an amount with or without a unit (2897万, 八亿, 3亿多)."""
    numeral = norm[c.num_start:max(c.num_end, c.hedge_end)]
    return numeral[-1:] in ("万", "亿") and not is_magnitude_only(numeral)


def bare_count(c: _Cand, norm: str) -> bool:
    """A number without a unit is a QUANTITY only as a count: one that ends with 万 or
    亿 after a digit (2897万农村人口, 八亿农民, 贫困人口减少1000万以上: no code, year or
    hotline is written so), or in running text an Arabic integer of at most four digits
    between a Chinese noun and a list separator (发现问题202，). Longer ones are codes
    and hotlines (12345); a year is a date."""
    if ends_with_magnitude(c, norm) and c.value > 0:
        return True
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

