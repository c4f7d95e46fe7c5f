"""``govtext view FILE -o page.html``: a document's annotations as an HTML page, for
people outside notebooks.

FILE is a text file (decoded like ``govtext annotate`` does), a saved web page (.html,
.htm; needs the html extra) or a govtext JSON document (.json, from ``to_json`` or one
record of ``govtext annotate --format json``). The page is self-contained (no scripts,
no network) and is written atomically; without ``-o`` it goes to stdout.

The command line registers it with ``view.add_parser(subparsers)``; on its own:
``python -m govtext.integrations.view FILE -o page.html``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Sequence

from ..errors import GovtextError
from ..model import Document
from .display import page


def load(path: Path) -> Document:
    """The Document of a text file, a saved web page or a govtext JSON document."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        from ..model.serialize import loads

        data: Any = loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list) and len(data) == 1:  # `annotate --format json`
            data = data[0]
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k not in ("id", "path")}
        return Document.from_dict(data)
    if suffix in (".html", ".htm"):
        from ..text.html import annotate_html

        return annotate_html(path.read_bytes())
    from ..text.reading import annotate_file

    return annotate_file(path)


def write(text: str, output: str | None) -> None:
    """Write `text` to `output` through a temporary file (stdout when None)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    """Run ``govtext view``: 0 on success, 1 when the input cannot be read."""
    path = Path(args.file)
    try:
        doc = load(path)
        html = page(doc, title=f"govtext: {path.name}", limit=args.limit,
                    height=args.height)
    except (OSError, GovtextError, ValueError) as exc:
        print(f"govtext view: {path}: {exc}", file=sys.stderr)
        return 1
    try:
        write(html, args.output)
    except OSError as exc:
        print(f"govtext view: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    if args.output not in (None, "-"):
        print(f"govtext view: {len(doc.spans)} spans of {len(doc.text):,} characters "
              f"written to {args.output}", file=sys.stderr)
    return 0


def _limit(text: str) -> int | None:
    value = int(text)
    return None if value <= 0 else value


def configure(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("file", metavar="FILE",
                        help="a text file, a saved web page (.html) or a govtext JSON "
                             "document (.json)")
    parser.add_argument("-o", "--output", metavar="PAGE",
                        help="the HTML file to write (default: stdout)")
    parser.add_argument("--limit", type=_limit, default=None, metavar="N",
                        help="draw only the first N characters (default: all)")
    parser.add_argument("--height", default=None, metavar="CSS",
                        help="a box of this height, e.g. 40em (default: the whole text)")
    parser.set_defaults(run=run)
    return parser


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``view`` on the command line's subparsers."""
    return configure(subparsers.add_parser(
        "view", help="write a document's annotations as an HTML page",
        description="Annotate FILE (or read a govtext JSON document) and write a "
                    "self-contained HTML page with the spans highlighted and their "
                    "values shown."))


def main(argv: Sequence[str] | None = None) -> int:
    parser = configure(argparse.ArgumentParser(prog="govtext view"))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["add_parser", "load", "main", "run", "write"]
