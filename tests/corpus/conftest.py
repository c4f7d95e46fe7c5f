"""The State Council reports in ../shared, annotated once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPORTS = (Path(__file__).resolve().parents[3] / "shared" / "corpora"
           / "state-council-work-reports")


@pytest.fixture(scope="session")
def reports_jsonl(tmp_path_factory) -> Path:
    """The 36 reports annotated and written as JSONL (read back by `read_corpus` and by
    the notebook through GOVTEXT_CORPUS); skips when ../shared is absent."""
    if not REPORTS.is_dir():
        pytest.skip("../shared/corpora/state-council-work-reports not present")
    from govtext.corpus import read_corpus, write_jsonl

    path = tmp_path_factory.mktemp("reports") / "reports.jsonl"
    write_jsonl(read_corpus(REPORTS), path)
    return path
