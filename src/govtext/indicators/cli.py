"""`govtext indicators PATH...`: one row per indicator link across files, as a table, CSV
or Parquet; `--targets` gives the targets table instead (one row a report).

Registered by the command line as a module exposing `add_parser(subparsers)` and `run`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..model import Document
from .frame import COLUMNS, indicator_rows, year_from_name
from .targets import TARGET_COLUMNS, targets_table

FORMATS = ("table", "csv", "parquet")
SHORT = ("document", "year", "status", "change", "indicator", "value", "unit", "approx")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "indicators", help="what each number measures, across files",
        description="One row per INDICATOR link (document, date, indicator, change, "
                    "status, year, value, unit, kind, approx, low, high, sentence); "
                    "--targets: each report's targets for its year.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text files or folders of *.txt")
    p.add_argument("-f", "--format", choices=FORMATS, default="table",
                   help="table (default, the main columns), csv (every column) or parquet")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (default: stdout; "
                                                          "parquet needs a file)")
    p.add_argument("--status", choices=("actual", "target"), help="only these links")
    p.add_argument("--targets", action="store_true",
                   help="the targets table: GDP growth, CPI, new urban jobs, unemployment")
    p.set_defaults(run=run)
    return p


def _files(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(path.rglob("*.txt")))
        elif path.is_file():
            out.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {name}")
    return out


def _documents(files: Sequence[Path]) -> Iterator[tuple[str, Document]]:
    from ..pipeline import default_pipeline
    from ..text.reading import read

    nlp = default_pipeline()
    for f in files:
        yield f.name, nlp(read(f))


def run(args: argparse.Namespace) -> int:
    try:
        files = _files(args.paths)
    except FileNotFoundError as exc:
        print(f"govtext indicators: {exc}", file=sys.stderr)
        return 1
    if args.format == "parquet" and not args.output:
        print("govtext indicators: parquet needs --output FILE", file=sys.stderr)
        return 2
    if args.targets:
        rows = targets_table(_documents(files))
        columns: Sequence[str] = ("document", "year") + TARGET_COLUMNS
    else:
        rows = [r for name, doc in _documents(files)
                for r in indicator_rows(doc, name, year_from_name(name))
                if args.status is None or r["status"] == args.status]
        columns = SHORT if args.format == "table" else COLUMNS
    if args.format == "parquet":
        import pandas as pd

        pd.DataFrame(rows, columns=list(columns)).to_parquet(args.output, index=False)
        return 0
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "csv":
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows([[("" if r.get(c) is None else r.get(c)) for c in columns]
                              for r in rows])
        else:
            out.write("\t".join(columns) + "\n")
            for r in rows:
                out.write("\t".join("" if r.get(c) is None else str(r.get(c)).replace("\n", " ")
                                    for c in columns) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
