"""The ``etlcheck`` command: init, run, lint, remap, setup, reset, dq, bench.

Exit codes: 0 verified, 1 a finding, 2 bad input or usage. Errors are one line
(with file:line:col where there is one); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from etlcheck import __version__
from etlcheck.bench.cli import add_bench_parser
from etlcheck.config import Config, load_config
from etlcheck.dq import add_dq_parser
from etlcheck.engines import engine_names
from etlcheck.engines.registry import DEFAULT_ENGINE
from etlcheck.errors import EtlcheckError
from etlcheck.interrupts import RunInterrupted, StopSignals
from etlcheck.options import RunOptions
from etlcheck.redaction import redact
from etlcheck.subcommands import Subcommands
from etlcheck.targets import locked_database, open_engine
from etlcheck.values import REWRITE_MODES


class OneLineParser(argparse.ArgumentParser):
    """A usage mistake is one line, as every other error is (argparse prints the whole
    usage first); ``--help`` shows the usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"etlcheck: error: {self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="etlcheck",
        description=(
            "Verify a SQL-script ETL pipeline in sandbox schemas before it goes near "
            "production: it must stay in its sandbox, leave production unchanged, keep to "
            "its timing budgets and meet its expectations."
        ),
        epilog="Exit codes: 0 verified, 1 a finding, 2 bad input or usage, 130/143 interrupted "
        "by SIGINT/SIGTERM (the run is recorded; run --resume continues it).",
    )
    parser.add_argument("--version", action="version", version=f"etlcheck {__version__}")
    common = OneLineParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="PATH",
        help="etlcheck.toml or pyproject.toml to use (default: searched from the current "
        "directory upwards)",
    )
    common.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_init(commands)
    _add_run(commands, common)
    _add_engine_command(
        commands, common, "setup", "create the sandbox schemas (idempotent)", _setup
    )
    _add_engine_command(
        commands,
        common,
        "reset",
        "drop the sandbox schemas with everything in them and create them again",
        _reset,
    )
    _add_isolation_commands(commands, common)
    add_dq_parser(commands, common)
    add_bench_parser(commands, common)
    return parser


