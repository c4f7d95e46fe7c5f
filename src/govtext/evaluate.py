"""Scoring govtext against gold files in the guidelines' span format.

    govtext eval ../shared/gold            # a table per label
    govtext eval ../shared/gold --errors OFFICIAL,AGENCY

A gold file is JSON: ``{"text_file": "corpora/x.txt", "text_sha256": ..., "spans": [...]}``
(`text_file` relative to the gold folder's parent) or carries the text itself under
``"text"``. Per label it reports exact (same start, end, label) and partial (overlapping,
same label) precision, recall and F1; for QUANTITY and DATE also value-F1, where a match
must overlap and agree on the value (and, for QUANTITY, on unit and approx).

As the guidelines say, spans nested inside a gold REGULATION, WORK, OFFICIAL or TERM are
optional: an unmatched prediction lying inside one is neither rewarded nor penalized
(`--strict` counts them as errors). So are gold spans marked ``"optional": true``: missing
one costs nothing, and a prediction on one is not counted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .model import Document
from .model import labels as registry


def _labels_where(flag: str) -> tuple[str, ...]:
    return tuple(s.label for s in registry.specs() if getattr(s, flag))


# read from the registry: spans nested in these are optional; these are value-scored
OPTIONAL_HOSTS = _labels_where("hosts_optional")
VALUE_LABELS = _labels_where("value_scored")
ALL = "all"  # the overall row


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    spans: tuple[GoldSpan, ...]


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Gold documents from a JSON file or every *.json in a folder."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise FileNotFoundError(f"no *.json gold files in {path}")
        return [doc for f in files for doc in load_gold(f)]
    if not path.is_file():
        raise FileNotFoundError(f"gold file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a JSON gold file ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a gold file (expected a JSON object)")
    if "text" in data:
        text = data["text"]
    else:
        text_path = path.parent.parent / data["text_file"]
        if not text_path.is_file():
            text_path = path.parent / data["text_file"]
        raw = text_path.read_bytes()
        expected = data.get("text_sha256")
        if expected and hashlib.sha256(raw).hexdigest() != expected:
            raise ValueError(f"{text_path} does not match the checksum in {path}")
        text = raw.decode("utf-8")
    spans = tuple(
        GoldSpan(int(s["start"]), int(s["end"]), s["label"], s["text"], s.get("attrs") or {},
                 bool(s.get("optional", False)))
        for s in data["spans"])
    for s in spans:
        if text[s.start:s.end] != s.text:
            raise ValueError(f"{path}: gold span {s.text!r} at {s.start} does not match text")
    return [GoldDoc(data.get("doc", path.stem), text, spans)]


# ---------------------------------------------------------------------------
# value agreement


def _number(v: Any) -> Fraction | None:
    if v is None:
        return None
    try:
        text = str(v)
        return Fraction(text) if "/" in text else Fraction(Decimal(text))
    except (InvalidOperation, ValueError, ZeroDivisionError):
        return None


def _interval(attrs: Mapping[str, Any]) -> tuple[Any, Any]:
    value = attrs.get("value")
    if value and "/" in str(value):
        low, high = str(value).split("/", 1)
        return low, high
    if value is not None:
        return value, value
    return attrs.get("low"), attrs.get("high")


def values_agree(label: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    if label == "DATE":
        return _interval(gold) == _interval(pred)
    if label == "QUANTITY":
        gv = _number(gold.get("value")) if gold.get("value") is not None else _number(gold.get("low"))
        pv = _number(pred.get("value")) if pred.get("value") is not None else _number(pred.get("low"))
        return (gv is not None and gv == pv
                and (gold.get("unit") or "") == (pred.get("unit") or "")
                and gold.get("approx") == pred.get("approx"))
    return True


# ---------------------------------------------------------------------------
# scoring


@dataclass
class LabelScore:
    label: str
    gold: int = 0
    pred: int = 0
    exact_tp: int = 0
    partial_pred_tp: int = 0  # predictions overlapping a gold span
    partial_gold_tp: int = 0  # gold spans overlapped by a prediction
    value_tp: int = 0
    ignored: int = 0  # unmatched optional predictions

    @staticmethod
    def _prf(tp_p: int, pred: int, tp_r: int, gold: int) -> tuple[float, float, float]:
        p = tp_p / pred if pred else (1.0 if not gold else 0.0)
        r = tp_r / gold if gold else (1.0 if not pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def exact(self) -> tuple[float, float, float]:
        return self._prf(self.exact_tp, self.pred, self.exact_tp, self.gold)

    @property
    def partial(self) -> tuple[float, float, float]:
        return self._prf(self.partial_pred_tp, self.pred, self.partial_gold_tp, self.gold)

    @property
    def value(self) -> tuple[float, float, float]:
        return self._prf(self.value_tp, self.pred, self.value_tp, self.gold)

    def add(self, other: LabelScore) -> None:
        for name in ("gold", "pred", "exact_tp", "partial_pred_tp", "partial_gold_tp",
                     "value_tp", "ignored"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Mistake:
    doc: str
    kind: str  # "missed", "spurious", "boundary", "value"
    label: str
    gold: str | None
    pred: str | None
    start: int


@dataclass
class Report:
    scores: dict[str, LabelScore] = field(default_factory=dict)
    mistakes: list[Mistake] = field(default_factory=list)
    docs: int = 0

    def total(self) -> LabelScore:
        """The overall row ("all"): counts summed over the labels scored."""
        total = LabelScore(ALL)
        for label in registry.labels():
            s = self.scores.get(label)
            if s is not None and (s.gold or s.pred):
                total.add(s)
        return total

    def f1(self, label: str, measure: str = "exact") -> float:
        """F1 of one label, or of all (``"all"``); a label that no document had scores
        0.0, and a name that is no label raises ValueError."""
        if label == ALL:
            score: LabelScore | None = self.total()
        elif label not in registry.labels():
            raise ValueError(f"unknown label {label!r}: expected 'all' or one of "
                             f"{', '.join(registry.labels())}")
        else:
            score = self.scores.get(label)
        if measure not in ("exact", "partial", "value"):
            raise ValueError(f"unknown measure {measure!r}: expected exact, partial or value")
        if score is None:
            return 0.0
        return float(getattr(score, measure)[2])

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"docs": self.docs, "labels": {}}
        for label, s in self.scores.items():
            out["labels"][label] = _row(s, label in VALUE_LABELS)
        out["all"] = _row(self.total(), False)
        return out

    def table(self) -> str:
        head = f"{'label':<11}{'gold':>6}{'pred':>6}   {'exact P / R / F1':<20} " \
               f"{'partial P / R / F1':<20} {'value F1':>8}"
        lines = [head, "-" * len(head)]
        total = self.total()
        for label in registry.labels():
            s = self.scores.get(label)
            if s is None or (s.gold == 0 and s.pred == 0):
                continue
            ep, er, ef = s.exact
            pp, pr, pf = s.partial
            value = f"{s.value[2]:.3f}" if label in VALUE_LABELS else ""
            lines.append(f"{label:<11}{s.gold:>6}{s.pred:>6}   "
                         f"{ep:.3f} {er:.3f} {ef:.3f}    {pp:.3f} {pr:.3f} {pf:.3f}    "
                         f"{value:>8}")
        ep, er, ef = total.exact
        pp, pr, pf = total.partial
        lines.append("-" * len(head))
        lines.append(f"{'all':<11}{total.gold:>6}{total.pred:>6}   "
                     f"{ep:.3f} {er:.3f} {ef:.3f}    {pp:.3f} {pr:.3f} {pf:.3f}")
        ignored = sum(s.ignored for s in self.scores.values())
        lines.append(f"{self.docs} document(s); {ignored} optional nested prediction(s) "
                     f"neither rewarded nor penalized")
        return "\n".join(lines)


def _row(s: LabelScore, value: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"gold": s.gold, "pred": s.pred, "ignored": s.ignored}
    for measure in ("exact", "partial") + (("value",) if value else ()):
        p, r, f = getattr(s, measure)
        row[measure] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
    return row


def _overlaps(a: Any, b: Any) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(gold: GoldDoc, doc: Document, strict: bool = False) -> Report:
    report = Report(docs=1)
    hosts = [g for g in gold.spans if g.label in OPTIONAL_HOSTS]
    labels = {g.label for g in gold.spans} | {s.label for s in doc.spans}
    if "INDICATOR" in labels:
        labels = _indicator_scope(gold, doc, report, labels)
    for label in labels:
        golds = [g for g in gold.spans if g.label == label and not g.optional]
        optional = [g for g in gold.spans if g.label == label and g.optional]
        preds = [p for p in doc.spans if p.label == label]
        s = LabelScore(label, gold=len(golds))
        exact_keys = {(g.start, g.end) for g in golds}
        matched_gold: set[int] = set()
        value_used: set[int] = set()
        for p in preds:
            overlapping = [i for i, g in enumerate(golds) if _overlaps(g, p)]
            if not overlapping:
                inside_host = any(h.start <= p.start and p.end <= h.end and h.label != label
                                  for h in hosts)
                if (inside_host or any(_overlaps(g, p) for g in optional)) and not strict:
                    s.ignored += 1
                    continue
                report.mistakes.append(Mistake(gold.name, "spurious", label, None, p.text,
                                               p.start))
            s.pred += 1
            if (p.start, p.end) in exact_keys:
                s.exact_tp += 1
            elif overlapping:
                g = golds[overlapping[0]]
                report.mistakes.append(Mistake(gold.name, "boundary", label, g.text, p.text,
                                               p.start))
            if overlapping:
                s.partial_pred_tp += 1
                matched_gold.update(overlapping)
            if label in VALUE_LABELS:
                agree = [i for i in overlapping if i not in value_used
                         and values_agree(label, golds[i].attrs, p.attrs)]
                if agree:
                    value_used.add(agree[0])
                    s.value_tp += 1
                elif overlapping:
                    g = golds[overlapping[0]]
                    report.mistakes.append(Mistake(
                        gold.name, "value", label, f"{g.text} {dict(g.attrs)}",
                        f"{p.text} {p.attrs}", p.start))
        s.partial_gold_tp = len(matched_gold)
        for i, g in enumerate(golds):
            if i not in matched_gold:
                report.mistakes.append(Mistake(gold.name, "missed", label, g.text, None,
                                               g.start))
        report.scores[label] = s
    return report


def _indicator_scope(gold: GoldDoc, doc: Document, report: Report, labels: set[str]) -> set[str]:
    """INDICATOR links are scored by their attributes (govtext.indicators.scoring); a gold
    file that annotates them scores only the labels it annotates (the indicator gold
    leaves the entities out), and one without them does not score them."""
    gold_labels = {g.label for g in gold.spans}
    if "INDICATOR" in gold_labels:
        from .indicators.scoring import score_indicators

        s = LabelScore("INDICATOR")
        score_indicators(
            [g for g in gold.spans if g.label == "INDICATOR" and not g.optional],
            doc.by_label("INDICATOR"), s,
            lambda kind, g, p, start: report.mistakes.append(
                Mistake(gold.name, kind, "INDICATOR", g, p, start)))
        report.scores["INDICATOR"] = s
    return gold_labels - {"INDICATOR"} if "INDICATOR" in gold_labels else labels - {"INDICATOR"}


def evaluate(paths: Iterable[str | Path], pipeline: Any = None,
             strict: bool = False) -> Report:
    """Run `pipeline` (default: `govtext.Pipeline()`) over the gold documents and score."""
    if pipeline is None:
        from .pipeline import default_pipeline

        pipeline = default_pipeline()
    total = Report()
    for path in paths:
        for gold in load_gold(path):
            one = score_document(gold, pipeline(gold.text), strict=strict)
            total.docs += 1
            total.mistakes.extend(one.mistakes)
            for label, s in one.scores.items():
                total.scores.setdefault(label, LabelScore(label)).add(s)
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="govtext eval", description="Score govtext against gold span files.")
    parser.add_argument("gold", nargs="+", help="gold JSON files or folders of them")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", metavar="LABELS", default="",
                        help="also list mistakes for these labels (comma-separated, or 'all')")
    parser.add_argument("--strict", action="store_true",
                        help="count optional nested predictions as errors")
    parser.add_argument("--segmenter", default="jieba", help="jieba (default), rjieba, pkuseg")
    parser.add_argument("--statistical", choices=("lac",),
                        help="add a learned tagger's candidates (the lac extra)")
    args = parser.parse_args(argv)
    try:
        pipeline = None
        if args.segmenter != "jieba" or args.statistical:
            from .pipeline import Pipeline

            pipeline = Pipeline(args.segmenter, statistical=args.statistical)
        report = evaluate(args.gold, pipeline, strict=args.strict)
    except (OSError, ValueError, KeyError) as exc:
        print(f"govtext eval: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.table())
    if args.errors:
        wanted = None if args.errors == "all" else set(args.errors.split(","))
        for m in sorted(report.mistakes, key=lambda m: (m.label, m.kind, m.doc, m.start)):
            if wanted is None or m.label in wanted:
                print(f"{m.label:<10} {m.kind:<9} {m.doc}@{m.start:<6} "
                      f"gold={m.gold!s:<30} pred={m.pred}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
