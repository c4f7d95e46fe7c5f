"""Document structure: metadata header, boilerplate, body, outline, paragraphs, sentences.

`analyze` reads a prepared text in one linear pass over its lines:

1. boilerplate lines and stretches (`govtext.text.boilerplate`): navigation, page tools,
   footers; they stay in the text and no entity is reported inside them;
2. the metadata header near the top (`govtext.text.metadata`); its lines are annotated
   like body text, so they are paragraphs and sentences but not boilerplate;
3. the body: from the first content line after the header (or after the leading
   boilerplate) to the last content line before the trailing boilerplate; ``None``
   when the text has no content at all;
4. paragraphs (non-blank, non-boilerplate lines) and sentences
   (`govtext.text.sentences`);
5. the outline of the body's headings (`govtext.text.outline`).

The footer's sponsor (主办单位) goes to `Metadata.sponsor`: a bare issuing body in the
header (发布机构：办公室) is usually that sponsor's office.

When the header has no title field, the first title-like line (short, no sentence
punctuation, not a numbered heading) among the first content lines is the title.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Metadata, Region, Section
from .boilerplate import find_boilerplate
from .lines import Line, split_lines
from .metadata import (Field, build_metadata, continue_field, find_sponsor, parse_date,
                       read_fields, read_report_header)
from .outline import build_outline, is_heading
from .prepare import Prepared
from .sentences import paragraphs as find_paragraphs
from .sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Structure:
    metadata: Metadata = field(default_factory=Metadata)
    boilerplate: tuple[Region, ...] = ()
    body: Region | None = None
    outline: tuple[Section, ...] = ()
    paragraphs: tuple[Region, ...] = ()
    sentences: tuple[Region, ...] = ()


HEADER_SCAN = 40  # content lines searched for the metadata header
HEADER_GAP = 3  # content lines after the last header line that end the search
LONG_LINE = 80  # a content line this long (or with a 。) is body text
MAX_HEADER_LINE = 1000  # longer lines are never header lines
TITLE_SCAN = 3  # content lines searched for a title when there is no title field
_TITLE_PUNCT = frozenset("。；;，,：:！!？?")


def _read_header(text: str, norm: str, lines: list[Line], boiler: set[int]) \
        -> tuple[list[Field], set[int]]:
    fields: list[Field] = []
    header: set[int] = set()
    content = gap = 0
    i = 0
    while i < len(lines) and content < HEADER_SCAN:
        ln = lines[i]
        if ln.blank or i in boiler:
            i += 1
            continue
        found = read_fields(text, norm, ln) if ln.hi - ln.lo <= MAX_HEADER_LINE else []
        if not found and header and gap == 0 and ln.hi - ln.lo <= MAX_HEADER_LINE:
            # right after header lines, lines of labels not in the table count too
            # (生成日期: ...), but only with every value present
            found = [f for f in read_fields(text, norm, ln, require_known=False)]
            if any(f.value_start == f.value_end for f in found):
                found = []
        if not found:
            if ln.hi - ln.lo > LONG_LINE or "。" in norm[ln.lo:ln.hi]:
                break  # body prose: the header is above it
            content += 1
            gap += 1
            if header and gap >= HEADER_GAP:
                break
            i += 1
            continue
        gap = 0
        header.add(i)
        if found[-1].value_start == found[-1].value_end:
            # a two-row table: the value is on the next non-blank line
            k = i + 1
            while k < len(lines) and lines[k].blank:
                k += 1
            if k < len(lines) and k not in boiler and lines[k].hi - lines[k].lo <= 60 \
                    and not read_fields(text, norm, lines[k]):
                found = continue_field(text, found, lines[k])
                header.add(k)
                i = k
        fields.extend(found)
        i += 1
    return fields, header


def _title_like(text: str, norm: str, ln: Line) -> bool:
    s = norm[ln.lo:ln.hi]
    if not 4 <= len(s) <= LONG_LINE or s[-1] in _TITLE_PUNCT or "。" in s:
        return False
    if sum(1 for c in s if "\u4e00" <= c <= "\u9fff") < 4:
        return False
    if parse_date(s) is not None and len(s) <= 16:
        return False
    if s.endswith("文件") and len(s) <= 24:
        return False  # the red letterhead (某某市人民政府文件) stands above the title
    if _mostly_docno(text, norm, ln):
        return False
    return not is_heading(norm, Region(ln.lo, ln.hi, text[ln.lo:ln.hi], "paragraph"))


def _mostly_docno(text: str, norm: str, ln: Line) -> bool:
    from ..entities.docno import find_docnos

    return any(d.end - d.start >= (ln.hi - ln.lo) // 2
               for d in find_docnos(text, norm, ln.lo, ln.hi))


def analyze(prep: Prepared) -> Structure:
    text, norm = prep.text, prep.norm
    lines = split_lines(text)
    boilerplate = find_boilerplate(text, norm, lines)
    whole = {(r.start, r.end) for r in boilerplate}
    boiler = {i for i, ln in enumerate(lines) if ln.lo < ln.hi and (ln.lo, ln.hi) in whole}

    fields, header = _read_header(text, norm, lines, boiler)
    # a visit counter (浏览次数：12) inside a header line is page furniture, not a field
    fields = [f for f in fields
              if not any(r.start <= f.value_start < r.end for r in boilerplate)]
    content = [i for i, ln in enumerate(lines)
               if ln.lo < ln.hi and i not in boiler and i not in header]
    after = max(header) if header else -1
    body_lines = [i for i in content if i > after]
    body = None
    if body_lines:
        s, e = lines[body_lines[0]].lo, lines[body_lines[-1]].hi
        body = Region(s, e, text[s:e], "body")

    title = None
    if not any(f.key == "title" and f.value_start < f.value_end for f in fields):
        for i in content[:TITLE_SCAN]:
            if _title_like(text, norm, lines[i]):
                title = text[lines[i].lo:lines[i].hi]
                break
            if "。" in norm[lines[i].lo:lines[i].hi]:
                break  # prose came first: a later short line is a heading, not the title
    meta_start = min((lines[i].lo for i in header), default=None)
    meta_end = max((lines[i].hi for i in header), default=None)
    metadata = build_metadata(text, norm, fields, title=title, start=meta_start, end=meta_end)
    sponsor = next((found for r in boilerplate if r.kind == "footer"
                    for found in [find_sponsor(text, norm, r.start, r.end)] if found), None)
    if sponsor is not None:
        metadata = replace(metadata, sponsor=sponsor)
    report = read_report_header(text, norm)
    if report:
        metadata = replace(metadata, **report)  # type: ignore[arg-type]

    paras = find_paragraphs(text, lines, [(lines[i].lo, lines[i].hi) for i in boiler])
    sentences = [s for p in paras for s in split_sentences(text, norm, p)]
    body_paras = [p for p in paras if body is not None
                  and body.start <= p.start and p.end <= body.end]
    outline = build_outline(text, norm, body_paras)
    return Structure(metadata=metadata, boilerplate=tuple(boilerplate), body=body,
                     outline=outline, paragraphs=tuple(paras), sentences=tuple(sentences))
