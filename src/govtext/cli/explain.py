"""`govtext explain TEXT`: every candidate of every component, its rule and score, and
why resolve kept or dropped it.

    govtext explain "党中央统揽全局，市长张瑞书强调"
    govtext explain --file report.txt --label AGENCY
    govtext explain "..." --rules my_rules.jsonl     # with user rules
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import UsageError

EXAMPLE = ("example:\n  govtext explain \"党中央统揽全局，市长张瑞书强调\"\n"
           "  govtext explain --file report.txt --label AGENCY --dropped")


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "explain", help="why each span was tagged (or not)",
        description=__doc__.split("\n\n")[0], epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", nargs="?", help="the text to explain (or --file)")
    p.add_argument("--file", help="read the text from a file (UTF-8, GB18030, UTF-16)")
    p.add_argument("--label", action="append", default=[],
                   help="only candidates of this label (repeatable)")
    p.add_argument("--dropped", action="store_true", help="only the dropped candidates")
    p.add_argument("--rules", help="a JSONL or JSON file of user rules (govtext.rules)")
    p.add_argument("--segmenter", default="jieba", help="jieba (default), rjieba, pkuseg")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import Pipeline

    if (args.text is None) == (args.file is None):
        raise UsageError("explain needs a TEXT or --file, not both")
    if args.file is not None:
        from ..text.reading import read

        text = read(args.file)
    else:
        text = args.text
    nlp = Pipeline(args.segmenter, rules=args.rules)
    shown = 0
    for decision in nlp.explain(text):
        if args.label and decision.candidate.label not in args.label:
            continue
        if args.dropped and decision.kept:
            continue
        print(decision)
        shown += 1
    if shown == 0:
        print("no candidates")
    return 0
