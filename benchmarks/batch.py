"""Batch runs: worker processes and streaming memory. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/batch.py                 # everything (several minutes)
    .venv/bin/python benchmarks/batch.py --only pipe     # one part: pipe, small, large, memory
    .venv/bin/python benchmarks/batch.py --small 500     # fewer small files

Figures (wall-clock seconds; the load average is printed, since other processes on the
machine change every figure):
- `Pipeline.pipe` with n_process=1 and 2 on the 36 State Council work reports
  (../shared/corpora/state-council-work-reports), speed-up;
- `govtext annotate --jobs 1` vs `--jobs 2` on N small files (one or two sentences each,
  generated in a temporary folder) and on a few large ones (the reports joined in 4 files);
- peak memory (max RSS of the `govtext annotate` process) streaming folders of 1x and 4x
  the reports to JSONL and Parquet, and a single file 2x the reports in sections:
  constant memory means the same peak whatever the size.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "corpora" / "state-council-work-reports"
SRC = ROOT / "src"


def reports() -> list[str]:
    files = sorted(REPORTS.glob("*.txt"))
    if not files:
        sys.exit(f"no reports in {REPORTS}")
    return [p.read_text(encoding="utf-8") for p in files]


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_pipe() -> None:
    sys.path.insert(0, str(SRC))
    from govtext.parallel import start_method
    from govtext.pipeline import Pipeline

    texts = reports()
    chars = sum(map(len, texts))
    nlp = Pipeline()
    nlp("市长王凤朝强调")  # resources loaded before timing, for both runs
    rounds = 3  # interleaved; the median of each counts (one run's wall time varies)
    times: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(rounds):
        for n in (1, 2):
            before = cpu()
            start = time.perf_counter()
            docs = list(nlp.pipe(texts, n_process=n, batch_size=1))
            times[n].append(time.perf_counter() - start)
            cpus[n].append(cpu() - before)
            assert len(docs) == len(texts)
    print(f"pipe on {len(texts)} reports ({chars:,} chars), start method {start_method()}, "
          f"load {load()}, median of {rounds} interleaved rounds")
    t = {n: statistics.median(ts) for n, ts in times.items()}
    c = {n: statistics.median(cs) for n, cs in cpus.items()}
    for n in (1, 2):
        every = " ".join(f"{x:.2f}" for x in times[n])
        print(f"  n_process={n}: {t[n]:6.2f} s wall, {c[n]:5.2f} CPU-s  "
              f"{chars / t[n]:9,.0f} chars/s  (runs: {every} s)")
    speedups = " ".join(f"{a / b:.2f}" for a, b in zip(times[1], times[2]))
    print(f"  speed-up: {t[1] / t[2]:.2f}x wall (per round: {speedups}); CPU-s ratio "
          f"{c[2] / c[1]:.2f} (1.00 = no overhead from the workers)")


def cpu() -> float:
    """CPU seconds of this process and its waited-for children (workers included)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def cli(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and its workers), the summary line."""
    before = cpu()
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-m", "govtext.cli", *args], env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stderr[-2000:])
    return seconds, cpu() - before, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def jobs_table(title: str, folder: Path, out: Path) -> None:
    print(f"{title}, load {load()}")
    times, cpus = {}, {}
    for jobs in (1, 2):
        t, c, summary = cli(["annotate", str(folder), "-o", str(out), "--jobs", str(jobs)])
        times[jobs], cpus[jobs] = t, c
        print(f"  --jobs {jobs}: {t:6.1f} s wall, {c:5.1f} CPU-s   ({summary})")
    print(f"  speed-up: {times[1] / times[2]:.2f}x wall; CPU-s ratio {cpus[2] / cpus[1]:.2f}")


def bench_small(n: int, tmp: Path) -> None:
    folder = tmp / "small"
    folder.mkdir()
    lines = [line for text in reports() for line in text.splitlines() if 20 < len(line) < 200]
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(lines[i % len(lines)] + "\n", encoding="utf-8")
    jobs_table(f"govtext annotate on {n} small files", folder, tmp / "small.jsonl")


def bench_large(tmp: Path) -> None:
    folder = tmp / "large"
    folder.mkdir()
    texts = reports()
    for i in range(4):
        (folder / f"part{i}.txt").write_text("\n\n".join(texts[i::4]), encoding="utf-8")
    jobs_table("govtext annotate on 4 large files (the 36 reports joined)", folder,
               tmp / "large.jsonl")


def bench_memory(tmp: Path) -> None:
    texts = reports()
    print(f"peak memory of `govtext annotate` (max RSS of its process), load {load()}")
    for copies in (1, 4):
        folder = tmp / f"copies{copies}"
        folder.mkdir()
        for c in range(copies):
            for i, text in enumerate(texts):
                (folder / f"{c}-{i:02d}.txt").write_text(text, encoding="utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        for fmt in ("jsonl", "parquet"):
            out = tmp / f"copies{copies}.{fmt}"
            t, peak, summary = measured(["annotate", str(folder), "-f", fmt, "-o", str(out)])
            print(f"  folder {size:5.1f} MB -> {fmt:<7}: peak {peak / 1024:6.0f} MiB, "
                  f"{t:5.1f} s, output {out.stat().st_size / 2**20:5.1f} MB")
    big = tmp / "big.txt"
    big.write_text("\n\n".join(texts * 2), encoding="utf-8")
    size = big.stat().st_size / 2**20
    for chars in (250_000,):
        t, peak, _ = measured(["annotate", str(big), "-o", str(tmp / "big.jsonl"),
                               "--section-chars", str(chars)])
        print(f"  one {size:4.1f} MB file in sections of {chars:>9,} chars: "
              f"peak {peak / 1024:6.0f} MiB, {t:5.1f} s")


def measured(args: list[str]) -> tuple[float, int, str]:
    """Like `cli`, with the peak RSS (KiB) of the command: a wrapper process runs it as
    its only child and reads RUSAGE_CHILDREN."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(time.perf_counter() - t, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
            "sys.stderr.write(r.stderr)")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "govtext.cli",
                           *args], env=env, capture_output=True, text=True)
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak), done.stderr.strip()[-300:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("pipe", "small", "large", "memory"))
    parser.add_argument("--small", type=int, default=2000, help="number of small files")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s)")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.only in (None, "pipe"):
            bench_pipe()
        if args.only in (None, "small"):
            bench_small(args.small, tmp)
        if args.only in (None, "large"):
            bench_large(tmp)
        if args.only in (None, "memory"):
            bench_memory(tmp)


if __name__ == "__main__":
    main()
