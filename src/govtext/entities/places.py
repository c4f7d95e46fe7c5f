"""LOCATION: administrative divisions, areas and regions, and the document's own place.

One scan with a trie regex over every full division name (divisions.tsv), the short forms
of provinces and prefectures, the short forms of counties before an area suffix
(北戴河 + 新区), and named regions (京津冀 + 城市群). A one-character abbreviation (秦
for 秦皇岛, 冀 for 河北) is taken only for the document's own city or province and only
after a verb of movement or stationing (来秦, 驻秦).

Named features, townships, villages and zones with no table entry are a proper name and
a suffix (places.tsv: geo, town, village, zone, site): the name either opens a clause
(`find_sites`: 天荒坪镇, 伏林水库) or is a known place name, from jieba's `ns` entries
(place_names.txt) or the division table (`find_named`: 湟水河, 太原不锈钢园区, 亚龙湾).
A township or village of no table is licensed by its context instead (`find_townships`:
堆龙德庆区 + 古荣乡, 深入 + 梓山镇, 潭头村、山峰村). Ports are a city's short form and 港
(天津港); a city before a named area of its own is one place (深圳前海).

Sites and named features are in `sites`, townships in `townships`, zones in `zones`;
places beyond China's divisions in `world`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import re

from .. import cache
from ..data import read_rows, read_words
from .lexicon import (Division, county_short_forms, divisions, is_han, place_stopwords,
                      short_forms, table, trie_pattern, words, first_chars, Scanner)

Bound = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class Place:
    start: int  # squeezed offsets
    end: int
    kind: str  # full | short | area | region | port | abbr | town | site | feature
    division: Division | None


@dataclass(frozen=True, slots=True)
class Context:
    """Where the document is from: its own city and province (full names), if known."""

    city: str | None = None
    province: str | None = None
    county: str | None = None


@lru_cache(maxsize=1)
def _scanner() -> Scanner:
    full = trie_pattern(divisions(), grouped=True)
    shorts = trie_pattern([s for s in short_forms() if len(s) >= 2], grouped=True)
    cshort = trie_pattern([s for s in county_short_forms() if len(s) >= 2], grouped=True)
    area = trie_pattern(words("places.tsv", "area"), grouped=True)
    region = trie_pattern(words("places.tsv", "region"), grouped=True)
    rsuffix = trie_pattern(words("places.tsv", "region_suffix"), grouped=True)
    feature = words("places.tsv", "feature")
    lead = first_chars(divisions(), short_forms(), county_short_forms(),
                       words("places.tsv", "region"), feature)
    starts = (list(divisions()) + list(short_forms()) + list(county_short_forms())
              + list(words("places.tsv", "region")) + list(feature))
    port = trie_pattern(words("places.tsv", "port"), grouped=True)
    # a city before a named area of its own is one name: 深圳 + 前海
    cities = trie_pattern([w for w in list(short_forms()) + list(divisions())
                           if len(w) >= 2 and (w in short_forms() or divisions()[w].level == "city")], grouped=True)
    return Scanner(cache.compile(
        rf"{lead}(?:(?P<cregion>(?:{cities})(?:{region}))(?P<crsuf>{rsuffix})?"
        rf"|(?P<region>{region})(?P<rsuf>{rsuffix})?"
        rf"|(?P<port>{shorts})(?:{port})(?![口澳区务])"
        rf"|(?P<feature>{trie_pattern(feature, grouped=True)})"
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
        if m.group("region") is not None or m.group("cregion") is not None:
            out.append(Place(a, b, "region", None))
        elif m.group("port") is not None:
            if m.group("port") not in place_stopwords() and m.group() not in _common_ports():
                out.append(Place(a, b, "port", None))
        elif m.group("feature") is not None:
            out.append(Place(a, b, "feature", None))
        elif m.group("full") is not None:
            out.append(Place(a, b, "area" if m.group("farea") else "full", divs[m.group("full")]))
        elif m.group("ashort") is not None:
            short = m.group("ashort")
            out.append(Place(a, b, "area", short_forms().get(short) or county_short_forms()[short]))
        elif m.group("short") not in place_stopwords():
            out.append(Place(a, b, "short", short_forms()[m.group("short")]))
    return out


@lru_cache(maxsize=1)
def _common_ports() -> frozenset[str]:
    """Short form + 港 that is a common word, not a port (jieba's non-place words)."""
    return read_words("place_suffix_words.txt") | read_words("place_ns_common.txt")


def keep_place(p: Place, s: str, bound: Bound) -> bool:
    """Whether a place stands as a word: the segmenter must not see it as part of a
    longer word (河北区 inside 河北区域, 秦皇岛 inside a compound). A port or a region of
    two characters must start a word (天津港/集团 is glued at its end)."""
    if p.kind == "full" and p.division is not None and p.division.level == "county" \
            and not _county_stands(p, s):
        return False
    if p.kind in ("full", "short", "feature"):
        return bound(p.start, p.end)
    if p.kind == "port" or (p.kind == "region" and p.end - p.start <= 2):
        return bound(p.start, p.start) and (p.kind == "port" or bound(p.end, p.end))
    return True


@lru_cache(maxsize=1)
def world_names() -> dict[str, str]:
    """Name -> kind (country, region, city, feature) of every place beyond the divisions
    (place_world.tsv from CLDR, place_world_extra.tsv by hand)."""
    out: dict[str, str] = {}
    for name in ("place_world.tsv", "place_world_extra.tsv"):
        for row in read_rows(name):
            if len(row) > 1 and len(row[0]) >= 2:
                out.setdefault(row[0], row[1])
    return out


def _county_stands(p: Place, s: str) -> bool:
    """Whether a county's full name is a place here: not right after a foreign place
    (印度洋 + 和平区 is a peace zone), and, for a name that is also a common word
    (place_division_words.txt: 解放区), right after its own city or province."""
    a = p.start
    names = world_names()
    if any(s[a - n:a] in names and s[a - n:a] != "中国" for n in range(2, 8) if n <= a):
        return False
    d = p.division
    if d is not None and d.name in read_words("place_division_words.txt"):
        before = [d.city, d.province, divisions()[d.city].short if d.city in divisions() else "",
                  divisions()[d.province].short if d.province in divisions() else ""]
        return any(w and s.endswith(w, 0, a) for w in before)
    return True


def context_of(places: list[Place], s: str, title: str | None = None) -> Context:
    """The document's own place. The title (metadata 名称, else the first line) decides
    when it names a division: a county (安吉县…方案: county and its city), a city, or only
    a province (福建省司法厅…报告: a provincial document, no city of its own). Otherwise
    the city named in full at least twice, most often, and its province; else the
    province named in full at least twice, most often."""
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
    top = provinces.most_common(1)
    if province is None and top and top[0][1] >= 2:
        province = top[0][0]
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


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Known proper place names (jieba's ns entries, filtered) and division names."""
    out = set(read_words("place_names.txt")) - read_words("place_ns_common.txt")
    out |= set(divisions())
    out |= {w for w in list(short_forms()) + list(county_short_forms()) if len(w) >= 2}
    # a suffix word is no name (新区, 景区), nor is a zone named by one
    zones = tuple(words("places.tsv", "zone")) + tuple(words("places.tsv", "area"))
    return frozenset(w for w in out - place_stopwords() if not w.endswith(zones))


@lru_cache(maxsize=1)
def known_place_names() -> frozenset[str]:
    """Known proper place names (`_names`) and named regions (横琴, 中关村)."""
    return place_names() | frozenset(words("places.tsv", "region"))
