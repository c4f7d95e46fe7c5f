"""Inputs: the files a command line names, found in folders without skipping any in
silence, and read as text (in sections for very large files)."""

from __future__ import annotations

import importlib.util
import json
import os
import stat
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from .common import Problems, message, shown

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
DOC_SUFFIXES = (".jsonl",)  # `govtext annotate` output, read back by `govtext stats`
SECTION_CHARS = 1_000_000  # a file longer than this is annotated in sections


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (or stdin when `path` is None) and how to read it."""

    path: Path | None
    id: str
    kind: str  # "text", "html" or "docs"

    @property
    def name(self) -> str:
        return "<stdin>" if self.path is None else shown(self.path)


@dataclass(frozen=True, slots=True)
class Item:
    """What a worker annotates: a text (all of a file, or one section of it)."""

    source: Source
    text: str
    section: int | None = None  # 0, 1, ... when the file was cut into sections
    offset: int = 0  # where the section starts in the file's text


def html_available() -> bool:
    """Whether HTML pages can be annotated (the `html` extra and govtext.text.html)."""
    return (importlib.util.find_spec("trafilatura") is not None
            and importlib.util.find_spec("govtext.text.html") is not None)


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in DOC_SUFFIXES:
        return "docs"
    return "text"


def collect(paths: Sequence[str], problems: Problems, *, docs: bool = False) -> list[Source]:
    """The inputs named on the command line. Folders are searched recursively for
    ``*.txt`` (and ``*.html``/``*.htm`` when HTML support is installed); what matches
    but cannot be read as a file (a broken link, a folder named ``x.txt``, a FIFO) is
    reported, not skipped. With `docs`, a ``.jsonl`` file named explicitly is read as
    already annotated Documents."""
    html = html_available()
    wanted = TEXT_SUFFIXES + (HTML_SUFFIXES if html else ())
    sources: list[Source] = []
    for arg in paths:
        if arg == "-":
            sources.append(Source(None, "stdin", "text"))
            continue
        path = Path(arg)
        if path.is_dir():
            found = list(_walk(path, wanted, problems))
            if not found:
                kinds = ", ".join(f"*{s}" for s in wanted)
                problems.report(shown(path), f"no input files ({kinds}) in this folder")
            sources.extend(Source(p, shown(p.relative_to(path).as_posix()), kind_of(p))
                           for p in found)
            continue
        kind = kind_of(path)
        if kind == "html" and not html:
            problems.report(shown(path), "reading HTML needs the html extra: "
                                         "pip install 'govtext[html]'")
            continue
        if kind == "docs" and not docs:
            kind = "text"
        why = _unreadable(path, named=True)
        if why:
            problems.report(shown(path), why)
        else:
            sources.append(Source(path, shown(path.name), kind))
    return sources


def _walk(top: Path, wanted: Sequence[str], problems: Problems) -> Iterator[Path]:
    """Matching entries under `top`, sorted; unreadable folders and matching entries
    that are no regular files are reported."""
    def failed(err: OSError) -> None:
        where = err.filename if err.filename is not None else top
        problems.report(shown(where), f"cannot list this folder: {message(err)}")

    for folder, dirs, files in os.walk(top, onerror=failed):
        dirs.sort()
        base = Path(folder)
        for name in sorted(dirs):
            if Path(name).suffix.lower() in wanted:
                problems.report(shown(base / name), "a folder, not a file: skipped")
        for name in sorted(files):
            path = base / name
            if path.suffix.lower() not in wanted:
                continue
            why = _unreadable(path, named=False)
            if why:
                problems.report(shown(path), f"{why}: skipped")
            else:
                yield path


def _unreadable(path: Path, *, named: bool) -> str:
    """Why `path` cannot be read as an input file, or "". A FIFO named on the command
    line is read (``<(cmd)``); one met in a folder would block the run."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as exc:
        return message(exc)
    if stat.S_ISREG(mode) or (named and stat.S_ISFIFO(mode)):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "not a regular file"
    return kind


def read_items(sources: Sequence[Source], problems: Problems, *,
               encoding: str | None = None, section_chars: int = SECTION_CHARS
               ) -> Iterator[Item]:
    """The texts of `sources`, read one at a time; a file longer than `section_chars`
    comes as several sections. Unreadable inputs are reported and left out; a decoding
    that is only a guess (`DecodeWarning`) is reported as a warning."""
    from ..text.reading import read_sections

    for source in sources:
        try:
            if source.path is None or source.kind == "html":
                text = _heeded(problems, source, _decode, source, encoding)
                yield Item(source, text)
                continue
            sections = read_sections(source.path, section_chars, encoding, name=source.name)
            first = _heeded(problems, source, next, sections)
            rest = next(sections, None)
            if rest is None:
                yield Item(source, first[1])
                continue
            yield Item(source, first[1], 0, first[0])
            yield Item(source, rest[1], 1, rest[0])
            for number, (offset, text) in enumerate(sections, 2):
                yield Item(source, text, number, offset)
        except (OSError, ValueError) as exc:
            problems.report(source.name, message(exc))


def _heeded(problems: Problems, source: Source, fn: Any, *args: Any) -> Any:
    """`fn(*args)`, with the warnings it gives reported against `source`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return fn(*args)
        finally:
            for warning in caught:
                problems.warn(source.name, str(warning.message))


def _decode(source: Source, encoding: str | None) -> str:
    from ..text.reading import decode

    data = sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    return decode(data, source.name, encoding)


def read_docs(source: Source, problems: Problems) -> Iterator[tuple[Source, Any]]:
    """Documents from a JSONL file of `govtext annotate`; a bad line (not JSON, NaN, a
    wrong type or value, offsets that do not match the text) is reported with its
    number and skipped."""
    from ..model import Document

    assert source.path is not None
    try:
        with source.path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line, parse_constant=_no_constant)
                    if not isinstance(data, dict):
                        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
                    doc = Document.from_dict(data)
                    _check_offsets(doc)
                except Exception as exc:  # any defect of one line must not lose the others
                    problems.report(source.name, f"line {number}: {type(exc).__name__}: "
                                                 f"{message(exc)}")
                    continue
                doc_id = str(data.get("id", f"{source.id}:{number}"))
                yield Source(source.path, doc_id, "docs"), doc
    except (OSError, UnicodeDecodeError) as exc:
        problems.report(source.name, message(exc))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _check_offsets(doc: Any) -> None:
    for span in doc.spans:
        if not (isinstance(span.start, int) and isinstance(span.end, int)
                and 0 <= span.start <= span.end <= len(doc.text)
                and doc.text[span.start:span.end] == span.text):
            raise ValueError(f"span {span.label} [{span.start!r}, {span.end!r}) does not "
                             f"match its text {span.text!r}")
