"""The name scan: what the name finders (places, agencies, orgs, officials and persons)
compute once per document and share.

They work on the squeezed view of the normalized text (`Analysis.squeezed`) and share
the document's context, its own city and province read from the places it names, so
that `市政府` can be expanded to `秦皇岛市人民政府`. Each step is computed on first use:
places, then agencies (which need the document's place), orgs, then the organs that may
open a title, then officials and persons. The components in `entities.components` each
read the step they report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Callable

from .. import lang
from ..model import Agency, Location, Official, Org, Person, Span
from ..text.prepare import Prepared
from .agency_lexicon import _place_in
from .agencies import AgencyMatch, find_agencies, is_school, town_organ, unit_end
from .chars import charset
from .lexicon import Squeezed, breakers, is_han
from .officials import NameMatch, find_officials, follows, listed_names, role_at, title_at
from .orgs import OrgMatch, find_orgs
from .places import Context, Place, context_of, find_abbreviations, find_places, keep_place
from .sites import find_named, find_sites
from .townships import find_townships
from .world import (find_chained, find_country_abbreviations, find_country_pairs,
                    find_fixed_abbreviations, find_world)
from .zones import find_zones, zone_organ
from .persons import (address_persons, dotted_persons, find_persons, full_names,
                      role_persons, speech_persons, surname_firsts, word_persons)

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis


_LONG_LEVEL = re.compile(lang.alternation("long_level"))
# last characters of a unit whose head's title repeats them (水运局 + 局长, 预算处 + 处长)
_UNIT_ENDS = charset("unit_ends")



# a year right after a name, which the segmenter often glues to it (农业农村局/二〇二三年)
_YEAR = re.compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年")
_ISSUER = re.compile(rf"(?:{lang.alternation('metadata_issuer')})[:：]\s*"
                     rf"(?P<v>{lang.char_class('han')}{{2,30}})")


def _issuer(prep: Prepared, found: list[AgencyMatch], sq: Squeezed) -> list[Agency]:
    """The value of a 发布机构 metadata field is an agency even when it is a bare unit
    (办公室); its canonical is a full name elsewhere in the page that ends with it
    (主办单位:秦皇岛市人民政府办公室)."""
    out: list[Agency] = []
    norm = prep.norm
    # linear in the number of fields (issue 17: a listing page repeats the field): the
    # agencies as (start, max end so far) for a bisect, and the first two full names
    # per value, found once (a field's canonical is the first one not ending at it)
    spans = sorted((sq.pos[f.start], sq.pos[f.end - 1] + 1) for f in found)
    starts = [x for x, _ in spans]
    reach = list(accumulate((y for _, y in spans), max))
    fulls: dict[str, list[re.Match[str]]] = {}
    for m in _ISSUER.finditer(norm):
        a, b = m.span("v")
        value = m.group("v")
        k = bisect_right(starts, a) - 1
        if k >= 0 and reach[k] >= b:  # inside an agency found already
            continue
        if value not in fulls:
            fulls[value] = list(islice(re.finditer(
                rf"{lang.char_class('han')}{{2,30}}{re.escape(value)}", norm), 2))
        canon = next((full.group() for full in fulls[value] if full.end() != m.end("v")),
                     None)
        canon = _trim_to_place(canon)
        out.append(Agency(a, b, prep.text[a:b], canonical=canon, rule="agencies.issuer"))
    return out


def _trim_to_place(canon: str | None) -> str | None:
    """Cut a leading label (主办单位) off a full name found in running text."""
    if canon is None:
        return None
    m = _place_in().search(canon)
    return canon[m.start():] if m else None


@dataclass(frozen=True, slots=True)
class _Scan:
    """One text as the name finders see it: the squeezed view, the segmenter's word
    edges, and the document's own place."""

    prep: Prepared
    sq: Squeezed
    bound: Callable[[int, int], bool]

    @property
    def s(self) -> str:
        return self.sq.s

    def cut(self, a: int, b: int) -> tuple[int, int, str]:
        """Original (start, end, text) of squeezed [a, b)."""
        start, end = self.sq.span(a, b)
        return start, end, self.prep.text[start:end]

    def ends(self, a: int, b: int) -> bool:
        """`bound`, relaxed at a name's end: the segmenter often glues an organ to the
        title or role noun after it (市委书记, 党组成员) or a name to the word after it."""
        s = self.s
        if a == b:
            return (self.bound(a, a) or title_at(s, b) or role_at(s, b) or follows(s, b)
                    or _YEAR.match(s, b) is not None)
        return self.bound(a, b) or (self.bound(a, a) and (title_at(s, b) or role_at(s, b)))


