"""Helpers for tests that need a service: skip with the reason when it is missing, and
fail instead when the user asked for it (``ETLCHECK_REQUIRE_ENGINE=postgres,mssql``)."""

from __future__ import annotations

import os
from collections.abc import Mapping

import pytest

REQUIRE_VARIABLE = "ETLCHECK_REQUIRE_ENGINE"


def engine_required(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """True when ETLCHECK_REQUIRE_ENGINE names ``name``: a missing service then fails the tests."""
    env = os.environ if environ is None else environ
    wanted = {part.strip().lower() for part in env.get(REQUIRE_VARIABLE, "").split(",")}
    return name.lower() in wanted


def skip_unless_available(name: str, reason: str | None) -> None:
    """Do nothing when ``reason`` is None; otherwise skip, or fail if ``name`` was required."""
    if reason is None:
        return
    if engine_required(name):
        pytest.fail(f"{name} was required ({REQUIRE_VARIABLE}) but: {reason}")
    pytest.skip(reason)
