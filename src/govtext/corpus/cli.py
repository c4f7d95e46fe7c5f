"""The corpus commands: `govtext officials`, `govtext citations`, `govtext kwic`.

`add_parser(subparsers)` registers all three on an argparse subparsers object (or one
at a time with `add_officials_parser`, ...); each sets ``run`` to a function that takes
the parsed arguments and returns the exit code: 0 all went well, 1 some input failed
(the others were still read), 2 a usage problem (bad option, unwritable output).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Iterable, Sequence

from ..cli.tables import display_width as width
from ..cli.tables import format_table as _format_table
from .citations import (CITATION_COLUMNS, EDGE_COLUMNS, citation_edges_records,
                        citations_records)
from .documents import CorpusDocument, find_files, read_jsonl
from .kwic import KWIC_COLUMNS, kwic_records, parse_bound
from .officials import OFFICIAL_COLUMNS, officials_records, officials_summary
from .tables import WRITABLE, cell_text, write_table

OFFICIALS_EXAMPLE = """examples:
  govtext officials corpora/
  govtext officials ../shared/corpora/state-council-work-reports/ -o officials.csv
  govtext annotate reports/ -o reports.jsonl && govtext officials reports.jsonl --rows
"""
CITATIONS_EXAMPLE = """examples:
  govtext citations corpora/
  govtext citations reports/ --edges edges.csv     # source,target,weight for graph tools
  govtext citations reports.jsonl -o citations.parquet
"""
KWIC_EXAMPLE = """examples:
  govtext kwic ../shared/corpora/qinhuangdao-2018-fazhi-report.txt --label OFFICIAL --text 张瑞书
  govtext kwic corpora/ --label QUANTITY --unit 元 --min 1e8
  govtext kwic reports/ --text 高质量发展 --width 15 -o lines.csv
"""


def format_table(headers: Sequence[str], rows: Iterable[Sequence[Any]],
                 limit: int = 40) -> str:
    """The CLI's CJK-aligned table, cells written as `cell_text` does."""
    return _format_table(headers, [[cell_text(v) for v in row] for row in rows],
                         max_width=limit)


def _inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="text files or folders (searched recursively for *.txt), or "
                        ".jsonl files written by `govtext annotate` (read as they are)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"also write the full table; the format follows the suffix "
                        f"({', '.join(WRITABLE)})")


