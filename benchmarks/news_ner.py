"""Exact-match NER scores of govtext on a news BIO file, sentence at a time. Prints
figures; asserts nothing.

    python benchmarks/news_ner.py ../shared/ner-dev/peoples-daily-1998-dev.bio
    python benchmarks/news_ner.py FILE --limit 500 --show LOC   # print disagreements
    python benchmarks/news_ner.py FILE --statistical lac --min-score 0.8

The file holds one character, a space and a BIO tag per line, a blank line between
sentences (tags PER, LOC, ORG). govtext's labels are mapped: PER = PERSON and the name
inside an OFFICIAL; LOC = LOCATION; ORG = AGENCY and ORG. A span counts when its type,
start and end all match. Throughput is characters per second of `Pipeline()` calls.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

TYPES = ("PER", "LOC", "ORG")
MAP = {"PERSON": "PER", "LOCATION": "LOC", "AGENCY": "ORG", "ORG": "ORG"}

Triple = tuple[int, int, str]


def read_bio(path: Path) -> Iterator[tuple[str, set[Triple]]]:
    """(sentence, gold spans) for each sentence of a BIO file."""
    chars: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0][0])
            tags.append(parts[-1])
            continue
        if chars:
            yield "".join(chars), spans_of(tags)
        chars, tags = [], []


def spans_of(tags: list[str]) -> set[Triple]:
    out: set[Triple] = set()
    start, kind = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        inside = tag.startswith("I-") and tag[2:] == kind and start >= 0
        if inside:
            continue
        if start >= 0:
            out.add((start, i, kind))
            start, kind = -1, ""
        if tag[:2] in ("B-", "I-"):
            start, kind = i, tag[2:]
    return out


def predicted(doc: object) -> set[Triple]:
    out: set[Triple] = set()
    for s in doc.spans:  # type: ignore[attr-defined]
        if s.label == "OFFICIAL":
            name = getattr(s, "name", "")
            k = s.text.rfind(name) if name else -1
            if k >= 0:
                out.add((s.start + k, s.start + k + len(name), "PER"))
        elif s.label in MAP:
            out.add((s.start, s.end, MAP[s.label]))
    return out


def score(nlp: object, sentences: list[tuple[str, set[Triple]]], show: str | None) -> None:
    """Print P/R/F1 per type and the throughput of `nlp` over `sentences`."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    chars = 0
    elapsed = 0.0
    for text, gold in sentences:
        t = time.perf_counter()
        doc = nlp(text)  # type: ignore[operator]
        elapsed += time.perf_counter() - t
        chars += len(text)
        pred = predicted(doc)
        for kind in TYPES:
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            tp[kind] += len(g & p)
            fp[kind] += len(p - g)
            fn[kind] += len(g - p)
            if show == kind and g != p:
                print(text)
                print("   missed:", [text[a:b] for a, b, _ in sorted(g - p)],
                      " extra:", [text[a:b] for a, b, _ in sorted(p - g)])
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
    for kind in TYPES + ("all",):
        kinds = TYPES if kind == "all" else (kind,)
        t_ = sum(tp[k] for k in kinds)
        f_p = sum(fp[k] for k in kinds)
        f_n = sum(fn[k] for k in kinds)
        p = t_ / (t_ + f_p) if t_ + f_p else 0.0
        r = t_ / (t_ + f_n) if t_ + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:6} {p:6.3f} {r:6.3f} {f:6.3f} {t_:6d} {f_p:6d} {f_n:6d}")
    print(f"throughput: {chars / elapsed:,.0f} chars/s ({chars} chars, sentence at a time)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bio", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--show", choices=TYPES, help="print the disagreements of one type")
    ap.add_argument("--statistical", choices=("none", "lac", "both"), default="both",
                    help="rules only, rules + LAC (the lac extra), or both (default)")
    ap.add_argument("--min-score", type=float, default=0.0,
                    help="drop candidates scored below this (model candidates only score <1)")
    args = ap.parse_args(argv)

    from govtext import Pipeline

    sentences = list(read_bio(args.bio))
    if args.limit:
        sentences = sentences[:args.limit]
    configs = {"none": [None], "lac": ["lac"], "both": [None, "lac"]}[args.statistical]
    for statistical in configs:
        nlp = Pipeline(statistical=statistical, min_score=args.min_score)
        nlp("预热：北京市人民政府、中美关系和双良集团。")  # loads every lexicon before timing
        print(f"== rules{' + ' + statistical if statistical else ' only'}"
              f"{f' (min score {args.min_score:g})' if args.min_score else ''}")
        score(nlp, sentences, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
