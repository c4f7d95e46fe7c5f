"""REGULATION and WORK: titles in book-title marks 《》, bare full law names
(中华人民共和国…法) and unbracketed annual plan titles (2019年…工作要点).

Matching runs on the normalized view (`prep.norm`); span text and the `title` attribute
are cut from the original text. Whether a title is an official instrument, and of which
kind, is decided by its head word (`regulation_heads.tsv`), after trailing status notes
such as （试行） or (2021—2025年) are skipped.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ..data import longest_first, read_rows, read_words
from ..model import Regulation, Span, Work
from ..text.prepare import Prepared, normalize

# Longest title content in 《》; beyond it an unclosed 《 is given up.
MAX_TITLE = 128
# Characters that end a title search: line ends and sentence ends never inside a title.
_STOPS = "\r\n。!?;"
_CJK = r"\p{Han}"


@lru_cache(maxsize=1)
def _bracketed() -> regex.Pattern[str]:
    # One level of nested 《…》 inside a title; the alternatives start with disjoint
    # characters, so the scan never backtracks more than one title's length.
    plain = rf"[^《》{_STOPS}]"
    inner = rf"《{plain}{{0,{MAX_TITLE}}}》"
    # <<…>>: ASCII or full-width doubled angle brackets that stand for 《》 in some
    # scraped pages (no nesting there)
    ascii_marks = rf"<<([^<>{_STOPS}]{{1,{MAX_TITLE}}})>>"
    # Scraped pages put the marks on lines of their own (《⏎中华人民共和国宪法⏎》): a
    # little whitespace with one line break may stand right inside each mark, never in the
    # middle of a title.
    gap = r"[ \t\u3000]{0,4}(?:\r?\n[ \t\u3000]{0,4})?"
    return regex.compile(
        rf"《{gap}((?:{plain}|{inner}){{1,{MAX_TITLE}}}?){gap}》|{ascii_marks}")


@lru_cache(maxsize=1)
def _heads() -> tuple[dict[str, str], int]:
    table = {row[0]: row[1] for row in read_rows("regulation_heads.tsv") if len(row) >= 2}
    return table, max(map(len, table))


@lru_cache(maxsize=1)
def _suffix_pattern() -> regex.Pattern[str]:
    words = list(longest_first("title_suffixes.txt"))
    alts = "|".join(regex.escape(w) for w in words)
    # a trailing parenthetical of any content (（试行）, (2021—2025年), 〔2018〕) or a
    # bare status word, possibly several of them
    return regex.compile(
        rf"(?:\s*(?:\([^()]{{1,24}}\)|〔[^〔〕]{{1,24}}〕|\[[^\[\]]{{1,24}}\]|(?:{alts})))+\s*$")


def title_head(title: str) -> str:
    """The title with trailing parentheticals and status words (试行, 草案 …) removed;
    `title` may be original or normalized text."""
    norm = normalize(title)
    m = _suffix_pattern().search(norm)
    if m is not None and m.start() > 0:
        norm = norm[:m.start()]
    return norm.rstrip()


def title_key(title: str) -> str:
    """A comparison key for titles: normalized, without book-title marks, spaces or
    quote marks, so the resolution pass can recognise the document's own title
    (its 名称 line or heading) among the titles found in its body."""
    return regex.sub(r"[\s《》<>〈〉“”\"「」]", "", normalize(title))


def title_kind(title: str) -> str | None:
    """The kind of an official instrument by its head (``"law"``, ``"rule"`` … or
    ``"other"``), ``"work"`` for a publication or column, None when no head is known."""
    core = title_head(title)
    table, longest = _heads()
    inside = read_words("title_head_inside.txt")
    for n in range(min(longest, len(core)), 0, -1):
        kind = table.get(core[-n:])
        # a head that starts inside a word (公 + 司法 of 公司法) yields to a shorter one
        if kind is not None and not (n > 1 and core[-n - 1:-n + 1] in inside):
            return kind
    return None


def _is_instrument_name(core: str) -> bool:
    # A headless title that reads like an official document: (issuer) 关于 (subject).
    return core.startswith("关于") or "关于" in core[:20]


@lru_cache(maxsize=1)
def _work_context() -> tuple[str, ...]:
    return longest_first("title_work_context.txt")


@lru_cache(maxsize=1)
def _instrument_leads() -> tuple[str, ...]:
    return longest_first("title_instrument_leads.txt")


def _runs(norm: str, marks: list[tuple[int, int]]) -> list[list[int]]:
    """Indices of adjacent titles grouped into runs (《A》《B》、《C》)."""
    runs: list[list[int]] = []
    for i, (s, _) in enumerate(marks):
        if runs and not norm[marks[i - 1][1]:s].strip(" 、,和及与"):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _trimmed(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s].isspace():
        s += 1
    while e > s and norm[e - 1].isspace():
        e -= 1
    return s, e


def _bracketed_titles(text: str, norm: str) -> list[Span]:
    marks: list[tuple[int, int]] = []
    inners: list[tuple[int, int]] = []
    for m in _bracketed().finditer(norm):
        inner = m.span(1) if m.group(1) is not None else m.span(2)
        inner = _trimmed(norm, *inner)
        if inner[0] < inner[1]:
            marks.append(m.span())
            inners.append(inner)
    kinds: list[str | None] = [title_kind(norm[s:e]) for s, e in inners]
    # A run of adjacent titles shares its context. The word after the run (栏目, 专栏,
    # 等媒体 …) makes every title of it a WORK; a title with no known head is an
    # instrument when the run is introduced by 印发, 根据 … or when it reads 关于…,
    # and a WORK (a column, a book) otherwise.
    for run in _runs(norm, marks):
        first, last = marks[run[0]][0], marks[run[-1]][1]
        after = norm[last:last + 8].lstrip(" 等")
        before = norm[max(0, first - 6):first].rstrip(" ")
        if after.startswith(_work_context()):
            for i in run:
                kinds[i] = "work"
            continue
        introduced = before.endswith(_instrument_leads())
        for i in run:
            if kinds[i] is None:
                core = title_head(norm[inners[i][0]:inners[i][1]])
                kinds[i] = "other" if introduced or _is_instrument_name(core) else "work"
    out: list[Span] = []
    for (s, e), (inner_s, inner_e), kind in zip(marks, inners, kinds):
        title = text[inner_s:inner_e]
        if kind == "work" or kind is None:
            out.append(Work(s, e, text[s:e], title=title))
        else:
            out.append(Regulation(s, e, text[s:e], title=title, kind=kind, bracketed=True))
    return _bare_heads_resolved(out)


def _bare_heads_resolved(spans: list[Span]) -> list[Span]:
    """A title that is only a head (《纲要》, 《纲要（草案）》) names no instrument by itself:
    it takes the title of the one instrument with that head the document named before,
    and is left out when there is no such instrument or more than one."""
    table = _heads()[0]
    out: list[Span] = []
    for sp in spans:
        head = normalize(title_head(sp.title)) if isinstance(sp, Regulation) else ""
        # a law head alone is a name (《宪法》 is the constitution)
        if isinstance(sp, Regulation) and table.get(head) not in (None, "law"):
            before = {o.title for o in out if isinstance(o, Regulation)
                      and len(title_head(o.title)) > len(head)
                      and normalize(title_head(o.title)).endswith(head)}
            if len(before) != 1:
                continue
            out.append(replace(sp, title=before.pop()))
        else:
            out.append(sp)
    return out


# ---------------------------------------------------------------------------
# bare law names: 中华人民共和国著作权法


@lru_cache(maxsize=1)
def _law_pattern() -> regex.Pattern[str]:
    stops = "".join(sorted(read_words("title_law_stops.txt")))
    return regex.compile(rf"中华人民共和国((?:(?![{regex.escape(stops)}]){_CJK}){{1,30}})")


@lru_cache(maxsize=1)
def _law_extensions() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in read_rows("title_law_extensions.tsv") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _law_end(norm: str, s: int, e: int) -> tuple[int, str] | None:
    """End offset and kind of the law name whose middle runs over norm[s:e]."""
    bad_before = read_words("title_law_bad_before.txt")
    bad_after = read_words("title_law_bad_after.txt")
    for i in range(s + 1, e):
        if norm[i] != "法" or norm[i - 1] in bad_before:
            continue
        nxt = norm[i + 1:i + 2]
        for word, kind in _law_extensions():
            if norm.startswith(word, i + 1):
                return i + 1 + len(word), kind
        if nxt and nxt in bad_after:
            continue
        return i + 1, "law"
    return None


def _bare_laws(text: str, norm: str, taken: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    pattern = _law_pattern()
    pos = 0
    while (m := pattern.search(norm, pos)) is not None:
        s = m.start()
        # the middle run may swallow a coordinated second name (…法和中华人民共和国…法):
        # resume right after the first law found, not after the run
        pos = m.start(1)
        if s > 0 and norm[s - 1] in "《<〈":
            continue
        found = _law_end(norm, m.start(1), m.end(1))
        if found is None:
            continue
        e, kind = found
        pos = e
        if _overlaps(s, e, taken):
            continue
        out.append(Regulation(s, e, text[s:e], title=text[s:e], kind=kind, bracketed=False))
    return out


# ---------------------------------------------------------------------------
# unbracketed annual plans: 对2018年秦皇岛市法治政府建设工作要点


@lru_cache(maxsize=1)
def _plan_pattern() -> regex.Pattern[str]:
    leads = list(longest_first("title_plan_leads.txt"))
    heads = list(longest_first("title_plan_heads.txt"))
    stops = "".join(sorted(read_words("title_law_stops.txt")))
    head = "|".join(regex.escape(w) for w in heads)
    # a verb, or a coordinated earlier plan title (…工作要点和2019年…行动计划)
    lead = "|".join([*(regex.escape(w) for w in leads), rf"(?:{head})[和及与、]"])
    year = r"(?:[12]\d{3}|[一二〇零][〇零一二三四五六七八九]{3})年度?"
    return regex.compile(
        rf"(?<=(?:{lead}))({year}(?:(?![{regex.escape(stops)}]){_CJK}|“[^“”\s]{{1,12}}”)"
        rf"{{2,30}}?(?:{head}))")


def _plans(text: str, norm: str, taken: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    for m in _plan_pattern().finditer(norm):
        s, e = m.span(1)
        if _overlaps(s, e, taken):
            continue
        out.append(Regulation(s, e, text[s:e], title=text[s:e], kind="plan", bracketed=False))
    return out


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < te and ts < e for ts, te in taken)


def find_titles(prep: Prepared) -> list[Span]:
    """REGULATION and WORK spans of a prepared text: titles in 《》 (outermost only),
    bare 中华人民共和国…法 names and unbracketed annual plan titles after a verb."""
    text, norm = prep.text, prep.norm
    spans = _bracketed_titles(text, norm)
    taken = [(s.start, s.end) for s in spans]
    laws = _bare_laws(text, norm, taken)
    taken += [(s.start, s.end) for s in laws]
    plans = _plans(text, norm, taken)
    return sorted(spans + laws + plans, key=lambda s: (s.start, s.end))
