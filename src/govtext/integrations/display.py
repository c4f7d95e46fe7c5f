"""A Document as self-contained HTML, so that it shows itself in a notebook.

Each span is a highlighted ``<mark>`` with a colour per label and its label after it;
hovering shows the normalized attributes (value, unit, name, title, ...) from the
``title`` attribute. Only the standard library is used (no spaCy, no displaCy).

Overlaps: spans are visited outermost first (by start, then longest). A span lying
inside an open one is drawn nested inside it; a span that crosses the boundary of an
open one cannot be drawn as well-formed HTML and is skipped, and a note says how many
were skipped.
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Document, Region, Span

COLOURS = {
    "OFFICIAL": "#f6bd60",
    "PERSON": "#f28482",
    "AGENCY": "#84a59d",
    "ORG": "#a3c4bc",
    "LOCATION": "#90caf9",
    "REGULATION": "#cdb4db",
    "WORK": "#ffc8dd",
    "DOCNO": "#b8c0ff",
    "DATE": "#bde0fe",
    "QUANTITY": "#ffd166",
    "TERM": "#d8e2dc",
}
FALLBACK_COLOUR = "#dddddd"
DEFAULT_LIMIT = 100_000  # characters drawn; a notebook chokes on megabytes of marks

CSS = """
.govtext-doc { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
  sans-serif; line-height: 2.1; white-space: pre-wrap; word-break: break-all;
  max-height: 40em; overflow-y: auto; padding: 0.5em; border: 1px solid #e0e0e0; }
.govtext-doc mark { padding: 0.05em 0.15em; margin: 0 0.05em; border-radius: 0.3em;
  color: inherit; }
.govtext-doc mark mark { padding: 0 0.1em; }
.govtext-doc .gt-label { font-size: 0.6em; font-weight: bold; margin-left: 0.3em;
  vertical-align: middle; opacity: 0.75; font-family: sans-serif; }
.govtext-legend { font-family: sans-serif; font-size: 0.85em; margin: 0.3em 0; }
.govtext-legend span { padding: 0.1em 0.4em; margin-right: 0.3em; border-radius: 0.3em; }
.govtext-doc .gt-boilerplate { color: #999; }
.govtext-note { font-family: sans-serif; font-size: 0.8em; color: #666; }
"""


def colour(label: str) -> str:
    return COLOURS.get(label, FALLBACK_COLOUR)


def _tooltip(span: Span) -> str:
    """The label and the normalized attributes, one per line."""
    lines = [span.label]
    for key, value in span.attrs.items():
        if value is not None and value != "":
            lines.append(f"{key}: {value}")
    return "\n".join(lines)


def _open(span: Span) -> str:
    title = html.escape(_tooltip(span), quote=True)
    return (f'<mark class="gt-{span.label.lower()}" style="background: {colour(span.label)}"'
            f' title="{title}">')


def _close(span: Span) -> str:
    return f'<span class="gt-label">{html.escape(span.label)}</span></mark>'


def render_body(doc: Document, limit: int | None = DEFAULT_LIMIT) -> tuple[str, int]:
    """The text with its spans as nested ``<mark>`` elements, and how many crossing
    spans were skipped. Boilerplate regions are greyed. Only the first `limit`
    characters are drawn."""
    text = doc.text if limit is None else doc.text[:limit]
    end_of_text = len(text)
    out: list[str] = []
    stack: list[Span | Region] = []
    pos = 0
    skipped = 0

    def close_until(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= offset:
            top = stack.pop()
            out.append(html.escape(text[pos:top.end]))
            pos = top.end
            out.append(_close(top) if isinstance(top, Span) else "</span>")

    # Boilerplate (navigation, footers) is greyed; it sorts before a span starting at
    # the same place and as long, so that it is the outer element.
    items: list[Span | Region] = [*doc.boilerplate, *doc.spans]
    items.sort(key=lambda x: (x.start, -x.end, isinstance(x, Span)))
    for item in items:  # outer items come first
        if item.end > end_of_text or item.start >= item.end:
            continue
        close_until(item.start)
        if stack and item.end > stack[-1].end:
            skipped += isinstance(item, Span)  # crosses an open item: cannot nest
            continue
        out.append(html.escape(text[pos:item.start]))
        pos = item.start
        if isinstance(item, Span):
            out.append(_open(item))
        else:
            out.append(f'<span class="gt-boilerplate" title="{html.escape(item.kind)}">')
        stack.append(item)
    close_until(end_of_text)
    out.append(html.escape(text[pos:]))
    return "".join(out), skipped


def render_legend(doc: Document) -> str:
    counts: dict[str, int] = {}
    for s in doc.spans:
        counts[s.label] = counts.get(s.label, 0) + 1
    chips = "".join(
        f'<span style="background: {colour(label)}">{html.escape(label)} {n}</span>'
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f'<div class="govtext-legend">{chips or "no spans"}</div>'


def render_html(doc: Document, limit: int | None = DEFAULT_LIMIT) -> str:
    """Self-contained HTML (with its own CSS) for a Document: legend, highlighted text
    and a note about anything not drawn."""
    body, skipped = render_body(doc, limit)
    notes = []
    if limit is not None and len(doc.text) > limit:
        notes.append(f"showing the first {limit:,} of {len(doc.text):,} characters")
    if skipped:
        notes.append(f"{skipped} span(s) crossing another span not drawn")
    note = (f'<div class="govtext-note">{html.escape("; ".join(notes))}</div>'
            if notes else "")
    return (f"<style>{CSS}</style>"
            f'<div class="govtext">{render_legend(doc)}'
            f'<div class="govtext-doc">{body}</div>{note}</div>')


def display(doc: Document, **kwargs: Any) -> None:
    """Show a Document in IPython/Jupyter (what evaluating ``doc`` in a cell does)."""
    from IPython.display import HTML
    from IPython.display import display as ipython_display

    ipython_display(HTML(render_html(doc, **kwargs)))


__all__ = ["COLOURS", "CSS", "colour", "display", "render_body", "render_html",
           "render_legend"]
