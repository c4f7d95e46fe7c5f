"""Rows of dicts as pandas frames, as files (CSV, TSV, JSONL, Parquet) and as text."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Sequence

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


def cell_text(value: Any) -> str:
    """A value as one table cell: lists joined with 、, None empty."""
    return "" if value is None else str(_cell(value))
