"""`govtext train-segmenter`: train a pkuseg segmentation model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import PROG, UsageError, positive

NAME = "train-segmenter"


def add_parser(sub: Any) -> None:
    p = sub.add_parser(NAME, help="train a pkuseg segmentation model",
                       description="Train a pkuseg model from a segmented corpus (words "
                                   "separated by spaces, one sentence a line).")
    p.add_argument("input", metavar="INPUT", help="the segmented training corpus")
    p.add_argument("output_dir", metavar="OUTPUT_DIR", help="folder for the model")
    p.add_argument("--epochs", type=positive, default=None, metavar="N",
                   help="training epochs (default: the backend's)")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.input)
    if not corpus.is_file():
        print(f"{PROG} train-segmenter: {corpus}: no such file", file=sys.stderr)
        return 1
    try:
        from ..segment.pkuseg_backend import train_model
    except ImportError as exc:
        raise UsageError(f"training needs the pkuseg backend and the spacy extra "
                         f"(pip install 'govtext[spacy]'): {exc}") from None
    kwargs = {} if args.epochs is None else {"epochs": args.epochs}
    try:
        result = train_model(corpus, Path(args.output_dir), **kwargs)
    except (OSError, ValueError) as exc:
        print(f"{PROG} train-segmenter: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        where = result if result is not None else args.output_dir
        print(f"model written to {where}; use it with "
              f"govtext.Pipeline('pkuseg', pkuseg_model='{where}')",
              file=sys.stderr)
    return 0
