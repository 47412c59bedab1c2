"""Least privilege on a real PostgreSQL server: the pipeline runs as a role that may write
only in the sandbox, so the incident's regex rewrite is stopped by the database itself and
production's fingerprint stays unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import load_config
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.testing import skip_unless_available
from etlcheck.verify import RunOptions, verify

REPO = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def run(rewrite: str, tmp_path: Path):
    skip_unless_available("postgres", postgres_unavailable_reason())
    config = load_config(REPO / "etlcheck.toml")
    options = RunOptions.from_config(
        config, engine="postgres", rewrite=rewrite, report_dir=tmp_path
    )
    return verify(options)


def test_regex_rewrite_is_refused_by_the_database(tmp_path: Path) -> None:
    verification = run("regex", tmp_path)
    failed = verification.run.failed
    assert failed is not None and failed.step.name == "00-schema-setup.sql"
    assert "permission denied" in (failed.error or "")
    assert "00-schema-setup.sql:" in (failed.error or "")
    assert verification.engine_info.get("principal"), "the run did not use a sandbox role"
    isolation = [f for f in verification.findings if f.startswith("isolation:")]
    assert len(isolation) == 1 and "step 2 00-schema-setup.sql" in isolation[0]
    assert "stopped step 2 00-schema-setup.sql from reaching outside the sandbox" in isolation[0]
    assert verification.production is not None and verification.production.is_clean
    assert not verification.verified


def test_ast_remap_runs_clean_as_the_sandbox_role(tmp_path: Path) -> None:
    verification = run("ast", tmp_path)
    assert verification.run.completed == 41, verification.findings
    assert verification.engine_info.get("principal")
    assert verification.production is not None and verification.production.is_clean
    assert verification.verified, verification.findings
