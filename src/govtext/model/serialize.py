"""Reading a Document back from its JSON form, checked against the schema.

Every rule here is also in the shipped JSON Schema (`schema.json`, written from the
label registry by `json_schema()`); what a JSON Schema cannot say (offsets inside the
text, a span's text equal to the text there, exact numbers) is checked here too. Every
problem raises one error type, `SchemaError` (a ValueError), whose message names the
field as a path (``spans[3].attrs.kind``). Sizes are bounded: numbers by
`values.MAX_DIGITS`, the outline by `MAX_DEPTH`.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Callable, Mapping, Sequence

from ..errors import GovtextError, SchemaError
from . import labels as registry
from .spans import Span
from .structure import Metadata, Region, Section, Token
from .values import parse_exact

SCHEMA = "govtext.document"
SCHEMA_VERSION = "1.1"
READS_VERSIONS = ("1.0", "1.1")  # 1.1 added span rules and report-header metadata
MAX_DEPTH = 32  # outline nesting

_ISO_PART = (r"(?:---[0-9]{2}|--[0-9]{2}(?:-[0-9]{2})?"  # day, month, month-day
             r"|[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)")        # year, year-month, full
ISO_PATTERN = rf"^{_ISO_PART}(?:/{_ISO_PART})?$"
_ISO = re.compile(ISO_PATTERN)

JSON = Any


def _name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _expect(value: Any, types: type | tuple[type, ...], where: str, expected: str) -> Any:
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in
                                        (types if isinstance(types, tuple) else (types,))):
        raise SchemaError("E202", field=where, expected=expected, got=_name(value))
    return value


def _int(value: Any, where: str) -> int:
    return int(_expect(value, int, where, "an integer"))


def _str(value: Any, where: str, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    return str(_expect(value, str, where, "a string"))


def _pair(value: Any, where: str, n: int, size: int = 2) -> tuple[int, int]:
    _expect(value, (list, tuple), where, f"a list [start, end{', kind' if size == 3 else ''}]")
    if len(value) != size:
        raise SchemaError("E202", field=where, expected=f"{size} items", got=len(value))
    start, end = _int(value[0], f"{where}[0]"), _int(value[1], f"{where}[1]")
    if not 0 <= start <= end <= n:
        raise SchemaError("E204", field=where, start=start, end=end, length=n)
    return start, end


def _attr_value(attr: registry.Attr, value: Any, where: str) -> Any:
    if value is None:
        if attr.nullable:
            return None
        raise SchemaError("E202", field=where, expected=f"a {attr.kind}", got="null")
    if attr.kind == "number":
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        _expect(value, str, where, "an exact number string ('12.5', '1/3')")
        try:
            result: Any = parse_exact(value)
        except GovtextError as err:
            raise SchemaError("E208", field=where, why=str(err)) from None
    elif attr.kind == "iso":
        _expect(value, str, where, "an ISO 8601 date string")
        if not _ISO.match(value):
            raise SchemaError("E201", field=where, value=value)
        result = value
    elif attr.kind == "bool":
        result = _expect(value, bool, where, "true or false")
    elif attr.kind == "int":
        result = _int(value, where)
    elif attr.kind == "offsets":
        _expect(value, (list, tuple), where, "[start, end]")
        if len(value) != 2:
            raise SchemaError("E202", field=where, expected="[start, end]", got=len(value))
        result = (_int(value[0], f"{where}[0]"), _int(value[1], f"{where}[1]"))
    else:
        result = _expect(value, str, where, "a string")
    if attr.choices and result not in attr.choices:
        raise SchemaError("E201", field=where, value=value)
    return result


# fallbacks of older or hand-written files: a missing attribute taken from elsewhere
_FALLBACKS: dict[tuple[str, str], Callable[[str, dict[str, Any]], Any]] = {
    ("PERSON", "name"): lambda text, kw: text,
    ("QUANTITY", "value"): lambda text, kw: kw.get("low"),
}


def span_from_dict(data: Mapping[str, JSON], text: str | None = None,
                   where: str = "span") -> Span:
    """A typed span from its guidelines JSON form. With `text`, offsets and the span's
    text are checked against it."""
    _expect(data, Mapping, where, "an object")
    label = data.get("label")
    spec = registry.get(label) if isinstance(label, str) else None
    if spec is None:
        raise SchemaError("E209", field=f"{where}.label", value=label,
                          known=", ".join(registry.labels()))
    if "start" not in data or "end" not in data or "text" not in data:
        missing = next(k for k in ("start", "end", "text") if k not in data)
        raise SchemaError("E203", field=f"{where}.{missing}")
    start, end = _int(data["start"], f"{where}.start"), _int(data["end"], f"{where}.end")
    surface = str(_str(data["text"], f"{where}.text"))
    if text is not None:
        if not 0 <= start <= end <= len(text):
            raise SchemaError("E204", field=where, start=start, end=end, length=len(text))
        if text[start:end] != surface:
            raise SchemaError("E205", field=f"{where}.text", text=surface, start=start,
                              end=end, actual=text[start:end])
    elif start > end or start < 0:
        raise SchemaError("E204", field=where, start=start, end=end, length=-1)
    attrs = data.get("attrs") or {}
    _expect(attrs, Mapping, f"{where}.attrs", "an object")
    kwargs: dict[str, Any] = {}
    for attr in spec.attrs:
        if attr.name in attrs:
            kwargs[attr.name] = _attr_value(attr, attrs[attr.name], f"{where}.attrs.{attr.name}")
    for attr in spec.attrs:
        if attr.name not in kwargs:
            fallback = _FALLBACKS.get((spec.label, attr.name))
            if fallback is not None and fallback(surface, kwargs) is not None:
                kwargs[attr.name] = fallback(surface, kwargs)
            elif attr.required:
                raise SchemaError("E203", field=f"{where}.attrs.{attr.name}")
    rule = data.get("rule")
    try:
        return spec.cls(start, end, surface, **kwargs,
                        rule=_str(rule, f"{where}.rule", nullable=True))
    except TypeError as err:  # a field the JSON could not fill
        raise SchemaError("E208", field=f"{where}.attrs", why=str(err)) from None


def _day(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(_expect(value, str, where, "an ISO date"))
    except ValueError:
        raise SchemaError("E201", field=where, value=value) from None


_META_STRINGS = ("title", "index_no", "topic", "issuer", "validity", "source", "sponsor",
                 "speaker", "meeting")
_META_DAYS = ("issued", "published", "delivered")


def metadata_from_dict(data: Any, text: str, where: str = "metadata") -> Metadata:
    _expect(data, Mapping, where, "an object")
    kw: dict[str, Any] = {k: _str(data.get(k), f"{where}.{k}", nullable=True)
                          for k in _META_STRINGS}
    kw.update({k: _day(data.get(k), f"{where}.{k}") for k in _META_DAYS})
    docno = data.get("docno")
    if docno is not None:
        kw["docno"] = span_from_dict(docno, text, f"{where}.docno")
        if kw["docno"].label != "DOCNO":
            raise SchemaError("E201", field=f"{where}.docno.label", value=kw["docno"].label)
    pairs = []
    for i, f in enumerate(_expect(data.get("fields") or [], (list, tuple), f"{where}.fields",
                                  "a list")):
        at = f"{where}.fields[{i}]"
        if not isinstance(f, (list, tuple)) or len(f) != 2:
            raise SchemaError("E202", field=at, expected="a pair [label, value]", got=_name(f))
        pairs.append((str(_str(f[0], f"{at}[0]")), str(_str(f[1], f"{at}[1]"))))
    kw["fields"] = tuple(pairs)
    start, end = data.get("start"), data.get("end")
    if start is not None or end is not None:
        kw["start"], kw["end"] = _pair([start, end], f"{where}.start/end", len(text))
    return Metadata(**kw)


def _section(data: Any, text: str, where: str, depth: int) -> Section:
    if depth > MAX_DEPTH:
        raise SchemaError("E208", field=where, why=f"outline nested deeper than {MAX_DEPTH}")
    _expect(data, Mapping, where, "an object")
    start, end = _pair([data.get("start"), data.get("end")], where, len(text))
    children = _expect(data.get("children", []), (list, tuple), f"{where}.children", "a list")
    return Section(start, end, str(_str(data.get("marker"), f"{where}.marker")),
                   _int(data.get("number"), f"{where}.number"),
                   _int(data.get("level"), f"{where}.level"),
                   str(_str(data.get("title"), f"{where}.title")),
                   tuple(_section(c, text, f"{where}.children[{i}]", depth + 1)
                         for i, c in enumerate(children)))


def _list(data: Mapping[str, Any], key: str) -> Sequence[Any]:
    return _expect(data.get(key) or [], (list, tuple), key, "a list")


def document_parts(data: Any) -> dict[str, Any]:
    """The keyword arguments of `Document(...)` read from its JSON form, checked."""
    _expect(data, Mapping, "document", "an object")
    if data.get("schema", SCHEMA) != SCHEMA:
        raise SchemaError("E206", schema=data.get("schema"))
    version = data.get("version", SCHEMA_VERSION)
    if version not in READS_VERSIONS:
        raise SchemaError("E207", version=version, known=", ".join(READS_VERSIONS))
    if "text" not in data:
        raise SchemaError("E203", field="text")
    text = str(_str(data["text"], "text"))
    n = len(text)

    def regions(key: str, kind: str) -> tuple[Region, ...]:
        out = []
        for i, item in enumerate(_list(data, key)):
            size = 3 if key == "boilerplate" else 2
            start, end = _pair(item, f"{key}[{i}]", n, size)
            label = str(_str(item[2], f"{key}[{i}][2]")) if size == 3 else kind
            out.append(Region(start, end, text[start:end], label))
        return tuple(out)

    body = data.get("body")
    body_region = None
    if body is not None:
        start, end = _pair(body, "body", n)
        body_region = Region(start, end, text[start:end], "body")
    return dict(
        text=text,
        spans=tuple(span_from_dict(s, text, f"spans[{i}]")
                    for i, s in enumerate(_list(data, "spans"))),
        tokens=tuple(Token(*_pair(t, f"tokens[{i}]", n), text[t[0]:t[1]])
                     for i, t in enumerate(_list(data, "tokens"))),
        sentences=regions("sentences", "sentence"),
        paragraphs=regions("paragraphs", "paragraph"),
        boilerplate=regions("boilerplate", "boilerplate"),
        body=body_region,
        outline=tuple(_section(s, text, f"outline[{i}]", 1)
                      for i, s in enumerate(_list(data, "outline"))),
        metadata=metadata_from_dict(data.get("metadata") or {}, text),
    )


def loads(text: str) -> Any:
    """`json.loads` whose every failure is a SchemaError."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as err:
        raise SchemaError("E208", field="<json>", why=f"not valid JSON: {err}") from None


__all__ = ["ISO_PATTERN", "MAX_DEPTH", "READS_VERSIONS", "SCHEMA", "SCHEMA_VERSION",
           "document_parts", "loads", "metadata_from_dict", "span_from_dict"]
