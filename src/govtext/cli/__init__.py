"""The `govtext` command.

    govtext annotate corpora/ -o out.jsonl          # JSONL (default), json, tsv, parquet
    govtext annotate a.txt b.txt --format tsv       # a flat table of spans
    cat a.txt | govtext annotate -                  # stdin
    govtext stats corpora/                          # who and what a corpus mentions most
    govtext eval ../shared/gold                     # P/R/F1 against gold span files
    govtext train-segmenter corpus.txt model/       # a pkuseg model for Pipeline("pkuseg")
    govtext explain "党中央统揽全局"                  # why each span was tagged (or not)
    govtext officials corpora/                      # who held which post, in which documents
    govtext citations corpora/                      # which documents cite which instruments
    govtext kwic corpora/ --label OFFICIAL --text 张瑞书   # a concordance
    govtext indicators corpora/ --targets            # what each number measures
    govtext view report.txt -o page.html            # the annotated text as a web page

Exit codes: 0 all went well; 1 some input failed (the others were still processed and
stderr names each failure with its file); 2 a usage error (bad option, missing extra,
unwritable output); 130 interrupted. See docs/cli.md.

Adding a subcommand: write a module with ``add_parser(subparsers)`` (which calls
``set_defaults(run=run)``, `run(args) -> int` being the exit code) and add its name to
COMMANDS, one line. A module may instead define ``NAME`` and ``run_argv(argv) -> int``
to parse its own arguments (as `eval` does).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from importlib import import_module
from types import ModuleType
from typing import Sequence

from .. import __version__
from .common import PROG, UsageError

COMMANDS = (
    "govtext.cli.annotate",
    "govtext.cli.stats",
    "govtext.cli.evalcmd",
    "govtext.cli.train",
    "govtext.cli.explain",
    "govtext.corpus.cli",
    "govtext.indicators.cli",
    "govtext.integrations.view",
)


def _modules() -> list[ModuleType]:
    return [import_module(name) for name in COMMANDS]


def build_parser(modules: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Typed, offset-exact annotations of Chinese government "
                               "documents.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in modules if modules is not None else _modules():
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, 1 or 2)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        modules = _modules()
        try:
            for module in modules:
                if (args_list[:1] == [getattr(module, "NAME", None)]
                        and hasattr(module, "run_argv")):
                    return int(module.run_argv(args_list[1:]))
            args = build_parser(modules).parse_args(args_list)
        except SystemExit as exc:  # --help, --version, or a usage error (2)
            return exc.code if isinstance(exc.code, int) else 2
        return int(args.run(args))
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted (a file output was left as it was)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`govtext annotate ... | head`): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the final flush cannot fail again
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 0
    except OSError as exc:  # writing the output failed (a full disk): nothing half-written
        where = f" {exc.filename}" if exc.filename else ""
        print(f"{PROG}: cannot write{where}: {exc.strerror or exc} "
              "(a file output was left as it was)", file=sys.stderr)
        return 2


__all__ = ["COMMANDS", "UsageError", "build_parser", "main"]
