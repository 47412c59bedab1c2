"""``etlcheck dq``: validate the expectation suites against the last run's database.

Teams use it between runs while they write expectations: no seeding, no pipeline, just
the suites against the DuckDB file ``etlcheck run`` left (``.etlcheck/<name>.duckdb``, or
the ``--db`` the last run used, as ``reports/latest/run.json`` records it). It writes
``dq.html`` (the report's expectations section on a page of its own) and ``dq.json``
beside that run's report. Exit codes: 0 every expectation met, 1 one failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.config import Config
from etlcheck.engines.registry import DEFAULT_ENGINE, engine_names, get_engine_class
from etlcheck.errors import UsageError
from etlcheck.subcommands import Subcommands
from etlcheck.targets import IN_MEMORY, default_db_path
from etlcheck.wording import counted

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.expectations import SuiteFile, SuiteOutcome
    from etlcheck.terminal import Terminal
    from etlcheck.verify import RunOptions

SHOWN = 20


@dataclass(frozen=True)
class LastRun:
    """What ``reports/latest/run.json`` says about the run whose database dq reads."""

    run_id: str | None
    engine: str
    database: str
    rewrite: str
    folder: Path | None


def add_dq_parser(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Register ``etlcheck dq`` on the CLI's subcommands."""
    dq = commands.add_parser(
        "dq",
        parents=[common],
        help="validate the expectation suites against the last run's database",
        description=(
            "Validate the expectation suites ([run] expectations) against the database the "
            "last `etlcheck run` left, without running the pipeline again. Writes dq.html "
            "and dq.json beside that run's report."
        ),
        epilog="Exit codes: 0 every expectation met, 1 one failed, 2 bad input or usage.",
    )
    dq.add_argument(
        "--suite",
        metavar="NAME",
        action="append",
        help="validate only this suite (its name or file stem); repeat for several",
    )
    dq.add_argument(
        "--db",
        metavar="PATH",
        help="DuckDB file to validate (default: the last run's, from reports/latest/run.json)",
    )
    dq.add_argument("--report-dir", metavar="DIR", help="where reports are (default reports/)")
    dq.set_defaults(handler=run_dq)


def run_dq(args: argparse.Namespace, config: Config) -> int:
    from etlcheck.expectations import validate_suites
    from etlcheck.options import RunOptions
    from etlcheck.stages import engine_facts, table_resolver
    from etlcheck.terminal import Terminal

    reports = Path(args.report_dir) if args.report_dir else config.root / config.run.report_dir
    suites = chosen_suites(config, args.suite)
    last = last_run(reports)
    database = Path(args.db) if args.db else _database_of(last, config)
    engine_name = last.engine if last is not None and not args.db else DEFAULT_ENGINE
    options = RunOptions.from_config(
        config, engine=engine_name, db=str(database), rewrite=last.rewrite if last else None
    )
    engine = _open(options, database)
    terminal = Terminal()
    began = time.perf_counter()
    try:
        terminal.stage(f"validating {counted(len(suites), 'expectation suite')} in {database}")
        outcomes = validate_suites(engine, suites, table_resolver(options))
        facts = engine_facts(engine)
    finally:
        terminal.end_stage()
        engine.close()
    document = dq_document(config, last, facts, outcomes, time.perf_counter() - began)
    written = write_dq(document, (last.folder if last and last.folder else reports / "dq"))
    _print(terminal, outcomes, written)
    return 0 if all(suite.success for suite in outcomes) else 1


def chosen_suites(config: Config, names: list[str] | None) -> list[SuiteFile]:
    from etlcheck.options import RunOptions
    from etlcheck.stages import expectation_suites

    suites = expectation_suites(RunOptions.from_config(config))
    if suites is None:
        raise UsageError(
            "no expectation suites: etlcheck.toml has no [run] expectations folder",
            hint='add expectations = "path/to/suites" under [run]',
        )
    if not names:
        return suites
    by_name = {s.name: s for s in suites} | {s.path.stem: s for s in suites}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        known = ", ".join(sorted(s.name for s in suites)) or "none"
        raise UsageError(f"no expectation suite named {unknown[0]!r}", hint=f"suites: {known}")
    return list({id(by_name[n]): by_name[n] for n in names}.values())


