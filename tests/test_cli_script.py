"""The installed `govtext` console script and `python -m govtext.cli`, as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def command() -> list[str]:
    """The console script next to this interpreter (or on PATH), else ``-m``."""
    beside = Path(sys.executable).with_name("govtext")
    script = str(beside) if beside.exists() else shutil.which("govtext")
    return [script] if script else [sys.executable, "-m", "govtext.cli"]


def run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, env=env, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize("argv", [command(), [sys.executable, "-m", "govtext.cli"]],
                         ids=["script", "module"])
def test_version(argv: list[str]) -> None:
    result = run(argv + ["--version"])
    assert result.returncode == 0
    assert result.stdout.strip().startswith("govtext ")


def test_annotate_file_and_stdin(tmp_path: Path) -> None:
    text = "杭州市人民政府办公厅关于做好防汛工作的通知\n副市长陈卫强要求各区落实责任。"
    source = tmp_path / "notice.txt"
    source.write_text(text, encoding="utf-8")
    result = run(command() + ["annotate", str(source), "-"], input=text)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["path"]) for r in records] == [("notice.txt", str(source)),
                                                      ("stdin", "-")]
    assert all(r["text"] == text for r in records)


def test_failure_exit_code_and_message(tmp_path: Path) -> None:
    result = run(command() + ["annotate", str(tmp_path / "gone.txt")])
    assert result.returncode == 1
    assert "gone.txt" in result.stderr
    assert result.stdout == ""


BLOCK_EXTRAS = """
import sys
for name in ("pandas", "pyarrow", "tqdm", "trafilatura", "dask", "distributed",
             "matplotlib", "spacy", "IPython"):
    sys.modules[name] = None  # importing it now raises ImportError
from govtext.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_stats_and_tsv_need_only_the_core(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("市长王凤朝强调，全年投入12.5亿元。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("广西壮族自治区司法厅：办理案件1200余件。", encoding="utf-8")
    stats = run([sys.executable, "-c", BLOCK_EXTRAS, "stats", str(tmp_path)])
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.startswith("2 document(s)")
    assert "Quantities by kind" in stats.stdout
    tsv = run([sys.executable, "-c", BLOCK_EXTRAS, "annotate", str(tmp_path), "-f", "tsv"])
    assert tsv.returncode == 0, tsv.stderr
    assert tsv.stdout.startswith("doc_id\tpath\tstart")
    parquet = run([sys.executable, "-c", BLOCK_EXTRAS, "annotate", str(tmp_path),
                   "-f", "parquet", "-o", str(tmp_path / "x.parquet")])
    assert parquet.returncode == 2
    assert "govtext[parquet]" in parquet.stderr
