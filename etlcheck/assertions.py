"""Sentences for failing suite tests: a failure should read like a finding,
e.g. "etl.stg_brokers gained 100 rows; they belong in poc_etl.stg_brokers"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from etlcheck.privilege import is_permission_failure

if TYPE_CHECKING:
    from etlcheck.config import SandboxConfig
    from etlcheck.isolation.diff import FingerprintDiff, TableDiff
    from etlcheck.step_result import StepResult


def leak_sentence(table: TableDiff, sandbox: SandboxConfig) -> str:
    """What happened to a protected table, and where that data should have gone."""
    target = sandbox.sandbox_of(table.schema)
    where = f"; they belong in {target}.{table.name}" if target else ""
    return f"{table.sentence}{where}"


def production_findings(diff: FingerprintDiff, sandbox: SandboxConfig) -> list[str]:
    lines = [f"schema {name} was created outside the sandbox" for name in diff.schemas_created]
    lines += [f"schema {name} was dropped" for name in diff.schemas_dropped]
    lines += [leak_sentence(table, sandbox) for table in diff.changed_tables]
    return lines


def step_failure_sentence(result: StepResult) -> str:
    """A failed step, named as an isolation finding when the database refused a leak."""
    where = f"step {result.step.number} ({result.step.name})"
    if is_permission_failure(result.error):
        return f"{where} tried to write outside the sandbox; the database refused: {result.error}"
    return f"{where} failed: {result.error}"


def bullet_list(lines: Iterable[str]) -> str:
    return "\n".join(f"  - {line}" for line in lines)
