"""Reading text files: encoding detection that never guesses silently.

`read(path)` decodes, in this order:

- a byte-order mark: UTF-8 (``EF BB BF``), UTF-32 and UTF-16 (little or big endian);
  the mark is stripped, so **offsets index the text after the BOM** (``FF FE 00 00``
  is read as UTF-32 only when the rest is valid UTF-32, else as UTF-16);
- UTF-8 without a mark (strict: overlong forms such as ``C0 80`` are refused with a
  `DecodeError` that says so, they are not read as another encoding);
- otherwise a legacy Chinese encoding, chosen by which decoding gives common Chinese
  characters: GB18030 (a superset of GBK and GB2312) or Big5 (cp950, traditional-character
  sites). Bytes that read as Japanese (Shift-JIS) are refused. When even the best
  decoding has few common characters, a `DecodeWarning` says so.

Bytes that fit none of these raise `DecodeError` (a `ValueError`) naming the file and
the byte position. Line endings are kept exactly as written (no universal newlines), so
an offset into the result is an offset into the decoded file. `charset-normalizer`
(``python -m charset_normalizer FILE``) is a good second opinion on a doubtful file.

`read_sections(path, size)` reads a large file incrementally, in sections of about
`size` characters cut after a line break (see docs/cli.md for the trade-off).
`annotate_file(path, pipeline=None)` reads a file and annotates it.
"""

from __future__ import annotations

import codecs
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Union

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
# overlong UTF-8 forms (C0 80 is "modified UTF-8" NUL); valid in no UTF-8 file
_OVERLONG = re.compile(rb"[\xc0\xc1][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]"
                       rb"|\xf0[\x80-\x8f][\x80-\xbf]{2}")
# a legacy decoding is trusted when this share of its non-ASCII characters is common
_CONFIDENT = 0.6
_MARGIN = 0.1  # how much better Big5 or Shift-JIS must score than GB18030 to win
_HEAD = 1 << 20  # bytes looked at to choose the encoding of a large file


class DecodeError(ValueError):
    """A file's bytes are not text in any encoding govtext reads."""

    def __init__(self, path: str, position: int, encoding: str, byte: int | None,
                 reason: str = "") -> None:
        self.path = path
        self.position = position
        self.encoding = encoding
        self.byte = byte
        shown = "" if byte is None else f" 0x{byte:02x}"
        why = reason or ("govtext reads UTF-8, GB18030/GBK/GB2312, Big5 and UTF-16/UTF-32 "
                         "with a BOM; pass encoding=... to force one")
        super().__init__(f"{path}: cannot decode byte{shown} at position {position} as "
                         f"{encoding} ({why})")


class DecodeWarning(UserWarning):
    """A legacy-encoding decode that few common characters support (likely mojibake)."""


def detect(data: bytes, name: str = "<bytes>", *, final: bool = True) -> tuple[str, int]:
    """The encoding of `data` (all of a file, or its head when `final` is false) and the
    length of its byte-order mark. Raises `DecodeError` when no encoding fits."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-32-le" and not _utf32(data[4:]):
                continue  # FF FE 00 00: UTF-16 text that starts with U+0000
            return enc, len(bom)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final)
        return "utf-8", 0
    except UnicodeDecodeError as err:
        utf8_error = err
    at = utf8_error.start
    if _OVERLONG.search(data):
        try:
            codecs.getincrementaldecoder("utf-8")().decode(_OVERLONG.sub(b"", data), final)
        except UnicodeDecodeError:
            pass
        else:
            match = _OVERLONG.search(data)
            assert match is not None
            raise DecodeError(name, match.start(), "utf-8", data[match.start()],
                              "an overlong UTF-8 sequence (modified UTF-8?); "
                              "no valid UTF-8 file contains one")
    prefix = data[:at].decode("utf-8")
    if sum(1 for c in prefix if "\u2e80" <= c <= "\u9fff") >= _UTF8_EVIDENCE:
        raise DecodeError(name, at, "utf-8", data[at])
    return _legacy(data, name, final), 0


def _legacy(data: bytes, name: str, final: bool) -> str:
    """GB18030, Big5 or (refused) Shift-JIS, by the share of common characters."""
    scores: dict[str, float] = {}
    for enc in ("gb18030", "cp950", "cp932"):
        try:
            text = codecs.getincrementaldecoder(enc)().decode(data, final)
        except UnicodeDecodeError:
            continue
        scores[enc] = _japanese(text) if enc == "cp932" else _chinese(text)
    if not scores:
        _strict(data, "gb18030", name, 0)  # raises with the position of the bad byte
    gb = scores.get("gb18030", -1.0)
    big5 = scores.get("cp950", -1.0)
    if scores.get("cp932", -1.0) >= _CONFIDENT and scores["cp932"] > max(gb, big5) + _MARGIN:
        raise DecodeError(name, 0, "gb18030", None,
                          "the bytes read as Japanese (Shift-JIS); "
                          "pass encoding='cp932' to read them anyway")
    best = "cp950" if big5 > gb + _MARGIN else "gb18030"
    if best not in scores:
        _strict(data, best, name, 0)
    if scores[best] < _CONFIDENT:
        warnings.warn(f"{name}: decoded as {best} with low confidence (only "
                      f"{scores[best]:.0%} of its non-ASCII characters are common ones); "
                      "check the result or pass an encoding", DecodeWarning, stacklevel=3)
    return best


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Common Han characters: GB2312 level 1 (simplified) and Big5 level 1 (traditional)."""
    chars: set[str] = set()
    for enc, leads, trails in (("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
                               ("cp950", range(0xA4, 0xC7),
                                [*range(0x40, 0x7F), *range(0xA1, 0xFF)])):
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(enc))
                except UnicodeDecodeError:
                    continue
    return frozenset(chars)


