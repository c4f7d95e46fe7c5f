"""Tokens and document structure: regions (body, paragraphs, sentences, boilerplate),
the outline of headings, and the metadata header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from .spans import DocNo

JSON = Any


@dataclass(frozen=True, slots=True)
class Token:
    """A word from the segmenter."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of text with a role: boilerplate (`navigation`, `footer`, ...), the
    `body`, a `paragraph` or a `sentence`."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Section:
    """A heading in the outline and the text it governs.

    `marker` is the heading marker as written (`一、`, `（一）`, `1.`, `一是`), `number`
    its ordinal, `level` its depth (1 for `一、`), `title` the heading text up to its
    first `。` or line end; `start`/`end` cover the heading and its content.
    """

    start: int
    end: int
    marker: str
    number: int
    level: int
    title: str
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, JSON]:
        return {
            "start": self.start, "end": self.end, "marker": self.marker,
            "number": self.number, "level": self.level, "title": self.title,
            "children": [c.to_dict() for c in self.children],
        }

    def __str__(self) -> str:
        """The section and its children as an indented table of contents."""
        lines: list[str] = []

        def add(s: Section, depth: int) -> None:
            # 第一章 总则 reads with a space; 一、总则 and 一是总则 without
            gap = " " if s.marker[-1:] in "章节条编分" and s.title else ""
            lines.append(f"{'  ' * depth}{s.marker}{gap}{s.title}")
            for c in s.children:
                add(c, depth + 1)

        add(self, 0)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Header fields of a government information-disclosure page, or of a work report's
    header line (`——2024年3月5日在第十四届全国人民代表大会第二次会议上`)."""

    title: str | None = None
    index_no: str | None = None
    topic: str | None = None
    issuer: str | None = None
    docno: DocNo | None = None
    issued: date | None = None  # 发文日期 / 成文日期
    published: date | None = None  # 发布日期
    validity: str | None = None
    fields: tuple[tuple[str, str], ...] = ()  # every (label, value) read, as written
    source: str | None = None  # 来源 / 信息来源
    start: int | None = None  # offsets of the header lines in the text, when read from it
    end: int | None = None
    sponsor: str | None = None  # the site's sponsor from its footer (主办单位:…)
    delivered: date | None = None  # the day a report was delivered (its header line)
    speaker: str | None = None  # who delivered it
    meeting: str | None = None  # where: 第十四届全国人民代表大会第二次会议

    @property
    def date(self) -> date | None:
        """The document's date: issued, else published, else delivered."""
        return self.issued or self.published or self.delivered

    def to_dict(self) -> dict[str, JSON]:
        def day(v: date | None) -> str | None:
            return None if v is None else v.isoformat()

        return {
            "title": self.title,
            "index_no": self.index_no,
            "topic": self.topic,
            "issuer": self.issuer,
            "docno": None if self.docno is None else self.docno.to_dict(),
            "issued": day(self.issued),
            "published": day(self.published),
            "validity": self.validity,
            "fields": [list(f) for f in self.fields],
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "sponsor": self.sponsor,
            "delivered": day(self.delivered),
            "speaker": self.speaker,
            "meeting": self.meeting,
        }


__all__ = ["Metadata", "Region", "Section", "Token"]
