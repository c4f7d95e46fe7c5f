"""ORG: media outlets, companies, factories, mass organizations, international bodies.

Known names come from orgs.tsv; other names are composed as a place (full name, short
form, a level character standing for the document's own place, or a country) followed by
an open middle and an organization suffix (…日报, …有限公司, …调解委员会,
市第二污水处理厂). A bare media suffix after a media name and 、 is an elided conjunct
(秦皇岛日报、晚报).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import re

from .. import cache
from ..data import read_rows
from .chars import chars, charset, wordset
from .places import known_place_names, world_names
from .lexicon import Scanner, breakers, divisions, place_stopwords, short_forms, trie_pattern, words
from .wordclass import common_word, name_start

Bound = Callable[[int, int], bool]



# characters a name's middle never holds: level words and 级/各/全 (省市县三级工会)
_NOT_IN_MIDDLE = charset("not_in_org_middle")


@dataclass(frozen=True, slots=True)
class OrgMatch:
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[Scanner, Scanner, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = trie_pattern(words("orgs.tsv", "name"), grouped=True)
    blockers = "".join(words("levels.tsv", "blocker"))
    after = "".join(words("levels.tsv", "after_blocker"))
    suffix = trie_pattern(words("orgs.tsv", "suffix"))
    place_words = (list(divisions()) + list(short_forms())
                   + list(words("places.tsv", "country")))
    place = trie_pattern(place_words, grouped=True)
    composed = cache.compile(
        rf"(?:(?P<place>{place})|(?<![{re.escape(blockers)}])(?P<level>[省市县区])"
        rf"(?![{re.escape(after)}]))"
        rf"(?P<middle>[\u4e00-\u9fff]{{0,12}}?)(?P<suf>{suffix})")
    return (Scanner(re.compile(names), words("orgs.tsv", "name")),
            Scanner(composed, place_words + list("省市县区")), re.compile(suffix),
            cache.compile(trie_pattern(words("orgs.tsv", "media"))),
            breakers())


def find_orgs(s: str, bound: Bound) -> list[OrgMatch]:
    names, composed, suffix, media, breakers = _patterns()
    out: list[OrgMatch] = []
    for m in names.finditer(s):
        if bound(m.start(), m.end()):
            out.append(OrgMatch(m.start(), m.end()))
    pos = 0
    while pos < len(s):
        found = composed.search(s, pos)
        if found is None:
            break
        m = found
        # the longest suffix end reachable from this start with a clean middle
        end = -1
        stop = min(len(s), m.end("middle") + 14)
        for i in range(m.start("middle"), stop):
            x = suffix.match(s, i, stop)
            if x is None:
                continue
            middle = s[m.start("middle"):i]
            if not all("\u4e00" <= c <= "\u9fff" or c.isdigit() for c in middle):
                break
            if any(c in _JOINERS and _ends_with_suffix(s, k)
                   for k, c in enumerate(middle, m.start("middle"))):
                break  # a name ends at its suffix: 公司 + 和 + 大学 are two names
            if breakers.search(middle) or not bound(m.start(), x.end()):
                continue
            if any(c in _NOT_IN_MIDDLE for c in middle):
                continue  # 省市县三级工会: levels, not a name
            if middle and name_start(s, m.start("middle"), i, bound) != m.start("middle"):
                continue  # 吉林省 + 有一个制糖 + 厂: a clause, not a name
            if middle + x.group() in wordset("needs_middle"):
                continue  # 海南 + 公司, 美国 + 公司: a kind of firm there, not one
            end = max(end, x.end())
        place = m.group("place")
        if end > 0 and place and place in divisions() and divisions()[place].level == "county" \
                and _company_suffix().pattern.search(s, end - 6, end):
            end = -1  # 坪山区比亚迪股份有限公司: see _companies
        if end < 0:
            pos = m.start() + 1
            continue
        out.append(OrgMatch(m.start(), end))
        pos = end
        while pos < len(s) and s[pos] == "、":  # 秦皇岛日报、晚报
            e = media.match(s, pos + 1)
            if e is None or not bound(e.start(), e.end()):
                break
            out.append(OrgMatch(e.start(), e.end()))
            pos = e.end()
    return (out + _companies(s, bound, breakers) + _parties(s, bound) + _outlets(s, bound)
            + _teams(s, bound) + _foreign_organs(s, bound))


@lru_cache(maxsize=1)
def _outlet_data() -> tuple[re.Pattern[str], frozenset[str]]:
    return cache.compile(trie_pattern(words("orgs.tsv", "outlet"))), known_place_names()


def _outlets(s: str, bound: Bound) -> list[OrgMatch]:
    """A known place name that is no division, then a media suffix (三峡 + 广播电视台):
    the composed names above take only divisions and their short forms."""
    pattern, names = _outlet_data()
    out: list[OrgMatch] = []
    for m in pattern.finditer(s):
        a, b = m.span()
        for n in (4, 3, 2):
            i = a - n
            if i >= 0 and s[i:a] in names and bound(i, b):
                out.append(OrgMatch(i, b))
                break
    return out


@lru_cache(maxsize=1)
def _party_pattern() -> Scanner:
    parties = words("orgs.tsv", "party")
    place = trie_pattern(list(divisions()) + ["中央"], grouped=True)
    return Scanner(cache.compile(rf"(?:{trie_pattern(parties, grouped=True)})(?:(?:{place})(?:委员会|委会|支部|总支))?"),
                   parties)


def _parties(s: str, bound: Bound) -> list[OrgMatch]:
    """Democratic parties and their local committees (民革广州市委会, 九三学社)."""
    return [OrgMatch(m.start(), m.end()) for m in _party_pattern().finditer(s)
            if bound(m.start(), m.end())]


@lru_cache(maxsize=1)
def _company_suffix() -> Scanner:
    sufs = words("orgs.tsv", "company")
    return Scanner(cache.compile(trie_pattern(sufs, grouped=True)), sufs)


@lru_cache(maxsize=1)
def _county_prefix() -> re.Pattern[str]:
    return cache.compile(trie_pattern(n for n, d in divisions().items() if d.level == "county"))


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}$")
_JOINERS = chars("joiners")


@lru_cache(maxsize=1)
def _all_suffixes() -> tuple[str, ...]:
    """Suffixes that end an organization's or a public body's name (集团, 大学, 中心)."""
    units = tuple(r[0] for r in read_rows("org_units.tsv")
                  if len(r) > 1 and r[1] in ("suffix", "institution") and len(r[0]) >= 2)
    return tuple(words("orgs.tsv", "suffix") + words("orgs.tsv", "company")) + units


def _ends_with_suffix(s: str, k: int) -> bool:
    """Whether an organization suffix (集团, 公司, 大学) ends at `k`."""
    return s.endswith(_all_suffixes(), 0, k)


def _companies(s: str, bound: Bound, breakers: re.Pattern[str]) -> list[OrgMatch]:
    """`…有限公司`, `…集团` with no place before: the name runs back from the suffix to
    punctuation or to the end of the last breaker word (在, 鼓励, 和), and starts a word."""
    out: list[OrgMatch] = []
    for m in _company_suffix().finditer(s):
        if not bound(m.end(), m.end()):
            continue
        run = _HAN_RUN.search(s, max(0, m.start() - 16), m.start())
        if run is None:
            continue
        start = run.start()
        for b in breakers.finditer(s, run.start(), m.start()):
            start = max(start, b.end())
        # a name ends at its suffix: 中远海运集团 + 及 + 中国民航大学 are two
        for k in range(start + 1, m.start() - 1):
            if s[k] in _JOINERS and _ends_with_suffix(s, k):
                start = k + 1
        # a district or county before the firm's own name is where it is, not part of
        # the name (坪山区 + 比亚迪股份有限公司); a city or province usually is part of it
        d = _county_prefix().match(s, start, m.start())
        if d is not None and m.start() - d.end() >= 2 and bound(d.end(), d.end()):
            start = d.end()
        while start < m.start() - 1 and not bound(start, start):
            start += 1
        # the name starts after the clause's verbs, adverbs and prepositions
        # (严格控制 + 集团, 同 + 蒋介石集团); none after a numeral (一批 + 重点大学)
        start = name_start(s, start, m.start(), bound)
        if start < 0:
            continue
        # a common word right before the head names a kind when it is the whole name or
        # one word with the head: 社会 + 集团, 正规大学, 发展 + 综合大学 (but 伊利 + 实业 +
        # 集团 is a name)
        k = m.start()
        while k > start and not bound(k, k):
            k -= 1
        if k == m.start():
            k = max((j for j in range(start, m.start()) if bound(j, j)), default=start)
        glued_head = bound(m.end(), m.end()) and not any(
            bound(j, j) for j in range(k + 1, m.end()))
        if common_word(s[k:m.start()]) and (k == start or glued_head):
            continue
        # 国有企业有限公司 names a kind of firm, not one
        core = s[start:m.start()]
        if len(core) >= 2 and not core.endswith("企业") and core not in place_stopwords() \
                and not _only_stems(core):
            out.append(OrgMatch(start, m.end()))
    return out


@lru_cache(maxsize=1)
def _stems() -> frozenset[str]:
    """Department subjects (org_units.tsv: 文化, 旅游, 能源, 交通运输)."""
    return frozenset(r[0] for r in read_rows("org_units.tsv")
                     if len(r) > 1 and r[1] in ("stem", "stem-generic"))


def _only_stems(core: str) -> bool:
    """Whether a firm's name is nothing but department subjects (文化旅游 + 集团, 能源 +
    集团): a kind of firm, not one."""
    stems = _stems()
    ok = [True] + [False] * len(core)
    for i in range(len(core)):
        if ok[i]:
            for j in range(i + 1, min(len(core), i + 10) + 1):
                if core[i:j] in stems or (core[i:j] in _JOINERS and i > 0):
                    ok[j] = True
    return ok[len(core)]


@lru_cache(maxsize=1)
def _team_pattern() -> Scanner:
    places = [w for w, k in world_names().items() if k in ("country", "city")]
    places += [w for w in short_forms() if len(w) >= 2 and w not in place_stopwords()]
    sports = trie_pattern(words("orgs.tsv", "team"))
    return Scanner(cache.compile(rf"(?:{trie_pattern(places, grouped=True)})(?:[男女]子?)?(?:{sports})?队"),
                   places)


def _teams(s: str, bound: Bound) -> list[OrgMatch]:
    """Sports teams named by their country or city (中国队, 伊朗队, 中国女子足球队),
    standing as words."""
    return [OrgMatch(m.start(), m.end()) for m in _team_pattern().finditer(s)
            if bound(m.start(), m.start()) and bound(m.end(), m.end())]


@lru_cache(maxsize=1)
def _foreign_pattern() -> Scanner:
    own = wordset("china_names")  # 中华人民共和国 + 国务院 is an AGENCY, not a foreign organ
    countries = [w for w, k in world_names().items() if k == "country" and w not in own]
    organs = trie_pattern(words("orgs.tsv", "foreign_organ"))
    return Scanner(cache.compile(rf"(?:{trie_pattern(countries, grouped=True)})(?:{organs})"),
                   countries)


def _foreign_organs(s: str, bound: Bound) -> list[OrgMatch]:
    """A foreign state's organ named by its country (美国国会, 芬兰农林部, 俄罗斯国家杜马),
    standing as words: an ORG, as the guidelines have no foreign AGENCY."""
    return [OrgMatch(m.start(), m.end()) for m in _foreign_pattern().finditer(s)
            if bound(m.start(), m.start()) and bound(m.end(), m.end())]
