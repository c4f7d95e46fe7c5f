"""govtext's spaCy extensions, labels and colours (used by `integrations.spacy`).

One namespace, ``govtext``:

- ``span._.govtext``: a `SpanValues` (label, offsets, text, attrs, and the shortcuts
  ``value``, ``number``, ``unit``, ``kind``, ``name``, ``title``, ``canonical``), or
  None for a span govtext did not make.
- ``doc._.govtext``: the govtext `Document` the spans came from.
- ``._.govtext_data`` (Doc and Span): the stored JSON form behind both. It lives in
  ``doc.user_data``, so it survives ``Doc.to_bytes``, ``DocBin(store_user_data=True)``
  and ``Doc.to_json(underscore=["govtext_data"])`` / ``Doc.from_json``.

Entity labels come from the label registry: its rank breaks ties between entities, its
colour goes to displaCy, its ``ontonotes`` label is used with ``labels="ontonotes"``.
"""

# No `from __future__ import annotations`: spaCy reads type hints at runtime elsewhere
# in this package, and this module keeps the same style.

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, Mapping, Optional, Union

from spacy.tokens import Doc, Span

from ..model import Document, parse_exact
from ..model import labels as registry

DATA = "govtext_data"  # the stored extension (Doc and Span)
NAME = "govtext"  # the getter extension (Doc and Span)
LABEL_SETS = ("govtext", "ontonotes")

# OntoNotes splits numbers by meaning: a QUANTITY goes by its kind.
ONTONOTES_QUANTITY = {"money": "MONEY", "percent": "PERCENT", "count": "CARDINAL",
                      "ratio": "CARDINAL", "duration": "DATE", "area": "QUANTITY",
                      "length": "QUANTITY", "mass": "QUANTITY", "volume": "QUANTITY",
                      "energy": "QUANTITY", "other": "CARDINAL"}


def ontonotes_label(label: str, attrs: Mapping[str, Any]) -> Optional[str]:
    """The nearest OntoNotes label of a govtext span (from the registry), or None when
    OntoNotes has none (TERM)."""
    spec = registry.get(label)
    if spec is None or spec.ontonotes is None:
        return None
    if label == "QUANTITY":
        return ONTONOTES_QUANTITY.get(str(attrs.get("kind")), spec.ontonotes)
    return spec.ontonotes


def entity_label(label: str, attrs: Mapping[str, Any], labels: str) -> Optional[str]:
    if labels not in LABEL_SETS:
        raise ValueError(f"labels must be one of {LABEL_SETS}, not {labels!r}")
    return label if labels == "govtext" else ontonotes_label(label, attrs)


def rank(label: str) -> int:
    """A label's priority among entities of equal length (the registry's rank)."""
    spec = registry.get(label)
    return spec.rank if spec is not None else 1000


def displacy_colors() -> Dict[str, str]:
    """displaCy's ``colors`` option for every registered label."""
    return {spec.label: spec.colour for spec in registry.specs()}


def displacy_options(spans_key: Optional[str] = None) -> Dict[str, Any]:
    """Options for ``displacy.render(doc, style="ent", options=...)``; with `spans_key`
    for ``style="span"`` (every govtext span, overlaps included)."""
    options: Dict[str, Any] = {"colors": displacy_colors()}
    if spans_key is not None:
        options["spans_key"] = spans_key
    return options


@dataclass(frozen=True)
class SpanValues:
    """What govtext knows about one span on a spaCy Doc (``span._.govtext``)."""

    label: str
    start: int
    end: int
    text: str
    attrs: Dict[str, Any]

    @property
    def value(self) -> Any:
        """The exact value as a string (``"27127000000"``, ``"1/3"``, ``"2018-04"``)."""
        return self.attrs.get("value")

    @property
    def number(self) -> Union[Decimal, Fraction, None]:
        """A QUANTITY's value as an exact number; None for other labels."""
        value = self.attrs.get("value")
        if self.label != "QUANTITY" or value is None:
            return None
        return parse_exact(str(value))

    @property
    def unit(self) -> Optional[str]:
        return self.attrs.get("unit")

    @property
    def kind(self) -> Optional[str]:
        return self.attrs.get("kind")

    @property
    def name(self) -> Optional[str]:
        return self.attrs.get("name")

    @property
    def title(self) -> Optional[str]:
        return self.attrs.get("title")

    @property
    def canonical(self) -> Optional[str]:
        return self.attrs.get("canonical")


def entry(g_label: str, start: int, end: int, text: str,
          attrs: Mapping[str, Any]) -> Dict[str, Any]:
    return {"label": g_label, "start": start, "end": end, "text": text, "attrs": dict(attrs)}


def _span_values(span: Span) -> Optional[SpanValues]:
    store = span._.get(DATA)
    if not store:
        return None
    found = store.get(span.kb_id_) if span.kb_id_ else None
    if found is None:
        found = store.get(span.label_)
    if found is None:  # an entity with an OntoNotes label, or one re-made without label
        matches = [e for e in store.values()
                   if ontonotes_label(e["label"], e["attrs"]) == span.label_]
        if matches:
            found = min(matches, key=lambda e: rank(e["label"]))
        elif len(store) == 1:
            found = next(iter(store.values()))
        else:
            return None
    return SpanValues(found["label"], found["start"], found["end"], found["text"],
                      {k: _lists(v) for k, v in found["attrs"].items()})


def _lists(value: Any) -> Any:
    """JSON lists back from msgpack (DocBin reads them as tuples)."""
    return [_lists(v) for v in value] if isinstance(value, (list, tuple)) else value


def _document(doc: Doc) -> Optional[Document]:
    data = doc._.get(DATA)
    return None if data is None else Document.from_dict(data)


def register_extensions() -> None:
    """Register the ``govtext`` and ``govtext_data`` extensions on Doc and Span (does
    nothing for ones that exist). Called on every doc by the component, because a worker
    process of `nlp.pipe(n_process=...)` does not inherit the parent's extensions."""
    if not Doc.has_extension(DATA):
        Doc.set_extension(DATA, default=None)
    if not Doc.has_extension(NAME):
        Doc.set_extension(NAME, getter=_document)
    if not Span.has_extension(DATA):
        Span.set_extension(DATA, default=None)
    if not Span.has_extension(NAME):
        Span.set_extension(NAME, getter=_span_values)


__all__ = ["DATA", "LABEL_SETS", "NAME", "ONTONOTES_QUANTITY", "SpanValues",
           "displacy_colors", "displacy_options", "entity_label", "ontonotes_label",
           "rank", "register_extensions"]
