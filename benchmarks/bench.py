"""Speed and memory of govtext against jieba alone, with a per-stage breakdown.
Prints figures; asserts nothing.

    python benchmarks/bench.py              # the 36 work reports (../shared/corpora), one text
    python benchmarks/bench.py --mb 2       # that text (or the bundled corpora) repeated to 2 MB
    python benchmarks/bench.py --quick      # skip the fresh-process figures

Figures, all on the same text in the same run:
- import + first annotation of one sentence in a fresh interpreter: once with an empty
  cache (the first run after installing builds it), then the median of 5 with the cache
  filled;
- jieba alone (a private jieba.Tokenizer, HMM on), chars/s;
- full `annotate` with the default segmenter (jieba's cut by jieba-rs, `engine="rust"`)
  and with jieba's cut in Python (`engine="python"`, what a machine without rjieba
  runs), chars/s, and their ratio to jieba alone (the target is >= 1.0): the best of
  `--rounds` interleaved rounds of the three, each from a collected heap, and the ratio
  within each round with its median (steadier when the machine's load changes);
- CPU seconds per stage of one full annotation (prepare, structure, segment, word edges,
  each component, resolve, indicators, the Document), taken step by step;
- peak memory (max RSS) of a fresh process that annotates the text once.
Dictionary loading happens before the clock starts (the first call loads everything).
Throughput is in CPU seconds of this process (time.process_time), so other load on the
machine slows both sides alike; the fresh-process figure is wall time.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
SENTENCE = "市长张瑞书在市政府常务会议上强调2018年投放贷款271.27亿元"


def corpus_text(megabytes: float | None) -> str:
    reports = sorted((SHARED / "state-council-work-reports").glob("*.txt"))
    sources = reports or sorted((ROOT / "corpora").glob("*.txt"))
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sources)
    if megabytes is None:
        return base
    copies = max(1, int(megabytes * 1024 * 1024) // len(base.encode("utf-8")))
    return "\n\n".join([base] * copies)


def fresh(code: str, runs: int = 5) -> tuple[float, float, float]:
    """Median wall and CPU seconds printed by `code` in fresh interpreters, and the
    fastest wall time, after one run that fills govtext's cache and writes bytecode (an
    installed package has both: pip compiles the bytecode, and the cache outlives the
    first run)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    walls, cpus = [], []
    for i in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=env)
        wall, cpu = out.stdout.split()[-2:]
        if i:
            walls.append(float(wall))
            cpus.append(float(cpu))
    return statistics.median(walls), statistics.median(cpus), min(walls)


FIRST_CALL = ("import time; t=time.perf_counter(); c=time.process_time(); import govtext; "
              f"govtext.annotate({SENTENCE!r}); "
              "print(time.perf_counter()-t, time.process_time()-c)")
