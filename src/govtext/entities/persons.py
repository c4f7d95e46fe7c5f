"""PERSON without a title: a name before a speech or action verb (李瑞环说, 钱其琛指出,
克林顿表示), a transliterated name around a middle dot (纳瓦兹·谢里夫), and the full name
a short form of address stands for (周总理 → 周恩来, given 周恩来 in the document).

A name before a verb is read only at the start of a clause (after punctuation or at the
start of the text) and only where the segmenter sees a word end between the name and
the verb (陈伟/说: the name is 陈伟, not 陈伟说)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable

import regex

from .. import cache, lang
from ..data import read_rows, read_words
from ..text.prepare import normalize
from .lexicon import is_han, surnames, table, trie_pattern
from .names import (DOTS, Bound, is_translit_name, leaders, run_end, speech_verbs,
                    split_off, translit_chars, translit_run, weak_surnames)
from .officials import (NameMatch, _follows_firmly, _is_name, _surname_len, _title_words,
                        follows, name_after, title_at)


# the positions the loops below can act on, found by the regex engine instead of a
# Python test per character (these loops ran over every character of the text)
_HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf"  # lexicon.is_han


@lru_cache(maxsize=1)
def _dots() -> re.Pattern[str]:
    return re.compile(lang.char_class("middle_dot"))


@lru_cache(maxsize=1)
def _surname_starts() -> re.Pattern[str]:
    """The first character of any surname (where `_surname_len` can be non-zero)."""
    return re.compile("[" + "".join(sorted({re.escape(w[0]) for w in surnames() if w})) + "]")


@lru_cache(maxsize=1)
def surname_firsts() -> frozenset[str]:
    """The first characters of the surnames."""
    return frozenset(w[0] for w in surnames() if w)


@lru_cache(maxsize=1)
def _clause_name_starts() -> re.Pattern[str]:
    """A clause's first Han character, where it may open a name: a surname's first
    character or a character of transliterated names."""
    han = re.compile(f"[{_HAN_CLASS}]")
    opens = "".join(sorted(re.escape(c) for c in surname_firsts() | translit_chars()
                           if han.fullmatch(c)))
    # the class first and the character before it looked at after: `re` scans for a
    # leading class faster than for a lookbehind
    return re.compile(f"[{opens}](?<![{_HAN_CLASS}].)")


def speech_persons(s: str, bound: Bound) -> list[NameMatch]:
    """Names at the start of a clause right before a speech or action verb."""
    out: list[NameMatch] = []
    verbs = speech_verbs()
    chars = translit_chars()
    for m in _clause_name_starts().finditer(s):
        i = m.start()
        if not bound(i, i):
            continue
        e = -1
        k = _surname_len(s[i:i + 4])
        if k and not split_off(s, i, bound):
            for n in (k + 2, k + 1):
                if verbs.match(s, i + n) is not None and bound(i + n, i + n) \
                        and _is_name(s[i:i + n]) \
                        and s[i + k:i + n] not in _honorifics():  # 胡老说
                    e = i + n
                    break
        if e < 0 and s[i] in chars:
            run = translit_run(s, i)
            for end in range(run, i + 2, -1):
                if verbs.match(s, end) is not None and bound(end, end) \
                        and is_translit_name(s[i:end]):
                    e = end
                    break
        if e > 0:
            out.append(NameMatch(i, e, s[i:e], None))
    return out


def word_persons(s: str, bound: Bound, words: Iterable[int] | None = None) -> list[NameMatch]:
    """A surname and two given-name characters that the segmenter reads as one word of
    its own (宋敬波/放下, 的/徐东辉/即将): the segmenter's unknown-word model reads such
    words as names, and the common words of that shape are in name_stopwords.txt.
    `words`: where the words of three or four characters start (`Analysis.word_starts`),
    else every surname character is tried."""
    out: list[NameMatch] = []
    chars = translit_chars()
    if words is None:
        words = (m.start() for m in _surname_starts().finditer(s, 0, max(0, len(s) - 2)))
    first = surname_firsts()
    for i in words:
        if s[i] not in first or i >= len(s) - 2:
            continue
        if bound(i + 1, i + 1) or not bound(i, i):
            continue  # a two-character name (k + 2 >= 3) has no edge after its first
        k = _surname_len(s[i:i + 3])
        n = k + 2
        j = i + n
        # one word of its own: no edge inside (the rarest condition, tested first)
        if k == 0 or j > len(s) or any(bound(p, p) for p in range(i + 1, j)) \
                or not bound(j, j):
            continue
        if s[i] in weak_surnames() or s[i + k:j] in _honorifics() or _quoted(s, i, j) \
                or _in_figures(s, i, j) or all(c in chars for c in s[i:j]) \
                or speech_verbs().fullmatch(s, j - 1, j) is not None:
            # 高风险, 陈小姐, “银荔杯”, 31℃石家庄晴, 欧佩克 or 巴蒂/斯图塔 (a foreign
            # word: read by the transliteration rules), 赵华说
            continue
        if not _word_context(s, i):
            continue
        if s[i:j] not in leaders() and _place_end(s[j - 1]):
            continue  # 秦皇岛, 连云港, 伊敏河
        if _is_name(s[i:j]) and not title_at(s, j) and not _suffix_at(s, j):
            out.append(NameMatch(i, j, s[i:j], None))
    return out


def _word_context(s: str, i: int) -> bool:
    """A name-shaped word with no other clue is a name only after a clause start, 、
    or a conjunction (和, 与): 许银川今天, 王洪文、张春桥, not 实物廉租房 or 强农惠农."""
    prev = s[i - 1:i]
    return not (prev and is_han(prev) and prev not in _word_prev())


@lru_cache(maxsize=1)
def _word_prev() -> frozenset[str]:
    return frozenset(r[0] for r in table("name_context.tsv", "word_prev"))


def _quoted(s: str, i: int, j: int) -> bool:
    """A word that is the whole content of quotes or book-title marks (“银荔杯”)."""
    return i > 0 and j < len(s) and s[i - 1] in "“‘「『《〈\"'" and s[j] in "”’」』》〉\"'"


def _in_figures(s: str, i: int, j: int) -> bool:
    """A word between figures, as in a weather table (℃石家庄晴, 雷阵雨19℃)."""
    return (i > 0 and (s[i - 1].isdigit() or s[i - 1] in "℃%％")) \
        or (j < len(s) and s[j].isdigit())


@lru_cache(maxsize=1)
def _suffixes() -> regex.Pattern[str]:
    return regex.compile("[" + "".join(sorted(read_words("name_not_before.txt"))) + "]")


def _place_end(ch: str) -> bool:
    """A last character that makes the word a place rather than a name; 山, 江 and 海
    end given names too and are left out."""
    return ch not in "山江海" and _suffixes().match(ch) is not None


def _suffix_at(s: str, j: int) -> bool:
    """A place or organization suffix right after the word (张家港/市, 王府井/大街)."""
    return _suffixes().match(s, j) is not None


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(r[0] for r in table("name_context.tsv", "honorific"))


def dotted_persons(s: str, bound: Bound) -> list[NameMatch]:
    """Transliterated names with a middle dot (纳瓦兹·谢里夫, 艾尔肯·吐尼亚孜): the run
    of transliteration characters around the dot, ending where the segmenter sees a
    word end (马格坦戈尔·圭尼贡/多日前)."""
    out: list[NameMatch] = []
    chars = translit_chars()
    last_end = 0
    for m in _dots().finditer(s, 1, max(1, len(s) - 1)):
        d = m.start()
        if d < last_end or s[d - 1] not in chars or s[d + 1] not in chars:
            continue
        a = d
        while a > 0 and d - a < 8 and s[a - 1] in chars:
            a -= 1
        while a < d and not bound(a, a):
            a += 1
        if a >= d:
            continue
        run = translit_run(s, a, 24)
        start_last = max(s.rfind(c, a, run) for c in DOTS) + 1
        end = run_end(s, start_last, run, bound)
        if end > start_last and is_translit_name(s[a:end]):
            out.append(NameMatch(a, end, s[a:end], None))
            last_end = end
    return out


def full_names(officials: list[NameMatch], names: Iterable[str]) -> list[NameMatch]:
    """Officials named by a bare surname (周总理, 张市长) get the full name the document
    gives with that surname, when it gives exactly one; when it gives none, a fixed
    historical appellation (毛主席 → 毛泽东, name_appellations.tsv) names him."""
    full = {n for n in names if len(n) >= 2 and not any(c in DOTS for c in n)}
    out = []
    for o in officials:
        title = o.title
        if o.name in surnames() and title is not None:
            match = {f for f in full if f.startswith(o.name) and len(f) > len(o.name)}
            if len(match) == 1:
                o = replace(o, name=match.pop())
            elif not match:
                o = replace(o, name=_appellations().get(normalize(o.name + title), o.name))
        out.append(o)
    return out


@lru_cache(maxsize=1)
def _appellations() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("name_appellations.tsv") if len(row) >= 2}


@lru_cache(maxsize=1)
def _leaders() -> re.Pattern[str]:
    return cache.compile(trie_pattern(read_words("persons.txt")))


def _inside(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """`inside(a, b)`: whether [a, b) lies in one of `spans` (sorted, non-overlapping)."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]

    def inside(a: int, b: int) -> bool:
        i = bisect_right(starts, a) - 1
        return i >= 0 and spans[i][0] <= a and b <= spans[i][1]

    return inside


