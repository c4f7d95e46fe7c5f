"""notebooks/indicators.ipynb runs top to bottom in a fresh kernel, on the State Council
reports when ../shared has them and on the repository's corpora/ (issue 14)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import NOTEBOOKS, assert_committed_clean, code_cells, notebook_tools

nbformat, nbclient = notebook_tools()
NOTEBOOK = NOTEBOOKS / "indicators.ipynb"
REPORTS = NOTEBOOKS.parent.parent / "shared" / "corpora" / "state-council-work-reports"


def _run(corpus: Path) -> list:  # type: ignore[type-arg]
    nb = nbformat.read(NOTEBOOK, as_version=4)
    old = os.environ.get("GOVTEXT_CORPUS"), os.environ.get("PYTHONPATH")
    os.environ["GOVTEXT_CORPUS"] = str(corpus)
    # the kernel runs in notebooks/: it must import the govtext under test
    paths = [str(Path(p).resolve()) for p in (old[1] or "").split(os.pathsep) if p]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(NOTEBOOKS.parent / "src"), *paths])
    try:
        client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                         resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
    finally:
        for name, value in zip(("GOVTEXT_CORPUS", "PYTHONPATH"), old):
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return [o for c in code_cells(nb) for o in c.outputs]


def test_committed_without_outputs() -> None:
    assert_committed_clean(NOTEBOOK)


def test_runs_on_the_repository_corpus() -> None:
    outputs = _run(NOTEBOOKS.parent / "corpora")
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot"


def test_runs_on_the_state_council_reports() -> None:
    if not REPORTS.is_dir():
        pytest.skip("no ../shared/corpora/state-council-work-reports")
    outputs = _run(REPORTS)
    html = "".join(o["data"].get("text/html", "") for o in outputs if "data" in o)
    assert "gdp_growth" in html and "≥1100万人" in html
