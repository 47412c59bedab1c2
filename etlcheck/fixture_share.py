"""The pytest side of :mod:`etlcheck.xdist_share`: fixtures that compute their value on
the process that makes the session's run and take it from there everywhere else."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from etlcheck.fixture_support import get_option, reported, session_of
from etlcheck.redaction import redact, register_url
from etlcheck.xdist_share import SHARED, Outcome, RunShare, SharedRun

if TYPE_CHECKING:
    from etlcheck.engines import Engine
    from etlcheck.options import RunOptions

T = TypeVar("T")
RUN_FIXTURES = ("etl_options", "etl_engine", *SHARED)
"""The fixtures of the run, in the order they compute."""


def overridden_fixtures(config: pytest.Config, plugin: ModuleType) -> list[str]:
    """The run's fixtures that a loaded conftest or plugin (not ``plugin``) defines."""
    found = []
    for other in config.pluginmanager.get_plugins():
        if other is plugin or not isinstance(other, ModuleType):
            continue
        for name in RUN_FIXTURES:
            if name in vars(other) and vars(other)[name] is not getattr(plugin, name, None):
                found.append(f"{name} ({getattr(other, '__file__', other.__name__)})")
    return found


def consuming(request: pytest.FixtureRequest) -> RunShare | None:
    """The share when this process takes the run from another, else None."""
    share = session_of(request.config).share
    return share if share is not None and not share.producing else None


def shared(request: pytest.FixtureRequest, name: str, compute: Callable[[], T]) -> T:
    """``compute()`` here, or, on an xdist worker that did not make the run, the value
    the process that did computed."""
    share = consuming(request)
    if share is not None:
        value: T = consumed(request, share, name)
        return value
    with producing(request, name):
        return compute()


@contextmanager
def producing(request: pytest.FixtureRequest, name: str) -> Iterator[None]:
    """If ``name`` fails on the producer, publish the failure: the consumers waiting for
    the run fail with the same line instead of waiting for ever."""
    share = session_of(request.config).share
    try:
        yield
    except BaseException as error:
        if share is not None and share.producing and not share.published:
            share.publish(SharedRun(share.worker, {name: outcome_of(error)}))
        raise


def outcome_of(error: BaseException) -> Outcome:
    if isinstance(error, pytest.skip.Exception):
        return Outcome(skipped=str(error))
    return Outcome(failed=redact(str(error)))


def consumed(request: pytest.FixtureRequest, share: RunShare, name: str) -> Any:
    """The producer's value of ``name``, or its failure, or its skip."""
    conflict = session_of(request.config).share_conflict
    if conflict is not None:
        pytest.fail(conflict, pytrace=False)
    try:
        run = share.result(name)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    outcome = run.outcomes.get(name)
    if outcome is None:
        problems = [o for o in run.outcomes.values() if o.failed or o.skipped]
        outcome = problems[0] if problems else Outcome(failed=f"{name} was not shared")
    if outcome.failed is not None:
        pytest.fail(f"({run.producer} made the run) {outcome.failed}", pytrace=False)
    if outcome.skipped is not None:
        pytest.skip(outcome.skipped)
    return outcome.value


def shared_engine(
    request: pytest.FixtureRequest,
    share: RunShare,
    options: RunOptions,
    tmp_path_factory: pytest.TempPathFactory,
) -> Engine:
    """A consumer's view of the producer's database: a copy of its DuckDB file, or a
    connection to its server."""
    from etlcheck.targets import open_engine

    consumed(request, share, "etl_engine")
    run = share.result()
    target: str | None
    if run.database_file is not None:
        target = str(tmp_path_factory.mktemp("etlcheck") / "pipeline.duckdb")
        shutil.copyfile(run.database_file, target)
    else:
        target = run.database_url or get_option(request.config, f"etl_{options.engine}_url")
        if target:
            register_url(target)
    with reported(f"open the database {run.producer} made the run in"):
        return open_engine(replace(options, db=target), fresh=False)


def shared_expectations(
    request: pytest.FixtureRequest, share: RunShare, folder: Path
) -> tuple[bool, Any]:
    """(True, outcomes) when the producer validated the same folder of suites."""
    run = share.result()
    if run.expectations_folder is not None and Path(run.expectations_folder) == folder:
        return True, consumed(request, share, "etl_expectations")
    return False, None


def publish_run(request: pytest.FixtureRequest, share: RunShare) -> None:
    """On a producing worker: every shared value, and the way to its database."""
    outcomes: dict[str, Outcome] = {}
    for name in RUN_FIXTURES:
        try:
            value = request.getfixturevalue(name)
        except BaseException as error:
            outcomes[name] = outcome_of(error)
        else:
            outcomes[name] = Outcome(None if name == "etl_engine" else value)
    engine: Engine | None = None
    if outcomes["etl_engine"].failed is None and outcomes["etl_engine"].skipped is None:
        engine = request.getfixturevalue("etl_engine")
    folder = request.getfixturevalue("etl_expectations_dir")
    share.publish(database_of(share, SharedRun(share.worker, outcomes), engine, folder))


def database_of(
    share: RunShare, run: SharedRun, engine: Engine | None, folder: Path | str | None
) -> SharedRun:
    """``run`` with how consumers reach ``engine``'s database and which suites it used."""
    file, url = None, None
    if engine is not None:
        source = engine.database_file()
        if source is not None:
            engine.checkpoint()
            file = share.copy_database(source)
        url = engine.local_url()
    return replace(
        run,
        database_file=file,
        database_url=url,
        expectations_folder=Path(folder) if folder else None,
    )


@pytest.fixture(autouse=True)
def etl_share_the_run(request: pytest.FixtureRequest) -> None:
    """With xdist, on the worker that makes the run: once its first test that needs the
    run has its fixtures, publish every shared value (a no-op everywhere else)."""
    share = session_of(request.config).share
    if share is None or not {*SHARED, "etl_engine"} & set(request.fixturenames):
        return
    if share.producing and not share.published:
        publish_run(request, share)
