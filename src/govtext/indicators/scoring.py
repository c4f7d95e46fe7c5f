"""Scoring INDICATOR links (guidelines v1.2): a prediction is correct (partial) when its
span overlaps a gold span with the same `quantity`, `change` and `status`; exact when the
span is also the same. Each gold link is matched at most once."""

from __future__ import annotations

from typing import Any, Callable, Sequence


def _key(attrs: Any) -> tuple[Any, ...]:
    q = attrs.get("quantity")
    offsets = (int(q[0]), int(q[1])) if q else None
    return offsets, attrs.get("change"), attrs.get("status")


def score_indicators(golds: Sequence[Any], preds: Sequence[Any], score: Any,
                     mistake: Callable[[str, str | None, str | None, int], None]) -> None:
    """Fill `score` (an evaluate.LabelScore) from gold and predicted INDICATOR spans;
    `mistake(kind, gold_text, pred_text, start)` records each error."""
    score.gold += len(golds)
    exact_used: set[int] = set()
    partial_used: set[int] = set()
    for p in preds:
        score.pred += 1
        key = _key(p.attrs)
        same = [i for i, g in enumerate(golds) if _key(g.attrs) == key]
        exact = [i for i in same if (golds[i].start, golds[i].end) == (p.start, p.end)
                 and i not in exact_used]
        if exact:
            exact_used.add(exact[0])
            score.exact_tp += 1
        partial = [i for i in same if golds[i].start < p.end and p.start < golds[i].end
                   and i not in partial_used]
        if partial:
            i = exact[0] if exact and exact[0] in partial else partial[0]
            partial_used.add(i)
            score.partial_pred_tp += 1
            if not exact:
                mistake("boundary", golds[i].text, p.text, p.start)
        else:
            q = key[0]
            mistake("spurious", None, f"{p.text} {q} {key[1]} {key[2]}", p.start)
    score.partial_gold_tp += len(partial_used)
    for i, g in enumerate(golds):
        if i not in partial_used:
            k = _key(g.attrs)
            mistake("missed", f"{g.text} {k[0]} {k[1]} {k[2]}", None, g.start)