def last_run(reports: Path) -> LastRun | None:
    """The run ``reports/latest`` points at, if any."""
    latest = reports / "latest"
    try:
        document = json.loads((latest / "run.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    engine = document.get("engine") or {}
    run = document.get("run") or {}
    return LastRun(
        run_id=str(run.get("run_id")) if run.get("run_id") else None,
        engine=str(engine.get("name") or DEFAULT_ENGINE),
        database=str(engine.get("target") or ""),
        rewrite=str(document.get("rewrite") or "ast"),
        folder=latest.resolve() if latest.exists() else None,
    )


def _database_of(last: LastRun | None, config: Config) -> Path:
    default = default_db_path(config)
    if last is None:
        if default.exists():
            return default
        raise UsageError(
            f"no previous run to validate: neither reports/latest/run.json nor {default} exists",
            hint="run `etlcheck run` first, or pass --db",
        )
    name = f"run {last.run_id}" if last.run_id else "the last run"
    if last.engine not in engine_names() or not get_engine_class(last.engine).embedded:
        raise UsageError(
            f"{name} ran on {last.engine}, whose throwaway database is gone after the run",
            hint="run `etlcheck run` on duckdb first, or pass --db with a DuckDB file",
        )
    if last.database in ("", IN_MEMORY):
        raise UsageError(
            f"{name} used --db :memory:, so its database is gone",
            hint="run `etlcheck run` with a database file first, or pass --db",
        )
    path = Path(last.database)
    path = path if path.is_absolute() else config.root / path
    if not path.exists():
        raise UsageError(
            f"the database of {name} is gone: {path} does not exist",
            hint="run `etlcheck run` again, or pass --db",
        )
    return path


def _open(options: RunOptions, database: Path) -> Engine:
    from etlcheck.targets import open_engine

    if not database.exists():
        raise UsageError(f"database {database} does not exist", hint="check --db")
    return open_engine(options, fresh=False)


def dq_document(
    config: Config,
    last: LastRun | None,
    engine: dict[str, Any],
    outcomes: list[SuiteOutcome],
    seconds: float,
) -> dict[str, Any]:
    findings = [
        f"expectation: {failure.sentence(suite.table)}"
        for suite in outcomes
        for failure in suite.failures
    ]
    return {
        "verdict": "expectations met" if not findings else "expectations not met",
        "findings": findings,
        "pipeline": config.name,
        "config": str(config.source),
        "engine": engine,
        "run_id": last.run_id if last else None,
        "validated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        "expectations": [suite.to_dict() for suite in outcomes],
    }


def write_dq(document: dict[str, Any], folder: Path) -> Path:
    """Write dq.json and dq.html into ``folder``; return the HTML path."""
    from etlcheck.report.expectations import render_dq_html, stylesheet

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dq.json").write_text(json.dumps(document, indent=2, default=str), "utf-8")
    page = folder / "dq.html"
    page.write_text(render_dq_html(document, stylesheet()), "utf-8")
    return page


def _print(terminal: Terminal, outcomes: list[SuiteOutcome], written: Path) -> None:
    console = terminal.console
    failures = 0
    for suite in outcomes:
        met = sum(1 for o in suite.outcomes if o.success)
        console.print(
            f"{suite.suite} on {suite.table} ({suite.rows:,} rows): "
            f"{met} of {len(suite.outcomes)} expectations met"
        )
        for failure in suite.failures:
            failures += 1
            if failures <= SHOWN:
                console.print(f"  [red]✗[/] {_escape(failure.sentence(suite.table))}")
    if failures > SHOWN:
        console.print(f"  … and {failures - SHOWN} more (see the report)")
    verdict = "[bold green]EXPECTATIONS MET[/]" if not failures else "[bold red]NOT MET[/]"
    console.print(
        f"{verdict} — {counted(len(outcomes), 'suite')}, {counted(failures, 'failed expectation')}"
    )
    console.print(f"Report: {written}")


def _escape(text: str) -> str:
    from rich.markup import escape

    return str(escape(text))
