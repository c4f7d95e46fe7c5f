"""AGENCY: a compositional grammar over lexicon pieces, not a list of names.

    agency  = central unit*                          国务院办公厅, 民政部
            | place head (unit | committee)*          市政府法制办, 省人大常委会选举任免代表工作委员会
            | place unit+                             省司法厅, 县行政审批局
            | full-place open-middle institution      秦皇岛市人才交流服务中心
            | stem suffix                             市场监管局 (a specific department alone)

`place` is a full division name (秦皇岛市) or a level character standing for the
document's own place (市, 省, 县区); `head` an organ (政府, 委, 人大常委会, 政协,
检察院, ... from organ_heads.tsv); `unit` a department piece (org_units.tsv): a whole unit
word (办公厅, 党组, 宣传部) or a stem with a suffix (行政审批 + 局, 卫健 + 委); a
department body may join several stems, with or without 和/与/及 (城市管理 + 和 +
综合执法 + 局, 旅游 + 和 + 文化 + 广电 + 体育 + 局). A chain
holds at most one stem-based department, so two departments written side by side
(海港区政务服务中心市场监管局) are two agencies. `canonical` is built from the same
parse: the place filled in from the document's context and each piece's full form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from .. import cache
from .agency_lexicon import (_HAN, _JOINERS, AgencyMatch, _central, _heads, _levels, _pieces,
                             _place_in, _place_like, _congress_central)
from .chars import chars, wordset
from .institutions import _institutions, is_school, town_organ
from .lexicon import (Ahead, Scanner, breakers, county_parents, county_short_forms, divisions,
                      first_chars, place_stopwords, short_forms, trie_pattern, words)
from .places import Context
from .wordclass import clause_in

Bound = Callable[[int, int], bool]



_SUFFIX_FULL = {"委": "委员会", "办": "办公室", "工委": "工作委员会"}


@dataclass(frozen=True, slots=True)
class _Grammar:
    prefix: Scanner  # central | place or level + optional head
    unit: re.Pattern[str]  # one department piece
    committee: re.Pattern[str]  # an open committee name after a congress/CPPCC head
    # a specific stem + suffix standing alone: the grammar's last alternative, scanned
    # on its own, since its stems (发展, 经济, 建设) are the commonest words of a report
    bare: Scanner


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    heads = _heads()
    pieces = _pieces()
    congress = [h for h, (k, _) in heads.items() if k in _CONGRESS]
    other = [h for h, (k, _) in heads.items()
             if k not in _CONGRESS and "+place" not in k and k != "town"]
    stems = list(pieces.get("stem", {})) + list(pieces.get("stem-generic", {}))
    suffix = trie_pattern(pieces.get("suffix", {}), grouped=True)
    # a department body may join several domain stems, with or without 和/与/及
    # (城市管理 + 和 + 综合执法 + 局, 旅游 + 和 + 文化 + 广电 + 体育 + 局)
    compound = _compound(stems)
    specific = _compound(list(pieces.get("stem", {})))
    han = r"[\u4e00-\u9fff]"
    levels, blockers = _levels()
    after = "".join(words("levels.tsv", "after_blocker"))
    level = trie_pattern(levels, grouped=True)
    # 兰州新区 + 管委会: a division's short form and an area suffix
    area_place = (rf"(?:{trie_pattern(list(short_forms()) + list(county_short_forms()), grouped=True)})"
                  rf"(?:{trie_pattern(words('places.tsv', 'area'), grouped=True)})")
    lead = first_chars(_central(), divisions(), ["中共", "政协", "中国"], levels,
                       pieces.get("stem", {}),
                       short_forms(), county_short_forms())
    full_place = rf"(?:{trie_pattern(divisions(), grouped=True)}){{1,3}}"
    # 青岛 + 海事法院: a city's short form, only right before an organ head
    short_place = trie_pattern([w for w in short_forms()
                                if len(w) >= 2 and w not in place_stopwords()], grouped=True)
    prefix = cache.compile(
        rf"{lead}(?:(?P<full>(?P<fkind>中共|政协|中国人民政治协商会议)(?P<fplace>{full_place})委员会)"
        rf"|(?P<central>{trie_pattern(_central(), grouped=True)})"
        rf"|(?:(?P<cpc>中共)?(?P<place>(?:{trie_pattern(divisions(), grouped=True)}){{1,3}}|{area_place})"
        rf"|(?P<short>{short_place})(?=(?:{trie_pattern(heads, grouped=True)}))"
        rf"|(?<![{re.escape(blockers)}])(?P<level>{level})(?![{re.escape(after)}]))"
        rf"(?:(?P<session>第[一二三四五六七八九十0-9]{{1,3}}届)?(?P<chead>{trie_pattern(congress, grouped=True)})"
        rf"|(?P<head>{trie_pattern(other, grouped=True)})"
        rf"|(?P<party>委)(?![员会托屈派任实身]))?)")
    # a discipline group stationed in a department is part of its organ's name:
    # 市纪委监委 + 驻局纪检监察组
    unit = cache.compile(rf"{trie_pattern(pieces.get('unit', {}), grouped=True)}"
                         rf"|{compound}(?:{suffix})"
                         rf"|驻{han}{{1,12}}?纪检监察组")
    committee = re.compile(rf"(?![委员会]){han}{han}{{0,9}}(?:工作委员会|委员会|工委|委)")
    bare = Scanner(cache.compile(rf"{specific}(?:{suffix})"), pieces.get("stem", {}))
    starts = (list(_central()) + list(divisions()) + ["中共", "政协", "中国人民"] + list(levels)
              + list(short_forms()) + list(county_short_forms()))
    return _Grammar(Scanner(prefix, starts), unit, committee, bare)


_CONGRESS = ("congress", "congress_sc", "cppcc")


def _compound(stems: list[str]) -> str:
    """One to four stems, each after the first optionally opened by a joiner."""
    one = trie_pattern(stems, grouped=True)
    return rf"(?:{one})(?:[{_JOINERS}]?(?:{one})){{0,3}}"


def _split_stems(body: str) -> list[str] | None:
    """`body` cut into known stems and joiners (longest stem first), or None."""
    pieces = _pieces()
    known = {**pieces.get("stem-generic", {}), **pieces.get("stem", {})}
    out: list[str] = []
    i = 0
    for _ in range(12):
        if i >= len(body):
            return out
        if out and body[i] in _JOINERS and body[i + 1:i + 2]:
            out.append(body[i])
            i += 1
        j = next((j for j in range(len(body), i, -1) if body[i:j] in known), -1)
        if j < 0:
            return None
        out.append(known[body[i:j]])
        i = j
    return None


def _longest_committee(s: str, pos: int) -> int:
    """End of the longest open committee name at `pos` whose middle holds no breaker
    word (市政协 + 社会法制和民族宗教委员会, but not 市政协 + 在中共广州市委), or -1."""
    m = _grammar().committee.match(s, pos)
    if m is None:
        return -1
    for end in range(m.end(), pos + 1, -1):
        if not s.endswith(("委员会", "工委", "委"), pos, end):
            continue
        middle = s[pos:end]
        if breakers().search(middle) or "中共" in middle or _place_in().search(middle):
            continue
        return end
    return -1



def _expand(piece: str) -> str:
    pieces = _pieces()
    for kind in ("unit", "stem", "stem-generic"):
        full = pieces.get(kind, {}).get(piece)
        if full is not None and full != piece:
            return full
    if piece in pieces.get("unit", {}):
        return piece
    # stem + suffix: expand both halves
    for i in range(len(piece) - 1, 0, -1):
        stem, suf = piece[:i], piece[i:]
        for kind in ("stem", "stem-generic"):
            if stem in pieces.get(kind, {}) and suf in pieces.get("suffix", {}):
                return pieces[kind][stem] + _SUFFIX_FULL.get(suf, suf)
    # several stems + suffix (城市管理和综合执法局): each stem expanded
    for i in range(len(piece) - 1, 0, -1):
        suf = piece[i:]
        if suf in pieces.get("suffix", {}):
            parts = _split_stems(piece[:i])
            if parts:
                return "".join(parts) + _SUFFIX_FULL.get(suf, suf)
    return piece


def _place_of(m: re.Match[str], ctx: Context) -> str | None:
    place = m.group("place")
    if place:
        d = divisions().get(place)  # None for a chain (广州市天河区): taken as written
        if d is not None and d.level == "county" and ctx.city:
            if ctx.city in county_parents().get(place, ()) and ctx.city != d.province:
                return ctx.city + place
        return place
    short = m.group("short")
    if short:
        return short_forms()[short].name
    lv = m.group("level")
    if lv == "市":
        return ctx.city
    if lv in ("省", "自治区"):
        return ctx.province
    if lv in ("县", "区") and ctx.county and ctx.county.endswith(lv):
        return ctx.county
    if lv in ("州", "自治州") and ctx.city and ctx.city.endswith("州"):
        return ctx.city  # 州政府 in a document of 甘孜州 or 甘孜藏族自治州
    return None


@lru_cache(maxsize=1)
def _sub_suffixes() -> tuple[str, ...]:
    return tuple(_pieces().get("sub-suffix", {}))


def _stem_based(piece: str) -> bool:
    return piece not in _pieces().get("unit", {})


def _units(s: str, pos: int, congress: bool) -> list[tuple[int, int]]:
    """The chain of department pieces from `pos`: at most one stem-based department,
    then only whole units (市政府办公室, 市司法局党组)."""
    g = _grammar()
    out: list[tuple[int, int]] = []
    seen_stem = False
    for _ in range(6):
        m = g.unit.match(s, pos)
        end = m.end() if m else -1
        if congress:
            c = _longest_committee(s, pos)
            if c > end:
                end = c
        if end < 0:
            break
        piece = s[pos:end]
        if _stem_based(piece):
            if seen_stem and not piece.endswith(_sub_suffixes()):
                break  # a second department; a subunit (交警支队) may follow one
            seen_stem = True
        out.append((pos, end))
        pos = end
    return out


def _parse(s: str, m: re.Match[str], ctx: Context, bound: Bound) -> AgencyMatch | None:
    a = m.start()
    head_end = -1
    for g in ("full", "central", "chead", "head", "party"):
        if m.group(g) is not None:
            head_end = m.end(g)
    congress = (m.group("chead") is not None or m.group("fkind") in ("政协", "中国人民政治协商会议")
                or m.group("central") in _congress_central())
    placed = m.group("place") or m.group("level") or m.group("short")
    units = _units(s, m.end(), congress) if head_end > 0 or placed else []
    if m.group("central") is not None and m.group("central") not in _place_like():
        whole = []
        for u in units:  # 国务院办公厅, but 国务院 + 扶贫办 are two
            if _stem_based(s[u[0]:u[1]]) and not (
                    congress and s.endswith(("委员会", "工委"), u[0], u[1])):
                break  # a committee of a central congress stays: 全国人大 + 民族委员会
            whole.append(u)
        units = whole
    ends = ([head_end] if head_end > 0 else []) + [u[1] for u in units]
    # the longest prefix of the chain that ends on a word boundary
    for i in range(len(ends) - 1, -1, -1):
        if bound(ends[i], ends[i]):
            n_units = i + (0 if head_end > 0 else 1)
            texts = [s[x:y] for x, y in units[:n_units]]
            return AgencyMatch(a, ends[i], _canonical(m, texts, ctx), congress=congress,
                               organ=_canonical(m, [], ctx) if texts else None)
    return None


def _canonical(m: re.Match[str], units: list[str], ctx: Context) -> str | None:
    tail = "".join(_expand(u) for u in units)
    if m.group("full") is not None:
        kind = "中共" if m.group("fkind") == "中共" else "政协"
        return f"{kind}{m.group('fplace')}委员会{tail}"
    central = m.group("central")
    if central is not None:
        return _central()[central] + tail
    place = _place_of(m, ctx)
    if place is None:
        return None
    head = m.group("chead") or m.group("head")
    if m.group("party") is not None:
        template = "中共{P}委员会"
    elif head is not None:
        template = _heads()[head][1]
    else:
        template = "{P}"
    if not template:
        return None  # 石家庄海关: named by the short form, no expansion
    if head in ("人大常委会", "人民代表大会常务委员会") and tail:
        template = "{P}人大常委会"  # a committee of the standing committee, as usually written
    return template.replace("{P}", place) + tail


_LEVEL_RUN = re.compile(r"[省市县区州盟旗乡镇自治直辖、（）()]{1,16}$")


# characters before a run of levels that make it a class of places, not one place:
# 各县、区, 5个地级市, 22个县（市、区）, 副省级
_GENERIC_BEFORE = chars("generic_before")


def _each(s: str, a: int) -> bool:
    """Whether the match at `a` follows a generic run of levels: a coordination opened by
    各 (各省、自治区、直辖市生态环境厅; 各县、区人民政府), a count or level class
    (5个地级市卫生健康委, 22个县（市、区）卫生健康局, 设区市生态环境局): every one, not
    a named organ."""
    if a == 0:
        return False
    run = _LEVEL_RUN.search(s, max(0, a - 16), a)
    start = run.start() if run else a
    return start > 0 and (s[start - 1] in _GENERIC_BEFORE or s.startswith("设区", start - 1))


_SESSION = re.compile(r"第?[一二三四五六七八九十]{1,3}届$")


def find_agencies(s: str, ctx: Context, bound: Bound) -> list[AgencyMatch]:
    out: list[AgencyMatch] = []
    g = _grammar()
    pos = 0
    n = len(s)
    ahead = Ahead(s)
    while pos < n:
        m, bare = ahead.next(g.prefix, pos), ahead.next(g.bare, pos)
        # leftmost first; at one position the other alternatives come before the bare
        is_bare = bare is not None and (m is None or bare.start() < m.start())
        m = bare if is_bare else m
        if m is None:
            break
        if _each(s, m.start()):
            pos = m.end() if m.end() > m.start() else m.start() + 1
            continue
        got = None if is_bare else _parse(s, m, ctx, bound)
        if got is None:
            b = g.bare.pattern.match(s, m.start())
            if b is not None and bound(b.start(), b.end()) \
                    and not b.group().endswith(wordset("bare_generic")):
                got = AgencyMatch(b.start(), b.end(), None)
        if got is None:
            pos = m.start() + 1
            continue
        if not is_bare and m.group("central") is not None:
            sub = _central_subunit(s, got.end, bound)
            if sub > 0 and m.group("central") not in _place_like():
                got = replace(got, end=sub, canonical=None)
            # 第十四届 + 全国人民代表大会: the congress of one term is the organ too
            sess = _SESSION.search(s, max(0, got.start - 6), got.start)
            if sess is not None:
                got = replace(got, start=sess.start())
        elif out and out[-1].end == got.start and not is_bare \
                and (m.group("place") or m.group("short")) and \
                s[out[-1].start:out[-1].end] in _central():
            # 国家税务总局 + 秦皇岛市税务局: a central organ's local branch is one name
            got = replace(got, start=out.pop().start, canonical=None)
        out.append(got)
        pos = got.end
        # an elided conjunct: 市政府法制办、督查室 -> 督查室 is the government's too
        while pos < n and s[pos] == "、":
            u = g.unit.match(s, pos + 1)
            uend = u.end() if u is not None else -1
            if out[-1].congress:  # 市政协社会法制和民族宗教委员会、提案委员会
                uend = max(uend, _longest_committee(s, pos + 1))
            nxt = g.prefix.pattern.match(s, pos + 1) or g.bare.pattern.match(s, pos + 1)
            if uend < 0 or (nxt is not None and nxt.end() > pos + 1) or not bound(uend, uend):
                break
            # 市政府法制办、督查室: the conjunct is a unit of the same organ
            organ = out[-1].organ
            canon = None if organ is None else organ + _expand(s[pos + 1:uend])
            out.append(AgencyMatch(pos + 1, uend, canon, congress=out[-1].congress,
                                   organ=organ))
            pos = uend
    return out + _institutions(s, ctx, out)


_SUBUNIT_ENDS = wordset("subunit_ends")


def _central_subunit(s: str, e: int, bound: Bound) -> int:
    """End of a department of a central organ named right after it (交通运输部 + 水运局,
    国务院办公厅 + 政府信息与政务公开办公室, 农业农村部 + 农村经济研究 + 中心): 2-12
    characters with no breaker word or place name, in parts of two or more joined by
    和/与/及, then 司, 局, 中心 or 办公室, ending a word, with no clause word or verb (党中央
    + 统揽全局); the shortest such name, or -1."""
    run = _HAN.match(s, e, min(len(s), e + 13))
    if run is None:
        return -1
    for j in range(e + 2, min(run.end(), e + 13)):
        suf = next((w for w in _SUBUNIT_ENDS if s.startswith(w, j)), None)
        if suf is None:
            continue
        middle = s[e:j]
        parts = re.split(f"[{_JOINERS}]", middle)
        if any(len(p) < 2 or breakers().search(p) for p in parts) or \
                _place_in().search(middle) or middle in _pieces().get("unit", {}):
            return -1
        end = j + len(suf)
        if clause_in(s, e, end, bound, _JOINERS):
            return -1  # 党中央 + 统揽全局: a verb phrase, not a department
        return end if bound(end, end) else -1
    return -1


def unit_end(s: str, i: int) -> int:
    """End of a department piece (宣传部, 行政审批局) starting at `i`, or -1."""
    m = _grammar().unit.match(s, i)
    return -1 if m is None else m.end()


__all__ = ["AgencyMatch", "find_agencies", "is_school", "town_organ", "unit_end"]
