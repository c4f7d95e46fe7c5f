"""LOCATION: administrative divisions, areas and regions, and the document's own place.

One scan with a trie regex over every full division name (divisions.tsv), the short forms
of provinces and prefectures, the short forms of counties before an area suffix
(北戴河 + 新区), and named regions (京津冀 + 城市群). A one-character abbreviation (秦
for 秦皇岛, 冀 for 河北) is taken only for the document's own city or province and only
after a verb of movement or stationing (来秦, 驻秦).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import re

from .lexicon import (Division, county_short_forms, divisions, is_han, place_stopwords,
                      short_forms, table, trie_pattern, words, first_chars, Scanner)

Bound = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class Place:
    start: int  # squeezed offsets
    end: int
    kind: str  # full | short | area | region | abbr
    division: Division | None


@dataclass(frozen=True, slots=True)
class Context:
    """Where the document is from: its own city and province (full names), if known."""

    city: str | None = None
    province: str | None = None
    county: str | None = None


@lru_cache(maxsize=1)
def _scanner() -> Scanner:
    full = trie_pattern(divisions())
    shorts = trie_pattern(s for s in short_forms() if len(s) >= 2)
    cshort = trie_pattern(s for s in county_short_forms() if len(s) >= 2)
    area = trie_pattern(words("places.tsv", "area"))
    region = trie_pattern(words("places.tsv", "region"))
    rsuffix = trie_pattern(words("places.tsv", "region_suffix"))
    lead = first_chars(divisions(), short_forms(), county_short_forms(),
                       words("places.tsv", "region"))
    starts = (list(divisions()) + list(short_forms()) + list(county_short_forms())
              + list(words("places.tsv", "region")))
    return Scanner(re.compile(
        rf"{lead}(?:(?P<region>{region})(?P<rsuf>{rsuffix})?"
        rf"|(?P<full>{full})(?P<farea>{area})?"
        rf"|(?P<ashort>{shorts}|{cshort})(?P<area>{area})"
        rf"|(?P<short>{shorts}))"), starts)


@lru_cache(maxsize=1)
def _abbrs() -> dict[str, str]:
    return {r[0]: r[2] for r in table("places.tsv", "abbr") if len(r) > 2}




def find_places(s: str) -> list[Place]:
    """Every place name in the squeezed text `s`, before word-boundary checks."""
    out: list[Place] = []
    divs = divisions()
    for m in _scanner().finditer(s):
        a, b = m.span()
        if m.group("region") is not None:
            out.append(Place(a, b, "region", None))
        elif m.group("full") is not None:
            out.append(Place(a, b, "area" if m.group("farea") else "full", divs[m.group("full")]))
        elif m.group("ashort") is not None:
            short = m.group("ashort")
            out.append(Place(a, b, "area", short_forms().get(short) or county_short_forms()[short]))
        elif m.group("short") not in place_stopwords():
            out.append(Place(a, b, "short", short_forms()[m.group("short")]))
    return out


def keep_place(p: Place, s: str, bound: Bound) -> bool:
    """Whether a place stands as a word: the segmenter must not see it as part of a
    longer word (河北区 inside 河北区域, 秦皇岛 inside a compound)."""
    if p.kind in ("full", "short"):
        return bound(p.start, p.end)
    return True


def context_of(places: list[Place], s: str, title: str | None = None) -> Context:
    """The document's own place. The title (metadata 名称, else the first line) decides
    when it names a division: a county (安吉县…方案: county and its city), a city, or only
    a province (福建省司法厅…报告: a provincial document, no city of its own). Otherwise
    the city named in full at least twice, most often, and its province; else the most
    frequent province."""
    if title is None:
        title = s.lstrip().split("\n", 1)[0]
    t_level: dict[str, str] = {}
    for m in _scanner().finditer(title):
        name = m.group("full")
        if name:
            t_level.setdefault(divisions()[name].level, name)
    if t_level:
        county = t_level.get("county")
        city = t_level.get("city") or (divisions()[county].city if county else None) or None
        province = t_level.get("province")
        if city is not None:
            province = divisions()[city].province or province
        elif county is not None:
            province = divisions()[county].province or province
        return Context(city=city, province=province, county=county)
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    for p in places:
        d = p.division
        if d is None or p.kind != "full":
            continue
        if d.level == "city":
            cities[d.name] += 1
        elif d.level == "province":
            provinces[d.name] += 1
    ranked = cities.most_common(1)
    city = ranked[0][0] if ranked and ranked[0][1] >= 2 else None
    province = divisions()[city].province if city else None
    if province is None and provinces:
        province = provinces.most_common(1)[0][0]
    return Context(city=city, province=province or None, county=None)


def find_abbreviations(s: str, ctx: Context) -> list[Place]:
    """`来秦`, `驻秦`, `来冀`: the one-character abbreviation of the document's own city or
    province after a verb of movement, not followed by more of a name."""
    chars: dict[str, str] = {}
    if ctx.city:
        chars[ctx.city[0]] = ctx.city
    if ctx.province:
        for ch, full in _abbrs().items():
            if full == ctx.province:
                chars.setdefault(ch, full)
    if not chars:
        return []
    out = []
    move = "".join(words("levels.tsv", "move"))
    pattern = re.compile(rf"(?<=[{re.escape(move)}])[{''.join(chars)}]")
    divs = divisions()
    for m in pattern.finditer(s):
        a = m.start()
        full = chars[m.group()]
        rest = s[a:a + len(full)]
        if rest == full[:len(rest)] and len(rest) > 1:
            continue  # the full name follows: 来秦皇岛
        nxt = s[a + 1] if a + 1 < len(s) else ""
        if nxt and is_han(nxt) and (m.group() + nxt) in short_forms():
            continue
        out.append(Place(a, a + 1, "abbr", divs.get(full)))
    return out
