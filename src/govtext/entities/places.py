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
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import re

from ..data import read_words
from .lexicon import (Division, breakers, county_short_forms, divisions, is_han, place_stopwords,
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
    full = trie_pattern(divisions())
    shorts = trie_pattern(s for s in short_forms() if len(s) >= 2)
    cshort = trie_pattern(s for s in county_short_forms() if len(s) >= 2)
    area = trie_pattern(words("places.tsv", "area"))
    region = trie_pattern(words("places.tsv", "region"))
    rsuffix = trie_pattern(words("places.tsv", "region_suffix"))
    feature = words("places.tsv", "feature")
    lead = first_chars(divisions(), short_forms(), county_short_forms(),
                       words("places.tsv", "region"), feature)
    starts = (list(divisions()) + list(short_forms()) + list(county_short_forms())
              + list(words("places.tsv", "region")) + list(feature))
    port = trie_pattern(words("places.tsv", "port"))
    # a city before a named area of its own is one name: 深圳 + 前海
    cities = trie_pattern([w for w in list(short_forms()) + list(divisions())
                           if len(w) >= 2 and (w in short_forms() or divisions()[w].level == "city")])
    return Scanner(re.compile(
        rf"{lead}(?:(?P<cregion>(?:{cities})(?:{region}))(?P<crsuf>{rsuffix})?"
        rf"|(?P<region>{region})(?P<rsuf>{rsuffix})?"
        rf"|(?P<port>{shorts})(?:{port})(?![口澳区务])"
        rf"|(?P<feature>{trie_pattern(feature)})"
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
    if p.kind in ("full", "short", "feature"):
        return bound(p.start, p.end)
    if p.kind == "port" or (p.kind == "region" and p.end - p.start <= 2):
        return bound(p.start, p.start) and (p.kind == "port" or bound(p.end, p.end))
    return True


@lru_cache(maxsize=1)
def _site_suffixes() -> tuple[Scanner, frozenset[str]]:
    sufs = (words("places.tsv", "site") + words("places.tsv", "town")
            + tuple(r[0] for r in table("places.tsv", "geo") if r[2:3] == ("open",)))  # 伏林 + 水库
    return Scanner(re.compile(trie_pattern(sufs)), sufs), frozenset(words("places.tsv", "town"))


@lru_cache(maxsize=1)
def _not_in_names() -> frozenset[str]:
    """Characters no site or town name holds: those of level words, quantifiers and
    particles, so 98个乡镇, 全市各乡镇 and 支持城乡 are no township."""
    return frozenset("".join(words("levels.tsv", "level")) + "各全该每城个年的了是")


@lru_cache(maxsize=1)
def _generic() -> re.Pattern[str]:
    """Generic modifiers and clause words that a proper site name never holds."""
    stops = [w for w in place_stopwords() if len(w) >= 2] + list(read_words("name_breakers.txt"))
    return re.compile(trie_pattern(stops))


# A site or town name opens a clause: it follows punctuation, a line start or one of
# these prepositions and conjunctions.
_OPENERS = "在和与及到赴从至对向经于、"


def find_sites(s: str, bound: Bound, ends: Callable[[int], bool]) -> list[Place]:
    """Named sites and townships with no table entry: a proper name of 2-5 characters that
    opens a clause, then a site or town suffix (天府国际机场, 栖云山片区, 天荒坪镇).
    `ends(i)` says whether a name may end at `i`."""
    scanner, towns = _site_suffixes()
    stop = place_stopwords()
    bad = _not_in_names()
    out: list[Place] = []
    for m in scanner.finditer(s):
        a, b = m.span()
        if not ends(b) or glued(s, a, b, bound):
            continue
        for n in range(5, 1, -1):
            i = a - n
            if i < 0 or not all(is_han(c) for c in s[i:a]):
                continue
            if i > 0 and is_han(s[i - 1]) and s[i - 1] not in _OPENERS:
                continue
            stem = s[i:a]
            if stem[0] in _OPENERS or any(c in bad for c in stem):
                continue
            if stem in _town_leads() or (m.group() in towns and _inner_name(s, i, a, bound)):
                continue  # 拟征收 + 上庄镇: a known name or a lead verb starts later
            if stem[0] in stop or _generic().search(stem) or not bound(i, i):
                continue
            out.append(Place(i, b, "town" if m.group() in towns else "site", None))
            break
    return out


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
def _names() -> frozenset[str]:
    """Known proper place names (jieba's ns entries, filtered) and division names."""
    out = set(read_words("place_names.txt")) - read_words("place_ns_common.txt")
    out |= set(divisions())
    out |= {w for w in list(short_forms()) + list(county_short_forms()) if len(w) >= 2}
    # a suffix word is no name (新区, 景区), nor is a zone named by one
    zones = tuple(words("places.tsv", "zone")) + tuple(words("places.tsv", "area"))
    return frozenset(w for w in out - place_stopwords() if not w.endswith(zones))


def known_place_names() -> frozenset[str]:
    """Known proper place names (`_names`) and named areas (横琴, 中关村)."""
    return _zone_data()[4]


@lru_cache(maxsize=1)
def _named_suffixes() -> tuple[Scanner, dict[str, str]]:
    """Suffix -> kind (geo, town, zone) for `find_named`."""
    kinds: dict[str, str] = {}
    for kind in ("geo", "town", "village", "zone", "site"):
        for w in words("places.tsv", kind):
            kinds.setdefault(w, {"site": "zone", "village": "town"}.get(kind, kind))
    return Scanner(re.compile(trie_pattern(kinds)), kinds), kinds


# level characters that end a division name (湟中区 + 上新庄镇): a township may follow
_LEVEL_ENDS = frozenset("省市县区州旗盟")

# characters no modifier between a place and a zone suffix holds
_NOT_IN_MIDDLE = frozenset("省市县区乡镇村各全该每本这此其个年的了是和与及、")


def find_named(s: str, bound: Bound, ends: Callable[[int], bool],
               after: frozenset[int] = frozenset()) -> list[Place]:
    """A known proper place name, then a geographic or administrative suffix (湟水 + 河,
    海南 + 岛, 上庄 + 镇); a zone suffix may follow a short modifier (太原 + 不锈钢 +
    园区). A known name that already ends with a suffix stands alone (亚龙湾). Right
    after another place (`after`: ends of places found), a village or township needs no
    known name (府城镇 + 那白村). The name starts a word; the suffix ends one."""
    scanner, kinds = _named_suffixes()
    names = _names()
    bad = _not_in_names()
    generic = _generic()
    geo = tuple(w for w, k in kinds.items() if k == "geo")
    out: list[Place] = []
    last = -1
    for m in scanner.finditer(s):
        a, b = m.span()
        kind = kinds[m.group()]
        if not ends(b):
            continue
        start = -1
        for n in (5, 4, 3):  # a known name holding its suffix: 亚龙湾, 海南岛
            i = b - n
            if i >= 0 and a - i >= 2 and s[i:b] in names and bound(i, i):
                start = i
                break
        if start < 0 and glued(s, a, b, bound):
            continue
        if start < 0:
            for n in (4, 3, 2):
                i = a - n
                # a name that already names a feature takes no second suffix: 太湖 + 湖体
                if i >= 0 and s[i:a] in names and bound(i, i) and not (
                        kind == "geo" and s[i:a].endswith(geo)):
                    start = i
                    break
            # the longest reading wins: 海口 + 江东 + 新区 over 江东 + 新区
            if kind == "zone":
                i = _with_middle(s, a, bound, names)
                start = i if i >= 0 and (start < 0 or i < start) else start
            if kind == "town":  # after another place: 湟中区 + 上新庄镇, 府城镇 + 那白村
                for n in (3, 2):
                    i = a - n
                    if i >= 0 and (i in after or s[i - 1:i] in _LEVEL_ENDS) and bound(i, i) \
                            and all(is_han(c) and c not in bad for c in s[i:a]) \
                            and not generic.search(s, i, a) and (start < 0 or i < start):
                        start = i
                        break
        if start < 0 or s[start] in bad:
            continue
        if start < last:  # a longer reading covers the last one: 三亚崖州湾科技城
            if not (out and start <= out[-1].start):
                continue
            out.pop()
        out.append(Place(start, b, "town" if kind == "town" else "site", None))
        last = b
        after = after | {b}
    return out


def _with_middle(s: str, a: int, bound: Bound, names: frozenset[str]) -> int:
    """Start of a known name followed by a modifier of 1-4 characters ending at `a`."""
    for j in range(a - 1, max(-1, a - 5), -1):
        if not is_han(s[j]) or s[j] in _NOT_IN_MIDDLE or breakers().match(s, j) \
                or _zone_verbs().match(s, j):
            return -1
        if not bound(j, j):
            continue
        for n in (5, 4, 3, 2):
            i = j - n
            if i >= 0 and s[i:j] in names and bound(i, i):
                return i
    return -1


@lru_cache(maxsize=1)
def _zone_verbs() -> re.Pattern[str]:
    return re.compile(trie_pattern(read_words("place_zone_verbs.txt")))



def glued(s: str, a: int, b: int, bound: Bound) -> bool:
    """Whether the one-character suffix `s[a:b]` is the end of a common word the
    segmenter keeps whole with the character before it (江南/水乡, 建设/新农村)."""
    return b - a == 1 and a > 0 and s[a - 1:b] in read_words("place_suffix_words.txt") \
        and not bound(a, a)


def _inner_name(s: str, i: int, a: int, bound: Bound) -> bool:
    """Whether a known place name starts on a word edge inside `s[i:a]` and runs to `a`,
    or a lead verb (到, 深入) ends on one: the stem then holds words before the name."""
    names = _names()
    leads = _town_leads()
    for j in range(i + 2, a - 1):  # words of two or more characters before the name
        if bound(j, j) and (s[j:a] in names or any(s.endswith(w, i, j) for w in leads)):
            return True
    return False


@lru_cache(maxsize=1)
def _town_leads() -> tuple[str, ...]:
    return tuple(sorted(words("places.tsv", "town_lead"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _township_data() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Township and village suffixes (longest first), the lead-verb pattern, the generic
    modifier pattern, and the common words a one-character suffix may end or open."""
    sufs = tuple(sorted(words("places.tsv", "town") + words("places.tsv", "village"),
                        key=len, reverse=True))
    lead = re.compile(trie_pattern(words("places.tsv", "town_lead")))
    generic = [w for w in place_stopwords() if len(w) >= 2 and w not in divisions()]
    generic += list(read_words("place_town_generic.txt")) + list(read_words("name_breakers.txt"))
    return sufs, lead, re.compile(trie_pattern(generic)), read_words("place_suffix_words.txt")


# characters no township or village name holds: levels, suffixes, quantifiers, pronouns
_NOT_IN_TOWNSHIP = frozenset("省市县区州盟旗镇乡村各全该每本个年的了是这那此其们我你他")
_COORD = "、和及与"
_TOWN_ENDS = ("街道", "苏木", "镇", "乡")
_TOWN_END_RE = re.compile("街道|苏木|镇|乡")
_VILLAGE_ENDS = ("村", "社区", "嘎查")


def _village_at(s: str, i: int) -> bool:
    """Whether a village suffix ends the next 2-5 characters from `i` (西辛力屯 + 村)."""
    return any(s.startswith(v, j) for j in range(i + 2, min(len(s), i + 6))
               for v in _VILLAGE_ENDS)
_TOWN_BEFORE_ORGAN = re.compile("街道|社区|嘎查|苏木|镇|乡|村")


def find_townships(s: str, bound: Bound, ends: Callable[[int], bool],
                   after: frozenset[int], before: frozenset[int] = frozenset()
                   ) -> list[Place]:
    """Townships and villages whose names no table holds (梓山镇, 古荣乡, 西辛力屯村): a
    name of 2-4 characters (5 right after a division), then a township or village suffix, licensed by what comes
    before it: the end of a division or another township (`after`: 堆龙德庆区 + 古荣乡,
    上庄镇 + 西辛力屯村), a lead verb standing as a word (深入 + 梓山镇), or a coordination
    with a licensed one (潭头村、山峰村). A township right before a known village
    (`before`: starts of places found; 城关镇 + 东关村) is licensed by it and takes the
    shortest name that starts a word. A name with a generic modifier (示范村, 美丽乡村)
    or a common word at the suffix (农村, 城镇, 乡村) is none."""
    from .agencies import town_organ  # agencies imports this module

    sufs, lead, generic, common = _township_data()
    todo = sorted(after)
    for m in lead.finditer(s):
        if bound(m.start(), m.start()) and bound(m.end(), m.end()):
            todo.append(m.end())
    # a name that opens a clause before a township organ: 城关街道 + 办事处
    groups = []  # the longest name that passes wins: 关于 + 城关镇人民政府
    for m in _TOWN_BEFORE_ORGAN.finditer(s):
        if town_organ(s, m.end()) >= 0:
            groups.append([i for i in range(max(0, m.start() - 4), m.start() - 1)
                           if bound(i, i) and (i == 0 or not is_han(s[i - 1])
                                               or s[i - 1] in _OPENERS)])
    out: dict[int, Place] = {}
    tried: set[int] = set()

    def at(i: int, depth: int) -> Place | None:
        """The township starting at `i`, if its end is a word edge or opens another. Right
        after a division a name may be longer (伊金霍洛旗 + 阿勒腾席热镇)."""
        if depth > 8 or i in tried and i not in out:
            return None
        if i in out:
            return out[i]
        tried.add(i)
        for n in range(1, 6 if i in after else 5):
            j = i + n
            if j >= len(s) or not is_han(s[j - 1]) or s[j - 1] in _NOT_IN_TOWNSHIP:
                return None
            suf = next((w for w in sufs if s.startswith(w, j)), None)
            if suf is None:
                continue
            b = j + len(suf)
            if n < 2 or generic.search(s, i, j) or (len(suf) == 1 and (
                    s[j - 1:b] in common or s[j:b + 1] in common or s[b:b + 1] in sufs)):
                return None
            if not ends(b) and town_organ(s, b) < 0 and at(b, depth + 1) is None:
                return None
            p = Place(i, b, "town", None)
            out[i] = p
            if b < len(s) and s[b] in _COORD:
                at(b + 1, depth + 1)
            else:
                at(b, depth + 1)
            return p
        return None

    for i in sorted(set(todo)):
        at(i, 0)
    for group in groups:
        for i in group:
            if at(i, 0) is not None:
                break
    # a township right before a village licenses and is licensed by it (拟征收 + 城关镇
    # + 东关村): the village is known (`before`) or reads as one with a word end
    pairs = sorted(before | {m.end() for m in _TOWN_END_RE.finditer(s)})
    for b in pairs:
        suf = next((w for w in _TOWN_ENDS if s.endswith(w, 0, b)), None)
        if suf is None or any(p.end == b for p in out.values()):
            continue
        saved, seen = dict(out), set(tried)
        if b in before or (_village_at(s, b) and at(b, 1) is not None):
            if any(bound(i, i) and at(i, 0) is not None
                   for i in range(b - len(suf) - 2, max(-1, b - len(suf) - 5), -1)):
                continue
        # no township: a village read after it is not licensed either
        out.clear()
        out.update(saved)
        tried.clear()
        tried.update(seen)
    # two licenses may reach one suffix: the nearer one, the shorter name, wins
    kept: list[Place] = []
    for p in sorted(out.values(), key=lambda p: (p.end, -p.start)):
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


@lru_cache(maxsize=1)
def _zone_data() -> tuple[Scanner, frozenset[str], re.Pattern[str], re.Pattern[str],
                          frozenset[str]]:
    sufs = read_words("place_zone_suffixes.txt")
    stops = (({w for w in place_stopwords() if len(w) >= 2}
              - read_words("place_zone_modifiers.txt")) | read_words("name_breakers.txt")
             | read_words("place_zone_verbs.txt"))
    return (Scanner(re.compile(trie_pattern(sufs)), sufs), read_words("place_zone_leads.txt"),
            re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)]"), re.compile(trie_pattern(stops)),
            _names() | frozenset(words("places.tsv", "region")))


# the longest zone name before its suffix (长三角生态绿色一体化发展 + 示范区)
_ZONE_NAME_MAX = 14


def find_zones(s: str, bound: Bound, ends: Callable[[int], bool]) -> list[Place]:
    """Long names of development zones and pilot areas: a known place name or a country
    pair (中韩, 中新; then a parenthesized place or a known name), a modifier with no
    verb, particle or level word, and a zone suffix (郑州 + 航空港经济综合 + 实验区,
    中韩 + （长春） + 国际合作 + 示范区, 中新 + 天津 + 生态城). Generic phrases (各类开发区,
    国家级新区建设) have no such head."""
    scanner, leads, paren, generic, names = _zone_data()
    out: list[Place] = []
    for m in scanner.finditer(s):
        a, b = m.span()
        if not ends(b):
            continue
        start = -1
        for j in range(a - 1, max(-1, a - _ZONE_NAME_MAX - 1), -1):
            c = s[j]
            if c not in "（）()" and (not is_han(c) or c in _NOT_IN_MIDDLE):
                break
            head = _zone_head(s, j, a, names, leads, paren, bound)
            if head > 0 and not generic.search(s, head, a) \
                    and not any(ch in "（）()" for ch in s[head:a]):
                start = j
        if start >= 0 and not (out and start < out[-1].end):
            out.append(Place(start, b, "site", None))
    return out


def zone_organ(s: str, i: int) -> int:
    """End of a zone's organ head (管委会, 党工委) at `i`, or -1."""
    for w in read_words("place_zone_organs.txt"):
        if s.startswith(w, i):
            return i + len(w)
    return -1


def _zone_head(s: str, j: int, a: int, names: frozenset[str], leads: frozenset[str],
               paren: re.Pattern[str], bound: Bound) -> int:
    """End of the head of a zone name starting at `j` (a known name, or a country pair
    and a place), or -1."""
    if j > 0 and is_han(s[j - 1]) and not bound(j, j):
        return -1
    for n in (3, 2):
        if s[j:j + n] in leads and j + n < a:
            k = j + n
            m = paren.match(s, k)
            if m and m.end() <= a and m.group(1) in names:
                return m.end()
            for q in (5, 4, 3, 2):
                if k + q <= a and s[k:k + q] in names:
                    return k + q
            return -1  # 中国 + 特色社会主义先行示范区: a policy label, no zone name
    for n in (5, 4, 3, 2):
        if j + n <= a and s[j:j + n] in names and bound(j, j):
            return j + n
    return -1
