"""Worker processes (`govtext.parallel`, `Pipeline.pipe(n_process=2)`): order kept,
nothing lost when a text fails or a worker dies, no worker left alive (issue 17 "pipe",
issue 13 "plain script without a __main__ guard")."""

from __future__ import annotations

from typing import Any

import multiprocessing
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from govtext.model import Document
from govtext.parallel import Failure, WorkerDied, run_ordered, start_method
from govtext.pipeline import Pipeline

from support import Touchy

SRC = Path(__file__).resolve().parents[1] / "src"


def annotate(pipeline: Pipeline, text: str) -> Document:
    return pipeline(text)


def texts(n: int, bad: dict[int, str]) -> list[str]:
    return [bad.get(i, f"市长王凤朝强调，全年投入{i}亿元。") for i in range(n)]


needs_fork = pytest.mark.skipif(start_method() != "fork", reason="kills a forked worker")


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_error_on_one_text_loses_nothing_else(n_process: int) -> None:
    """Issue 17: with n_process=2 an error lost the rest of its batch (96 of 100)."""
    items = texts(100, {13: "炸", 77: "又炸"})
    results = list(run_ordered(Touchy(), annotate, items, n_process=n_process,
                               batch_size=8))
    assert len(results) == 100
    failed = {r.index: str(r.error) for r in results if isinstance(r, Failure)}
    assert failed == {13: "stage exploded", 77: "stage exploded"}
    docs = [r for r in results if not isinstance(r, Failure)]
    assert [d.text for d in docs] == [t for i, t in enumerate(items) if i not in failed]


def new_children(before: set[Any]) -> set[Any]:
    """Child processes alive now that were not before (other tests' children, e.g. a
    spaCy or Dask pool still winding down, are not this run's)."""
    return set(multiprocessing.active_children()) - before


@needs_fork
def test_a_worker_that_dies_costs_only_its_own_text() -> None:
    """Issue 17: a worker killed during `--jobs 2` silently lost 1,616 of 2,000 files."""
    before = set(multiprocessing.active_children())
    items = texts(120, {5: "死", 90: "炸", 91: "死"})
    results = list(run_ordered(Touchy(), annotate, items, n_process=2, batch_size=4))
    assert len(results) == 120
    failed = {r.index: type(r.error) for r in results if isinstance(r, Failure)}
    assert failed == {5: WorkerDied, 90: RuntimeError, 91: WorkerDied}
    assert all(r.text == items[i] for i, r in enumerate(results) if i not in failed)
    assert new_children(before) == set()


def test_pipe_raises_at_the_failing_text_after_yielding_the_ones_before() -> None:
    seen: list[str] = []
    with pytest.raises(RuntimeError, match="stage exploded"):
        for doc in Touchy().pipe(texts(30, {20: "炸"}), n_process=2, batch_size=8):
            seen.append(doc.text)
    assert seen == texts(20, {})


class Mine(str):
    pass


Mine.__module__ = "__main__"  # as if defined in a user's script: not importable by workers


def test_str_subclasses_from_main_are_sent_as_plain_text() -> None:
    """Issue 17: a `str` subclass defined in __main__ could not be pickled."""
    docs = list(Pipeline().pipe([Mine("市长王凤朝强调"), Mine("副市长陈卫强")], n_process=2))
    assert [d.text for d in docs] == ["市长王凤朝强调", "副市长陈卫强"]
    assert all(type(d.text) is str for d in docs)


def test_breaking_off_early_leaves_no_worker() -> None:
    """Issue 17: after breaking off early a worker stayed alive."""
    before = set(multiprocessing.active_children())
    docs = Pipeline().pipe(texts(400, {}), n_process=2, batch_size=2)
    first = next(docs)
    assert first.text == texts(1, {})[0]
    docs.close()
    assert new_children(before) == set()


def test_same_documents_with_one_and_two_processes() -> None:
    items = texts(20, {3: "", 4: "国务院办公厅关于印发通知的通知\n一、总体要求"})
    one = [d.to_dict() for d in Pipeline().pipe(items)]
    two = [d.to_dict() for d in Pipeline().pipe(items, n_process=2, batch_size=3)]
    assert one == two


@pytest.mark.skipif(start_method() == "spawn", reason="spawn needs the __main__ guard")
def test_a_plain_script_without_a_main_guard_works(tmp_path: Path) -> None:
    """Issue 13: pipe(n_process=2) in a script without `if __name__ == "__main__":`
    crashed with BrokenProcessPool (spawn re-ran the script in every worker)."""
    script = tmp_path / "plain.py"
    script.write_text(textwrap.dedent("""
        import govtext
        class Note(str):
            pass
        nlp = govtext.Pipeline()
        docs = list(nlp.pipe([Note("市长王凤朝强调")] * 10, n_process=2))
        print(len(docs), len(docs[0].spans))
    """), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=300, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "10"


def test_start_method_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVTEXT_START_METHOD", "spawn")
    assert start_method() == "spawn"
    monkeypatch.setenv("GOVTEXT_START_METHOD", "teleport")
    with pytest.raises(ValueError, match="teleport"):
        start_method()


def pid_after_a_pause(pipeline: Any, text: str) -> int:
    import time

    time.sleep(0.3)
    return os.getpid()


def test_long_texts_are_shared_between_the_workers() -> None:
    """Four long texts must not travel in one batch to one worker (the batch closes at
    BATCH_CHARS characters), else `--jobs 2` on a few large files runs on one core."""
    from govtext.parallel import BATCH_CHARS

    items = ["国" * BATCH_CHARS] * 4
    pids = list(run_ordered(None, pid_after_a_pause, items, n_process=2, batch_size=8))
    assert len(pids) == 4 and os.getpid() not in pids
    assert len(set(pids)) == 2
