"""The Document's JSON form: the shipped schema, and from_dict refusing malformed input
with one error type that names the field (issue 9: "from_dict accepts kind='bananas'";
issue 17: "Hostile or malformed serialized input")."""

from __future__ import annotations

import copy
import json

import pytest

import govtext
from govtext.errors import SchemaError
from govtext.model import Document
from govtext.model.schema import json_schema, shipped_schema

TEXT = "秦纪发〔2018〕3号：市长张瑞书强调，全年投放贷款271.27亿元，占三分之一。\n一、总则\n内容"


@pytest.fixture(scope="module")
def doc_dict() -> dict:
    doc = govtext.annotate(TEXT)
    assert {"DOCNO", "OFFICIAL", "QUANTITY"} <= {s.label for s in doc.spans}
    return doc.to_dict()


def test_shipped_schema_is_current():
    # rewrite with: python -m govtext.model.schema > src/govtext/model/schema.json
    assert shipped_schema() == json.loads(json.dumps(json_schema()))


def test_documents_validate_against_the_schema(doc_dict):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(doc_dict, shipped_schema())
    bad = copy.deepcopy(doc_dict)
    q = next(s for s in bad["spans"] if s["label"] == "QUANTITY")
    q["attrs"]["kind"] = "bananas"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, shipped_schema())


def _quantity(d: dict) -> dict:
    return next(s for s in d["spans"] if s["label"] == "QUANTITY")


def _official(d: dict) -> dict:
    return next(s for s in d["spans"] if s["label"] == "OFFICIAL")


# (why, edit of the document dict, field the error must name)
MALFORMED = [
    ("issue 9: kind outside QUANTITY_KINDS", lambda d: _quantity(d)["attrs"].update(kind="bananas"),
     "attrs.kind"),
    ("issue 9: approx outside APPROX", lambda d: _quantity(d)["attrs"].update(approx="roughly"),
     "attrs.approx"),
    ("issue 17: kind of the wrong type", lambda d: _quantity(d)["attrs"].update(kind=17),
     "attrs.kind"),
    ("issue 17: NaN value", lambda d: _quantity(d)["attrs"].update(value="NaN"), "attrs.value"),
    ("issue 17: Infinity value", lambda d: _quantity(d)["attrs"].update(value="Infinity"),
     "attrs.value"),
    ("issue 17: a 1 GB string when written back",
     lambda d: _quantity(d)["attrs"].update(value="1e-999999999"), "attrs.value"),
    ("issue 17: MemoryError before", lambda d: _quantity(d)["attrs"].update(value="1e999999999"),
     "attrs.value"),
    ("issue 17: a float value is not exact", lambda d: _quantity(d)["attrs"].update(value=1.5),
     "attrs.value"),
    ("issue 17: division by zero", lambda d: _quantity(d)["attrs"].update(value="1/0"),
     "attrs.value"),
    ("issue 17: name must be a string", lambda d: _official(d)["attrs"].update(name=["张"]),
     "attrs.name"),
    ("issue 17: float offsets were truncated", lambda d: _official(d).update(start=0.0),
     "start"),
    ("issue 17: bool offsets", lambda d: _official(d).update(end=True), "end"),
    ("issue 17: span text not the text there", lambda d: _official(d).update(text="市长李四"),
     "text"),
    ("issue 17: body past the text", lambda d: d.update(body=[0, 10**9]), "body"),
    ("issue 17: body reversed", lambda d: d.update(body=[20, 3]), "body"),
    ("issue 17: outline start -7", lambda d: d["outline"][0].update(start=-7), "outline[0]"),
    ("issue 17: version 1.999", lambda d: d.update(version="1.999"), "version"),
    ("issue 17: metadata.docno not matching the text",
     lambda d: d["metadata"].update(docno={"start": 0, "end": 3, "label": "DOCNO",
                                           "text": "xyz", "attrs": {"issuer_code": "x",
                                                                    "serial": "1"}}),
     "metadata.docno"),
    ("issue 17: unknown label", lambda d: _official(d).update(label="BANANA"), "label"),
    ("issue 17: spans not a list", lambda d: d.update(spans={"a": 1}), "spans"),
    ("issue 17: token with three numbers", lambda d: d["tokens"].append([0, 1, 2]), "tokens"),
    ("issue 17: bad issued date", lambda d: d["metadata"].update(issued="2018-13-45"),
     "metadata.issued"),
]


@pytest.mark.parametrize("why,edit,where", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_documents_raise_schema_error_naming_the_field(doc_dict, why, edit, where):
    bad = copy.deepcopy(doc_dict)
    edit(bad)
    with pytest.raises(SchemaError) as err:
        Document.from_dict(bad)
    assert isinstance(err.value, ValueError)
    assert where in str(err.value) or where in err.value.field or where == "version", str(err.value)
    assert str(err.value).startswith("[E2")


def test_deep_outline_nesting_is_refused_not_a_recursion_error(doc_dict):
    bad = copy.deepcopy(doc_dict)
    node: dict = {"start": 0, "end": 1, "marker": "一、", "number": 1, "level": 1,
                  "title": "x", "children": []}
    bad["outline"] = [node]
    for _ in range(200):
        child = dict(node, children=[])
        node["children"] = [child]
        node = child
    with pytest.raises(SchemaError, match="deeper"):
        Document.from_dict(bad)


@pytest.mark.parametrize("raw", ["not json", "[" * 100000, '{"text": "x", "spans": 5}', "[]",
                                 '{"text": 5}'])
def test_from_json_of_garbage_raises_schema_error(raw):
    with pytest.raises(SchemaError):
        Document.from_json(raw)


def test_rules_round_trip_when_asked(doc_dict):
    doc = govtext.annotate(TEXT)
    assert all(s.rule for s in doc.spans)
    plain = doc.to_dict()
    assert all("rule" not in s for s in plain["spans"])  # the guidelines' format by default
    back = Document.from_json(doc.to_json(rules=True))
    assert [s.rule for s in back.spans] == [s.rule for s in doc.spans]
    assert back == doc
