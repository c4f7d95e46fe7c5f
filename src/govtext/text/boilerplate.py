"""Boilerplate of scraped pages: navigation, page tools and footers.

The patterns live in ``data/boilerplate.tsv`` (kind, where, scope, pattern). Only short
lines are tested (boilerplate is never a long paragraph), so the cost is one anchored
match per short line: linear in the text. The text itself is never changed; boilerplate
is reported as `Region`s with kind ``navigation``, ``tools`` or ``footer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from ..data import read_rows
from ..model import Region
from .lines import Line, trim

#: Lines longer than this (after trimming) are never boilerplate.
MAX_LINE = 160

# A line that also carries a metadata field (来源：…, 发布时间：…) is never boilerplate as a
# whole: its page tools (【打印】, 字体 switches) are cut out inline and the field stays
# text, as the guidelines annotate metadata like body text.
_FIELD = regex.compile(r"(来源|发布时间|发布日期|发文日期|成文日期|发布机构|日期|时间)\s*:")

_WHERE = ("any", "tail", "follow")


@dataclass(frozen=True, slots=True)
class _Rules:
    line: dict[str, regex.Pattern[str]]  # where -> one alternation, groups named by kind
    inline: regex.Pattern[str] | None


def _alternation(rows: Sequence[tuple[str, str]]) -> regex.Pattern[str]:
    parts = [f"(?P<{kind}_{i}>{pattern})" for i, (kind, pattern) in enumerate(rows)]
    return regex.compile("|".join(parts), regex.IGNORECASE | regex.V0)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    line_rows: dict[str, list[tuple[str, str]]] = {w: [] for w in _WHERE}
    inline_rows: list[tuple[str, str]] = []
    for row in read_rows("boilerplate.tsv"):
        kind, where, scope, pattern = row[0], row[1], row[2], "\t".join(row[3:])
        if where not in _WHERE or scope not in ("line", "inline"):
            raise ValueError(f"boilerplate.tsv: bad row {row!r}")
        (line_rows[where] if scope == "line" else inline_rows).append((kind, pattern))
    return _Rules(
        line={w: _alternation(rows) for w, rows in line_rows.items() if rows},
        inline=_alternation(inline_rows) if inline_rows else None,
    )


def _kind(m: regex.Match[str]) -> str:
    name = m.lastgroup or "footer_0"
    for key, value in m.groupdict().items():
        if value is not None:
            name = key
            break
    return name.rsplit("_", 1)[0]


def line_kind(norm: str, line: Line, where: str) -> str | None:
    """The boilerplate kind of a whole line under the rules for `where`, or None."""
    if line.lo == line.hi or line.hi - line.lo > MAX_LINE:
        return None
    pattern = _rules().line.get(where)
    if pattern is None:
        return None
    m = pattern.match(norm, line.lo, line.hi)
    if m is None or (_kind(m) == "tools" and _FIELD.search(norm, line.lo, line.hi)):
        return None
    return _kind(m)


def find_boilerplate(text: str, norm: str, lines: Sequence[Line]) -> list[Region]:
    """Boilerplate regions of the text, in order: whole lines (trimmed) and stretches
    inside short lines."""
    n = len(lines)
    kinds: list[str | None] = [line_kind(norm, ln, "any") for ln in lines]

    # the run of boilerplate (or blank) lines that ends the text
    i = n - 1
    tail: list[int] = []
    while i >= 0:
        ln = lines[i]
        if ln.blank:
            i -= 1
            continue
        kind = kinds[i] or line_kind(norm, ln, "tail") or line_kind(norm, ln, "follow")
        if kind is None:
            break
        tail.append(i)
        i -= 1
    # a tail run may not start with a line that only counts after other boilerplate
    for j in reversed(tail):
        if kinds[j] is None and line_kind(norm, lines[j], "tail") is None \
                and line_kind(norm, lines[j], "follow") is not None:
            continue
        break
    else:
        j = -1
    if tail and j >= 0:
        for k in tail:
            if k >= j and kinds[k] is None:
                kinds[k] = (line_kind(norm, lines[k], "tail")
                            or line_kind(norm, lines[k], "follow"))

    # lines that only count right after a footer line (its address, phone, ...)
    previous: str | None = None
    for k, ln in enumerate(lines):
        if ln.blank:
            continue
        if kinds[k] is None and previous == "footer":
            kinds[k] = line_kind(norm, ln, "follow")
        previous = kinds[k]

    regions: list[Region] = []
    inline = _rules().inline
    for k, ln in enumerate(lines):
        kind = kinds[k]
        if kind is not None:
            regions.append(Region(ln.lo, ln.hi, text[ln.lo:ln.hi], kind))
        elif inline is not None and not ln.blank and ln.hi - ln.lo <= MAX_LINE:
            for m in inline.finditer(norm, ln.lo, ln.hi):
                s, e = trim(text, m.start(), m.end())
                if s < e:
                    regions.append(Region(s, e, text[s:e], _kind(m)))
    return regions
