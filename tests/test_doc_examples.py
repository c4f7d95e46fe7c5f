"""Every code example in README.md and docs/*.md runs, so the docs cannot drift (issue 16).

How a fenced block is checked, by its language:

- ``python`` with ``>>>`` prompts: a doctest (outputs compared, ``...`` matches
  anything, whitespace normalized);
- ``python`` with an ``if __name__ == "__main__":`` guard: written to a file and run as
  a script in a fresh interpreter (as a user would run it: worker processes, spawn);
- other ``python``: executed; the blocks of one file share one namespace, in order.
  In both, a ``print(...)`` line ending in a comment ``# => TEXT`` says what it prints:
  the printed lines of the block must be those TEXTs, in order (when any is given);
- ``json`` holding a govtext document (``"schema": "govtext.document"``): read with
  `Document.from_dict` (offsets and texts checked), with every metadata key, and its
  spans equal to what govtext finds in its text today.

A block is skipped when the line before its opening fence is the marker
``<!-- docs-test: skip -->`` (invisible on GitHub): for examples that need a model, a
server or files the reader has and the test has not. Each file runs in a temporary
working directory.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import json
import os
import re
import types
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

import govtext
from govtext.model import Metadata

ROOT = Path(__file__).resolve().parent.parent
SKIP_MARKER = "<!-- docs-test: skip -->"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```",
                   re.M | re.S)


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    lang: str
    code: str
    skip: bool

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        before = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        code = textwrap.dedent(m.group("body"))
        out.append(Block(path, text.count("\n", 0, m.start()) + 1, m.group("lang").lower(),
                         code, before == SKIP_MARKER))
    return out


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def run_doctest(block: Block, namespace: dict) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.code, namespace, str(block), str(block.path), block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS |
                                   doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    assert runner.failures == 0, f"{block}\n" + "".join(report)


def run_script(block: Block, tmp_path: Path) -> None:
    script = tmp_path / f"example_{block.line}.py"
    script.write_text(block.code, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    out = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, f"{block}\n{out.stderr[-3000:]}"
    check_printed(block, out.stdout)


def check_printed(block: Block, printed: str) -> None:
    expected = re.findall(r"^\s*print\(.*#\s*=>\s*(.+?)\s*$", block.code, re.M)
    if expected:
        assert printed.splitlines() == expected, str(block)


def check_json(block: Block) -> None:
    data = json.loads(block.code)
    if not (isinstance(data, dict) and data.get("schema") == "govtext.document"):
        return
    doc = govtext.Document.from_dict(data)  # offsets and span texts checked here
    assert set(data["metadata"]) == set(Metadata().to_dict()), str(block)
    found = [s.to_dict() for s in govtext.annotate(doc.text).spans]
    assert data["spans"] == found, f"{block}: the spans govtext finds today differ"


def run_file(path: Path, tmp_path: Path) -> int:
    # a registered module's namespace (test_examples_run registers it): dataclasses
    # defined in a block (the toy label of docs/architecture.md) look it up in sys.modules
    namespace: dict = sys.modules["docs_example"].__dict__
    ran = 0
    for block in blocks(path):
        if block.skip or block.lang not in ("python", "py", "pycon", "json"):
            continue
        if block.lang == "json":
            check_json(block)
        elif re.search(r"^if __name__ == .__main__.:", block.code, re.M):
            run_script(block, tmp_path)
        elif ">>> " in block.code:
            run_doctest(block, namespace)
        else:
            printed = io.StringIO()
            try:
                with contextlib.redirect_stdout(printed):
                    exec(compile(block.code, str(block), "exec"), namespace)
            except Exception as exc:
                raise AssertionError(f"{block}: {type(exc).__name__}: {exc}") from exc
            check_printed(block, printed.getvalue())
        ran += 1
    return ran


# Docs whose examples are known to have drifted, with why; strict, so the mark must go
# when the example is fixed.
KNOWN_DRIFT: dict[str, str] = {}


def _doc_param(path: Path) -> object:
    name = str(path.relative_to(ROOT))
    marks = ([pytest.mark.xfail(reason=KNOWN_DRIFT[name], strict=True)]
             if name in KNOWN_DRIFT else [])
    return pytest.param(path, id=name, marks=marks)


@pytest.mark.parametrize("path", [_doc_param(p) for p in doc_files()])
def test_examples_run(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a scratch folder, with the sample corpus where the examples expect it
    if (ROOT / "corpora").is_dir():
        (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "docs_example", types.ModuleType("docs_example"))
    from govtext.model import labels  # an example may register a label: undo it after

    monkeypatch.setattr(labels, "_REGISTRY", dict(labels._REGISTRY))
    run_file(path, tmp_path)


def test_the_readme_and_the_guide_have_examples_that_run() -> None:
    for name in ("README.md", "docs/guide.md"):
        runnable = [b for b in blocks(ROOT / name)
                    if b.lang in ("python", "json") and not b.skip]
        assert len(runnable) >= 2, name


# the extraction itself: (markdown, expected (lang, skip, code) per block, why)
EXTRACTION = [
    ("```python\nx = 1\n```\n", [("python", False, "x = 1\n")], "a plain block"),
    (f"{SKIP_MARKER}\n```python\nimport missing\n```\n", [("python", True,
                                                          "import missing\n")],
     "the marker skips the next block"),
    (f"{SKIP_MARKER}\n\ntext\n```python\ny\n```\n", [("python", False, "y\n")],
     "the marker must be right before the fence"),
    ("- item:\n  ```sh\n  ls\n  ```\n", [("sh", False, "ls\n")], "an indented block"),
]


@pytest.mark.parametrize("markdown, expected, why", EXTRACTION, ids=[e[2] for e in EXTRACTION])
def test_block_extraction(tmp_path: Path, markdown: str, expected: list, why: str) -> None:
    found = [(b.lang, b.skip, b.code) for b in _parse(markdown)]
    assert found == expected, why


def _parse(markdown: str) -> list[Block]:
    """`blocks` on a string (through a file under ROOT, as `Block` paths are)."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".md", dir=ROOT, delete=False,
                                     encoding="utf-8") as f:
        f.write(markdown)
    try:
        return blocks(Path(f.name))
    finally:
        Path(f.name).unlink()


def test_a_drifted_example_fails(tmp_path: Path) -> None:
    printed = _parse("```python\nprint(1 + 1)  # => 3\n```\n")[0]
    with pytest.raises(AssertionError):
        check_printed(printed, "2\n")
    bad = _parse("```python\n>>> 1 + 1\n3\n```\n")[0]
    with pytest.raises(AssertionError, match="Expected"):
        run_doctest(bad, {})
    wrong_json = _parse('```json\n{"schema": "govtext.document", "version": "1.1", '
                        '"text": "市长张瑞书说", "spans": [{"start": 1, "end": 6, '
                        '"label": "OFFICIAL", "text": "市长张瑞书", "attrs": {"name": '
                        '"张瑞书", "title": "市长"}}]}\n```\n')[0]
    with pytest.raises(ValueError, match="E20"):
        check_json(wrong_json)
