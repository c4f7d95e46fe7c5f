"""Integrations at the edge: each imports the core, never the reverse.

One policy for text that cannot be written as UTF-8 (a lone surrogate, e.g. from
``bytes.decode(errors="surrogateescape")``): annotating works, but every integration
that hands the text to a tool that stores UTF-8 (spaCy, Arrow/Parquet, HTML files, and `Document.to_json`)
refuses it at the door with `InputError` E009, naming the offset, instead of crashing
deep inside that tool.
"""

from __future__ import annotations

from ..errors import check_encodable

__all__ = ["check_encodable"]
