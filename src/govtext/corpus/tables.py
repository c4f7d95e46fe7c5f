"""Rows of dicts as pandas frames, as files (CSV, TSV, JSONL, Parquet) and as text."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Sequence

WRITABLE = (".csv", ".tsv", ".jsonl", ".parquet")


def frame(records: list[dict[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame with exactly `columns`, in order (also when there are no rows)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("corpus frames need pandas: pip install 'govtext[pandas]'; "
                          "the *_records functions give the same rows without it"
                          ) from None
    return pd.DataFrame.from_records(records, columns=list(columns))


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return value


def write_table(records: list[dict[str, Any]], columns: Sequence[str],
                path: str | Path) -> None:
    """Write rows by the file's suffix: .csv, .tsv, .jsonl, or .parquet (pandas and
    pyarrow). Lists become 、-joined strings except in JSONL; None is an empty cell."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WRITABLE:
        raise ValueError(f"{path}: cannot tell the format from the suffix; use one of "
                         f"{', '.join(WRITABLE)}")
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False,
                                   default=str) + "\n")
        return
    if suffix == ".parquet":
        data = frame([{c: _text_or_value(r.get(c)) for c in columns} for r in records],
                     columns)
        try:
            data.to_parquet(path, index=False)
        except ImportError as exc:
            raise ImportError(f"Parquet output needs pyarrow: pip install "
                              f"'govtext[parquet]' ({exc})") from None
        return
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t" if suffix == ".tsv" else ",")
        writer.writerow(columns)
        for r in records:
            writer.writerow(["" if r.get(c) is None else _cell(r.get(c)) for c in columns])


def _text_or_value(value: Any) -> Any:
    """Parquet cells: numbers and text as they are, anything else (Decimal, lists) as
    its exact string."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(_cell(value))


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        w = width(c)
        if used + w > limit - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def format_table(headers: Sequence[str], rows: Iterable[Sequence[Any]],
                 limit: int = 40) -> str:
    """A plain text table aligned for CJK (double-width) characters."""
    cells = [[clip("" if v is None else str(_cell(v)), limit) for v in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)
