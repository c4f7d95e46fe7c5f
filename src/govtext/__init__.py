"""govtext: typed, offset-exact annotations of Chinese government documents.

    >>> import govtext
    >>> doc = govtext.annotate("市长张瑞书在市政府常务会议上强调")
    >>> [(s.label, s.text) for s in doc.spans]

Public names are imported lazily, so `import govtext` is fast and dictionaries load
on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "annotate": "pipeline",
    "Pipeline": "pipeline",
    "Document": "model",
    "Span": "model",
    "Token": "model",
    "Region": "model",
    "Section": "model",
    "Metadata": "model",
    "Official": "model",
    "Person": "model",
    "Agency": "model",
    "Org": "model",
    "Location": "model",
    "Regulation": "model",
    "Work": "model",
    "DocNo": "model",
    "Date": "model",
    "Quantity": "model",
    "Term": "model",
    "LABELS": "model",
    "parse_number": "numbers",
    "find_numbers": "numbers",
    "read": "text.reading",
    "annotate_file": "text.reading",
    "annotate_html": "text.html",
    "to_frame": "integrations.pandas",
}

if TYPE_CHECKING:  # pragma: no cover
    from .model import (LABELS, Agency, Date, DocNo, Document, Location, Metadata,
                           Official, Org, Person, Quantity, Region, Regulation, Section,
                           Span, Term, Token, Work)
    from .pipeline import Pipeline, annotate


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govtext' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_EXPORTS))


__all__ = sorted(_EXPORTS)
