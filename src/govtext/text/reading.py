"""Reading text files: encoding detection that never guesses silently.

`read(path)` decodes, in this order:

- a byte-order mark: UTF-8 (``EF BB BF``), UTF-32 and UTF-16 (little or big endian);
  the mark is stripped, so **offsets index the text after the BOM** (``FF FE 00 00``
  is read as UTF-32 only when the rest is valid UTF-32, else as UTF-16);
- UTF-8 without a mark;
- GB18030 (a superset of GBK and GB2312) when the bytes are not UTF-8 and no UTF-8
  text was seen before the first bad byte.

Bytes that fit none of these raise `DecodeError` (a `ValueError`) naming the file and
the byte position. Line endings are kept exactly as written (no universal newlines), so
an offset into the result is an offset into the decoded file.

`annotate_file(path, pipeline=None)` reads a file and annotates it.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document
    from ..pipeline import Pipeline

PathLike = Union[str, "os.PathLike[str]"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, which it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# this many CJK characters decoded as UTF-8 before a bad byte make the file UTF-8 (with a
# damaged byte), not GB18030 that happens to look like UTF-8 for a while. Only 3-byte
# sequences count: GB18030 pairs often form valid 2-byte UTF-8 (Greek, Cyrillic, IPA
# letters), but rarely runs of 3-byte CJK ones.
_UTF8_EVIDENCE = 4


class DecodeError(ValueError):
    """A file's bytes are not text in any encoding govtext reads."""

    def __init__(self, path: str, position: int, encoding: str, byte: int | None) -> None:
        self.path = path
        self.position = position
        self.encoding = encoding
        self.byte = byte
        shown = "" if byte is None else f" 0x{byte:02x}"
        super().__init__(
            f"{path}: cannot decode byte{shown} at position {position} as {encoding} "
            "(govtext reads UTF-8, GB18030/GBK/GB2312 and UTF-16/UTF-32 with a BOM; "
            "pass encoding=... to force one)")


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> str:
    """Decode file contents as `read` does; `name` appears in errors."""
    if encoding is not None:
        return _strict(data, encoding, name, 0)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-32-le" and not _utf32(data[4:]):
                continue  # FF FE 00 00: UTF-16 text that starts with U+0000
            return _strict(data[len(bom):], enc, name, len(bom))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    prefix = data[:utf8_error.start].decode("utf-8")
    if sum(1 for c in prefix if "\u2e80" <= c <= "\u9fff") >= _UTF8_EVIDENCE:
        raise DecodeError(name, utf8_error.start, "utf-8", data[utf8_error.start])
    return _strict(data, "gb18030", name, 0)


def _utf32(data: bytes) -> bool:
    if len(data) % 4:
        return False
    try:
        data.decode("utf-32-le")
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, name: str, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        byte = data[err.start] if err.start < len(data) else None
        raise DecodeError(name, offset + err.start, encoding, byte) from None
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None


def read(path: PathLike, encoding: str | None = None) -> str:
    """The text of a file, decoded as described in the module docstring."""
    p = Path(path)
    return decode(p.read_bytes(), str(p), encoding)


def annotate_file(path: PathLike, pipeline: Pipeline | None = None,
                  encoding: str | None = None) -> Document:
    """Read a file with `read` and annotate it (default pipeline unless given)."""
    from ..pipeline import default_pipeline

    nlp = pipeline if pipeline is not None else default_pipeline()
    return nlp(read(path, encoding))
