"""The suite's parametrized cases: one per phase, per expectation suite and per protected
table, read from the configuration, the suites' folder and the seed declarations.

With pytest-xdist the controller reads them once and hands them to every worker
(:func:`for_workers`, in ``workerinput``): a worker then collects without loading the
configuration's schema, the suites' parser or the DDL parser, and every worker collects
the same cases. What the controller could not read (a folder it did not know of, input
that does not read) the worker reads itself, and reports as it would without xdist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.errors import EtlcheckError

if TYPE_CHECKING:
    from etlcheck.config import Config

WORKER_INPUT = "etl_cases"


@dataclass(frozen=True)
class Source:
    """What the cases depend on: the configuration file option and the seed sources option
    (both as given; None when not given)."""

    config: str | None
    seed_from: str | None

    @property
    def key(self) -> str:
        return f"{self.config or ''}\n{self.seed_from or ''}"


def phases(config: Config) -> list[str]:
    """The phases' names, once every script they list is known to exist (a missing one is
    bad input: one line for the session, not an error with a traceback in every test)."""
    from etlcheck.pipeline import Pipeline

    Pipeline.from_config(config).check_files()
    return [phase.name for phase in config.phases]


def suites(folder: Path) -> list[str]:
    """The names of the suites in ``folder`` (none when it is not a folder)."""
    from etlcheck.expectations import load_suites

    return [suite.name for suite in load_suites(folder)] if folder.is_dir() else []


def protected_tables(config: Config, seed_from: str | None) -> list[str]:
    """The protected tables the declared seed sources create, read from the declarations
    (file names, DDL, the sample's table list) without seeding anything. Tables no
    declaration names (a live snapshot's, a custom ``etl_seed``'s) are checked by the
    runtime isolation test."""
    from etlcheck.seed_specs import parse_seed_spec
    from etlcheck.seeding.inventory import declared_tables

    sources = (
        tuple(parse_seed_spec(spec) for spec in seed_from.split())
        if seed_from
        else config.seed.sources
    )
    return declared_tables(config, sources)


def for_workers(source: Source, folders: list[Path]) -> dict[str, Any]:
    """The cases of ``source`` and of the suites in ``folders``, as ``workerinput`` holds
    them; what does not read is left out (the workers read it and report it)."""
    cases = Cases(source)
    known: dict[str, Any] = {"source": source.key, "suites": {}}
    try:
        known["engine"] = cases.engine()
        known["phases"] = cases.phases()
        known["tables"] = cases.tables()
    except EtlcheckError:
        return {}
    for folder in folders:
        try:
            known["suites"][str(folder.resolve())] = cases.suites(folder)
        except EtlcheckError:
            continue
    return known


class Cases:
    """The cases of one source: those the xdist controller handed over (``given``), else
    read when first asked for, and kept for the session."""

    def __init__(self, source: Source, given: dict[str, Any] | None = None) -> None:
        self.source = source
        self._given = given if given and given.get("source") == source.key else {}
        self._config: Config | None = None
        self._tables: list[str] | None = None
        self._suites: dict[str, list[str]] = dict(self._given.get("suites", {}))

    def config(self) -> Config:
        if self._config is None:
            from etlcheck.config import load_config

            self._config = load_config(self.source.config)
        return self._config

    def engine(self) -> str:
        given = self._given.get("engine")
        return str(given) if given is not None else self.config().run.engine

    def phases(self) -> list[str]:
        given = self._given.get("phases")
        return list(given) if given is not None else phases(self.config())

    def tables(self) -> list[str]:
        if self._tables is None:
            given = self._given.get("tables")
            self._tables = (
                list(given)
                if given is not None
                else protected_tables(self.config(), self.source.seed_from)
            )
        return self._tables

    def suites(self, folder: Path) -> list[str]:
        where = str(folder.resolve())
        if where not in self._suites:
            self._suites[where] = suites(folder)
        return list(self._suites[where])
