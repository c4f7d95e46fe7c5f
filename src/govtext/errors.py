"""govtext's errors: one small hierarchy, every message with a code.

Every error govtext raises on purpose is a `GovtextError`, which is a `ValueError` (so
callers that catch ValueError keep working). Its message starts with a code in brackets,
``[E101] ...``, that stays stable across versions and is listed in `MESSAGES`, so a
user can search for it and a test can assert it.

    >>> from govtext.errors import SchemaError
    >>> try:
    ...     raise SchemaError("E201", field="spans[0].attrs.kind", value="bananas")
    ... except ValueError as e:
    ...     print(e)
    [E201] spans[0].attrs.kind: 'bananas' is not an allowed value

Codes: E0xx input and configuration, E1xx numbers, E2xx serialized documents (schema),
E3xx files and pages, E4xx integrations.
"""

from __future__ import annotations

import re
from typing import Any

MESSAGES: dict[str, str] = {
    # input and configuration
    "E001": "govtext expects text (str), not {type}{hint}",
    "E002": "unknown stage(s) {names}; stages are {known}",
    "E003": "segmenter options go with a segmenter name, not an object",
    "E004": "unknown segmenter {name!r}; choose one of {known}",
    "E005": "unknown component {name!r}; components are {known}",
    "E006": "bad user rule {rule!r}: {why}",
    "E007": "label {label!r} is not registered; known labels: {known}",
    "E008": "label {label!r} is already registered (by {cls})",
    "E009": "text contains a lone surrogate at offset {offset} (U+{codepoint:04X}); it cannot be "
            "written as UTF-8: decode with errors='replace' or clean it first",
    "E010": "unknown jieba engine {engine!r}; choose one of {known}",
    # numbers
    "E101": "not a number: {text!r}",
    "E102": "number too long: {digits} digits (govtext reads at most {limit})",
    # serialized documents
    "E201": "{field}: {value!r} is not an allowed value",
    "E202": "{field}: expected {expected}, got {got}",
    "E203": "{field}: missing",
    "E204": "{field}: [{start}, {end}) is not inside the text (length {length})",
    "E205": "{field}: {text!r} does not match the text at [{start}, {end}) ({actual!r})",
    "E206": "not a govtext document: schema {schema!r}",
    "E207": "unsupported govtext document version {version!r} (this library reads {known})",
    "E208": "{field}: {why}",
    "E209": "{field}: unknown span label {value!r}; expected one of {known}",
    # files and pages
    "E301": "cannot decode {path}: {why}",
    "E302": "cannot read the page {where}: {why}",
    # integrations
    "E401": "{feature} needs the optional dependency {package!r}: pip install 'govtext[{extra}]'",
}


class GovtextError(ValueError):
    """Base of govtext's errors. `code` is the stable code (``"E201"``)."""

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES[code]
        try:
            message = template.format(**fields)
        except (KeyError, IndexError, ValueError):  # a caller gave too few fields
            message = f"{template} {fields}"
        super().__init__(f"[{code}] {message}")


class InputError(GovtextError):
    """A text, option or rule passed to govtext is not usable."""


class ParseError(GovtextError):
    """A string is not a numeral govtext can read (`parse_number`)."""


class SchemaError(GovtextError):
    """A serialized Document does not follow the schema. `field` names where, as a path
    (``spans[3].attrs.value``)."""

    @property
    def field(self) -> str:
        return str(self.fields.get("field", ""))


class DecodeError(GovtextError):
    """A file's bytes are not text in any encoding govtext accepts."""


class MissingExtra(GovtextError, ImportError):
    """An optional integration is used without its extra installed."""


_SURROGATE = re.compile(r"[\ud800-\udfff]")  # re reads the escapes


def check_encodable(text: str) -> str:
    """`text` itself, or `InputError` E009 at its first lone surrogate. Annotating such
    text works (offsets are code points); whatever must write UTF-8 (JSON, spaCy, Arrow,
    HTML) calls this first, so the refusal is one clear error, the same everywhere."""
    found = _SURROGATE.search(text)
    if found is not None:
        raise InputError("E009", offset=found.start(), codepoint=ord(found.group()))
    return text


__all__ = ["check_encodable", "DecodeError", "GovtextError", "InputError", "MESSAGES", "MissingExtra",
           "ParseError", "SchemaError"]
