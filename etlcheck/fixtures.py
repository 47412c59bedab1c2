"""Fixture factories of the pytest plugin, in the style of pytest-postgresql.

Each factory returns a session-scoped fixture; fixtures chain by name through
``request.getfixturevalue`` so a project can replace any link (its own engine, its
own seed) by defining a fixture of the same name. Every piece a fixture computes is
also put on the session's :class:`~etlcheck.session.EtlSession` for the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from etlcheck import stages
from etlcheck.config import load_config
from etlcheck.engines import Engine
from etlcheck.errors import EngineError, EtlcheckError
from etlcheck.options import RunOptions
from etlcheck.privilege import least_privilege
from etlcheck.seeding.summary import SeedSummary
from etlcheck.session import SESSION_KEY, EtlSession
from etlcheck.targets import open_engine

if TYPE_CHECKING:
    from etlcheck.expectations import SuiteOutcome
    from etlcheck.isolation.lint import LintReport
    from etlcheck.runner import RunResult

Fixture = Callable[..., Any]
TRUE_WORDS = ("1", "true", "yes", "on")


def etl_session(request: pytest.FixtureRequest) -> EtlSession:
    return request.config.stash[SESSION_KEY]


def _option(request: pytest.FixtureRequest, name: str) -> str | None:
    from etlcheck.plugin import get_option

    return get_option(request.config, name)


def _flag(request: pytest.FixtureRequest, name: str) -> bool:
    return (_option(request, name) or "").lower() in TRUE_WORDS


def required_engines(request: pytest.FixtureRequest) -> set[str]:
    raw = _option(request, "etl_require_engine") or ""
    return {part.strip().lower() for part in raw.split(",") if part.strip()}


@contextmanager
def reported(what: str) -> Iterator[None]:
    """Turn an etlcheck error inside the block into one clear test failure."""
    try:
        yield
    except EtlcheckError as error:
        pytest.fail(f"etlcheck could not {what}: {error}", pytrace=False)


def etl_options_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_options(request: pytest.FixtureRequest) -> RunOptions:
        """The run's options: etlcheck.toml, overridden by --etl-* flags or ini keys."""
        with reported("read its configuration"):
            config = load_config(_option(request, "etl_config"))
            options = RunOptions.from_config(
                config,
                engine=_option(request, "etl_engine"),
                scale=_option(request, "etl_scale"),
                rewrite=_option(request, "etl_rewrite"),
                report_dir=_option(request, "etl_report_dir"),
                allow_external_target=_flag(request, "etl_allow_external_target"),
                seed_from=tuple((_option(request, "etl_seed_from") or "").split()),
                allow_writable_source=_flag(request, "etl_seed_allow_writable"),
            )
        etl_session(request).options = options
        return options

    return etl_options