def find_persons(s: str, bound: Bound, taken: list[tuple[int, int]],
                 known: Iterable[str] = ()) -> list[NameMatch]:
    """Names with no title: a known leader (persons.txt), a name the document gives a
    title elsewhere (`known`: 林志远 after 市长林志远), or a name before 同志."""
    out = []
    inside = _inside(taken)
    for m in _leaders().finditer(s):
        out.append(NameMatch(m.start(), m.end(), m.group(), None))
    ends = {p.end for p in out}
    names = sorted({n for n in known if len(n) >= 2}, key=len, reverse=True)
    if names:
        for m in re.finditer(trie_pattern(names), s):
            a, b = m.span()
            if inside(a, b):
                continue
            if (a == 0 or not is_han(s[a - 1]) or bound(a, a)) and (follows(s, b) or bound(b, b)):
                out.append(NameMatch(a, b, m.group(), None))
                ends.add(b)
    for m in regex.finditer("同志", s):
        j = m.start()
        if j in ends or inside(j - 1, j):
            continue
        for n in (4, 3, 2):
            i = j - n
            if i >= 0 and _is_name(s[i:j]) and bound(i, j) and not split_off(s, i, bound):
                out.append(NameMatch(i, j, s[i:j], None))
                break
    return out


@lru_cache(maxsize=1)
def _person_roles() -> re.Pattern[str]:
    return cache.compile(trie_pattern(r[0] for r in table("name_context.tsv", "person_role")))


