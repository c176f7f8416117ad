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
    """The evaluation data beside the checkout (``../shared/data``), as CI provides it.

    Tests that need it skip (not fail) where it is absent, e.g. a bare clone; README.md
    ("Evaluation data") says where it comes from.
    """
    if not SHARED_DATA.is_dir():
        pytest.skip(f"evaluation data not found at {SHARED_DATA} (see README: Evaluation data)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seeds_dir(shared_data: Path) -> Path:
    return shared_data / "seeds"


@pytest.fixture(scope="session")
def default_config() -> Config:
    return Config()


# Modules that name the shared data directly (module-level paths, ``web_support``) rather
# than through the fixture; without the data their tests skip with the same reason.
_SHARED_DATA_MARKERS = ('"shared"', "shared_data", "seeds_dir", "web_support")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED_DATA.is_dir():
        return
    skip = pytest.mark.skip(
        reason=f"evaluation data not found at {SHARED_DATA} (see README: Evaluation data)"
    )
    sources: dict[Path, str] = {}
    for item in items:
        module = Path(str(item.fspath))
        if module not in sources:
            sources[module] = module.read_text(encoding="utf-8")
        if any(marker in sources[module] for marker in _SHARED_DATA_MARKERS):
            item.add_marker(skip)
