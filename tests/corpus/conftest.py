"""The State Council reports in ../shared, annotated once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPORTS = (Path(__file__).resolve().parents[3] / "shared" / "corpora"
           / "state-council-work-reports")


@pytest.fixture(scope="session")
def reports_dir() -> Path:
    """The folder of the 36 reports; skips when ../shared is absent."""
    if not REPORTS.is_dir():
        pytest.skip("../shared/corpora/state-council-work-reports not present")
    return REPORTS


@pytest.fixture(scope="session")
def reports(reports_dir: Path) -> list:
    """The 36 reports annotated (a list of CorpusDocument)."""
    from govtext.corpus import read_corpus

    return read_corpus(reports_dir)
