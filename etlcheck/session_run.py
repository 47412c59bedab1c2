"""With pytest-xdist, the controller makes the session's one run while the workers start.

(Given only suites, the session has no workers: :mod:`etlcheck.suite_workers`. This is the
session given other paths too, or ``--etl-workers keep``.)

Starting a worker is a new interpreter importing pytest and its plugins, collecting the
suite (with the cases the controller read: ``etlcheck.cases``) and unpickling the run
(about 0.55 s of CPU on the sample). The controller collects nothing and runs no test,
so it makes the run in a thread meanwhile,
through the same stages and in the same order as the fixtures, and publishes it to the
workers (:mod:`etlcheck.xdist_share`) in two stages: the run, then the validated
expectations, so the workers run the other tests while Great Expectations validates. It
keeps the database until the workers are done and writes the session's one report while
they finish.

On a machine with fewer cores than the processes that would compete (the run, the
process that imports Great Expectations, the workers), the workers start once the run is
published: starting them alongside slowed Great Expectations' import, the session's
critical path, by about 0.5 s on 2 cores (5.3 s against 4.8 s for ``-n 2`` on the sample
suite, alternating runs), and they are ready before the validated suites are. (Starting
them at once stayed slower once workers were light: 3.68 s against 3.38 s; so did both
with the workers at a lower CPU priority, 3.37 s, which would also starve them on a busy
machine.) They also start off one core (:mod:`etlcheck.cores`), which that import keeps
to itself: beside it, two starting workers took a third of its core for half a second.
So do this process's threads meanwhile: the run's thread exports the tables GX reads and
readies the report writer then (:mod:`etlcheck.report.warm`), and DuckDB's threads
export. Each worker gets every core back once it has collected, and this process once
the last worker started. On 2 cores, 48 alternating rounds against the same code without it
(medians per set of 12, 20 and 16 rounds): ``-n 2`` over no ``-n`` went from ×1.03,
×1.07 and ×1.09 to ×1.06, ×1.03 and ×1.04.

It does so only for a suite (its conftest calls ``enable_pytest_reports``) that leaves
the run's fixtures as the plugin defines them: a conftest that overrides one makes the
first worker that needs the run make it, through the fixtures, overrides and all.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from etlcheck.cores import available_cores, run_on, spare_one_core
from etlcheck.fixture_share import RUN_FIXTURES, database_of, outcome_of
from etlcheck.fixture_support import (
    expectations_folder,
    reported,
    session_engine,
    session_options,
)
from etlcheck.session import EtlSession
from etlcheck.xdist_share import CONTROLLER, Outcome, RunShare, SharedRun

if TYPE_CHECKING:
    from etlcheck.engines import Engine


class ControllerRun:
    """The run the controller makes for its workers."""

    def __init__(self, config: pytest.Config, session: EtlSession, share: RunShare) -> None:
        self.config = config
        self.session = session
        self.share = share
        self.engine: Engine | None = None
        self.work = Path(tempfile.mkdtemp(prefix="etlcheck-controller-"))
        """Where the run's DuckDB file lives (removed at the end)."""
        self._thread: threading.Thread | None = None
        self._folder: Path | None = None
        """The expectation suites' folder, once the options are read."""
        self._first_stage: SharedRun | None = None
        self._report_error: Exception | None = None
        self._run_published = threading.Event()
        self.worker_cores: frozenset[int] | None = None
        """The cores the workers get back once started, when one was spared meanwhile."""
        self._workers_to_start = 0

    def start(self) -> None:
        """Claim the run before any worker can, then make it in a thread."""
        assert self.share.role() == "producer"
        self._thread = threading.Thread(target=self._make, name="etlcheck-run", daemon=True)
        self._thread.start()

    def hold_workers(self, workers: int) -> None:
        """Before xdist starts ``workers`` workers: when they, the run and GX's process
        would be more than the cores, wait for the run's first stage, then start them off
        one core, which GX's process keeps while it imports GX."""
        if workers + 2 > available_cores():
            self._run_published.wait()
            self._workers_to_start = workers
            self.worker_cores = spare_one_core()

    def worker_started(self) -> None:
        """xdist started one more worker; after the last, this process's threads (those
        that talk to the workers too) run on every core again."""
        self._workers_to_start -= 1
        if self._workers_to_start <= 0 and self.worker_cores is not None:
            run_on(self.worker_cores)

    def finish(self) -> None:
        """Wait for the run (it is over when the workers have used it) and stop its
        database; the workers are done by now. A report that could not be written fails
        here, as it would at the end of a session without workers."""
        if self._thread is not None:
            self._thread.join()
        if self.worker_cores is not None:  # a worker that never started
            run_on(self.worker_cores)
        if self.engine is not None:
            self.engine.close()
            self.engine = None
        shutil.rmtree(self.work, ignore_errors=True)
        if self._report_error is not None:
            raise self._report_error

    def _make(self) -> None:
        try:
            self._publish()
        finally:
            self._run_published.set()  # whatever happened: xdist may start its workers
        if self.engine is not None and self.engine.local_url() is None:
            self.engine.close()  # a file: the workers have their copies
            self.engine = None
        try:  # while the workers finish their tests
            self.session.finish()
        except Exception as error:
            self._report_error = error

    def _publish(self) -> None:
        """Make the run and publish it, failed or not."""
        outcomes: dict[str, Outcome] = {}
        try:
            self._stages(outcomes)
        except BaseException as error:
            failed = next(name for name in RUN_FIXTURES if name not in outcomes)
            outcomes[failed] = outcome_of(error)
        run = self._first_stage or SharedRun(CONTROLLER)
        try:
            if self._first_stage is None:
                run = database_of(self.share, run, self.engine, self._folder)
        finally:
            self.share.publish(replace(run, outcomes=outcomes, complete=True))

    def _publish_the_run(self, outcomes: dict[str, Outcome]) -> None:
        """Everything but the expectations: the workers run the other tests meanwhile."""
        run = SharedRun(CONTROLLER, dict(outcomes), complete=False)
        self._first_stage = database_of(self.share, run, self.engine, self._folder)
        self.share.publish(self._first_stage)
        self._run_published.set()

    def _stages(self, outcomes: dict[str, Outcome]) -> None:
        """The fixtures' stages in the fixtures' order; each value into ``outcomes``."""
        session, config = self.session, self.config
        options = session_options(config)
        session.options = options
        outcomes["etl_options"] = Outcome(options)
        self._folder = folder = expectations_folder(config, options.config)
        from etlcheck.expectations import load_suites

        # A suite that does not read ends the session at collection: no run for it.
        suites = load_suites(folder) if folder is not None else None
        # GX's process, started with the session (plugin.pytest_sessionstart), imports
        # GX meanwhile.
        from etlcheck import stages
        from etlcheck.privilege import least_privilege

        self.engine = engine = session_engine(config, options, self.work)
        session.engine_info = stages.engine_facts(engine)
        outcomes["etl_engine"] = Outcome(None)
        with reported("seed the database"):
            session.seed = stages.seed(engine, options)
        outcomes["etl_seed"] = Outcome(session.seed)
        before = stages.snapshot(engine, options)
        outcomes["etl_before"] = Outcome(before)
        session.lint = stages.lint_for(options)
        outcomes["etl_lint"] = Outcome(session.lint)
        with reported("run the pipeline"):
            stages.check_scripts(options)
        with least_privilege(engine, options.config, options.sandboxed):
            runner = stages.make_runner(engine, options, collected=session.rewrites)
            session.run = stages.run_steps(runner, options, run_id=session.run_id)
        outcomes["etl_run"] = Outcome(session.run)
        comparison = stages.compare(before, stages.snapshot(engine, options))
        session.production, session.sandbox = comparison.production, comparison.sandbox
        outcomes["etl_after"] = Outcome(comparison)
        outcomes["etl_pipeline_tables"] = Outcome(stages.pipeline_tables(options))
        self._publish_the_run(outcomes)
        if suites is None:
            pytest.fail("no expectation suites: set --etl-expectations or etl_expectations_dir")
        from etlcheck.report import warm

        warm.start()  # this thread writes the report next: ready it while GX validates
        with reported("validate the expectation suites"):
            validated = list(stages.validate(engine, suites, options))
        session.expectations = validated
        outcomes["etl_expectations"] = Outcome(validated)