def etl_engine_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_engine(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[Engine]:
        """A disposable database for this session or xdist worker, torn down at the end."""
        options: RunOptions = request.getfixturevalue("etl_options")
        name = options.engine
        target = _option(request, "etl_db") if name == "duckdb" else None
        if name == "duckdb" and target is None:
            target = str(tmp_path_factory.mktemp("etlcheck") / "pipeline.duckdb")
        elif name != "duckdb":
            target = _option(request, f"etl_{name}_url")
        try:
            engine = open_engine(replace(options, db=target), fresh=True)
        except EngineError as error:
            if name in required_engines(request):
                pytest.fail(f"engine {name} was required but is not available: {error}")
            pytest.skip(f"engine {name} is not available here: {error}")
        except EtlcheckError as error:
            pytest.fail(f"etlcheck could not open the database: {error}", pytrace=False)
        etl_session(request).engine_info = stages.engine_facts(engine)
        try:
            yield engine
        finally:
            engine.close()

    return etl_engine


def etl_seed_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_seed(request: pytest.FixtureRequest) -> SeedSummary:
        """The declared seed sources loaded, production cloned into the sandbox, the
        sandbox schemas created (override it with your own, built on ``Seeder``)."""
        options: RunOptions = request.getfixturevalue("etl_options")
        engine: Engine = request.getfixturevalue("etl_engine")
        from etlcheck.expectations import start_for_tests

        start_for_tests(request.session.items, options.engine)  # GX imports meanwhile
        with reported("seed the database"):
            seed = stages.seed(engine, options)
        etl_session(request).seed = seed
        return seed

    return etl_seed


def etl_before_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_before(request: pytest.FixtureRequest) -> stages.Snapshot:
        """Fingerprints of (protected schemas, sandbox schemas) before the run."""
        seed = request.getfixturevalue("etl_seed")
        if isinstance(seed, SeedSummary):
            etl_session(request).seed = seed
        options: RunOptions = request.getfixturevalue("etl_options")
        return stages.snapshot(request.getfixturevalue("etl_engine"), options)

    return etl_before


def etl_lint_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_lint(request: pytest.FixtureRequest) -> LintReport | None:
        """The static isolation proof of every script, for the run's rewrite mode."""
        options: RunOptions = request.getfixturevalue("etl_options")
        report = stages.lint_for(options)
        etl_session(request).lint = report
        return report

    return etl_lint


def etl_run_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_run(request: pytest.FixtureRequest) -> RunResult:
        """The pipeline run, once per session or xdist worker."""
        request.getfixturevalue("etl_before")
        request.getfixturevalue("etl_lint")
        options: RunOptions = request.getfixturevalue("etl_options")
        session = etl_session(request)
        engine: Engine = request.getfixturevalue("etl_engine")
        with reported("run the pipeline"):
            stages.check_scripts(options)
        with least_privilege(engine, options.config.sandbox, options.sandboxed):
            runner = stages.make_runner(engine, options, collected=session.rewrites)
            run = stages.run_steps(runner, options, run_id=session.run_id)
        session.run = run
        return run

    return etl_run


def etl_after_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_after(request: pytest.FixtureRequest) -> stages.Comparison:
        """(production diff, sandbox diff) between the fingerprints before and after the run."""
        request.getfixturevalue("etl_run")
        options: RunOptions = request.getfixturevalue("etl_options")
        before: stages.Snapshot = request.getfixturevalue("etl_before")
        after = stages.snapshot(request.getfixturevalue("etl_engine"), options)
        comparison = stages.compare(before, after)
        session = etl_session(request)
        session.production, session.sandbox = comparison.production, comparison.sandbox
        return comparison

    return etl_after


def etl_expectations_factory() -> Fixture:
    @pytest.fixture(scope="session")
    def etl_expectations(request: pytest.FixtureRequest) -> list[SuiteOutcome]:
        """Great Expectations suites validated against the run's staging outputs."""
        from etlcheck.expectations import load_suites

        request.getfixturevalue("etl_run")
        options: RunOptions = request.getfixturevalue("etl_options")
        folder = _option(request, "etl_expectations") or request.getfixturevalue(
            "etl_expectations_dir"
        )
        if not folder:
            pytest.fail("no expectation suites: set --etl-expectations or etl_expectations_dir")
        with reported("validate the expectation suites"):
            outcomes = list(
                stages.validate(
                    request.getfixturevalue("etl_engine"), load_suites(Path(folder)), options
                )
            )
        etl_session(request).expectations = outcomes
        return outcomes

    return etl_expectations


@pytest.fixture(scope="session")
def etl_expectations_dir(etl_options: RunOptions) -> Path | None:
    """The suites ``[run] expectations`` names; override in a suite's conftest.py."""
    folder = etl_options.config.run.expectations
    return etl_options.config.root / folder if folder else None


@pytest.fixture(scope="session")
def etl_pipeline_tables(etl_options: RunOptions) -> list[tuple[str, str]]:
    """(schema, table) of every permanent table the pipeline's scripts create, found by
    the parser; the run should leave each in the sandbox (or drop it)."""
    from etlcheck.pipeline import Pipeline
    from etlcheck.script_facts import read_script_facts

    found: dict[tuple[str, str], tuple[str, str]] = {}
    default = etl_options.config.sandbox.default_schema
    for step in Pipeline.from_config(etl_options.config).steps:
        for table in read_script_facts(step.read(), step.path).tables:
            pair = (table.schema or default, table.table)
            found.setdefault((pair[0].lower(), pair[1].lower()), pair)
    return list(found.values())
