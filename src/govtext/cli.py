"""The `govtext` command.

    govtext annotate corpora/ -o out.jsonl          # JSONL (default), json, tsv, parquet
    govtext annotate a.txt b.txt --format tsv       # a flat table of spans
    cat a.txt | govtext annotate -                  # stdin
    govtext stats corpora/                          # who and what a corpus mentions most
    govtext eval ../shared/gold                     # P/R/F1 against gold span files
    govtext train-segmenter corpus.txt model/       # a pkuseg model for Pipeline("pkuseg")

Exit codes: 0 all went well; 1 some input failed (the others were still processed and
stderr names each failure with its file); 2 a usage error (bad option, missing extra,
unwritable output). Only the standard library is needed; tqdm (the `progress` extra)
adds a progress bar, pandas + pyarrow (the `parquet` extra) add Parquet output.
"""

from __future__ import annotations

import argparse
import codecs
import importlib.util
import io
import json
import os
import sys
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from . import __version__
from .model import Document

PROG = "govtext"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
DOC_SUFFIXES = (".jsonl",)  # `govtext annotate` output, read back by `govtext stats`
FORMATS = ("jsonl", "json", "tsv", "parquet")


class UsageError(Exception):
    """A problem with the command itself rather than with one input (exit code 2)."""


# ---------------------------------------------------------------------------
# inputs


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (or stdin when `path` is None) and how to read it."""

    path: Path | None
    id: str
    kind: str  # "text", "html" or "docs"

    @property
    def name(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)


@dataclass
class Problems:
    """Failed inputs, reported on stderr as they happen."""

    command: str
    count: int = 0
    stream: IO[str] | None = None

    def report(self, name: str, message: str) -> None:
        self.count += 1
        stream = self.stream or sys.stderr
        text = message if name in message else f"{name}: {message}"
        print(f"{PROG} {self.command}: {text}", file=stream)


def html_available() -> bool:
    """Whether HTML pages can be annotated (the `html` extra and govtext.text.html)."""
    return (importlib.util.find_spec("trafilatura") is not None
            and importlib.util.find_spec("govtext.text.html") is not None)


def collect(paths: Sequence[str], problems: Problems, *, docs: bool = False) -> list[Source]:
    """The inputs named on the command line; folders are searched recursively for
    ``*.txt`` (and ``*.html``/``*.htm`` when HTML support is installed). With `docs`,
    a ``.jsonl`` file named explicitly is read as already annotated Documents."""
    html = html_available()
    wanted = TEXT_SUFFIXES + (HTML_SUFFIXES if html else ())
    sources: list[Source] = []
    for arg in paths:
        if arg == "-":
            sources.append(Source(None, "stdin", "text"))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.suffix.lower() in wanted and p.is_file())
            if not found:
                kinds = ", ".join(f"*{s}" for s in wanted)
                problems.report(arg, f"no input files ({kinds}) in this folder")
            for p in found:
                sources.append(Source(p, p.relative_to(path).as_posix(), _kind(p)))
        elif path.is_file():
            kind = _kind(path)
            if kind == "html" and not html:
                problems.report(arg, "reading HTML needs the html extra: "
                                     "pip install 'govtext[html]'")
                continue
            if kind == "docs" and not docs:
                kind = "text"
            sources.append(Source(path, path.name, kind))
        elif path.exists():
            problems.report(arg, "not a regular file or folder")
        else:
            problems.report(arg, "no such file or folder")
    return sources


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in DOC_SUFFIXES:
        return "docs"
    return "text"


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM); used when govtext.read is not available."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name}: cannot decode as UTF-8 at byte {exc.start} "
                         f"({data[exc.start:exc.start + 4]!r})") from None


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads a file or stdin: `govtext.read` (UTF-8, GB18030, UTF-16 detection) when
    available, else UTF-8; `encoding` forces one."""

    encoding: str | None = None

    def __call__(self, source: Source) -> str:
        try:
            from .text.reading import decode
        except ImportError:
            def decode(data: bytes, name: str = "", encoding: str | None = None) -> str:
                return data.decode(encoding) if encoding else _decode(data, name)
        if source.path is None:
            data = sys.stdin.buffer.read()
        else:
            data = source.path.read_bytes()
        try:
            return decode(data, source.name, self.encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {self.encoding!r}") from None
        except UnicodeDecodeError as exc:  # only when an encoding is forced
            raise ValueError(f"{source.name}: cannot decode byte {exc.start} as "
                             f"{self.encoding}") from None


# ---------------------------------------------------------------------------
# annotating many inputs


@dataclass
class Annotator:
    """Turns sources into (source, Document) pairs in input order, reporting failures.

    Plain texts go through `Pipeline.pipe` (worker processes with ``jobs > 1``); an HTML
    page is annotated in this process by `govtext.annotate_html`, and its place in the
    stream is held by an empty text so that order is kept without a second pool."""

    problems: Problems
    jobs: int = 1
    progress: bool = True
    reader: Reader = field(default_factory=Reader)
    pipeline: Any = None  # a govtext.Pipeline; the default one when None

    def run(self, sources: Sequence[Source]) -> Iterator[tuple[Source, Document]]:
        bar = self._bar(len(sources))
        try:
            for source in sources:
                if source.kind == "docs":
                    yield from self._read_docs(source)
                    if bar is not None:
                        bar.update(1)
            for pair in self._annotate([s for s in sources if s.kind != "docs"], bar):
                yield pair
        finally:
            if bar is not None:
                bar.close()

    def _bar(self, total: int) -> Any:
        if not self.progress or total <= 1:
            return None
        try:
            from tqdm import tqdm
        except ImportError:
            return None
        return tqdm(total=total, unit="file", file=sys.stderr, leave=False)

    def _read_docs(self, source: Source) -> Iterator[tuple[Source, Document]]:
        assert source.path is not None
        try:
            with source.path.open(encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        data = json.loads(line)
                        doc = Document.from_dict(data)
                    except (ValueError, KeyError, TypeError) as exc:
                        self.problems.report(source.name, f"line {number}: {exc}")
                        continue
                    doc_id = str(data.get("id", f"{source.id}:{number}"))
                    yield Source(source.path, doc_id, "docs"), doc
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.report(source.name, str(exc))

    def _annotate(self, sources: Sequence[Source], bar: Any
                  ) -> Iterator[tuple[Source, Document]]:
        from .pipeline import Pipeline

        nlp = self.pipeline if self.pipeline is not None else Pipeline()
        pending: deque[tuple[Source, str]] = deque()

        def texts() -> Iterator[str]:
            for source in sources:
                try:
                    text = self.reader(source)
                except (OSError, ValueError) as exc:
                    self.problems.report(source.name, _message(exc))
                    if bar is not None:
                        bar.update(1)
                    continue
                pending.append((source, text))
                yield "" if source.kind == "html" else text

        def finish(source: Source, text: str, doc: Document | None
                   ) -> tuple[Source, Document] | None:
            if bar is not None:
                bar.update(1)
            try:
                if source.kind == "html":
                    from .text.html import annotate_html

                    return source, annotate_html(text, nlp)
                return source, doc if doc is not None else nlp(text)
            except Exception as exc:  # a bug in a stage must not lose the other files
                self.problems.report(source.name, f"annotation failed: "
                                                  f"{type(exc).__name__}: {exc}")
                return None

        if self.jobs <= 1:
            for text in texts():
                source, original = pending.popleft()
                done = finish(source, original, None)
                if done is not None:
                    yield done
            return
        try:
            for doc in nlp.pipe(texts(), n_process=self.jobs, batch_size=4):
                source, original = pending.popleft()
                done = finish(source, original, doc)
                if done is not None:
                    yield done
        except Exception as exc:
            # A worker failed on some text: finish the rest here, one by one, so that
            # the error is reported against the file that caused it.
            print(f"{PROG}: a worker process failed ({type(exc).__name__}: {exc}); "
                  f"annotating the remaining {len(pending)} file(s) in this process",
                  file=sys.stderr)
            while pending:
                source, original = pending.popleft()
                done = finish(source, original, None)
                if done is not None:
                    yield done


def _message(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


# ---------------------------------------------------------------------------
# annotate: writers


def _tsv_cell(value: Any) -> str:
    """A TSV cell: None is empty; backslash, tab and line breaks are escaped as
    ``\\\\``, ``\\t``, ``\\n``, ``\\r`` so that one span is always one line."""
    if value is None:
        return ""
    return (str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def _record(source: Source, doc: Document) -> dict[str, Any]:
    path = "-" if source.path is None else str(source.path)
    return {"id": source.id, "path": path, **doc.to_dict()}


def write_jsonl(pairs: Iterable[tuple[Source, Document]], out: IO[str]) -> None:
    for source, doc in pairs:
        out.write(json.dumps(_record(source, doc), ensure_ascii=False))
        out.write("\n")


def write_json(pairs: Iterable[tuple[Source, Document]], out: IO[str]) -> None:
    out.write("[")
    for i, (source, doc) in enumerate(pairs):
        out.write(",\n" if i else "\n")
        out.write(json.dumps(_record(source, doc), ensure_ascii=False))
    out.write("\n]\n")


def write_tsv(pairs: Iterable[tuple[Source, Document]], out: IO[str]) -> None:
    from .integrations.pandas import TABLE_COLUMNS, table_rows

    out.write("\t".join(TABLE_COLUMNS) + "\n")
    for source, doc in pairs:
        path = "-" if source.path is None else str(source.path)
        for row in table_rows(doc, source.id, path):
            out.write("\t".join(_tsv_cell(row[c]) for c in TABLE_COLUMNS) + "\n")


def write_parquet(pairs: Iterable[tuple[Source, Document]], output: str) -> None:
    from .integrations.pandas import table_frame, table_rows

    rows = [row for source, doc in pairs
            for row in table_rows(doc, source.id,
                                  "-" if source.path is None else str(source.path))]
    table_frame(rows).to_parquet(output, index=False)


def _check_parquet(output: str | None) -> None:
    if output is None or output == "-":
        raise UsageError("--format parquet writes a file: give it with -o FILE.parquet")
    for module in ("pandas", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            raise UsageError(f"--format parquet needs {module}: "
                             "pip install 'govtext[parquet]'")


def _check_encoding(name: str | None) -> None:
    if name is not None:
        try:
            codecs.lookup(name)
        except LookupError:
            raise UsageError(f"unknown encoding {name!r}") from None


def cmd_annotate(args: argparse.Namespace) -> int:
    _check_encoding(args.encoding)
    problems = Problems("annotate")
    fmt = args.format
    if fmt == "parquet":
        _check_parquet(args.output)
    sources = collect(args.paths, problems)
    annotator = Annotator(problems, jobs=args.jobs, progress=not args.quiet,
                          reader=Reader(args.encoding))
    pairs = annotator.run(sources)
    if fmt == "parquet":
        try:
            write_parquet(pairs, args.output)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {_message(exc)}") from None
    else:
        writer = {"jsonl": write_jsonl, "json": write_json, "tsv": write_tsv}[fmt]
        with _open_output(args.output) as out:
            writer(pairs, out)
    return 1 if problems.count else 0


class _open_output:
    """stdout, or a UTF-8 file created on entry (an unwritable path is a usage error)."""

    def __init__(self, output: str | None) -> None:
        self.output = None if output in (None, "-") else output
        self.stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.output is None:
            return sys.stdout
        try:
            self.stream = open(self.output, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise UsageError(f"cannot write {self.output}: {_message(exc)}") from None
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()
        else:
            sys.stdout.flush()


# ---------------------------------------------------------------------------
# stats: plain text tables aligned for CJK double-width characters


def display_width(text: str) -> int:
    """Terminal columns: 2 for wide and full-width characters, 0 for combining marks."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut with … to at most `limit` columns."""
    text = " ".join(text.split())
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
                 numeric: Sequence[bool] | None = None, max_width: int = 40) -> str:
    """An aligned plain-text table; numeric columns are right-aligned."""
    numeric = numeric or [False] * len(headers)
    cells = [[clip(str(c), max_width) for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], display_width(c))

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, c in enumerate(row):
            pad = " " * (widths[i] - display_width(c))
            parts.append(pad + c if numeric[i] else c + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule] + [line(r) for r in cells])


@dataclass
class Tally:
    """Counts across a corpus: mentions and the number of documents mentioning."""

    mentions: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    detail: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, doc_keys: Iterable[tuple[str, str]]) -> None:
        seen = set()
        for key, detail in doc_keys:
            self.mentions[key] += 1
            self.detail.setdefault(key, Counter())[detail] += 1
            seen.add(key)
        self.documents.update(seen)

    def top(self, n: int) -> list[tuple[str, int, int, list[str]]]:
        ranked = sorted(self.mentions, key=lambda k: (-self.mentions[k], -self.documents[k], k))
        return [(k, self.mentions[k], self.documents[k],
                 [d for d, _ in self.detail[k].most_common() if d]) for k in ranked[:n]]


@dataclass
class CorpusStats:
    documents: int = 0
    characters: int = 0
    labels: Tally = field(default_factory=Tally)
    officials: Tally = field(default_factory=Tally)
    agencies: Tally = field(default_factory=Tally)
    regulations: Tally = field(default_factory=Tally)
    quantities: Tally = field(default_factory=Tally)
    largest: dict[tuple[str, str], tuple[Any, str, str]] = field(default_factory=dict)

    def add(self, doc_id: str, doc: Document) -> None:
        self.documents += 1
        self.characters += len(doc.text)
        self.labels.add((s.label, "") for s in doc.spans)
        self.officials.add((o.name, o.title) for o in doc.officials)
        self.agencies.add((a.canonical or a.text, a.text) for a in doc.agencies)
        self.regulations.add((r.title, r.kind) for r in doc.regulations)
        self.quantities.add((q.kind, q.unit) for q in doc.quantities)
        for q in doc.quantities:  # values compare only within one unit
            best = self.largest.get((q.kind, q.unit))
            if best is None or q.value > best[0]:
                self.largest[(q.kind, q.unit)] = (q.value, q.text, doc_id)

    def render(self, top: int) -> str:
        out = [f"{self.documents} document(s), {self.characters:,} characters, "
               f"{sum(self.labels.mentions.values()):,} spans"]

        def section(title: str, headers: Sequence[str], rows: list[list[Any]],
                    numeric: Sequence[bool], total: int) -> None:
            shown = f" (top {len(rows)} of {total})" if total > len(rows) else ""
            out.append("")
            out.append(f"{title}{shown}")
            out.append(format_table(headers, rows, numeric=numeric) if rows
                       else "  (none found)")

        section("Spans by label", ["label", "spans", "documents"],
                [[k, m, d] for k, m, d, _ in self.labels.top(len(self.labels.mentions))],
                [False, True, True], len(self.labels.mentions))
        section("Officials", ["name", "title(s)", "mentions", "documents"],
                [[k, "、".join(t[:3]), m, d] for k, m, d, t in self.officials.top(top)],
                [False, False, True, True], len(self.officials.mentions))
        section("Agencies", ["agency", "as written", "mentions", "documents"],
                [[k, "、".join(f for f in forms[:3] if f != k), m, d]
                 for k, m, d, forms in self.agencies.top(top)],
                [False, False, True, True], len(self.agencies.mentions))
        section("Regulations", ["title", "kind", "mentions", "documents"],
                [[k, "/".join(kinds[:2]), m, d] for k, m, d, kinds in self.regulations.top(top)],
                [False, False, True, True], len(self.regulations.mentions))
        section("Quantities by kind",
                ["kind", "count", "documents", "units", "largest (main unit)", "in"],
                [[k, m, d, " ".join(units[:4]), *self._largest(k, units)]
                 for k, m, d, units in self.quantities.top(len(self.quantities.mentions))],
                [False, True, True, False, False, False], len(self.quantities.mentions))
        return "\n".join(out)

    def _largest(self, kind: str, units: Sequence[str]) -> list[str]:
        """The largest quantity in the kind's most frequent unit, and where it is."""
        best = self.largest.get((kind, units[0] if units else ""))
        return ["", ""] if best is None else [best[1], best[2]]


def cmd_stats(args: argparse.Namespace) -> int:
    _check_encoding(args.encoding)
    problems = Problems("stats")
    sources = collect(args.paths, problems, docs=True)
    stats = CorpusStats()
    annotator = Annotator(problems, jobs=args.jobs, progress=not args.quiet,
                          reader=Reader(args.encoding))
    for source, doc in annotator.run(sources):
        stats.add(source.id, doc)
    print(stats.render(args.top))
    return 1 if problems.count else 0


# ---------------------------------------------------------------------------
# eval and train-segmenter: thin delegations


def cmd_eval(argv: Sequence[str]) -> int:
    try:
        from .evaluate import main as evaluate_main
    except ImportError as exc:
        raise UsageError(f"evaluation is not available: {exc}") from None
    return evaluate_main(list(argv))


def cmd_train_segmenter(args: argparse.Namespace) -> int:
    corpus = Path(args.input)
    if not corpus.is_file():
        print(f"{PROG} train-segmenter: {corpus}: no such file", file=sys.stderr)
        return 1
    try:
        from .segment.pkuseg_backend import train_model
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


# ---------------------------------------------------------------------------
# the parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Typed, offset-exact annotations of Chinese government "
                               "documents.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def inputs(p: argparse.ArgumentParser, extra: str = "") -> None:
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="files or folders (searched recursively for *.txt, and "
                            f"*.html/*.htm with the html extra); '-' reads stdin{extra}")
        p.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                       help="worker processes (default 1)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        p.add_argument("--encoding", metavar="NAME",
                       help="decode inputs with this encoding (default: detect UTF-8, "
                            "GB18030, UTF-16)")

    annotate = sub.add_parser("annotate", help="annotate files and write the documents",
                              description="Annotate texts and write one Document per "
                                          "input (JSONL, JSON) or a table of spans "
                                          "(TSV, Parquet).")
    inputs(annotate)
    annotate.add_argument("-o", "--output", metavar="FILE",
                          help="where to write (default: stdout)")
    annotate.add_argument("-f", "--format", choices=FORMATS, default="jsonl",
                          help="jsonl (default): one Document per line with id and path; "
                               "json: a list of them; tsv/parquet: one row per span")
    annotate.set_defaults(run=cmd_annotate)

    stats = sub.add_parser("stats", help="summarize what a corpus mentions",
                           description="The officials, agencies and regulations most "
                                       "mentioned across a corpus, and its quantities "
                                       "by kind.")
    inputs(stats, "; a .jsonl file from `govtext annotate` is read as it is")
    stats.add_argument("-n", "--top", type=_positive, default=10, metavar="N",
                       help="rows per table (default 10)")
    stats.set_defaults(run=cmd_stats)

    sub.add_parser("eval", help="score against gold span files (govtext eval --help)",
                   add_help=False)

    train = sub.add_parser("train-segmenter", help="train a pkuseg segmentation model",
                           description="Train a pkuseg model from a segmented corpus "
                                       "(words separated by spaces, one sentence a line).")
    train.add_argument("input", metavar="INPUT", help="the segmented training corpus")
    train.add_argument("output_dir", metavar="OUTPUT_DIR", help="folder for the model")
    train.add_argument("--epochs", type=_positive, default=None, metavar="N",
                       help="training epochs (default: the backend's)")
    train.add_argument("-q", "--quiet", action="store_true")
    train.set_defaults(run=cmd_train_segmenter)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, 1 or 2)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            if args_list[:1] == ["eval"]:
                return cmd_eval(args_list[1:])
            args = build_parser().parse_args(args_list)
        except SystemExit as exc:  # --help, --version, or a usage error (2)
            return exc.code if isinstance(exc.code, int) else 2
        return int(args.run(args))
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`govtext annotate ... | head`): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the final flush cannot fail again
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main())