def _chained(glued: list[Place], found: list[Place], bound: Callable[[int, int], bool]
             ) -> list[Place]:
    """The divisions the segmenter glued to a neighbour that are links of a place chain
    (那曲/市色尼区/那曲镇): each starts a word or follows another glued division, and
    a place found or an accepted link starts right at its end."""
    ends = {p.end for p in found} | {p.end for p in glued}
    starts = {p.start for p in found}
    out: list[Place] = []
    for _ in range(4):  # a chain has few links
        more = [p for p in glued if p not in out and p.end in starts
                and (bound(p.start, p.start) or p.start in ends)]
        if not more:
            break
        out += more
        ends |= {p.end for p in more}
        starts |= {p.start for p in more}
    return out


def _places(scan: _Scan, ctx: Context, raw: list[Place]) -> tuple[list[Place], list[Span]]:
    """LOCATION spans, and the township organs found with them (递铺街道办事处); the
    places returned include those organs (kind `organ`) so that a title may follow one."""
    s = scan.s
    sites = find_sites(s, scan.bound, lambda i: scan.ends(i, i))
    known = [p for p in raw if keep_place(p, s, scan.bound)] + sites
    sites += find_named(s, scan.bound, lambda i: scan.ends(i, i),
                        frozenset(p.end for p in known))
    zones = find_zones(s, scan.bound, lambda i: scan.ends(i, i))
    sites += zones
    # townships with no table entry: after a county, city or township, a lead verb, or
    # in a coordination with one (堆龙德庆区 + 古荣乡, 深入 + 梓山镇)
    chain = frozenset(p.end for p in known + sites
                      if p.kind in ("full", "area", "town") and (
                          p.division is None or p.division.level in ("city", "county")))
    # a division the segmenter glues to the township after it (堆龙德庆/区古荣/乡)
    glued_divs = [p for p in raw if p.kind == "full" and p.division is not None
                  and p.division.level in ("city", "county") and not keep_place(p, s, scan.bound)]
    taken = {(p.start, p.end) for p in sites}
    towns = find_townships(s, scan.bound, lambda i: scan.ends(i, i),
                           chain | {p.end for p in glued_divs},
                           frozenset(p.start for p in sites if p.kind == "town"))
    sites += [p for p in towns if (p.start, p.end) not in taken]
    glued_divs = _chained(glued_divs, known + sites, scan.bound)
    known += glued_divs
    places = ([p for p in raw if keep_place(p, s, scan.bound)]
              + glued_divs + find_abbreviations(s, ctx)
              + [p for p in sites if p.kind != "town" or town_organ(s, p.end) < 0])
    # beyond the divisions: countries, regions, features, abbreviations (world.py)
    places += (find_world(s, scan.bound) + find_fixed_abbreviations(s, scan.bound)
               + find_country_pairs(s, scan.bound) + find_country_abbreviations(s, scan.bound)
               + find_chained(s, [p for p in places if p.kind in ("full", "short")], scan.bound))
    out: list[Span] = [Location(*scan.cut(p.start, p.end), rule=f"places.{p.kind}")
                       for p in places]
    organs = []
    for p in zones:  # 平潭综合实验区 + 管委会
        e = zone_organ(s, p.end)
        if e > 0:
            out.append(Agency(*scan.cut(p.start, e), rule="places.zone-organ"))
            organs.append(Place(p.start, e, "organ", None))
    for p in sites:
        e = town_organ(s, p.end) if p.kind == "town" else -1
        if e > 0:
            out.append(Agency(*scan.cut(p.start, e), rule="places.town-organ"))
            organs.append(Place(p.start, e, "organ", None))  # 梓山镇党委 + 书记
    return places + organs, out


def _organs(s: str, places: list[Place], agencies: list[AgencyMatch]) -> dict[int, int]:
    """End -> start of every organ or place that may open a title."""
    organs: dict[int, int] = {}
    for p in places:
        if p.kind != "abbr":
            organs[p.end] = min(p.start, organs.get(p.end, p.start))
    for g in agencies:
        organs[g.end] = min(g.start, organs.get(g.end, g.start))
    # a unit after 、 opens the next title of a chain: 市委常委、宣传部部长
    for i in (m.start() for m in re.finditer("、", s)):
        e = unit_end(s, i + 1)
        if e > 0 and title_at(s, e):
            organs.setdefault(e, i + 1)
    # an open unit whose title repeats its suffix, in a chain or right after its organ:
    # 、 + 水运局 + 局长; 省财政厅 + 预算处 + 处长; 区司法局 + 城关司法所 + 所长
    opens = [(m.start() + 1, m.start() + 1) for m in re.finditer("、", s)]
    opens += [(e, a) for e, a in list(organs.items())]
    for at, start in opens:
        for e in range(at + 2, min(len(s), at + 8)):
            if not is_han(s[e - 1]):
                break
            head = s[e:e + 1] if s[e:e + 1] != "副" else s[e + 1:e + 2]
            if s[e - 1] in _UNIT_ENDS and head == s[e - 1] and title_at(s, e) \
                    and not breakers().search(s, at, e - 1):
                organs.setdefault(e, start)
                break
    for m in _LONG_LEVEL.finditer(s):  # 自治区 + 主席: a level word opens a title
        if title_at(s, m.end()):
            organs.setdefault(m.end(), m.start())
    return organs


