"""QUANTITY and DATE value-F1 on the gold set (skips where ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govtext.model import parse_exact
from govtext.numbers import find_spans
from govtext.text.prepare import Prepared

# what the finder reaches on the development document; a drop below is a regression
FLOOR = {"QUANTITY": 0.99, "DATE": 0.99}


def _value(attrs: dict[str, Any]) -> tuple[Any, ...]:
    if attrs.get("low") is not None or attrs.get("high") is not None:
        return ("range", attrs.get("low"), attrs.get("high"))
    return ("value", attrs.get("value"))


def _agree(label: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if not (pred["start"] < gold["end"] and gold["start"] < pred["end"]):
        return False
    p, g = pred["attrs"], gold["attrs"]
    if label == "QUANTITY":
        return (parse_exact(p["value"]) == parse_exact(g["value"]) and p["unit"] == g["unit"]
                and p["approx"] == g["approx"])
    return _value(p) == _value(g)


def value_f1(label: str, pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> float:
    used: set[int] = set()
    tp = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and _agree(label, p, g):
                used.add(i)
                tp += 1
                break
    if not pred or not gold:
        return 1.0 if pred == gold else 0.0
    precision, recall = tp / len(pred), tp / len(gold)
    return 0.0 if tp == 0 else 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("label", sorted(FLOOR))
def test_gold_value_f1(shared_dir: Path, label: str) -> None:
    for gold_file in sorted((shared_dir / "gold").glob("*.json")):
        gold_doc = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (shared_dir / gold_doc["text_file"]).read_text(encoding="utf-8")
        spans = find_spans(Prepared.of(text))
        pred = [s.to_dict() for s in spans if s.label == label]
        gold = [s for s in gold_doc["spans"] if s["label"] == label]
        assert value_f1(label, pred, gold) >= FLOOR[label], gold_file.name
