"""`govtext stats`: the officials, agencies and regulations most mentioned across a
corpus, and its quantities by kind."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import InvalidOperation
from typing import Any, Iterable, Sequence

from ..model import Document
from .annotate import add_inputs, annotator
from .common import Problems, positive
from .tables import format_table

NAME = "stats"


@dataclass
class Tally:
    """Counts across a corpus: mentions and the number of documents mentioning."""

    mentions: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    detail: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, doc_keys: Iterable[tuple[str, str]]) -> None:
        seen = set()
        for key, detail in doc_keys:
            self.mentions[key] += 1
            self.detail.setdefault(key, Counter())[detail] += 1
            seen.add(key)
        self.documents.update(seen)

    def top(self, n: int) -> list[tuple[str, int, int, list[str]]]:
        ranked = sorted(self.mentions, key=lambda k: (-self.mentions[k], -self.documents[k], k))
        return [(k, self.mentions[k], self.documents[k],
                 [d for d, _ in self.detail[k].most_common() if d]) for k in ranked[:n]]


@dataclass
class CorpusStats:
    documents: int = 0
    characters: int = 0
    labels: Tally = field(default_factory=Tally)
    officials: Tally = field(default_factory=Tally)
    agencies: Tally = field(default_factory=Tally)
    regulations: Tally = field(default_factory=Tally)
    quantities: Tally = field(default_factory=Tally)
    largest: dict[tuple[str, str], tuple[Any, str, str]] = field(default_factory=dict)

    def add(self, doc_id: str, doc: Document) -> None:
        """Count one document. Its keys are gathered before any tally changes, so a
        document that fails here leaves the counts as they were."""
        keys = ([(s.label, "") for s in doc.spans],
                [(o.name, o.title) for o in doc.officials],
                [(a.canonical or a.text, a.text) for a in doc.agencies],
                [(r.title, r.kind) for r in doc.regulations],
                [(q.kind, q.unit) for q in doc.quantities])
        self.documents += 1
        self.characters += len(doc.text)
        for tally, pairs in zip((self.labels, self.officials, self.agencies,
                                 self.regulations, self.quantities), keys):
            tally.add(pairs)
        for q in doc.quantities:  # values compare only within one unit
            best = self.largest.get((q.kind, q.unit))
            try:
                if best is None or q.value > best[0]:
                    self.largest[(q.kind, q.unit)] = (q.value, q.text, doc_id)
            except (TypeError, InvalidOperation):  # a value that does not compare (NaN)
                continue

    def render(self, top: int) -> str:
        out = [f"{self.documents} document(s), {self.characters:,} characters, "
               f"{sum(self.labels.mentions.values()):,} spans"]

        def section(title: str, headers: Sequence[str], rows: list[list[Any]],
                    numeric: Sequence[bool], total: int) -> None:
            shown = f" (top {len(rows)} of {total})" if total > len(rows) else ""
            out.append("")
            out.append(f"{title}{shown}")
            out.append(format_table(headers, rows, numeric=numeric) if rows
                       else "  (none found)")

        section("Spans by label", ["label", "spans", "documents"],
                [[k, m, d] for k, m, d, _ in self.labels.top(len(self.labels.mentions))],
                [False, True, True], len(self.labels.mentions))
        section("Officials", ["name", "title(s)", "mentions", "documents"],
                [[k, "、".join(t[:3]), m, d] for k, m, d, t in self.officials.top(top)],
                [False, False, True, True], len(self.officials.mentions))
        section("Agencies", ["agency", "as written", "mentions", "documents"],
                [[k, "、".join(f for f in forms[:3] if f != k), m, d]
                 for k, m, d, forms in self.agencies.top(top)],
                [False, False, True, True], len(self.agencies.mentions))
        section("Regulations", ["title", "kind", "mentions", "documents"],
                [[k, "/".join(kinds[:2]), m, d] for k, m, d, kinds in self.regulations.top(top)],
                [False, False, True, True], len(self.regulations.mentions))
        section("Quantities by kind",
                ["kind", "count", "documents", "units", "largest (main unit)", "in"],
                [[k, m, d, " ".join(units[:4]), *self._largest(k, units)]
                 for k, m, d, units in self.quantities.top(len(self.quantities.mentions))],
                [False, True, True, False, False, False], len(self.quantities.mentions))
        return "\n".join(out)

    def _largest(self, kind: str, units: Sequence[str]) -> list[str]:
        """The largest quantity in the kind's most frequent unit, and where it is."""
        best = self.largest.get((kind, units[0] if units else ""))
        return ["", ""] if best is None else [best[1], best[2]]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(NAME, help="summarize what a corpus mentions",
                       description="The officials, agencies and regulations most mentioned "
                                   "across a corpus, and its quantities by kind.")
    add_inputs(p, "; a .jsonl file from `govtext annotate` is read as it is (a bad line is "
                  "reported with its number and skipped)")
    p.add_argument("-n", "--top", type=positive, default=10, metavar="N",
                   help="rows per table (default 10)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .inputs import collect

    problems = Problems(NAME)
    sources = collect(args.paths, problems, docs=True)
    stats = CorpusStats()
    annotate = annotator(args, problems)
    for record in annotate.run(sources):
        try:
            stats.add(record.source.id, record.doc)
        except Exception as exc:  # one odd document must not lose the others
            problems.report(record.source.name, f"{record.source.id}: not counted: "
                                                f"{type(exc).__name__}: {exc}")
    print(stats.render(args.top))
    if not args.quiet:
        print(annotate.summary.line(NAME, problems), file=sys.stderr)
    return 1 if problems.count else 0
