"""The JSON Schema of a Document, written from the label registry.

`json_schema()` builds it; the package ships the result as `model/schema.json`
(`python -m govtext.model.schema > src/govtext/model/schema.json` rewrites it, and a
test checks the shipped file is current). `serialize.document_parts` enforces the same
rules and those a JSON Schema cannot state (offsets inside the text, span text equal to
the text there, exact numbers within `values.MAX_DIGITS`).
"""

from __future__ import annotations

import json
from typing import Any

from . import labels as registry
from .serialize import ISO_PATTERN, MAX_DEPTH, READS_VERSIONS, SCHEMA

NUMBER_PATTERN = r"^-?[0-9]+(\.[0-9]+)?(/[0-9]+)?$"
_OFFSET = {"type": "integer", "minimum": 0}
_PAIR = {"type": "array", "prefixItems": [_OFFSET, _OFFSET], "minItems": 2, "maxItems": 2}


def _attr_schema(attr: registry.Attr) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {
        "str": {"type": "string"},
        "bool": {"type": "boolean"},
        "int": {"type": "integer"},
        "number": {"type": "string", "pattern": NUMBER_PATTERN},
        "iso": {"type": "string", "pattern": ISO_PATTERN},
        "offsets": _PAIR,
    }
    base = kinds[attr.kind]
    if attr.choices:
        base = {**base, "enum": list(attr.choices)}
        if None in attr.choices:
            base["type"] = [base["type"], "null"]
    elif attr.nullable:
        base = {"anyOf": [base, {"type": "null"}]}
    if attr.doc:
        base["description"] = attr.doc
    return base


def _span_schema(spec: registry.LabelSpec) -> dict[str, Any]:
    return {
        "type": "object",
        "description": spec.description,
        "required": ["start", "end", "label", "text"],
        "properties": {
            "start": _OFFSET, "end": _OFFSET, "text": {"type": "string"},
            "label": {"const": spec.label},
            "rule": {"type": ["string", "null"]},
            "attrs": {
                "type": "object",
                "properties": {a.name: _attr_schema(a) for a in spec.attrs},
                "required": [a.name for a in spec.attrs if a.required],
            },
        },
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Document.to_dict()`."""
    section: dict[str, Any] = {
        "type": "object",
        "required": ["start", "end", "marker", "number", "level", "title"],
        "properties": {"start": _OFFSET, "end": _OFFSET, "marker": {"type": "string"},
                       "number": {"type": "integer"}, "level": {"type": "integer"},
                       "title": {"type": "string"},
                       "children": {"type": "array", "items": {"$ref": "#/$defs/section"}}},
    }
    text_or_null = {"type": ["string", "null"]}
    day = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
    metadata = {
        "type": "object",
        "properties": {
            **{k: text_or_null for k in ("title", "index_no", "topic", "issuer", "validity",
                                          "source", "sponsor", "speaker", "meeting")},
            **{k: day for k in ("issued", "published", "delivered")},
            "docno": {"anyOf": [{"$ref": "#/$defs/span_DOCNO"}, {"type": "null"}]},
            "fields": {"type": "array", "items": {
                "type": "array", "prefixItems": [{"type": "string"}, {"type": "string"}],
                "minItems": 2, "maxItems": 2}},
            "start": {"anyOf": [_OFFSET, {"type": "null"}]},
            "end": {"anyOf": [_OFFSET, {"type": "null"}]},
        },
    }
    defs: dict[str, Any] = {f"span_{s.label}": _span_schema(s) for s in registry.specs()}
    defs["section"] = section
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govtext.invalid/schema/document.json",
        "title": "govtext Document",
        "description": f"A govtext Document (Document.to_dict). Outline nesting is at most "
                       f"{MAX_DEPTH} levels; offsets index the text in code points.",
        "type": "object",
        "required": ["text"],
        "properties": {
            "schema": {"const": SCHEMA},
            "version": {"enum": list(READS_VERSIONS)},
            "text": {"type": "string"},
            "spans": {"type": "array", "items": {
                "oneOf": [{"$ref": f"#/$defs/span_{s.label}"} for s in registry.specs()]}},
            "tokens": {"type": "array", "items": _PAIR},
            "sentences": {"type": "array", "items": _PAIR},
            "paragraphs": {"type": "array", "items": _PAIR},
            "boilerplate": {"type": "array", "items": {
                "type": "array", "prefixItems": [_OFFSET, _OFFSET, {"type": "string"}],
                "minItems": 3, "maxItems": 3}},
            "body": {"anyOf": [_PAIR, {"type": "null"}]},
            "outline": {"type": "array", "items": {"$ref": "#/$defs/section"}},
            "metadata": metadata,
        },
        "$defs": defs,
    }


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package."""
    from importlib.resources import files

    return dict(json.loads(files("govtext.model").joinpath("schema.json").read_text("utf-8")))


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(json_schema(), ensure_ascii=False, indent=1))
