"""Fixture factories of the pytest plugin, in the style of pytest-postgresql.

Each factory returns a session-scoped fixture; fixtures chain by name through
``request.getfixturevalue`` so a project can replace any link (its own engine, its
own seed) by defining a fixture of the same name. Every piece a fixture computes is
also put on the session's :class:`~etlcheck.session.EtlSession` for the report. With
pytest-xdist the run is made once per session and shared (:mod:`etlcheck.fixture_share`).

The stages are imported where a fixture computes, not with the plugin: every pytest
process loads the plugin, and an xdist worker that takes the run from another never
computes one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from etlcheck.fixture_share import (
    consuming,
    etl_share_the_run,
    producing,
    shared,
    shared_engine,
    shared_expectations,
)
from etlcheck.fixture_support import get_option, reported, session_of, session_options
from etlcheck.fixture_support import session_engine as open_session_engine
from etlcheck.session import EtlSession

if TYPE_CHECKING:
    from etlcheck.engines import Engine
    from etlcheck.expectations import SuiteOutcome
    from etlcheck.isolation.lint_report import LintReport
    from etlcheck.isolation.snapshots import Comparison, Snapshot
    from etlcheck.options import RunOptions
    from etlcheck.seeding.summary import SeedSummary
    from etlcheck.step_result import RunResult

Fixture = Callable[..., Any]

__all__ = ["etl_share_the_run"]


def etl_session(request: pytest.FixtureRequest) -> EtlSession:
    return session_of(request.config)


def _option(request: pytest.FixtureRequest, name: str) -> str | None:
    return get_option(request.config, name)


def etl_options_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_options(request: pytest.FixtureRequest) -> RunOptions:
        """The run's options: etlcheck.toml, overridden by --etl-* flags or ini keys (on an
        xdist worker that did not make the run, those of the process that did)."""
        options: RunOptions = shared(
            request, "etl_options", lambda: session_options(request.config)
        )
        options.register_secrets()
        etl_session(request).options = options
        return options

    return etl_options


def etl_engine_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_engine(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[Engine]:
        """A disposable database for this session, torn down at the end. With xdist, on a
        worker that did not make the run: a copy of that run's database, or a connection
        to it."""
        options: RunOptions = request.getfixturevalue("etl_options")
        share = consuming(request)
        if share is not None:
            engine = shared_engine(request, share, options, tmp_path_factory)
        else:
            from etlcheck import stages

            with producing(request, "etl_engine"):
                folder = tmp_path_factory.mktemp("etlcheck")
                engine = open_session_engine(request.config, options, folder)
            etl_session(request).engine_info = stages.engine_facts(engine)
        producer = etl_session(request).share
        try:
            yield engine
        finally:
            if producer is not None and share is None:
                with producer.consumers_done():
                    engine.close()
            else:
                engine.close()

    return etl_engine


def etl_seed_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_seed(request: pytest.FixtureRequest) -> SeedSummary:
        """The declared seed sources loaded, production cloned into the sandbox, the
        sandbox schemas created (override it with your own, built on ``Seeder``)."""

        def seed() -> SeedSummary:
            options: RunOptions = request.getfixturevalue("etl_options")
            engine: Engine = request.getfixturevalue("etl_engine")
            from etlcheck import stages
            from etlcheck.expectations import start_for_tests

            start_for_tests(request.session.items, options.engine)  # GX imports meanwhile
            with reported("seed the database"):
                found = stages.seed(engine, options)
            etl_session(request).seed = found
            return found

        return shared(request, "etl_seed", seed)

    return etl_seed


def etl_before_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_before(request: pytest.FixtureRequest) -> Snapshot:
        """Fingerprints of (protected schemas, sandbox schemas) before the run."""

        def before() -> Snapshot:
            from etlcheck import stages
            from etlcheck.seeding.summary import SeedSummary

            seed = request.getfixturevalue("etl_seed")
            if isinstance(seed, SeedSummary):
                etl_session(request).seed = seed
            options: RunOptions = request.getfixturevalue("etl_options")
            return stages.snapshot(request.getfixturevalue("etl_engine"), options)

        return shared(request, "etl_before", before)

    return etl_before


def etl_lint_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_lint(request: pytest.FixtureRequest) -> LintReport | None:
        """The static isolation proof of every script, for the run's rewrite mode."""

        def lint() -> LintReport | None:
            from etlcheck import stages

            options: RunOptions = request.getfixturevalue("etl_options")
            report = stages.lint_for(options)
            etl_session(request).lint = report
            return report

        return shared(request, "etl_lint", lint)

    return etl_lint


