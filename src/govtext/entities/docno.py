"""DOCNO: official document numbers (文号) such as 秦纪发〔2018〕3号."""

from __future__ import annotations

from ..document import DocNo


def find_docnos(text: str, norm: str, start: int = 0, end: int | None = None) -> list[DocNo]:
    """Document numbers in ``text[start:end]`` (offsets index `text`; `norm` is its
    same-length normalized view)."""
    return []
