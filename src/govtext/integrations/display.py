"""A Document as self-contained HTML, so that it shows itself in a notebook or a page.

Each span is a highlighted ``<mark>`` in its label's colour (from the label registry),
followed by its label tag and, where it has one, a compact normalized value
(``27127000000 元``, ``2018-04``, the canonical name of an agency); a checkbox above the
text hides the values. Tags never break across lines. Hovering still shows every
attribute. Runs of blank lines are drawn as one blank line. Only the standard library
is used (no spaCy, no displaCy); `page` makes a complete HTML file (`govtext view`).

Overlaps: spans are visited outermost first (by start, then longest). A span lying
inside an open one is drawn nested inside it; a span that crosses the boundary of an
open one cannot be drawn as well-formed HTML and is skipped, and a note says how many
were skipped.
"""

from __future__ import annotations

import html
import itertools
import re
from typing import Any

from ..model import Document, Region, Span
from ..model import labels as registry

FALLBACK_COLOUR = "#dddddd"
DEFAULT_LIMIT = 100_000  # characters drawn; a notebook chokes on megabytes of marks
DEFAULT_HEIGHT = "40em"  # the notebook box; None draws the whole text (resizable box)

CSS = """
.govtext-doc { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
  sans-serif; line-height: 2.2; white-space: pre-wrap; word-break: break-all;
  overflow-y: auto; padding: 0.5em; border: 1px solid #e0e0e0; resize: vertical; }
.govtext-doc mark { padding: 0.05em 0.15em; margin: 0 0.05em; border-radius: 0.3em;
  color: inherit; }
.govtext-doc mark mark { padding: 0 0.1em; }
.govtext-doc .gt-label, .govtext-doc .gt-value { display: inline-block;
  white-space: nowrap; word-break: keep-all; font-family: sans-serif; line-height: 1.2;
  vertical-align: middle; }
.govtext-doc .gt-label { font-size: 0.6em; font-weight: bold; margin-left: 0.3em;
  opacity: 0.75; }
.govtext-doc .gt-value { font-size: 0.7em; margin-left: 0.25em; padding: 0 0.3em;
  border-radius: 0.3em; background: rgba(255, 255, 255, 0.65); color: #333; }
.govtext-hide-values:checked ~ .govtext-doc .gt-value { display: none; }
.govtext-legend { font-family: sans-serif; font-size: 0.85em; margin: 0.3em 0; }
.govtext-legend span { padding: 0.1em 0.4em; margin-right: 0.3em; border-radius: 0.3em;
  white-space: nowrap; display: inline-block; }
.govtext-toggle { font-family: sans-serif; font-size: 0.8em; color: #444; }
.govtext-doc .gt-boilerplate { color: #999; }
.govtext-note { font-family: sans-serif; font-size: 0.8em; color: #666; }
"""

_ids = itertools.count(1)  # ids for the checkbox of each rendering on one page
_BLANK_RUN = re.compile(r"\n(?:[ \t\r\u3000]*\n){2,}")
_APPROX = {"more": ">", "less": "<", "about": "≈"}


def colour(label: str) -> str:
    """A label's display colour, from the registry."""
    spec = registry.get(label)
    return spec.colour if spec is not None else FALLBACK_COLOUR


def compact_value(span: Span) -> str | None:
    """The short normalized value drawn after a span, or None when the text says it
    all."""
    attrs = span.attrs
    if span.label == "QUANTITY":
        low, high = attrs.get("low"), attrs.get("high")
        number = f"{low}–{high}" if low is not None and high is not None else attrs["value"]
        sign = _APPROX.get(attrs.get("approx") or "", "")
        return f"{sign}{number} {attrs.get('unit') or ''}".strip()
    if span.label == "DATE":
        return attrs.get("value")
    if span.label == "AGENCY":
        canonical = attrs.get("canonical")
        return canonical if canonical and canonical != span.text else None
    if span.label == "REGULATION":
        return attrs.get("kind")
    return None


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
    value = compact_value(span)
    shown = f'<span class="gt-value">{html.escape(value)}</span>' if value else ""
    return f'<span class="gt-label">{html.escape(span.label)}</span>{shown}</mark>'


