"""`govtext eval`: P/R/F1 against gold span files (delegates to govtext.evaluate, which
parses its own options)."""

from __future__ import annotations

from typing import Any, Sequence

from .common import UsageError

NAME = "eval"


def add_parser(sub: Any) -> None:
    # listed in `govtext --help`; the arguments go to govtext.evaluate as they are
    sub.add_parser(NAME, help="score against gold span files (govtext eval --help)",
                   add_help=False)


def run_argv(argv: Sequence[str]) -> int:
    try:
        from ..evaluate import main as evaluate_main
    except ImportError as exc:
        raise UsageError(f"evaluation is not available: {exc}") from None
    return evaluate_main(list(argv))