def etl_run_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_run(request: pytest.FixtureRequest) -> RunResult:
        """The pipeline run, once per session (with xdist too)."""

        def run() -> RunResult:
            from etlcheck import stages
            from etlcheck.privilege import least_privilege

            request.getfixturevalue("etl_before")
            request.getfixturevalue("etl_lint")
            options: RunOptions = request.getfixturevalue("etl_options")
            session = etl_session(request)
            engine: Engine = request.getfixturevalue("etl_engine")
            with reported("run the pipeline"):
                stages.check_scripts(options)
            with least_privilege(engine, options.config, options.sandboxed):
                runner = stages.make_runner(engine, options, collected=session.rewrites)
                result = stages.run_steps(runner, options, run_id=session.run_id)
            session.run = result
            return result

        return shared(request, "etl_run", run)

    return etl_run


def etl_after_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_after(request: pytest.FixtureRequest) -> Comparison:
        """(production diff, sandbox diff) between the fingerprints before and after the run."""

        def after() -> Comparison:
            from etlcheck import stages

            request.getfixturevalue("etl_run")
            options: RunOptions = request.getfixturevalue("etl_options")
            before: Snapshot = request.getfixturevalue("etl_before")
            now = stages.snapshot(request.getfixturevalue("etl_engine"), options)
            comparison = stages.compare(before, now)
            session = etl_session(request)
            session.production, session.sandbox = comparison.production, comparison.sandbox
            return comparison

        return shared(request, "etl_after", after)

    return etl_after


def etl_expectations_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_expectations(request: pytest.FixtureRequest) -> list[SuiteOutcome]:
        """Great Expectations suites validated against the run's staging outputs."""

        folder = _option(request, "etl_expectations") or request.getfixturevalue(
            "etl_expectations_dir"
        )
        if not folder:
            pytest.fail("no expectation suites: set --etl-expectations or etl_expectations_dir")

        def validate() -> list[SuiteOutcome]:
            from etlcheck import stages
            from etlcheck.expectations import load_suites
            from etlcheck.report import warm

            request.getfixturevalue("etl_run")
            options: RunOptions = request.getfixturevalue("etl_options")
            warm.start()  # the session's report is next: ready it while GX validates
            with reported("validate the expectation suites"):
                outcomes = list(
                    stages.validate(
                        request.getfixturevalue("etl_engine"), load_suites(Path(folder)), options
                    )
                )
            etl_session(request).expectations = outcomes
            return outcomes

        share = consuming(request)
        if share is not None:
            same, outcomes = shared_expectations(request, share, Path(folder))
            if not same:  # this suite names other suites than the run validated
                return validate()
            return list(outcomes)
        return shared(request, "etl_expectations", validate)

    return etl_expectations


@pytest.fixture(scope="session")
def etl_expectations_dir(etl_options: RunOptions) -> Path | None:
    """The suites ``[run] expectations`` names; override in a suite's conftest.py."""
    folder = etl_options.config.run.expectations
    return etl_options.config.root / folder if folder else None


@pytest.fixture(scope="session")
def etl_pipeline_tables(request: pytest.FixtureRequest) -> list[tuple[str, str]]:
    """(schema, table) of every permanent table the pipeline's scripts create, found by
    the parser (or the work cache); the run should leave each in the sandbox (or drop it)."""

    def tables() -> list[tuple[str, str]]:
        from etlcheck import stages

        return stages.pipeline_tables(request.getfixturevalue("etl_options"))

    return shared(request, "etl_pipeline_tables", tables)
