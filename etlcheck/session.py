"""What one pytest session (or xdist worker) learned about its run, for the report."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pytest

if TYPE_CHECKING:
    from etlcheck.expectations import SuiteOutcome
    from etlcheck.isolation.diff import FingerprintDiff
    from etlcheck.isolation.lint_report import LintReport
    from etlcheck.options import RunOptions
    from etlcheck.seeding.summary import SeedSummary
    from etlcheck.step_result import RunResult
    from etlcheck.xdist_share import RunShare


class BackgroundRun(Protocol):
    """The run the xdist controller makes in a thread while the workers start
    (``session_run.ControllerRun``)."""

    def start(self) -> None: ...

    worker_cores: frozenset[int] | None

    def hold_workers(self, workers: int) -> None: ...

    def worker_started(self) -> None: ...

    def finish(self) -> None: ...


def session_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(2)


@dataclass
class EtlSession:
    """Filled in by the fixtures as they run; written out as a report at session end."""

    run_id: str
    options: RunOptions | None = None
    engine_info: dict[str, Any] = field(default_factory=dict)
    seed: SeedSummary | None = None
    lint: LintReport | None = None
    run: RunResult | None = None
    production: FingerprintDiff | None = None
    sandbox: FingerprintDiff | None = None
    expectations: list[SuiteOutcome] | None = None
    rewrites: list[dict[str, str]] = field(default_factory=list)
    report: Path | None = None
    share: RunShare | None = None
    """With pytest-xdist: how this worker shares the one run of the session."""
    share_folder: Path | None = None
    """On the xdist controller: the folder the workers share (removed at the end)."""
    share_conflict: str | None = None
    """Why this worker cannot use the run the controller made (a conftest it loaded
    overrides one of the run's fixtures)."""
    controller_run: BackgroundRun | None = None
    """On the xdist controller: the run it makes for the workers."""
    suite: bool = False
    """The session runs an etlcheck suite (its conftest called ``enable_pytest_reports``)."""
    suite_folders: set[Path] = field(default_factory=set)
    """The folders of the conftests that called ``enable_pytest_reports``."""
    worker_cases: dict[str, Any] | None = None
    """On the xdist controller: the suite's cases, handed to every worker (``etlcheck.cases``)."""

    def finish(self) -> Path | None:
        """Write report.html and run.json when this session ran the pipeline (once: the
        xdist controller writes them while its workers finish)."""
        if self.run is None or self.options is None:
            return None
        if self.report is not None:
            return self.report
        from etlcheck.report import write_reports
        from etlcheck.verify import Verification

        verification = Verification(
            options=self.options,
            run=self.run,
            lint=self.lint,
            production=self.production,
            sandbox=self.sandbox,
            seed=self.seed,
            engine_info=self.engine_info,
            expectations=tuple(self.expectations) if self.expectations is not None else None,
            rewrites=tuple(self.rewrites),
        )
        self.report = write_reports(verification)
        return self.report


SESSION_KEY = pytest.StashKey[EtlSession]()