def _add_run(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    run = commands.add_parser(
        "run",
        parents=[common],
        help="run the pipeline on a disposable database and verify it",
        description=(
            "Seed a disposable database from the declared seed sources, copy production "
            "into the sandbox, run every step inside the sandbox schemas, then prove "
            "production is unchanged. Writes reports/<run-id>/report.html and run.json."
        ),
    )
    _engine_options(run)
    run.add_argument(
        "--scale",
        help="size of the sample generator's data (sample:insurance): 'poc' (100 rows per "
        "raw table), 'seed' (the incident's volumes) or N (N times seed); default from "
        "etlcheck.toml",
    )
    run.add_argument(
        "--rewrite",
        choices=REWRITE_MODES,
        help="how scripts are moved into the sandbox: 'ast' (default, parser-located), "
        "'regex' (the naive substitution, to show it failing) or 'none' (no sandbox)",
    )
    run.add_argument(
        "--from",
        dest="start",
        metavar="STEP",
        help="first step (number or script name); continues in the database of an earlier "
        "run, judged by the fingerprint taken before that database was seeded",
    )
    run.add_argument("--until", metavar="STEP", help="last step (number or script)")
    run.add_argument("--phase", metavar="NAME", help="run only this phase")
    run.add_argument(
        "--resume",
        action="store_true",
        help="continue the last failed or interrupted run on --db from the step that failed, "
        "was interrupted or was running; a new run id, judged by the fingerprint taken "
        "before the first run seeded the database",
    )
    run.add_argument("--report-dir", metavar="DIR", help="where reports go (default reports/)")
    run.add_argument(
        "--step-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="stop a step that runs longer, and fail it (default: [run] step_timeout_seconds, "
        "1800; 0: no limit)",
    )
    _seed_options(run)
    run.set_defaults(handler=_run)


def _seconds(text: str) -> float:
    """A number of seconds, zero or more, as --step-timeout takes it."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0: no limit)")
    return seconds


def _seed_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seed-from",
        metavar="SOURCE",
        action="append",
        default=[],
        help="seed from this source instead of [seed] sources (repeatable): "
        "sample:insurance, a .sql file or folder (DDL of production), a folder of "
        "<schema>.<table>.csv|parquet files, or a live database read with SELECTs only: "
        "postgresql://… or mssql://…",
    )
    clone = parser.add_mutually_exclusive_group()
    clone.add_argument(
        "--clone-production",
        dest="clone_production",
        action="store_true",
        default=None,
        help="copy every protected table into its sandbox before step 1 (default: when "
        "production tables were seeded)",
    )
    clone.add_argument(
        "--no-clone-production",
        dest="clone_production",
        action="store_false",
        help="start the sandbox empty",
    )
    parser.add_argument(
        "--seed-allow-writable",
        action="store_true",
        help="go on, with a warning, when a live seed database's login could write to it "
        "(etlcheck still sends it only SELECTs)",
    )


def _add_init(commands: Subcommands) -> None:
    init = commands.add_parser(
        "init",
        help="write etlcheck.toml and a starter suite for a folder of scripts",
        description=(
            "Read the scripts under DIR/sql (and the seed data under DIR/data and DIR/db) "
            "and write DIR/etlcheck.toml and DIR/suites/<name>/. Refuses to overwrite."
        ),
    )
    init.add_argument("directory", nargs="?", default=".", metavar="DIR", help="default: .")
    init.add_argument("--name", help="the pipeline's name (default: the folder's name)")
    init.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    init.set_defaults(handler=_init, needs_config=False)


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        help=f"database engine: {', '.join(engine_names())} (default {DEFAULT_ENGINE})",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="DuckDB file (default .etlcheck/<name>.duckdb, replaced by each run), "
        ":memory: for a database that lives only as long as the run, or a server URL "
        "(postgresql://… or mssql://…: the scheme picks the engine; the password is never "
        "shown)",
    )
    parser.add_argument(
        "--allow-external-target",
        action="store_true",
        help="let etlcheck seed and replace a database it did not create, or one whose name "
        "does not match [run] disposable_pattern (refused by default)",
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help="when another etlcheck run holds the database, wait for it instead of refusing",
    )


def _add_engine_command(
    commands: Subcommands,
    common: argparse.ArgumentParser,
    name: str,
    help_text: str,
    handler: object,
) -> None:
    command = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
    _engine_options(command)
    command.set_defaults(handler=handler)


def _add_isolation_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    from etlcheck.isolation.commands import add_lint_parser, add_remap_parser

    for add in (add_lint_parser, add_remap_parser):
        add(commands, [common])


def _run(args: argparse.Namespace, config: Config) -> int:
    from etlcheck.report import warm
    from etlcheck.terminal import Terminal
    from etlcheck.verify import verify

    options = RunOptions.from_config(
        config,
        engine=args.engine,
        scale=args.scale,
        db=args.db,
        rewrite=args.rewrite,
        start=args.start,
        until=args.until,
        phase=args.phase,
        resume=args.resume,
        report_dir=args.report_dir,
        allow_external_target=args.allow_external_target,
        seed_from=tuple(args.seed_from),
        clone_production=args.clone_production,
        allow_writable_source=args.seed_allow_writable,
        wait=args.wait,
        step_timeout=args.step_timeout,
    )
    terminal = Terminal()
    terminal.run_header(options)
    try:
        with StopSignals().installed() as stop:
            verification = verify(
                options,
                progress=terminal.step_progress,
                stage=terminal.stage,
                stop=stop,
                waiting=_waiting,
                validating=warm.start,  # the report is next: ready it while GX validates
            )
        from etlcheck.report import write_reports

        terminal.stage("writing the report")
        written = write_reports(verification)
    finally:
        terminal.end_stage()
    terminal.summary(verification, written)
    return 0 if verification.verified else 1


def _setup(args: argparse.Namespace, config: Config) -> int:
    from etlcheck.isolation.sandbox import setup_sandbox

    return _sandbox_command(args, config, setup_sandbox, "created")


def _reset(args: argparse.Namespace, config: Config) -> int:
    from etlcheck.isolation.sandbox import reset_sandbox

    return _sandbox_command(args, config, reset_sandbox, "reset")


def _sandbox_command(args: argparse.Namespace, config: Config, action: object, verb: str) -> int:
    from etlcheck.isolation.sandbox import check_mapping

    check_mapping(config.sandbox)
    options = RunOptions.from_config(
        config,
        engine=args.engine,
        db=args.db,
        allow_external_target=args.allow_external_target,
        wait=args.wait,
    )
    with locked_database(options, options.wait, _waiting):
        engine = open_engine(options, fresh=False, must_exist=False)
        try:
            changed = action(engine, config.sandbox)  # type: ignore[operator]
        finally:
            engine.close()
    names = ", ".join(changed) if changed else "nothing to do"
    print(f"sandbox schemas {verb}: {names} ({engine.info.target})")
    return 0


def _waiting(text: str) -> None:
    print(f"etlcheck: {text}", file=sys.stderr, flush=True)


def _init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from etlcheck.scaffold import init_project

    written = init_project(Path(args.directory), name=args.name)
    for path in written.files:
        print(f"wrote {path}")
    print(written.summary)
    return 0


def one_line(text: str) -> str:
    """An error as one line: a driver's multi-line message joined with spaces."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if not getattr(args, "needs_config", True):
            return int(args.handler(args))
        config = load_config(args.config)
        return int(args.handler(args, config))
    except EtlcheckError as error:
        if getattr(args, "debug", False):
            raise
        print(one_line(redact(f"etlcheck: error: {error}")), file=sys.stderr)
        return error.exit_code
    except RunInterrupted as stopped:
        print(f"etlcheck: {stopped.name}: {stopped.sentence}", file=sys.stderr)
        return stopped.exit_code
    except KeyboardInterrupt:
        print("etlcheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