def role_persons(s: str, bound: Bound, taken: list[tuple[int, int]]) -> list[NameMatch]:
    """A name right after a non-official role noun (专家陈志明, 记者王芳, 村民李大山): a
    PERSON, the name only. The role noun ends a word; the name passes the name model and
    ends where a word that follows names begins, or the segmenter sees it whole."""
    out: list[NameMatch] = []
    inside = _inside(taken)
    honorifics = frozenset(r[0] for r in table("name_context.tsv", "honorific"))
    for m in _person_roles().finditer(s):
        j = m.end()
        if bound(j, j):
            e = name_after(s, j, bound)
            if e < 0:
                e = _whole_name(s, j, bound)
        else:  # the segmenter glued the surname to the role (网格员孙/立新)
            e = _firm_name(s, j)
        if e < 0 or inside(j, e) or title_at(s, e) or split_off(s, j, bound) \
                or _weak_word(s, j, e, bound) or s[j + 1:e] in honorifics \
                or s[j + 2:e] in honorifics:
            continue
        out.append(NameMatch(j, e, s[j:e], None))
    return out


@lru_cache(maxsize=1)
def _addresses() -> re.Pattern[str]:
    return cache.compile(trie_pattern(r[0] for r in table("name_context.tsv", "address")))


def address_persons(s: str, bound: Bound, taken: list[tuple[int, int]]) -> list[NameMatch]:
    """A full name right before a form of address or a profession (邵一夫先生, 张雅茹女士,
    梅方权教授, 叶笃正院士): a PERSON, the name only. The name is a surname and one or two
    given characters at a word start, the longer first; a surname alone (王先生) names
    nobody, and a common word the segmenter splits off the name (和, 向) opens none."""
    out: list[NameMatch] = []
    inside = _inside(taken)
    for m in _addresses().finditer(s):
        j = m.start()
        if not bound(j, j):
            continue
        for n in (4, 3, 2):
            i = j - n
            if i < 0 or not bound(i, i):
                continue
            name = s[i:j]
            k = _surname_len(name)
            if not k or n - k not in (1, 2) or not all(map(is_han, name)) or split_off(
                    s, i, bound) or not _is_name(name) or inside(i, j) or title_at(s, i + k):
                continue
            out.append(NameMatch(i, j, name, None))
            break
    return out


def _weak_word(s: str, i: int, j: int, bound: Bound) -> bool:
    """A weak surname that the segmenter reads as one word with the rest (群众/相结合,
    群众/高品质, 农民/余粮): a common word, not a name, after a role noun."""
    return s[i] in weak_surnames() and bound(i, j) \
        and not any(bound(p, p) for p in range(i + 1, j))


def _firm_name(s: str, i: int) -> int:
    """End of a name at `i` followed by a following word of two or more characters."""
    k = _surname_len(s[i:i + 4])
    for n in ((k + 2, k + 1) if k else ()):
        if _is_name(s[i:i + n]) and _follows_firmly(s, i + n):
            return i + n
    return -1


def _whole_name(s: str, i: int, bound: Bound) -> int:
    """End of a name at `i` that the segmenter cuts off from the word after it
    (王芳/报道), or -1."""
    k = _surname_len(s[i:i + 4])
    if k == 0:
        return -1
    for n in (k + 2, k + 1):
        if _is_name(s[i:i + n]) and bound(i, i + n) and bound(i + n, i + n) \
                and _title_words().match(s, i + n) is None:
            return i + n
    return -1
