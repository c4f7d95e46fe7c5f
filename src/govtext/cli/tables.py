"""Plain-text tables aligned for CJK double-width characters."""

from __future__ import annotations

import unicodedata
from typing import Any, Sequence


def display_width(text: str) -> int:
    """Terminal columns: 2 for wide and full-width characters, 0 for combining marks."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut with … to at most `limit` columns."""
    text = " ".join(text.split())
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
                 numeric: Sequence[bool] | None = None, max_width: int = 40) -> str:
    """An aligned plain-text table; numeric columns are right-aligned."""
    numeric = numeric or [False] * len(headers)
    cells = [[clip(str(c), max_width) for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], display_width(c))

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, c in enumerate(row):
            pad = " " * (widths[i] - display_width(c))
            parts.append(pad + c if numeric[i] else c + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule] + [line(r) for r in cells])
