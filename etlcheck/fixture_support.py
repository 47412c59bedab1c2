"""What the plugin's fixtures and the xdist controller's run have in common: the
options as flags, ini keys or environment variables, the session's record, the run's
options and database, and etlcheck errors turned into one clear test failure."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from etlcheck.errors import EngineError, EtlcheckError
from etlcheck.redaction import redact, register_url
from etlcheck.session import SESSION_KEY, EtlSession

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines import Engine
    from etlcheck.options import RunOptions

TRUE_WORDS = ("1", "true", "yes", "on")


def get_option(config: pytest.Config, name: str) -> str | None:
    """A flag if given, else the ini key, else the environment (ETLCHECK_<NAME>)."""
    value: Any = config.getoption(name) or config.getini(name)
    if not value:
        value = os.environ.get(_variable(name))
    return str(value) if value else None


def get_flag(config: pytest.Config, name: str) -> bool:
    return (get_option(config, name) or "").lower() in TRUE_WORDS


def option_source(config: pytest.Config, name: str) -> str | None:
    """Where an option's value came from, as a person would say it (None: not given)."""
    if config.getoption(name):
        return "asked for with --" + name.replace("_", "-")
    if config.getini(name):
        return f"asked for with the ini key {name}"
    if os.environ.get(_variable(name)):
        return f"asked for with {_variable(name)}"
    return None


def _variable(name: str) -> str:
    return "ETLCHECK_" + name.removeprefix("etl_").upper()


def session_of(config: pytest.Config) -> EtlSession:
    return config.stash[SESSION_KEY]


@contextmanager
def reported(what: str) -> Iterator[None]:
    """Turn an etlcheck error inside the block into one clear test failure."""
    try:
        yield
    except EtlcheckError as error:
        pytest.fail(redact(f"etlcheck could not {what}: {error}"), pytrace=False)


def session_options(config: pytest.Config) -> RunOptions:
    """The run's options: etlcheck.toml, overridden by --etl-* flags or ini keys."""
    from etlcheck.config import load_config
    from etlcheck.options import RunOptions

    with reported("read its configuration"):
        etl_config = load_config(get_option(config, "etl_config"))
        return RunOptions.from_config(
            etl_config,
            engine=get_option(config, "etl_engine"),
            scale=get_option(config, "etl_scale"),
            rewrite=get_option(config, "etl_rewrite"),
            report_dir=get_option(config, "etl_report_dir"),
            allow_external_target=get_flag(config, "etl_allow_external_target"),
            seed_from=tuple((get_option(config, "etl_seed_from") or "").split()),
            allow_writable_source=get_flag(config, "etl_seed_allow_writable"),
        )


def session_engine(config: pytest.Config, options: RunOptions, folder: Path) -> Engine:
    """The session's disposable database (a DuckDB file in ``folder`` unless --etl-db
    names one, or the engine's server); an engine that cannot start fails the tests: the
    engine was asked for, so it is required."""
    from etlcheck.engines import get_engine_class
    from etlcheck.targets import open_engine

    name = options.engine
    embedded = get_engine_class(name).embedded
    target = get_option(config, "etl_db") if embedded else None
    if embedded and target is None:
        target = str(folder / "pipeline.duckdb")
    elif not embedded:
        target = get_option(config, f"etl_{name}_url")
        if target:
            register_url(target)
    try:
        return open_engine(replace(options, db=target), fresh=True)
    except EngineError as error:
        asked = option_source(config, "etl_engine") or "[run] engine in etlcheck.toml"
        pytest.fail(
            redact(f"engine {name} ({asked}) is not available here: {error}"), pytrace=False
        )
    except EtlcheckError as error:
        pytest.fail(redact(f"etlcheck could not open the database: {error}"), pytrace=False)


def expectations_folder(config: pytest.Config, etl_config: Config) -> Path | None:
    """--etl-expectations, else ``[run] expectations`` (the default ``etl_expectations_dir``)."""
    given = get_option(config, "etl_expectations")
    if given:
        return Path(given)
    folder = etl_config.run.expectations
    return etl_config.root / folder if folder else None


def prepare_validation(config: pytest.Config) -> None:
    """Start the process that imports GX and will validate the suites the configuration
    names (the plugin's ``pytest_generate_tests`` starts it otherwise, a little later); a
    configuration that does not read is left to the fixtures to report."""
    from etlcheck.config import load_config
    from etlcheck.expectations import start_for_folder

    try:
        etl_config = load_config(get_option(config, "etl_config"))
    except EtlcheckError:
        return
    folder = expectations_folder(config, etl_config)
    if folder is not None:
        start_for_folder(folder, get_option(config, "etl_engine") or etl_config.run.engine)
