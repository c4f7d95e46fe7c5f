"""govtext: typed, offset-exact annotations of Chinese government documents.

    >>> import govtext
    >>> doc = govtext.annotate("市长张瑞书在市政府常务会议上强调")
    >>> [(s.label, s.text) for s in doc.spans]
    [('OFFICIAL', '市长张瑞书'), ('AGENCY', '市政府')]

Public names are imported lazily, so `import govtext` is fast and dictionaries load
on first use. Type checkers see them through the explicit re-exports below.
"""

from __future__ import annotations

import typing as _typing

__version__ = "0.1.0"

# public name -> the module (relative to this package) that defines it
_EXPORTS = {
    "annotate": "pipeline",
    "explain": "pipeline",
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
    "NumberMatch": "numbers",
    "read": "text.reading",
    "annotate_file": "text.reading",
    "annotate_html": "text.html",
    "to_frame": "integrations.pandas",
    "GovtextError": "errors",
}

if _typing.TYPE_CHECKING:  # pragma: no cover - explicit re-exports for type checkers
    from .errors import GovtextError as GovtextError
    from .integrations.pandas import to_frame as to_frame
    from .model import LABELS as LABELS
    from .model import Agency as Agency
    from .model import Date as Date
    from .model import DocNo as DocNo
    from .model import Document as Document
    from .model import Location as Location
    from .model import Metadata as Metadata
    from .model import Official as Official
    from .model import Org as Org
    from .model import Person as Person
    from .model import Quantity as Quantity
    from .model import Region as Region
    from .model import Regulation as Regulation
    from .model import Section as Section
    from .model import Span as Span
    from .model import Term as Term
    from .model import Token as Token
    from .model import Work as Work
    from .numbers import NumberMatch as NumberMatch
    from .numbers import find_numbers as find_numbers
    from .numbers import parse_number as parse_number
    from .pipeline import Pipeline as Pipeline
    from .pipeline import annotate as annotate
    from .pipeline import explain as explain
    from .text.html import annotate_html as annotate_html
    from .text.reading import annotate_file as annotate_file
    from .text.reading import read as read

__all__ = ["Agency", "Date", "DocNo", "Document", "GovtextError", "LABELS", "Location",
           "Metadata", "NumberMatch", "Official", "Org", "Person", "Pipeline", "Quantity",
           "Region", "Regulation", "Section", "Span", "Term", "Token", "Work", "__version__",
           "annotate", "annotate_file", "annotate_html", "explain", "find_numbers",
           "parse_number", "read", "to_frame"]


def __getattr__(name: str) -> _typing.Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govtext' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, each once (submodules and helpers left out)."""
    return sorted(__all__)