def _punct(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or ("\uff01" <= ch <= "\uff5e") or ch in "“”‘’…—·"


def _chinese(text: str) -> float:
    common = _common()
    wide = [ch for ch in text if ch >= "\x80"]
    if not wide:
        return 1.0
    return sum(1 for ch in wide if ch in common or _punct(ch)) / len(wide)


def _japanese(text: str) -> float:
    common = _common()
    wide = [ch for ch in text if ch >= "\x80"]
    if not wide or not any("\u3040" <= ch <= "\u30ff" for ch in wide):
        return 0.0  # no kana: nothing says Japanese
    good = sum(1 for ch in wide if "\u3040" <= ch <= "\u30ff" or ch in common or _punct(ch))
    return good / len(wide)


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> str:
    """Decode file contents as `read` does; `name` appears in errors."""
    if encoding is not None:
        return _strict(data, encoding, name, 0)
    enc, skip = detect(data, name)
    return _strict(data[skip:], enc, name, skip)


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


def read_sections(path: PathLike, size: int, encoding: str | None = None,
                  *, name: str | None = None, chunk: int = _HEAD
                  ) -> Iterator[tuple[int, str]]:
    """(character offset, text) sections of a file, each about `size` characters and cut
    after a line break when there is one, read incrementally so that memory stays bounded
    by the section size. A file of at most `size` characters is one section. The encoding
    is chosen from the first megabyte; a bad byte later raises `DecodeError` with its
    position after the sections before it were yielded."""
    if size < 1:
        raise ValueError(f"section size must be at least 1, got {size}")
    shown = name if name is not None else str(path)
    with open(path, "rb") as f:
        head = f.read(chunk)
        if encoding is None:
            enc, skip = detect(head, shown, final=len(head) < chunk)
        else:
            enc, skip = encoding, 0
        try:
            decoder = codecs.getincrementaldecoder(enc)()
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        data, consumed = head[skip:], skip
        buffer, offset = "", 0
        while True:
            final = not data
            pending = len(decoder.getstate()[0])  # bytes of a character cut by the chunk
            try:
                buffer += decoder.decode(data, final)
            except UnicodeDecodeError as err:
                bad = err.object
                byte = bad[err.start] if err.start < len(bad) else None
                raise DecodeError(shown, consumed - pending + err.start, enc, byte) from None
            consumed += len(data)
            while len(buffer) > size or (final and buffer):
                if len(buffer) <= size:
                    cut = len(buffer)
                else:
                    newline = buffer.rfind("\n", 0, size)
                    cut = newline + 1 if newline >= 0 else size
                yield offset, buffer[:cut]
                offset += cut
                buffer = buffer[cut:]
            if final:
                if offset == 0:
                    yield 0, ""  # an empty file is one empty section
                return
            data = f.read(chunk)


def annotate_file(path: PathLike, pipeline: Pipeline | None = None,
                  encoding: str | None = None) -> Document:
    """Read a file with `read` and annotate it (default pipeline unless given)."""
    from ..pipeline import default_pipeline

    nlp = pipeline if pipeline is not None else default_pipeline()
    return nlp(read(path, encoding))
