"""`govtext annotate`: annotate files and write one Document per input (JSONL, JSON),
a table of spans (TSV, Parquet) or a spaCy DocBin."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from . import runner
from .common import Problems, check_encoding, positive
from .inputs import SECTION_CHARS, collect

NAME = "annotate"


def add_inputs(p: argparse.ArgumentParser, extra: str = "") -> None:
    """The input options shared by the commands that annotate files."""
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or folders (searched recursively for *.txt, and "
                        f"*.html/*.htm with the html extra); '-' reads stdin{extra}")
    p.add_argument("-j", "--jobs", type=positive, default=1, metavar="N",
                   help="worker processes (default 1)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no closing summary")
    p.add_argument("--encoding", metavar="NAME",
                   help="decode inputs with this encoding (default: detect UTF-8, GB18030, "
                        "Big5, UTF-16/32 with a BOM)")
    p.add_argument("--segmenter", type=str.lower, default=None, metavar="NAME",
                   help="jieba (default), rjieba (jieba with its Rust engine required) or pkuseg")
    p.add_argument("--section-chars", type=positive, default=SECTION_CHARS, metavar="N",
                   help="annotate a file longer than this in sections of about N "
                        f"characters, cut at line breaks (default {SECTION_CHARS:,})")


def annotator(args: argparse.Namespace, problems: Problems) -> runner.Annotator:
    check_encoding(args.encoding)
    return runner.Annotator(problems, jobs=args.jobs, progress=not args.quiet,
                            encoding=args.encoding,
                            pipeline=runner.make_pipeline(args.segmenter),
                            section_chars=args.section_chars)


def add_parser(sub: Any) -> None:
    from .writers import FORMATS

    p = sub.add_parser(NAME, help="annotate files and write the documents",
                       description="Annotate texts and write one Document per input "
                                   "(JSONL, JSON), a table of spans (TSV, Parquet) or a "
                                   "spaCy DocBin.")
    add_inputs(p)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to write (default: stdout); written to a temporary file "
                        "and moved into place when the run ends")
    p.add_argument("-f", "--format", type=str.lower, choices=FORMATS, default="jsonl",
                   help="jsonl (default): one Document per line with id and path; json: a "
                        "list of them; tsv/parquet: one row per span; spacy: a DocBin")
    p.add_argument("--no-tokens", action="store_true",
                   help="leave the tokens out of JSONL/JSON (about a third of the size)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from . import writers

    problems = Problems(NAME)
    fmt = args.format
    sources = collect(args.paths, problems)
    writers.check_output(args.output, fmt, args.paths, sources)
    annotate = annotator(args, problems)
    records = annotate.run(sources)
    report = problems.report
    with writers.Output(args.output, binary=fmt in writers.BINARY) as out:
        if fmt == "jsonl":
            writers.write_jsonl(records, out.text, report, tokens=not args.no_tokens)
        elif fmt == "json":
            writers.write_json(records, out.text, report, tokens=not args.no_tokens)
        elif fmt == "tsv":
            writers.write_tsv(records, out.text, report)
        elif fmt == "parquet":
            writers.write_parquet(records, out.path, report)
        else:
            writers.write_spacy(records, out.path, report)
    if not args.quiet:
        print(annotate.summary.line(NAME, problems), file=sys.stderr)
    return 1 if problems.count else 0
