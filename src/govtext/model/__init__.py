"""The data model: values, spans, the label registry, structure, the Document.

Everything here is plain frozen data with no language knowledge, so every other part of
govtext (finders, resolve, integrations, the CLI) depends on it and it depends on none.
"""

from __future__ import annotations

from . import labels as _registry
from .document import Document
from .labels import Attr, LabelSpec, register
from .serialize import SCHEMA, SCHEMA_VERSION, span_from_dict
from .spans import (APPROX, INDICATOR_CHANGES, INDICATOR_STATUSES, QUANTITY_KINDS,
                    REGULATION_KINDS, Agency, Date, DocNo, Indicator, Location, Official, Org,
                    Person, Quantity, Regulation, Span, Term, Work)
from .structure import Metadata, Region, Section, Token
from .tokens import Tokens
from .values import Number, format_number, parse_exact


# the built-in labels; `labels.labels()` also lists those registered later by plugins
LABELS = _registry.labels()

__all__ = ["APPROX", "Agency", "Attr", "Date", "DocNo", "Document", "INDICATOR_CHANGES",
           "INDICATOR_STATUSES", "Indicator", "LABELS", "LabelSpec", "Location",
           "Metadata", "Number", "Official", "Org", "Person", "QUANTITY_KINDS", "Quantity",
           "REGULATION_KINDS", "Region", "Regulation", "SCHEMA", "SCHEMA_VERSION", "Section",
           "Span", "Term", "Token", "Tokens", "Work", "format_number", "parse_exact", "register",
           "span_from_dict"]
