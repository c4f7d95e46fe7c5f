"""Time on pathological inputs and memory on a large file. Prints figures; asserts nothing.

    python benchmarks/reliability.py                    # every pattern at 10k and 640k chars
    python benchmarks/reliability.py --sizes 10000 40000 --patterns metadata host
    python benchmarks/reliability.py --memory-mb 32     # also the peak RSS of a 32 MB file

For each pattern (a unit repeated to the size, see PATTERNS) it annotates the text in a
fresh process and prints chars/s (CPU time of the annotation, dictionaries loaded before
the clock starts) at each size and the ratio of the first to the last: time linear in the
input gives a ratio near 1 (the target is <= 1.5); a quadratic pass gives about
last/first. A run longer than --timeout seconds is killed and shown as such.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import PEAK_MIB  # a child's peak memory, read as bench.py reads it

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"

# name -> (unit repeated to the size, what it stands for)
PATTERNS: dict[str, tuple[str, str]] = {
    "reports": ("", "the work reports, as a reference (real text)"),
    "one-line": ("", "the work reports without line breaks: one long line"),
    "book-run": ("《", "a run of 《"),
    "quote-run": ("“", "a run of “"),
    "digit-run": ("7", "a run of digits"),
    "yi-run": ("一", "a run of 一"),
    "bracket-run": ("〔", "a run of 〔"),
    "metadata": ("发布机构:办公室\n", "repeated metadata lines (a listing page)"),
    "county-run": ("县乡镇", "a run of 县乡镇"),
    "townships": ("梓山镇、古荣乡、城关镇、递铺街道、", "townships listed with 、"),
    "villages": ("潭头村、山峰村、", "villages listed with 、"),
    "led-villages": ("深入潭头村、山峰村、", "villages listed with 、 after a lead verb"),
    "host": ("主办单位:秦皇岛市人民政府办公室\n", "主办单位: lines"),
    "city-gov": ("“市政府”", "repeated “市政府”"),
    "figures": ("增长12.5%、", "figures listed with 、 and no full stop (a table)"),
}


def reports_text() -> str:
    files = sorted((SHARED / "state-council-work-reports").glob("*.txt"))
    files = files or sorted((ROOT / "corpora").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files)


def make(name: str, size: int) -> str:
    unit = PATTERNS[name][0]
    if name == "reports":
        unit = reports_text()
    elif name == "one-line":
        unit = "".join(reports_text().split())
    return (unit * (size // len(unit) + 1))[:size]


RUN = f"""
import resource, sys, time
from pathlib import Path
import govtext
text = Path(sys.argv[1]).read_text(encoding="utf-8")
nlp = govtext.Pipeline()
nlp("市长张瑞书在市政府常务会议上强调")
start = time.process_time()
doc = nlp(text)
cpu = time.process_time() - start
print(cpu, len(doc.spans), {PEAK_MIB})
"""


def run(text: str, timeout: float) -> tuple[float, int, float] | None:
    """CPU seconds, spans and peak RSS (MiB) of annotating `text` in a fresh process."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        out = subprocess.run([sys.executable, "-c", RUN, f.name], capture_output=True,
                             text=True, timeout=timeout, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(f.name)
    cpu, spans, rss = out.stdout.split()[-3:]
    return float(cpu), int(spans), float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 640_000])
    parser.add_argument("--patterns", nargs="+", default=list(PATTERNS), choices=list(PATTERNS))
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--memory-mb", type=float, default=0.0,
                        help="also annotate the reports repeated to this many MB (UTF-8)")
    args = parser.parse_args()

    print(f"{'pattern':<12}" + "".join(f"{f'{n:,} chars/s':>18}" for n in args.sizes)
          + f"{'ratio':>8}  what")
    for name in args.patterns:
        speeds: list[float | None] = []
        for size in args.sizes:
            got = run(make(name, size), args.timeout)
            speeds.append(None if got is None else size / max(got[0], 1e-9))
            if got is None:
                break  # a larger size would time out too
        speeds += [None] * (len(args.sizes) - len(speeds))
        cells = "".join(f"{'killed' if s is None else f'{s:,.0f}':>18}" for s in speeds)
        first, last = speeds[0], speeds[-1]
        ratio = f"{first / last:.2f}" if first and last else "-"
        print(f"{name:<12}{cells}{ratio:>8}  {PATTERNS[name][1]}", flush=True)
    if args.memory_mb:
        base = reports_text()
        copies = max(1, int(args.memory_mb * 1024 * 1024) // len(base.encode("utf-8")))
        text = "\n\n".join([base] * copies)
        got = run(text, args.timeout * 10)
        size = len(text.encode("utf-8")) / 2**20
        if got is None:
            print(f"{size:.1f} MB file: killed after {args.timeout * 10:.0f} s")
        else:
            print(f"{size:.1f} MB file ({len(text):,} chars): peak RSS {got[2]:,.0f} MiB "
                  f"({got[2] / size:.0f}x the file), {len(text) / got[0]:,.0f} chars/s, "
                  f"{got[1]:,} spans")


if __name__ == "__main__":
    main()
