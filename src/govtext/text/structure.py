"""Document structure: metadata header, boilerplate, body, outline, paragraphs, sentences.

(Minimal first version: paragraphs are lines, sentences end at 。！？； and line ends.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Metadata, Region, Section
from .prepare import Prepared


@dataclass(frozen=True, slots=True)
class Structure:
    metadata: Metadata = field(default_factory=Metadata)
    boilerplate: tuple[Region, ...] = ()
    body: Region | None = None
    outline: tuple[Section, ...] = ()
    paragraphs: tuple[Region, ...] = ()
    sentences: tuple[Region, ...] = ()


_LINE = regex.compile(r"[^\r\n]+")
_SENTENCE = regex.compile(r"[^。！？；!?;\r\n]*(?:[。！？；!?;]+[”’」』)）]*|$)")


def analyze(prep: Prepared) -> Structure:
    text = prep.text
    paragraphs = []
    sentences = []
    for m in _LINE.finditer(text):
        if m.group().strip():
            paragraphs.append(Region(m.start(), m.end(), m.group(), "paragraph"))
            for s in _SENTENCE.finditer(text, m.start(), m.end()):
                if s.group().strip():
                    sentences.append(Region(s.start(), s.end(), s.group(), "sentence"))
    body = Region(0, len(text), text, "body")
    return Structure(body=body, paragraphs=tuple(paragraphs), sentences=tuple(sentences))
