"""The tutorial notebook runs top to bottom in a fresh kernel, and is committed clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import NOTEBOOKS, assert_committed_clean, code_cells, notebook_tools

nbformat, nbclient = notebook_tools()
TUTORIAL = NOTEBOOKS / "tutorial.ipynb"
CORPORA = NOTEBOOKS.parent / "corpora"


def test_committed_without_outputs() -> None:
    assert_committed_clean(TUTORIAL)


def test_tutorial_runs_top_to_bottom() -> None:
    if not list(CORPORA.glob("*.txt")):
        pytest.skip("no sample corpus in corpora/")
    nb = nbformat.read(TUTORIAL, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    outputs = [o for cell in code_cells(nb) for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("govtext-doc" in h and "<mark" in h for h in html), "no Document display"
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot"
