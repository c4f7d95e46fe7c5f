"""Documents built by hand, span by span, for the corpus tables."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from govtext.model import (Date, DocNo, Document, Metadata, Official, Person, Region,
                              Regulation)


def build(text: str, *spans: tuple[Any, ...], issued: date | None = None,
          boilerplate: tuple[str, ...] = ()) -> Document:
    """`spans` are (kind, surface, fields...): ("O", "周总理", "周", "总理"),
    ("P", "周恩来"), ("R", "《行政处罚法》", "行政处罚法"), ("N", "国办发〔2018〕3号",
    "国办发", "2018", "3"), ("D", "2017年3月5日", "2017-03-05"). Each surface is found
    after the previous one of the same text; sentences end at 。 and line breaks."""
    made = []
    seen: dict[str, int] = {}
    for kind, surface, *rest in spans:
        start = text.index(surface, seen.get(surface, 0))
        seen[surface] = start + 1
        end = start + len(surface)
        if kind == "O":
            made.append(Official(start, end, surface, name=rest[0], title=rest[1]))
        elif kind == "P":
            made.append(Person(start, end, surface, name=rest[0] if rest else surface))
        elif kind == "R":
            made.append(Regulation(start, end, surface, title=rest[0],
                                   kind=rest[1] if len(rest) > 1 else "law"))
        elif kind == "N":
            made.append(DocNo(start, end, surface, issuer_code=rest[0], year=rest[1],
                              serial=rest[2]))
        elif kind == "D":
            made.append(Date(start, end, surface, value=rest[0]))
        else:
            raise ValueError(kind)
    regions = []
    for part in boilerplate:
        start = text.index(part)
        regions.append(Region(start, start + len(part), part, "footer"))
    sentences = [Region(m.start(), m.end(), m.group(), "sentence")
                 for m in re.finditer(r"[^。\n]+。?", text)]
    return Document(text, spans=tuple(made), boilerplate=tuple(regions),
                    sentences=tuple(sentences), metadata=Metadata(issued=issued))
