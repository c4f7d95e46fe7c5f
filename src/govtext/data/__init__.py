"""Language data shipped with govtext, read lazily and once.

Every file here starts with `#` header lines that say what it holds and where its entries
came from. Tables are UTF-8, one entry a line, fields separated by tabs.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=None)
def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated table, header comments and blank lines skipped."""
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


@lru_cache(maxsize=None)
def read_words(name: str) -> frozenset[str]:
    """The first column of a table as a set."""
    return frozenset(row[0] for row in read_rows(name) if row and row[0])


@lru_cache(maxsize=None)
def longest_first(name: str) -> tuple[str, ...]:
    """The first column of a table, longest words first (for prefix and suffix tests
    and regex alternations, where the longest match must be tried first)."""
    return tuple(sorted(read_words(name), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def read_json(name: str) -> Any:
    """A JSON data file; its header lives under the "_about" key."""
    return json.loads(read_text(name))


def exists(name: str) -> bool:
    return files(__name__).joinpath(name).is_file()