def _parser(subparsers: Any, name: str, help_text: str, description: str,
            example: str) -> argparse.ArgumentParser:
    p = subparsers.add_parser(name, help=help_text, description=description,
                              epilog=example,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    _inputs(p)
    return p


def add_officials_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = _parser(subparsers, "officials", "who held which title, where and when",
                "An index of officials across a corpus: person, title, agency, and the "
                "documents and years they appear in. Short forms (张市长) are resolved "
                "to the full name the document gives.", OFFICIALS_EXAMPLE)
    p.add_argument("--rows", action="store_true",
                   help="print one row per (person, title, agency, document) instead "
                        "of one per (person, title, agency)")
    p.set_defaults(run=run_officials)
    return p


def add_citations_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = _parser(subparsers, "citations", "which documents cite which instruments",
                "A table of the instruments (REGULATION titles, DOCNO numbers) a corpus "
                "cites: full and short names of a law on one row, with the documents "
                "citing it, the mentions, and the first and last citing document.",
                CITATIONS_EXAMPLE)
    p.add_argument("--edges", metavar="FILE",
                   help="write the (document, instrument, weight) edge list "
                        f"({', '.join(WRITABLE)})")
    p.add_argument("-n", "--top", type=int, default=None, metavar="N",
                   help="print only the N most cited instruments")
    p.set_defaults(run=run_citations)
    return p


def add_kwic_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = _parser(subparsers, "kwic", "a concordance: matches with left and right context",
                "Keyword in context: every span of a label (filtered by text, unit, "
                "value), or every occurrence of a text, with its left and right context.",
                KWIC_EXAMPLE)
    p.add_argument("--label", metavar="LABEL",
                   help="OFFICIAL, PERSON, AGENCY, REGULATION, QUANTITY, DATE, ...")
    p.add_argument("--text", metavar="TEXT",
                   help="in the span (or its name or title); alone, a plain text search")
    p.add_argument("--unit", metavar="UNIT", help="a QUANTITY's unit, e.g. 元 or %%")
    p.add_argument("--min", metavar="VALUE", help="smallest value (1e8, 2.5, 1/3)")
    p.add_argument("--max", metavar="VALUE", help="largest value")
    p.add_argument("-w", "--width", type=int, default=20, metavar="N",
                   help="characters of context on each side (default 20)")
    p.set_defaults(run=run_kwic)
    return p


def add_parser(subparsers: Any) -> None:
    """Register officials, citations and kwic."""
    add_officials_parser(subparsers)
    add_citations_parser(subparsers)
    add_kwic_parser(subparsers)


# ---------------------------------------------------------------------------


def _fail(command: str, message: str) -> None:
    print(f"govtext {command}: {message}", file=sys.stderr)


def load(command: str, paths: Sequence[str]) -> tuple[list[CorpusDocument], int]:
    """The documents named on the command line and the number of inputs that failed
    (each reported on stderr)."""
    from ..pipeline import default_pipeline
    from ..text.reading import read

    docs: list[CorpusDocument] = []
    failed = 0
    seen: set[str] = set()
    for arg in paths:
        try:
            found = list(find_files([arg]))
        except FileNotFoundError as exc:
            _fail(command, str(exc))
            failed += 1
            continue
        if not found:
            _fail(command, f"{arg}: no *.txt files in this folder")
            failed += 1
        for doc_id, path in found:
            try:
                if path.suffix.lower() == ".jsonl":
                    new = list(read_jsonl(path))
                else:
                    new = [CorpusDocument(doc_id, default_pipeline()(read(path)), str(path))]
            except (OSError, ValueError) as exc:
                _fail(command, str(exc) if str(path) in str(exc) else f"{path}: {exc}")
                failed += 1
                continue
            for item in new:
                if item.id in seen:  # the same name in two folders: keep both
                    item = CorpusDocument(str(item.path or item.id), item.doc, item.path)
                seen.add(item.id)
                docs.append(item)
    return docs, failed


def _write(command: str, records: list[dict[str, Any]], columns: Sequence[str],
           output: str | None) -> int:
    if not output:
        return 0
    try:
        write_table(records, columns, output)
    except (OSError, ValueError, ImportError) as exc:
        _fail(command, str(exc))
        return 2
    return 0


def _years(years: list[int]) -> str:
    """2017, 2021–2023: consecutive years as a range."""
    out: list[str] = []
    i = 0
    while i < len(years):
        j = i
        while j + 1 < len(years) and years[j + 1] == years[j] + 1:
            j += 1
        out.append(str(years[i]) if i == j else f"{years[i]}–{years[j]}")
        i = j + 1
    return ", ".join(out)


def run_officials(args: argparse.Namespace) -> int:
    docs, failed = load("officials", args.paths)
    records = officials_records(docs)
    if args.rows:
        print(format_table(("person", "title", "agency", "document", "date", "mentions"),
                           [(r["person"], r["title"], r["agency"], r["doc_id"],
                             r["doc_date"], r["mentions"]) for r in records]))
    else:
        summary = officials_summary(records)
        print(format_table(("person", "role", "agency", "titles", "years", "documents",
                            "mentions", "delivered"),
                           [(g["person"] + ("" if g["complete"] else "?"), g["role"],
                             g["agency"], g["titles"], _years(g["years"]),
                             len(g["documents"]), g["mentions"],
                             _years([y for y in g["delivered"] if y is not None]))
                            for g in summary]))
    status = _write("officials", records, OFFICIAL_COLUMNS, args.output)
    return status or (1 if failed else 0)


def run_citations(args: argparse.Namespace) -> int:
    docs, failed = load("citations", args.paths)
    records = citations_records(docs)
    shown = records if args.top is None else records[:max(args.top, 0)]
    print(format_table(("instrument", "label", "documents", "mentions", "first", "last",
                        "forms"),
                       [(r["instrument"], r["label"], r["documents"], r["mentions"],
                         f"{r['first_doc']} ({r['first_date']})",
                         f"{r['last_doc']} ({r['last_date']})",
                         len(r["forms"])) for r in shown], limit=48))
    status = _write("citations", records, CITATION_COLUMNS, args.output)
    if not status and args.edges:
        status = _write("citations", citation_edges_records(docs), EDGE_COLUMNS + ("key",),
                        args.edges)
    return status or (1 if failed else 0)


def run_kwic(args: argparse.Namespace) -> int:
    if args.label is None and not args.text:
        _fail("kwic", "give --label, --text, or both")
        return 2
    try:
        parse_bound(args.min), parse_bound(args.max)
    except ValueError as exc:
        _fail("kwic", str(exc))
        return 2
    if args.width < 0:
        _fail("kwic", "--width must be 0 or more")
        return 2
    docs, failed = load("kwic", args.paths)
    try:
        records = kwic_records(docs, label=args.label, text=args.text, unit=args.unit,
                               min=args.min, max=args.max, width=args.width)
    except ValueError as exc:
        _fail("kwic", str(exc))
        return 2
    left = max([width(r["left"]) for r in records] + [0])
    ids = max([width(r["doc_id"]) for r in records] + [0])
    for r in records:
        pad = " " * (left - width(r["left"]))
        pad_id = " " * (ids - width(r["doc_id"]))
        print(f"{r['doc_id']}{pad_id}  {pad}{r['left']} [{r['match']}] {r['right']}")
    if not records:
        print("no matches", file=sys.stderr)
    status = _write("kwic", records, KWIC_COLUMNS, args.output)
    return status or (1 if failed else 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one corpus command standalone (until the main CLI registers them):
    ``python -m govtext.corpus.cli kwic corpora/ --text 市长``."""
    parser = argparse.ArgumentParser(prog="govtext")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_parser(sub)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `... | head`: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
