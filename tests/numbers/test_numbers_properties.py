"""Property tests: parse_number inverts formatting; spans always index the text."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.model import Quantity, format_number
from govtext.numbers import find_numbers, find_spans, parse_number
from govtext.numbers.units import to_base
from govtext.text.prepare import Prepared

DIGITS = "零一二三四五六七八九"
FINANCIAL = dict(zip("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
TRADITIONAL = {"万": "萬", "亿": "億", "两": "兩"}


def chinese_below_10000(n: int, leading: bool) -> str:
    """Standard reading of 0 < n < 10000; `leading` says whether it opens the numeral
    (only there may 一十 drop its 一)."""
    out = ""
    zero = False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
                zero = False
            if not (value == 10 and digit == 1 and leading and out == ""):
                out += DIGITS[digit]
            out += name
        elif out:
            zero = True
    return out


def to_chinese(n: int) -> str:
    """An independent int -> Chinese numeral writer (standard 万/亿 grouping)."""
    if n == 0:
        return "零"
    groups = []
    while n:
        n, rest = divmod(n, 10000)
        groups.append(rest)
    out = ""
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        group = groups[i]
        unit = ["", "万", "亿", "万亿"][i]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += chinese_below_10000(group, leading=not out) + unit
        need_zero = False
    return out


@settings(max_examples=300)
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15,
                   max_value=10**15, places=4))
def test_formatted_decimal_round_trips(value: Decimal) -> None:
    text = format_number(value)
    assert parse_number(text) == value
    assert parse_number(f"{value:,f}") == value  # thousands separators


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**15))
def test_chinese_numeral_round_trips(n: int) -> None:
    text = to_chinese(n)
    assert parse_number(text) == n
    assert parse_number("".join(FINANCIAL.get(c, c) for c in text)) == n
    assert parse_number("".join(TRADITIONAL.get(c, c) for c in text)) == n


@given(st.integers(min_value=0, max_value=10**8))
def test_digit_strings_and_full_width(n: int) -> None:
    assert parse_number("".join("〇一二三四五六七八九"[int(d)] for d in str(n))) == n
    assert parse_number(str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})) == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿", "萬", "億"]))
def test_mixed_forms(n: int, mult: str) -> None:
    factor = 10**4 if mult in "万萬" else 10**8
    assert parse_number(f"{n}{mult}") == n * factor
    assert parse_number(f"{n}.5{mult}") == (n * 10 + 5) * factor // 10


PIECES = ["2018", "年", "月", "日", "万", "亿", "元", "%", "余", "个", "点", "三", "十", "百分之",
          "分之", "近", "约", "左右", "以上", "·", "—", "-", "至", "第", "、", "，", "“", "”",
          "１２", "．", "％", "億", "點", "😀", "𠮷", "\n", "一", "两", "零", "〇", "1,234", "5.5",
          "人次", "千瓦时", "个百分点", "《", "》", "〔", "〕", "负", "多", "以内",
          "伍", "拾", "佰", "陆", "參", "队", "支", "期", "翻", "番", "倍", "成", "对",
          "又", "/", "／", "\u200b", "税负", "方", "访"]  # fractions, breaks, 负 in a word
number_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)),
                       max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(number_text)
def test_spans_index_the_original_text(text: str) -> None:
    spans = find_spans(Prepared.of(text))
    for s in spans:
        assert text[s.start:s.end] == s.text
        if isinstance(s, Quantity):
            assert isinstance(s.value, (Decimal,)) or s.value.denominator > 0
            if s.low is not None and s.high is not None:
                assert s.low <= s.high
            to_base(s)  # never raises
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
        assert parse_number(m.text) == m.value


WORD_FIRSTS = "队入落行收大参统唯"  # 队伍, 收拾, 大陆, 参加, 统一 …
NUMERAL_CHARS = "壹贰叁參肆伍陆陸柒捌玖拾佰仟一二三四五六七八九两"


@settings(max_examples=300)
@given(st.sampled_from(WORD_FIRSTS), st.sampled_from(NUMERAL_CHARS),
       st.integers(min_value=1, max_value=99999), st.sampled_from(["支", "人", "件", "元", ""]))
def test_numeral_characters_never_join_arabic_digits(first: str, char: str, n: int,
                                                     unit: str) -> None:
    text = f"{first}{char}{n}{unit}。"
    for m in find_numbers(text):
        assert m.text == str(n)
    for s in find_spans(Prepared.of(text)):
        assert char not in s.text