def render_body(doc: Document, limit: int | None = DEFAULT_LIMIT, *,
                compact: bool = True) -> tuple[str, int]:
    """The text with its spans as nested ``<mark>`` elements, and how many crossing
    spans were skipped. Boilerplate regions are greyed. Only the first `limit`
    characters are drawn; with `compact`, runs of blank lines become one."""
    text = doc.text if limit is None else doc.text[:limit]

    def escape(part: str) -> str:
        return html.escape(_BLANK_RUN.sub("\n\n", part) if compact else part)

    end_of_text = len(text)
    out: list[str] = []
    stack: list[Span | Region] = []
    pos = 0
    skipped = 0

    def close_until(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= offset:
            top = stack.pop()
            out.append(escape(text[pos:top.end]))
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
        out.append(escape(text[pos:item.start]))
        pos = item.start
        if isinstance(item, Span):
            out.append(_open(item))
        else:
            out.append(f'<span class="gt-boilerplate" title="{html.escape(item.kind)}">')
        stack.append(item)
    close_until(end_of_text)
    out.append(escape(text[pos:]))
    return "".join(out), skipped


def render_legend(doc: Document) -> str:
    counts: dict[str, int] = {}
    for s in doc.spans:
        counts[s.label] = counts.get(s.label, 0) + 1
    chips = "".join(
        f'<span style="background: {colour(label)}">{html.escape(label)} {n}</span>'
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f'<div class="govtext-legend">{chips or "no spans"}</div>'


def render_html(doc: Document, limit: int | None = DEFAULT_LIMIT, *,
                height: str | None = DEFAULT_HEIGHT, values: bool = True) -> str:
    """Self-contained HTML (with its own CSS) for a Document: legend, a checkbox that
    hides the values, the highlighted text in a box `height` high (None: as high as the
    text) and a note about anything not drawn. `values` says whether the values show
    at first."""
    body, skipped = render_body(doc, limit)
    notes = []
    if limit is not None and len(doc.text) > limit:
        notes.append(f"showing the first {limit:,} of {len(doc.text):,} characters")
    if skipped:
        notes.append(f"{skipped} span(s) crossing another span not drawn")
    note = (f'<div class="govtext-note">{html.escape("; ".join(notes))}</div>'
            if notes else "")
    box = f' style="max-height: {html.escape(height)}"' if height else ""
    uid = f"govtext-values-{next(_ids)}"
    checked = "" if values else " checked"
    toggle = (f'<input type="checkbox" class="govtext-hide-values" id="{uid}"{checked}>'
              f'<label class="govtext-toggle" for="{uid}"> hide values</label>')
    return (f"<style>{CSS}</style>"
            f'<div class="govtext">{render_legend(doc)}{toggle}'
            f'<div class="govtext-doc"{box}>{body}</div>{note}</div>')


def page(doc: Document, title: str = "govtext", limit: int | None = None,
         height: str | None = None) -> str:
    """A complete HTML page (UTF-8) showing a Document, the whole text by default."""
    from . import check_encodable

    check_encodable(doc.text)
    return ("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title></head>"
            '<body style="margin: 1em auto; max-width: 60em; padding: 0 1em">'
            f"{render_html(doc, limit, height=height)}</body></html>\n")


def display(doc: Document, **kwargs: Any) -> None:
    """Show a Document in IPython/Jupyter (what evaluating ``doc`` in a cell does);
    keyword arguments as for `render_html` (``height=None`` for the whole text)."""
    from IPython.display import HTML
    from IPython.display import display as ipython_display

    ipython_display(HTML(render_html(doc, **kwargs)))


__all__ = ["CSS", "colour", "compact_value", "display", "page", "render_body",
           "render_html", "render_legend"]