# VmHWM, not ru_maxrss: Linux keeps a process's ru_maxrss across exec, so a child started
# by this (large) benchmark process would report the benchmark's own peak
PEAK_MIB = ("next((int(l.split()[1]) / 1024 for l in open('/proc/self/status') "
            "if l.startswith('VmHWM')), 0.0) if sys.platform == 'linux' else "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024")
PEAK = ("import resource, sys, govtext; from pathlib import Path; "
        "text = Path(sys.argv[1]).read_text(encoding='utf-8') if len(sys.argv) > 1 else ''; "
        f"govtext.annotate(text); print({PEAK_MIB})")


def timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    """The result and the CPU seconds of this process (steadier than wall time on a
    shared machine; the work is single-threaded, so the ratios are the same)."""
    start = time.process_time()
    result = fn(*args)
    return result, time.process_time() - start


def breakdown(nlp: Any, text: str) -> dict[str, float]:
    """CPU seconds of each step of one annotation, taken in the order `Pipeline._run`
    takes them (the analysis' views are computed on first use, so each is asked for
    here in turn): prepare, structure, segment, word edges and the squeezed view, each
    component by name, resolve, indicators, and building the Document."""
    from govtext.indicators.component import indicators_of
    from govtext.resolve import decide

    out: dict[str, float] = {}
    clock = time.process_time
    start = last = clock()

    def lap(label: str) -> None:
        nonlocal last
        now = clock()
        out[label] = out.get(label, 0.0) + now - last
        last = now

    analysis = nlp.analyze(text)
    lap("prepare")
    structure = analysis.structure
    lap("structure")
    analysis.tokens
    lap("segment")
    analysis.edges, analysis.squeezed, analysis.bound
    lap("edges + squeezed view")
    candidates = []
    for component in nlp.components:
        candidates.extend(component(analysis))
        lap(f"  {component.name}")
    spans, _ = decide(candidates, structure)
    lap("resolve")
    if "indicators" in nlp.stages and "numbers" in nlp.stages:  # as Pipeline._run
        spans = [*spans, *indicators_of(analysis, spans)]
        lap("indicators")
    nlp._document(analysis, spans)
    lap("document")
    out["total"] = clock() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=None, help="repeat the text to this size")
    parser.add_argument("--quick", action="store_true", help="skip fresh-process figures")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved timing rounds")
    args = parser.parse_args()

    import logging

    import jieba

    import govtext

    jieba.setLogLevel(logging.WARNING)
    text = corpus_text(args.mb)
    n = len(text)
    print(f"python {sys.version.split()[0]}, jieba {jieba.__version__}, govtext {govtext.__version__}")
    print(f"text: {n:,} chars, {len(text.encode('utf-8')) / 1e6:.2f} MB UTF-8")
    if not args.quick:
        import tempfile

        with tempfile.TemporaryDirectory() as empty:
            cold = subprocess.run([sys.executable, "-c", FIRST_CALL], capture_output=True,
                                  text=True, check=True,
                                  env={**os.environ, "PYTHONPATH": str(ROOT / "src"),
                                       "GOVTEXT_CACHE_DIR": empty})
        print(f"import + first annotation (fresh process, empty cache: builds it): "
              f"{float(cold.stdout.split()[-2]):.2f} s wall")
        wall, cpu, fastest = fresh(FIRST_CALL)
        print(f"import + first annotation (fresh process, warm cache): {wall:.2f} s wall, "
              f"{cpu:.2f} s CPU (median of 5; fastest {fastest:.2f} s wall)")

    plain = jieba.Tokenizer()
    plain.initialize()
    runs: list[tuple[str, Any]] = [("jieba alone", lambda t: list(plain.cut(t))),
                                   ("govtext (rust)", govtext.Pipeline(engine="rust")),
                                   ("govtext (python)", govtext.Pipeline(engine="python"))]
    for _, fn in runs:
        fn(SENTENCE)  # load dictionaries and lexicons before any clock starts
    # rounds interleave the three, and the best of each counts (as timeit does): on a
    # shared machine one run alone can be off by half
    seconds: dict[str, list[float]] = {name: [] for name, _ in runs}
    spans = 0
    for _ in range(args.rounds):
        for name, fn in runs:
            gc.collect()  # each run starts from the same heap: no garbage of the last one
            result, t = timed(fn, text)
            seconds[name].append(t)
            spans = len(result.spans) if hasattr(result, "spans") else spans
            del result
    best = {name: min(ts) for name, ts in seconds.items()}
    base = best["jieba alone"]
    print(f"throughput, CPU time, best of {args.rounds} interleaved rounds ({spans:,} spans):")
    for name, _ in runs:
        every = " ".join(f"{t:.2f}" for t in seconds[name])
        ratio = "" if name == "jieba alone" else f"  ratio to jieba alone {base / best[name]:.2f}"
        print(f"  {name:<18} {n / best[name]:>10,.0f} chars/s{ratio}  (runs: {every} s)")
    # on a shared machine the best runs of the two sides may fall in different moments:
    # the ratio within each round (the two ran back to back) is the steadier figure
    for name, _ in runs[1:]:
        per_round = sorted(a / b for a, b in zip(seconds["jieba alone"], seconds[name]))
        print(f"  {name}: ratio within each round {' '.join(f'{r:.2f}' for r in per_round)}, "
              f"median {statistics.median(per_round):.2f}")
    stage_rows: dict[str, dict[str, float]] = {}
    for name, nlp in runs[1:]:
        stage_rows[name.split("(")[-1].rstrip(")")] = breakdown(nlp, text)
    print("CPU seconds per stage (one annotation, step by step):")
    labels = list(dict.fromkeys(k for row in stage_rows.values() for k in row))
    print(f"  {'stage':<28}" + "".join(f"{name:>10}" for name in stage_rows))
    for label in labels:
        print(f"  {label:<28}" + "".join(f"{row.get(label, 0.0):>10.3f}"
                                         for row in stage_rows.values()))
    if not args.quick:
        import tempfile

        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            out = subprocess.run([sys.executable, "-c", PEAK, f.name], capture_output=True,
                                 text=True, check=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        print(f"peak RSS annotating the text once (fresh process): "
              f"{float(out.stdout.split()[-1]):,.0f} MiB")


if __name__ == "__main__":
    main()
