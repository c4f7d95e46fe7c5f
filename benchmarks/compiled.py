"""How much faster govtext runs when its modules are compiled to C with mypyc: an
experiment, not a build govtext ships. Prints figures; asserts nothing.

    python benchmarks/compiled.py              # build in a temporary folder, then measure
    python benchmarks/compiled.py --keep DIR   # build into DIR (kept; reused if built)

It copies `src/govtext` to a folder, compiles every module mypyc accepts (about 3 minutes
on 2 cores; needs mypy, a C compiler and the Python headers), and then annotates the
same text (the 36 work reports, as bench.py) with the pure and the compiled package in
fresh processes: it prints whether their spans are the same, and the CPU seconds of each
step (the least of `--rounds` runs) for both.

This measures the ceiling of the compiled-Python route for the "3x jieba alone" target of
issue 13 (docs/performance.md): the stages that are mostly regex and dict calls gain
little, since those already run in C.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Modules left interpreted, and why (mypyc refuses them, or they never run in annotation):
KEEP_PURE = {
    "errors.py": "an exception class with keyword attributes (mypyc: builtin base)",
    "numbers/parse.py": "NotANumeral inherits from two builtin exceptions",
    "analysis.py": "functools.cached_property and __dict__ on instances",
    "model/": "frozen slotted dataclasses built with __new__ (Tokens, spans)",
    "entities/scan.py": "cached_property",
    "entities/lexicon.py": "cached_property",
    "pipeline.py": "cached_property",
    "components.py": "a runtime-checkable Protocol",
    "cache.py": "module state patched by the tests",
    "corpus/": "not on the annotation path",
    "evaluate.py": "not on the annotation path",
    "parallel.py": "not on the annotation path",
    "statistical/": "not on the annotation path",
    "cli/": "not on the annotation path",
    "integrations/": "not on the annotation path",
}

CHILD = r"""
import gc, hashlib, json, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import bench, govtext
text = bench.corpus_text(None)
nlp = govtext.Pipeline()
doc = nlp(text)
digest = hashlib.md5(json.dumps([s.to_dict() for s in doc.spans], default=str,
                                ensure_ascii=False).encode()).hexdigest()
runs = []
for _ in range(int(sys.argv[3])):
    gc.collect(); gc.disable()
    runs.append(bench.breakdown(nlp, text))
    gc.enable()
print(json.dumps({"file": govtext.__file__, "digest": digest, "chars": len(text),
                  "stages": {k: min(r[k] for r in runs) for k in runs[0]}}))
"""


def modules(src: Path) -> list[str]:
    out = []
    for path in sorted((src / "govtext").rglob("*.py")):
        rel = path.relative_to(src / "govtext").as_posix()
        if path.name == "__init__.py" or any(rel.startswith(k) for k in KEEP_PURE):
            continue
        out.append(path.relative_to(src).as_posix())
    return out


def build(folder: Path) -> None:
    src = folder / "src"
    if any((src / "govtext").rglob("*__mypyc*")) or any(src.glob("*__mypyc*")):
        print(f"reusing the build in {src}")
        return
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(ROOT / "src" / "govtext", src / "govtext",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (src / "mypy.ini").write_text("[mypy]\nignore_missing_imports = True\n", encoding="utf-8")
    mods = modules(src)
    print(f"compiling {len(mods)} modules with mypyc in {src} ...", flush=True)
    result = subprocess.run([sys.executable, "-m", "mypyc", *mods], cwd=src,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("mypyc failed:\n" + "\n".join(result.stdout.splitlines()[-20:]
                                               + result.stderr.splitlines()[-20:]))


def measure(src: Path, rounds: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(src), str(ROOT / "benchmarks"),
                          str(rounds)], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each step")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="govtext-mypyc-"))
    try:
        build(folder)
        pure = measure(ROOT / "src", args.rounds)
        compiled = measure(folder / "src", args.rounds)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"text: {pure['chars']:,} chars; compiled package: {compiled['file']}")
    print("same spans:", "yes" if pure["digest"] == compiled["digest"] else "NO")
    print(f"{'CPU seconds (least of ' + str(args.rounds) + ')':32s} {'pure':>7s} "
          f"{'mypyc':>7s} {'speedup':>8s}")
    for stage, p in pure["stages"].items():
        c = compiled["stages"][stage]
        print(f"  {stage:30s} {p:7.3f} {c:7.3f} {p / c if c else 0:7.2f}x")


if __name__ == "__main__":
    main()
