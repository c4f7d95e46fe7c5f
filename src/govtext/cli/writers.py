"""Writing the records of `govtext annotate`: JSONL, JSON, TSV, Parquet (and spaCy's
DocBin through the spaCy integration). A file output is written to a temporary file
beside it and moved into place only when the run completes, so it is either the old file
or a complete new one; stdout gets whole records only, and JSON's closing bracket even
when the run stops."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from .common import UsageError, message, shown
from .inputs import HTML_SUFFIXES, TEXT_SUFFIXES, Source
from .runner import Record

FORMATS = ("jsonl", "json", "tsv", "parquet", "spacy")
BINARY = ("parquet", "spacy")  # formats that need a file, not stdout
PARQUET_ROWS = 10_000  # rows per Parquet row group: memory stays bounded (50,000 rows
                      # of dicts, a frame and an Arrow table took about 200 MiB)
Report = Callable[[str, str], None]  # (input name, message): a record that was left out


def check_output(output: str | None, fmt: str, paths: Sequence[str],
                 sources: Sequence[Source]) -> None:
    """Refuse an output that is one of the inputs, or that a later run over the same
    folder would read as an input; check that a binary format has a file and its
    libraries."""
    if output is None or output == "-":
        if fmt in BINARY:
            raise UsageError(f"--format {fmt} writes a file: give it with -o FILE")
        return
    target = Path(output).resolve()
    for source in sources:
        if source.path is not None and source.path.resolve() == target:
            raise UsageError(f"the output {shown(output)} is also an input: "
                             "writing it would destroy the input")
    for arg in paths:
        folder = Path(arg)
        if arg != "-" and folder.is_dir() and target.is_relative_to(folder.resolve()) \
                and target.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES:
            raise UsageError(f"the output {shown(output)} is inside the input folder "
                             f"{shown(arg)} and would be read as an input next time")
    needs = {"parquet": ("pandas", "pyarrow"), "spacy": ("spacy",)}.get(fmt, ())
    for module in needs:
        if importlib.util.find_spec(module) is None:
            raise UsageError(f"--format {fmt} needs {module}: pip install 'govtext[{fmt}]'")
    if fmt == "spacy":
        _docbin_writer()


def _docbin_writer() -> Callable[[Iterable[Any], str], None]:
    from ..integrations import spacy as spacy_integration

    write_docbin = getattr(spacy_integration, "write_docbin", None)
    if write_docbin is None:
        raise UsageError("--format spacy needs govtext.integrations.spacy.write_docbin, "
                         "which this version does not have yet")
    writer: Callable[[Iterable[Any], str], None] = write_docbin
    return writer


class Output:
    """stdout, or a file written through a temporary file in the same folder and moved
    into place on success (on failure the temporary file is removed and the old file, if
    any, is left as it was)."""

    def __init__(self, output: str | None, *, binary: bool = False) -> None:
        self.target = None if output in (None, "-") else Path(output)
        self.binary = binary
        self.temp: Path | None = None
        self.stream: IO[Any] | None = None

    def __enter__(self) -> Output:
        if self.target is None:
            return self
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part",
                                        dir=self.target.parent)
        except OSError as exc:
            raise UsageError(f"cannot write {shown(self.target)}: {message(exc)}") from None
        self.temp = Path(name)
        if self.binary:
            os.close(fd)
        else:
            self.stream = open(fd, "w", encoding="utf-8", newline="\n")
        return self

    @property
    def text(self) -> IO[str]:
        return self.stream if self.stream is not None else sys.stdout

    @property
    def path(self) -> str:
        assert self.temp is not None, "a binary format needs a file"
        return str(self.temp)

    def __exit__(self, kind: type | None, *rest: object) -> None:
        if self.stream is not None:
            self.stream.close()
        if self.target is None:
            sys.stdout.flush()
            return
        assert self.temp is not None
        if kind is None:
            try:
                os.chmod(self.temp, 0o666 & ~_umask())
                os.replace(self.temp, self.target)
                return
            except OSError as exc:
                self.temp.unlink(missing_ok=True)
                raise UsageError(f"cannot write {shown(self.target)}: "
                                 f"{message(exc)}") from None
        self.temp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def record_dict(record: Record, *, tokens: bool = True) -> dict[str, Any]:
    """A record as written: id and path, the section of a large file, the Document."""
    source = record.source
    out: dict[str, Any] = {"id": source.id,
                           "path": "-" if source.path is None else shown(source.path)}
    if record.section is not None:
        out["section"] = record.section
        out["offset"] = record.offset
    out.update(record.doc.to_dict())
    if not tokens:
        out.pop("tokens", None)
    return out


def _lines(records: Iterable[Record], report: Report, tokens: bool) -> Iterator[str]:
    """Each record as one JSON line, checked to be writable as UTF-8 (a lone surrogate
    in a text cannot be: that record is reported and left out, never written half)."""
    for record in records:
        line = json.dumps(record_dict(record, tokens=tokens), ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError as exc:
            report(record.source.name, f"not written: the text holds a lone surrogate "
                                       f"(U+{ord(exc.object[exc.start]):04X}), which "
                                       "UTF-8 cannot encode")
            continue
        yield line


def write_jsonl(records: Iterable[Record], out: IO[str], report: Report, *,
                tokens: bool = True) -> None:
    for line in _lines(records, report, tokens):
        out.write(line + "\n")


def write_json(records: Iterable[Record], out: IO[str], report: Report, *,
               tokens: bool = True) -> None:
    out.write("[")
    try:
        for i, line in enumerate(_lines(records, report, tokens)):
            out.write(",\n" if i else "\n")
            out.write(line)
    finally:  # a list that stays valid JSON even when the run stops
        out.write("\n]\n")


def _table_rows(records: Iterable[Record]) -> Iterator[dict[str, Any]]:
    from ..integrations.pandas import table_rows

    for record in records:
        source = record.source
        path = "-" if source.path is None else shown(source.path)
        rows = table_rows(record.doc, source.id, path)
        if record.offset:
            # a section's offsets become offsets into the whole file
            rows = ({**row, "start": row["start"] + record.offset,
                     "end": row["end"] + record.offset} for row in rows)
        yield from rows


def tsv_cell(value: Any) -> str:
    """A TSV cell: None is empty; backslash, tab and line breaks are escaped as
    ``\\\\``, ``\\t``, ``\\n``, ``\\r`` so that one span is always one line."""
    if value is None:
        return ""
    return (str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def write_tsv(records: Iterable[Record], out: IO[str], report: Report) -> None:
    from ..integrations.pandas import TABLE_COLUMNS

    out.write("\t".join(TABLE_COLUMNS) + "\n")
    for row in _table_rows(records):
        line = "\t".join(tsv_cell(row[c]) for c in TABLE_COLUMNS) + "\n"
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            report(str(row["doc_id"]), "a row holds a lone surrogate: not written")
            continue
        out.write(line)


def write_parquet(records: Iterable[Record], path: str, report: Report) -> None:
    """The span table, written row group by row group (memory bounded by PARQUET_ROWS)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..integrations.pandas import table_frame

    writer: Any = None
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pandas(table_frame(rows), preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
        rows.clear()

    try:
        for row in _table_rows(records):
            rows.append(row)
            if len(rows) >= PARQUET_ROWS:
                flush()
        if rows or writer is None:
            flush()  # an empty run still writes a file with the table's columns
    finally:
        if writer is not None:
            writer.close()


def write_spacy(records: Iterable[Record], path: str, report: Report) -> None:
    """A spaCy DocBin, written by the spaCy integration's `write_docbin`."""
    _docbin_writer()((record.doc for record in records), path)
