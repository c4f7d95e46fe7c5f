"""Speed and memory of govtext on a ~2 MB government text. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench.py            # ~2 MB built from the corpora
    .venv/bin/python benchmarks/bench.py --mb 0.5   # a smaller run

The text is the development document (../shared/corpora, when present) and the bundled
sample corpus, repeated to the requested size. Figures, in one process:
- import time of `govtext` (a fresh interpreter, median of 5 runs);
- jieba segmentation alone (a private jieba.Tokenizer, HMM on), chars/s;
- govtext segmentation (normalized view + jieba with the government lexicon), chars/s;
- full `annotate` (structure, tokens, numbers, entities, resolution), chars/s;
- the same with the rjieba segmenter, when the `fast` extra is installed;
- per stage: numbers and entities alone, chars/s;
- peak memory (max RSS of this process) and the size of the annotations.
Dictionary loading is measured separately and excluded from chars/s.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_text(megabytes: float) -> str:
    sources = sorted((ROOT / "corpora").glob("*.txt"))
    shared = ROOT.parent / "shared" / "corpora"
    if shared.is_dir():
        sources += sorted(shared.glob("*.txt"))
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sources)
    target = int(megabytes * 1024 * 1024)
    copies = max(1, target // len(base.encode("utf-8")))
    return "\n\n".join([base] * copies)


def import_time() -> float:
    times = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c",
             "import time; t=time.perf_counter(); import govtext; "
             "print(time.perf_counter()-t)"],
            capture_output=True, text=True, check=True)
        times.append(float(out.stdout))
    return statistics.median(times)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="text size in MB (UTF-8)")
    args = parser.parse_args()

    text = corpus_text(args.mb)
    n = len(text)
    print(f"text: {n:,} chars, {len(text.encode('utf-8')) / 1e6:.2f} MB UTF-8")
    print(f"import govtext: {import_time() * 1000:.1f} ms (median of 5 fresh interpreters)")

    import logging

    import jieba

    import govtext

    jieba.setLogLevel(logging.WARNING)
    from govtext.numbers import find_spans
    from govtext.text.prepare import Prepared
    from govtext.text.structure import analyze

    plain = jieba.Tokenizer()
    _, load = timed(plain.initialize)
    _, t = timed(lambda: list(plain.cut(text)))
    print(f"jieba alone:            {n / t:>12,.0f} chars/s  (dictionary load {load:.2f} s)")

    nlp = govtext.Pipeline()
    _, load = timed(lambda: nlp("市长张瑞书在市政府常务会议上强调2018年投放贷款271.27亿元"))
    print(f"govtext first call (dictionaries, lexicons): {load:.2f} s")

    prep, t_prep = timed(Prepared.of, text)
    _, t = timed(nlp.segmenter.segment, text, prep.norm)
    print(f"govtext segmentation:   {n / (t + t_prep):>12,.0f} chars/s")
    _, t = timed(analyze, prep)
    print(f"  structure alone:      {n / t:>12,.0f} chars/s")
    _, t = timed(find_spans, prep)
    print(f"  numbers alone:        {n / t:>12,.0f} chars/s")
    try:
        from govtext.entities import find_entities

        structure = analyze(prep)
        tokens = nlp.segmenter.segment(text, prep.norm)
        _, t = timed(find_entities, prep, tokens, structure)
        print(f"  entities alone:       {n / t:>12,.0f} chars/s")
    except ImportError:
        pass
    doc, t = timed(nlp, text)
    print(f"full annotate:          {n / t:>12,.0f} chars/s  ({t:.2f} s, {len(doc.spans):,} spans, "
          f"{len(doc.tokens):,} tokens)")
    try:
        fast = govtext.Pipeline(segmenter="rjieba")
        fast("市长")
        _, t = timed(fast.segmenter.segment, text, prep.norm)
        print(f"rjieba segmentation:    {n / (t + t_prep):>12,.0f} chars/s  (the 'fast' extra)")
        _, t = timed(fast, text)
        print(f"full annotate, rjieba:  {n / t:>12,.0f} chars/s")
    except ImportError:
        print("rjieba not installed (pip install 'govtext[fast]'): skipped")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS):  {peak:>12,.0f} MiB")


if __name__ == "__main__":
    main()
