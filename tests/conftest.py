from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared reference folder (gold set, development document);
    tests that need it skip cleanly where it is absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (gold set) not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    import govtext

    return govtext.Pipeline()
