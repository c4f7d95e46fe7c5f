"""AGENCY: institutions with an open middle (秦皇岛市人才交流服务中心, 贵州大学), schools,
and township organs (街道办事处, 征地拆迁办公室)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from .. import cache
from .agency_lexicon import _HAN, _JOINERS, AgencyMatch, _heads, _levels, _pieces, _place_in
from .chars import chars, wordset
from .lexicon import Scanner, breakers, divisions, place_stopwords, short_forms, trie_pattern, words
from .places import Context

@lru_cache(maxsize=1)
def _institution_patterns() -> tuple[Scanner, re.Pattern[str], re.Pattern[str]]:
    suffixes = [w for w in _pieces().get("suffix", {}) if len(w) >= 2] + list(_schools())
    openers = (list(divisions()) + list(words("places.tsv", "country")) + ["国家", "中央"]
               + list(_short_openers()))
    return (Scanner(cache.compile(trie_pattern(openers, grouped=True)), openers),
            cache.compile(trie_pattern(suffixes)),
            breakers())


@lru_cache(maxsize=1)
def _schools() -> frozenset[str]:
    """Suffixes of research and education institutions (研究所, 大学)."""
    return frozenset(_pieces().get("institution", {}))


@lru_cache(maxsize=1)
def _short_openers() -> frozenset[str]:
    """Short forms of provinces and cities that open an institution's name (广西, 贵州)."""
    return frozenset(w for w in short_forms() if len(w) >= 2 and w not in place_stopwords()
                     and w not in divisions())


def is_school(name: str) -> bool:
    """Whether a name is a public research or education institution: a school suffix
    after a place (四川省农业科学院, 北京大学, 市职业技术学院); a university with no place
    before it (清华大学) stays an ORG."""
    if not name.endswith(tuple(_schools())):
        return False
    return (_institution_patterns()[0].pattern.match(name) is not None
            or name[:1] in _levels()[0])


_MIDDLE = re.compile(r"[\u4e00-\u9fff]{2,30}")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,30}")


def _institutions(s: str, ctx: Context, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """A full place name, an open middle and an institution suffix:
    秦皇岛市人才交流服务中心, 秦皇岛市…工作领导小组. The middle may hold no breaker word.
    A research or education institution may also open with a short form and have no
    middle (广西南亚热带农业科学研究所, 贵州大学)."""
    places, suffixes, breakers = _institution_patterns()
    shorts = _short_openers()
    schools = _schools()
    # whether a found agency covers [a, b): sorted starts and the running max of their ends
    # (scanning the list per opener made a page of 主办单位: lines quadratic, issue 17)
    spans = sorted((f.start, f.end) for f in found)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    out: list[AgencyMatch] = []
    for p in places.finditer(s):
        run = _HAN_RUN.match(s, p.end())
        if run is None:
            continue
        short = p.group() in shorts
        best = -1
        for i in range(p.end(), run.end()):
            m = suffixes.match(s, i, run.end())
            if m is None:
                continue
            school = m.group() in schools
            if i == p.end() and p.group() in wordset("national_heads") \
                    and m.group().endswith(wordset("bare_generic")):
                continue  # 国家 + a bare generic (国家实验室) names a kind, not one body
            if (not school and (short or i < p.end() + 2)) or \
                    (school and _school_suffix_at(s, m.end())):
                continue
            if breakers.search(s, p.end(), i) or (m.end() < len(s) and s[m.end()] in "组长任员"):
                continue
            if _joins_names(s, p.end(), i):
                break  # 中国铁建股份有限公司 + 和 + 北京交通大学: two names
            best = max(best, m.end())
        if best < 0:
            continue
        k = bisect_right(starts, p.start())
        if k and reach[k - 1] >= best:
            continue
        out.append(AgencyMatch(p.start(), best, None, open=True))
    return out


@lru_cache(maxsize=1)
def _name_ends() -> tuple[str, ...]:
    """Suffixes that end an organization's or institution's name (公司, 集团, 大学)."""
    return tuple(words("orgs.tsv", "suffix") + words("orgs.tsv", "company")
                 + tuple(_schools()))


def _joins_names(s: str, a: int, b: int) -> bool:
    """Whether `s[a:b]` holds a joiner (和, 及, 与) right after a name's suffix."""
    for k in range(a + 1, b):
        if s[k] in _JOINERS and s.endswith(_name_ends(), 0, k):
            return True
    return False


def _school_suffix_at(s: str, e: int) -> bool:
    """Whether a school suffix ending at `e` is part of a longer word (大学生, 中学生)."""
    return e < len(s) and s[e] in chars("school_glue")


@lru_cache(maxsize=1)
def _town_heads() -> re.Pattern[str]:
    return cache.compile(trie_pattern(h for h, (k, _) in _heads().items() if "town" in k))


@lru_cache(maxsize=1)
def _town_offices() -> re.Pattern[str]:
    # one pattern rather than a startswith per suffix: a run of 县乡镇 calls this at
    # every character (no suffix is a prefix of another, so the match is the same)
    return cache.compile(trie_pattern(_pieces().get("town-office", {})))


def town_organ(s: str, i: int) -> int:
    """End of a township organ head (办事处, 人民政府, 党委) at `i`, or of a township's
    own office (征地拆迁 + 办公室: an open middle of 2-8 characters with no breaker
    word, then a town-office suffix of org_units.tsv), or -1."""
    m = _town_heads().match(s, i)
    if m is not None:
        return m.end()
    # the run is read no further than an office name can reach: matching to the end of
    # a long run of 县乡镇 on every call made it quadratic
    run = _HAN.match(s, i, min(len(s), i + 9))
    if run is None:
        return -1
    offices = _town_offices()
    for j in range(i + 2, min(run.end(), i + 9)):
        suf = offices.match(s, j)
        if suf is None:
            continue
        # the middle holds no breaker word and no place name (tested once, at the
        # first office suffix: a longer middle would hold the same words)
        if breakers().search(s, i, j) or _place_in().search(s, i, j):
            return -1
        return suf.end()
    return -1
