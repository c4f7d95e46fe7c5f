"""What every subcommand shares: the program name, usage errors, per-input problems."""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PROG = "govtext"


class UsageError(Exception):
    """A problem with the command itself rather than with one input (exit code 2)."""


@dataclass
class Problems:
    """Failed inputs (errors, counted in the exit code) and doubtful ones (warnings),
    reported on stderr as they happen, each with the input's name."""

    command: str
    count: int = 0
    warnings: int = 0
    stream: IO[str] | None = None

    def report(self, name: str, message: str) -> None:
        self.count += 1
        self._print(name, message, "")

    def warn(self, name: str, message: str) -> None:
        self.warnings += 1
        self._print(name, message, "warning: ")

    def _print(self, name: str, message: str, kind: str) -> None:
        stream = self.stream or sys.stderr
        text = message if name in message else f"{name}: {message}"
        print(f"{PROG} {self.command}: {kind}{text}", file=stream, flush=True)


def shown(path: Path | str) -> str:
    """A path as valid text: bytes of a file name that are not UTF-8 (a GBK name from a
    Windows zip) appear as ``\\xNN`` escapes instead of lone surrogates, which no UTF-8
    output can hold."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def message(exc: BaseException) -> str:
    """An exception as a short message: the OS reason, else its text."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc)
    return text if text else type(exc).__name__


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def check_encoding(name: str | None) -> None:
    if name is not None:
        try:
            codecs.lookup(name)
        except LookupError:
            raise UsageError(f"unknown encoding {name!r}") from None
