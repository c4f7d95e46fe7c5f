"""notebooks/corpus.ipynb runs top to bottom in a fresh kernel, on corpora/ and on the
State Council reports (when ../shared has them), and is committed clean."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import NOTEBOOKS, assert_committed_clean, code_cells, notebook_tools

nbformat, nbclient = notebook_tools()
NOTEBOOK = NOTEBOOKS / "corpus.ipynb"
CORPORA = NOTEBOOKS.parent / "corpora"


def execute(source: Path, monkeypatch) -> str:
    """Run the notebook on `source`; the text of all its outputs."""
    monkeypatch.setenv("GOVTEXT_CORPUS", str(source))
    # the kernel imports this checkout's govtext, whatever the working directory
    paths = [str(NOTEBOOKS.parent / "src"), os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in paths if p))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    outputs = [o for cell in code_cells(nb) for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot"
    tables = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(tables) >= 6, "a frame per table"
    return "\n".join(tables + [o.get("text", "") for o in outputs])


def test_committed_without_outputs() -> None:
    assert_committed_clean(NOTEBOOK)


def test_runs_on_the_sample_corpus(monkeypatch) -> None:
    if not list(CORPORA.glob("*.txt")):
        pytest.skip("no sample corpus in corpora/")
    shown = execute(CORPORA, monkeypatch)
    assert "襄阳市人民政府" in shown and "国办发〔2020〕23号" in shown


def test_runs_on_the_reports(reports_dir: Path, monkeypatch) -> None:
    shown = execute(reports_dir, monkeypatch)
    assert "李克强" in shown and "2017.txt" in shown
