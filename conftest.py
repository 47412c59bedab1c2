"""Fixtures shared by etlcheck's own tests and the suites: where the sample project lives.

The etlcheck pytest plugin itself is registered through the ``pytest11`` entry point
(see pyproject.toml), so any project that installs etlcheck gets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent

pytest_plugins = ["pytester"]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root, where the sample pipeline's etlcheck.toml stands."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_config_path(repo_root: Path) -> Path:
    return repo_root / "etlcheck.toml"
