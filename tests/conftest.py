"""Shared test fixtures: paths to the real data the tests run on."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.config import Config

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
SEEDS = SHARED_DATA / "seeds"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The evaluation data beside the checkout (``../shared/data``), as CI provides it."""
    assert SHARED_DATA.is_dir(), f"expected the shared data at {SHARED_DATA}"
    return SHARED_DATA


@pytest.fixture(scope="session")
def seeds_dir(shared_data: Path) -> Path:
    return shared_data / "seeds"


@pytest.fixture(scope="session")
def default_config() -> Config:
    return Config()
