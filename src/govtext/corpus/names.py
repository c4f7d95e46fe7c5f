"""Normalizing names and titles for corpus tables.

Traditional and simplified characters are one (govtext's OpenCC-derived t2s table, the
same length-preserving map the pipeline reads), full-width forms become ASCII, and
white space and line breaks inside a name or a title are dropped (scraped pages break
lines inside `《中华人民共和国\\n行政许可法》` and space out names, `李　鹏`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_rows
from ..text.prepare import normalize

_SPACE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
# marks that belong to no instrument's name: book-title marks and the dots that
# transliterations use (·•‧・ are written interchangeably)
_TITLE_MARKS = re.compile(r"[《》〈〉<>·•‧・∙]")
_DOCNO_OPEN = "〔[［(（【"
_DOCNO_CLOSE = "〕]］)）】"
# the country's name that a law's full title starts with: 《中华人民共和国行政处罚法》
# is cited as 《行政处罚法》 once named (the Legislation Law's own convention)
COUNTRY_PREFIX = "中华人民共和国"
# what may stand before a bare title word without being an organ: 常务副市长, 第一书记
_ROLE_MODIFIERS = ("常务", "第一", "执行", "名誉", "代理", "代", "前", "原", "首任", "时任")


def squeeze(text: str) -> str:
    """Traditional -> simplified, full-width -> ASCII, white space removed."""
    return _SPACE.sub("", normalize(text))


def person_key(name: str) -> str:
    return squeeze(name)


def instrument_title(title: str) -> str:
    """A regulation's title as shown in tables: simplified, without marks or breaks."""
    return _TITLE_MARKS.sub("", squeeze(title))


def instrument_key(title: str) -> str:
    """The key under which full and short names of one instrument meet: the shown
    title without the leading country name."""
    shown = instrument_title(title)
    if shown.startswith(COUNTRY_PREFIX) and len(shown) > len(COUNTRY_PREFIX) + 1:
        return shown[len(COUNTRY_PREFIX):]
    return shown


def docno_key(issuer_code: str, year: str | None, serial: str) -> str:
    """A document number written one way: 国办发〔2018〕3号 (brackets unified)."""
    code = squeeze(issuer_code).strip(_DOCNO_OPEN + _DOCNO_CLOSE)
    serial = squeeze(serial)
    if year:
        return f"{code}〔{squeeze(year)}〕{serial}号"
    return f"{code}{serial}号"


@lru_cache(maxsize=1)
def bare_titles() -> tuple[str, ...]:
    """The bare title words of titles.tsv, longest first."""
    words = {row[0] for row in read_rows("titles.tsv") if row and row[0]}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def title_parts(title: str) -> list[tuple[str, str, str | None]]:
    """A compound title split at 、 and each part split into (title, role, agency):
    `国务院总理` -> (国务院总理, 总理, 国务院); `市委常委、常务副市长` ->
    (市委常委, 常委, 市委), (常务副市长, 常务副市长, None). The role is the longest
    bare title word (titles.tsv) the part ends with; what stands before it is the
    agency when it is more than a role modifier (常务, 第一, 代, ...)."""
    parts = [p for p in re.split(r"[、，,;；/]", squeeze(title)) if p]
    out: list[tuple[str, str, str | None]] = []
    for part in parts:
        role, agency = part, None
        for word in bare_titles():
            if part.endswith(word):
                head = part[:-len(word)]
                if head and (head in _ROLE_MODIFIERS or head.endswith("副")):
                    role = part
                elif head:
                    role, agency = word, head
                break
        out.append((part, role, agency))
    return out