def _people(scan: _Scan, organs: dict[int, int], words_3_4: list[int] | None) -> list[Span]:
    """OFFICIAL, then PERSON: names listed after an official, names before a speech
    verb or around a middle dot, name-shaped words, names titled elsewhere in the
    document, leaders, names before 同志, names after a role noun."""
    s, bound = scan.s, scan.bound
    officials = find_officials(s, organs, bound)
    listed = listed_names(s, officials, bound)
    taken = [(o.start, o.end) for o in officials] + [(n.start, n.end) for n in listed]
    found: list[tuple[NameMatch, str]] = [(n, "persons.listed") for n in listed]

    def add(names: list[NameMatch], rule: str) -> None:
        for n in names:
            if not any(a < n.end and n.start < b for a, b in taken):
                found.append((n, rule))
                taken.append((n.start, n.end))

    add(speech_persons(s, bound), "persons.speech")
    add(dotted_persons(s, bound), "persons.dotted")
    known = [o.name for o in officials] + [n.name for n, _ in found]
    # a name-shaped word is too weak a clue to look for the same word elsewhere; a
    # place found there is no name (石家庄)
    add([n for n in word_persons(s, bound, words_3_4) if organs.get(n.end) != n.start],
        "persons.word")
    found += [(n, "persons.name") for n in find_persons(s, bound, taken, known)]
    found += [(n, "persons.role") for n in role_persons(
        s, bound, taken + [(n.start, n.end) for n, _ in found])]
    found += [(n, "persons.address") for n in address_persons(
        s, bound, taken + [(n.start, n.end) for n, _ in found])]
    officials = full_names(officials, [n.name for n in officials] + [n.name for n, _ in found])
    out: list[Span] = [Official(*scan.cut(o.start, o.end), name=o.name, title=o.title or "",
                                rule="officials.title") for o in officials]
    out.extend(Person(*scan.cut(n.start, n.end), name=n.name, rule=rule) for n, rule in found)
    return out


class NameScan:
    """The name finders' shared steps for one document, each computed on first use."""

    def __init__(self, analysis: Analysis) -> None:
        self.scan = _Scan(analysis.prep, analysis.squeezed, analysis.bound)
        self.title = analysis.structure.metadata.title

    @property
    def s(self) -> str:
        return self.scan.s

    @cached_property
    def raw_places(self) -> list[Place]:
        return find_places(self.s)

    @cached_property
    def context(self) -> Context:
        """The document's own place (city, province), read from the places it names."""
        return context_of(self.raw_places, self.s, self.title)

    @cached_property
    def places(self) -> tuple[list[Place], list[Span]]:
        """Places (with township organs) and their LOCATION / AGENCY spans."""
        return _places(self.scan, self.context, self.raw_places)

    @cached_property
    def agencies(self) -> list[AgencyMatch]:
        return find_agencies(self.s, self.context, self.scan.ends)

    def agency_spans(self) -> list[Span]:
        out: list[Span] = []
        for g in self.agencies:
            if not title_at(self.s, g.end, 2):  # 市委 in 市委书记 is part of a title
                out.append(Agency(*self.scan.cut(g.start, g.end), canonical=g.canonical,
                                  rule="agencies.grammar"))
        out.extend(_issuer(self.scan.prep, self.agencies, self.scan.sq))
        return out

    @cached_property
    def orgs(self) -> list[OrgMatch]:
        named = {(g.start, g.end) for g in self.agencies if not g.open}
        # 中国人民银行 is an agency, not a bank
        return [o for o in find_orgs(self.s, self.scan.bound) if (o.start, o.end) not in named]

    def org_spans(self) -> list[Span]:
        out: list[Span] = []
        for o in self.orgs:  # 四川省农业科学院, 北京大学: public institutions, so agencies
            if is_school(self.s[o.start:o.end]):
                out.append(Agency(*self.scan.cut(o.start, o.end), rule="orgs.school"))
            else:
                out.append(Org(*self.scan.cut(o.start, o.end), rule="orgs.suffix"))
        return out

    def people_spans(self, analysis: Analysis) -> list[Span]:
        """OFFICIAL and PERSON spans; `analysis` (the one this scan was made of, passed
        rather than kept: the scan lives in its shared cache) gives the word lengths."""
        organs = _organs(self.s, self.places[0], self.agencies)
        for o in self.orgs:  # 团市委书记, 某公司董事长
            organs.setdefault(o.end, o.start)
        # where word_persons looks: words of three or four characters opening with a surname
        words_3_4 = analysis.word_starts(3, 4, surname_firsts())
        return _people(self.scan, organs, words_3_4)


def name_scan(analysis: Analysis) -> NameScan:
    """The document's name scan, shared by every name component."""
    return analysis.shared("entities.names", lambda: NameScan(analysis))


__all__ = ["NameScan", "name_scan"]
