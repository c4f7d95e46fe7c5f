"""DOCNO: official document numbers (文号) such as 秦纪发〔2018〕3号.

Forms: issuer code + bracketed year + serial + 号 in every bracket style (〔2018〕,
[2018], (2018), （2018）, 【2018】, ﹝2018﹞, 〔2018年〕), the corrupted 秦纪发〔20183号 whose
closing bracket was lost (year = first four digits, serial = the rest), and numbered
orders 国务院令第708号 (no year) and yearly announcements 国家税务总局公告2018年第31号. Matching runs on the normalized view, so full-width
digits and brackets need no rules of their own.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..data import longest_first, read_words
from ..model import DocNo
from ..numbers.numeral import plain_digits, read_int

_OPEN = r"[〔\[(【﹝〖]"
_CLOSE = r"[〕\])】﹞〗]"


@lru_cache(maxsize=1)
def _tail() -> regex.Pattern[str]:
    """The tails of the four forms; the issuer code is the run of Han characters right
    before the tail (walked back by hand, so the scan starts only at brackets, 令 and
    公告). Chinese digits come from the one numeral table (〇 and ○ both zero)."""
    digits = plain_digits()
    year = rf"(?:(?:19|20)\d{{2}}|[{digits}]{{4}})"
    cn_num = rf"[{digits}十百千]{{1,8}}"
    return regex.compile(
        rf"\s?{_OPEN}\s?(?P<year>{year})\s?年?\s?{_CLOSE}\s?第?\s?"
        rf"(?P<serial>\d{{1,6}}|{cn_num})\s?号"
        # the closing bracket lost: 秦纪发〔20183号 (digits run on, nothing between)
        rf"|\s?{_OPEN}(?P<year>(?:19|20)\d{{2}})(?P<serial>\d{{1,5}})号"
        # numbered orders: 国务院令第708号
        rf"|(?P<word>令)\s?第\s?(?P<serial>\d{{1,6}}|{cn_num})\s?号"
        # announcements numbered per year: 国家税务总局公告2018年第31号
        rf"|(?P<word>公告)\s?(?P<year>{year})\s?年\s?第\s?(?P<serial>\d{{1,6}}|{cn_num})\s?号")


_HAN = regex.compile(r"\p{Han}")
MAX_CODE = 16


def _number(s: str) -> str:
    """A year or serial as digits: 2018, 二○二三 -> 2023, 一百零八 -> 108."""
    return str(read_int(s))


def _code_start(norm: str, s: int, e: int) -> int:
    """Where the issuer code starts inside norm[s:e]: after the last function word,
    and after introducing words such as 印发 or 根据."""
    stops = read_words("title_docno_stops.txt")
    start0 = s
    leads = list(longest_first("title_docno_leads.txt"))
    # orders and announcements carry the full issuer name (中华人民共和国主席令), whose
    # 共和国 holds a 和 that an abbreviated code never has
    full_name = norm.endswith(("令", "公告"), s, e)
    # a single character opening the code right after a line start or punctuation is
    # the issuer's abbreviation (并政办发: 并 = 太原), not a conjunction of the clause
    opens = (s == 0 or not _HAN.match(norm, s - 1)) and e - s >= 3 \
        and norm[s + 1] in read_words("docno_code_heads.txt")
    for i in range(e - 1, s - 1, -1):
        if norm[i] in stops and not (full_name and norm.startswith("共和国", i - 1)):
            if not (i == s and opens):
                # a stop that opens a lead word (按 of 按照) takes the whole word
                opener = next((w for w in leads if norm.startswith(w, i) and i + len(w) < e), "")
                s = i + max(1, len(opener))
            break
    for _ in range(4):
        lead = next((w for w in leads if norm.startswith(w, s) and e - s > len(w)), None)
        if lead is None or (len(lead) == 1 and opens and s == start0):
            break
        s += len(lead)
    return max(s, e - 10)


def find_docnos(text: str, norm: str, start: int = 0, end: int | None = None) -> list[DocNo]:
    """Document numbers in ``text[start:end]`` (offsets index `text`; `norm` is its
    same-length normalized view)."""
    if end is None:
        end = len(norm)
    out: list[DocNo] = []
    for m in _tail().finditer(norm, start, end):
        ce = m.end("word") if m.group("word") else m.start()
        cs = ce - len(m.group("word") or "")
        while cs > max(start, ce - MAX_CODE) and _HAN.match(norm, cs - 1):
            cs -= 1
        if m.group("word") is None and cs == ce:
            continue
        cs = _code_start(norm, cs, ce)
        if ce - cs < 1 or (m.group("word") and ce - cs == len(m.group("word"))):
            continue
        year = m.group("year")
        out.append(DocNo(cs, m.end(), text[cs:m.end()], issuer_code=text[cs:ce],
                         year=None if year is None else _number(year),
                         serial=_number(m.group("serial"))))
    return out
