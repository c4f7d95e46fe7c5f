"""Saved government web pages: main text extraction and page metadata.

`annotate_html(html, pipeline=None)` extracts the main text of a page with trafilatura
(the optional ``html`` extra: ``pip install govtext[html]``), annotates it, and fills
metadata the text itself lacks from the page: the information-disclosure header table
(索引号, 发布机构, 发文日期, ... read from the table cells wherever trafilatura dropped
them), then the page title and date found by trafilatura. The Document's text is the
extracted text; its offsets index that text, not the HTML.

`extract_text(html)` gives the extracted text alone.

A page that is not empty but yields no main text, or that lxml cannot parse, is not
passed over in silence: an `HTMLWarning` names the problem (the result is then "" or
the metadata found so far), so a batch run reports it against the file.
"""

from __future__ import annotations

import dataclasses
import warnings
from datetime import date
from typing import TYPE_CHECKING, Any

import regex

from ..model import DocNo, Metadata
from .lines import split_lines
from .metadata import Field, build_metadata, parse_date, read_fields
from .prepare import normalize

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document
    from ..pipeline import Pipeline

_INSTALL = ("annotate_html needs the trafilatura library: pip install govtext[html] "
            "(or pip install trafilatura)")
_BLOCK = frozenset("""p div br tr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody
tfoot section article header footer nav aside form title pre blockquote address
figure figcaption caption hr main center""".split())
_CELL = frozenset(("td", "th"))
_SITE_SUFFIX = regex.compile(r"\s*(?:_|\||｜| - | — |--)\s*")
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_SKIP = frozenset(("script", "style", "noscript", "template", "svg", "head"))


class HTMLWarning(UserWarning):
    """A page gave no main text or could not be parsed; the result may be empty."""


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(_INSTALL) from err
    return trafilatura


def _as_text(html: str | bytes) -> str:
    if isinstance(html, (bytes, bytearray)):
        from .reading import decode

        return decode(bytes(html), "<html>")
    if not isinstance(html, str):
        raise TypeError(f"annotate_html expects the page as str or bytes, "
                        f"not {type(html).__name__}")
    return html


def extract_text(html: str | bytes) -> str:
    """The main text of a page (paragraphs on their own lines), or "" if none."""
    traf = _trafilatura()
    page = _as_text(html)
    if not page.strip():
        return ""
    text = traf.extract(page, output_format="txt", include_comments=False,
                        include_tables=True, favor_recall=True, deduplicate=False)
    if not text:
        warnings.warn("no main text found in the page (is it a saved web page?)",
                      HTMLWarning, stacklevel=2)
    return text or ""


def page_lines(html: str) -> str:
    """The page's visible text, one block per line and table cells separated by tabs
    (enough to read a metadata table)."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    try:
        # lxml refuses a str that carries an encoding declaration: drop the declaration
        root = lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        warnings.warn(f"the page could not be parsed ({type(err).__name__}: {err}); "
                      "its header table is not read", HTMLWarning, stacklevel=2)
        return ""
    out: list[str] = []
    # an explicit stack instead of recursion: pages can nest deeply
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _CELL:
                out.append("\t")
            if tag in _BLOCK:
                out.append("\n")
            if el.tail:
                out.append(el.tail)
            continue
        if tag in _SKIP or not isinstance(el.tag, str):
            if el.tail:
                out.append(el.tail)
            continue
        if tag in _BLOCK:
            out.append("\n")
        if el.text:
            out.append(el.text)
        stack.append((el, True))
        for child in reversed(el):
            stack.append((child, False))
    lines = (" ".join(line.split()) if "\t" not in line else
             "\t".join(" ".join(c.split()) for c in line.split("\t") if c.strip())
             for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def page_metadata(html: str | bytes) -> Metadata:
    """Metadata of a page: header table fields, then trafilatura's title and date.
    `docno` is left None (its span would index the page, not a Document's text);
    `annotate_html` finds it in the Document's text instead."""
    page = _as_text(html)
    text = page_lines(page)
    norm = normalize(text)
    fields: list[Field] = []
    for line in split_lines(text):
        fields.extend(read_fields(text, norm, line))
    meta = dataclasses.replace(build_metadata(text, norm, fields), docno=None)
    traf = _trafilatura()
    info = traf.extract_metadata(page) if page.strip() else None
    title = getattr(info, "title", None) if info is not None else None
    published: date | None = None
    raw_date = getattr(info, "date", None) if info is not None else None
    if raw_date:
        published = parse_date(str(raw_date))
    return dataclasses.replace(
        meta,
        title=meta.title or _page_title(title),
        published=meta.published or published,
        fields=tuple((k, v) for k, v in meta.fields),
    )


def _page_title(title: object) -> str | None:
    """A page title without the site name pages append: ``…报告_湖州市人民政府``."""
    if not isinstance(title, str) or not title.strip():
        return None
    head = _SITE_SUFFIX.split(title.strip(), maxsplit=1)[0].strip()
    return head if len(head) >= 4 else title.strip()


def merge_metadata(first: Metadata, second: Metadata) -> Metadata:
    """`first`, with its missing values taken from `second`; fields of both, without
    repeating a label."""
    values = {}
    for f in dataclasses.fields(Metadata):
        if f.name in ("fields", "start", "end"):
            continue
        mine = getattr(first, f.name)
        values[f.name] = mine if mine is not None else getattr(second, f.name)
    seen = {label for label, _ in first.fields}
    fields = first.fields + tuple(kv for kv in second.fields if kv[0] not in seen)
    return dataclasses.replace(first, fields=fields, **values)


def annotate_html(html: str | bytes, pipeline: Pipeline | None = None) -> Document:
    """Annotate the main text of a saved web page; see the module docstring."""
    from ..pipeline import default_pipeline

    text = extract_text(html)
    nlp = pipeline if pipeline is not None else default_pipeline()
    doc = nlp(text)
    page = page_metadata(html)
    meta = merge_metadata(doc.metadata, page)
    if meta.docno is None:
        meta = dataclasses.replace(meta, docno=_docno_in(doc.text, page))
    return dataclasses.replace(doc, metadata=meta)


def _docno_in(text: str, page: Metadata) -> DocNo | None:
    """The page's 发文字号, as a span of the Document's text when it occurs there."""
    from ..entities.docno import find_docnos
    from .metadata import _labels

    keys, _ = _labels()
    for label, value in page.fields:
        if keys.get("".join(label.split())) == "docno" and value:
            at = text.find(value)
            if at >= 0:
                found = find_docnos(text, normalize(text), at, at + len(value))
                if found:
                    return found[0]
    return None
