"""``etlcheck bench``: run the pipeline N times on copies of one seeded database, store
the samples, and compare them with a baseline (or with a git ref's scripts).

Exit codes: 0 nothing slower, 1 a slower step or phase (``--fail-on``) or a failed
step, 2 bad input, usage, a comparison of results whose keys differ, or a ``--db``
database another run holds; 130/143 interrupted.
"""

from __future__ import annotations

import argparse
from typing import Any, Protocol

from etlcheck.bench.compare import FailOn
from etlcheck.bench.keys import CacheState
from etlcheck.bench.request import BenchRequest
from etlcheck.bench.verdict import Thresholds
from etlcheck.config import Config
from etlcheck.values import REWRITE_MODES


class Subcommands(Protocol):
    """What argparse's ``add_subparsers()`` returns, as far as bench uses it."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def add_bench_parser(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Register ``etlcheck bench`` on the CLI's subcommands."""
    bench = commands.add_parser(
        "bench",
        parents=[common],
        help="time the pipeline over repeated runs and compare with a baseline",
        description=(
            "Seed once, then run the pipeline's steps --runs times, each on a fresh copy "
            "of the seeded database; store the samples under .etlcheck/benchmarks/ and "
            "compare them with --baseline (or run a git ref's scripts interleaved with "
            "these, --compare-ref). A step or phase is slower only when the Mann-Whitney "
            "U test rejects equality AND the median ratio exceeds --factor AND the change "
            "exceeds --floor-ms."
        ),
        epilog="Exit codes: 0 nothing slower, 1 a slower step or phase (see --fail-on) or "
        "a failed step, 2 bad input, usage, results whose keys differ, or a --db database "
        "another run holds, 130/143 interrupted (nothing stored).",
    )
    _pipeline_options(bench)
    runs = bench.add_argument_group("runs")
    runs.add_argument("--runs", type=int, default=5, help="measured runs (default 5)")
    runs.add_argument("--warmup", type=int, default=1, help="runs before them (default 1)")
    runs.add_argument(
        "--cache",
        choices=[state.value for state in CacheState],
        default=CacheState.WARM.value,
        help="warm (default): the work cache filled by the warm-up, in this process; "
        "cold: each run in a new process with the work cache off",
    )
    stored = bench.add_argument_group("results")
    stored.add_argument("--save", metavar="NAME", help="name this result, to use as --baseline")
    stored.add_argument(
        "--no-save", action="store_true", help="do not store this result (default: store it)"
    )
    stored.add_argument(
        "--baseline",
        metavar="NAME|PATH|latest",
        help="compare with a saved name, a result number, a result file, or 'latest' (the "
        "newest result with equal keys)",
    )
    stored.add_argument(
        "--compare-ref",
        metavar="REF",
        help="compare with the scripts as git REF has them, run interleaved with these "
        "(ABAB...) on the same seeded database: the comparison that holds on CI",
    )
    _verdict_options(bench)
    bench.add_argument("--report-dir", metavar="DIR", help="where reports go (default reports/)")
    bench.set_defaults(handler=run_bench_command)


def _pipeline_options(bench: argparse.ArgumentParser) -> None:
    from etlcheck.engines import engine_names

    bench.add_argument(
        "--engine",
        help=f"database engine: {', '.join(engine_names())} (default: what a --db URL "
        "names, else [run] engine)",
    )
    bench.add_argument(
        "--db",
        metavar="URL",
        help="a disposable server database to seed and copy (server engines; default: a "
        "throwaway cluster)",
    )
    bench.add_argument("--scale", help="sample scale: poc, seed or N (default from etlcheck.toml)")
    bench.add_argument("--rewrite", choices=REWRITE_MODES, help="ast (default), regex or none")
    bench.add_argument(
        "--seed-from",
        metavar="SOURCE",
        action="append",
        default=[],
        help="seed from this source instead of [seed] sources (repeatable), as etlcheck run",
    )
    bench.add_argument(
        "--no-clone-production",
        dest="clone_production",
        action="store_false",
        default=None,
        help="start the sandbox empty",
    )
    bench.add_argument(
        "--allow-external-target",
        action="store_true",
        help="let etlcheck seed a --db whose name does not look disposable",
    )
    bench.add_argument(
        "--wait",
        action="store_true",
        help="when another etlcheck run holds the --db database, wait for it instead of refusing",
    )


def _verdict_options(bench: argparse.ArgumentParser) -> None:
    verdict = bench.add_argument_group("verdict")
    verdict.add_argument(
        "--fail-on",
        choices=[f.value for f in FailOn],
        default=FailOn.STEP.value,
        help="exit 1 on a slower step or phase (step, the default), a slower phase only "
        "(phase), or never (none)",
    )
    defaults = Thresholds()
    verdict.add_argument(
        "--alpha",
        type=float,
        default=defaults.alpha,
        help=f"p-value below which the samples differ (default {defaults.alpha:g})",
    )
    verdict.add_argument(
        "--factor",
        type=float,
        default=defaults.factor,
        help=f"median ratio beyond which a change counts (default {defaults.factor:g})",
    )
    verdict.add_argument(
        "--floor-ms",
        type=float,
        default=defaults.floor_seconds * 1000,
        help="absolute change of the median, in ms, below which nothing counts "
        f"(default {defaults.floor_seconds * 1000:g})",
    )


def request_of(args: argparse.Namespace) -> BenchRequest:
    from etlcheck.bench.storage import check_name
    from etlcheck.errors import UsageError

    if args.compare_ref and args.baseline:
        raise UsageError(
            "--compare-ref and --baseline each choose what to compare with",
            hint="use one of them",
        )
    if args.save and args.no_save:
        raise UsageError("--save NAME stores the result and --no-save does not: use one")
    return BenchRequest(
        runs=args.runs,
        warmup=args.warmup,
        cache=CacheState.parse(args.cache),
        save=check_name(args.save) if args.save else None,
        store=not args.no_save and (args.compare_ref is None or args.save is not None),
        baseline=args.baseline,
        compare_ref=args.compare_ref,
        fail_on=FailOn(args.fail_on),
        thresholds=Thresholds(args.alpha, args.factor, args.floor_ms / 1000),
        wait=args.wait,
    )


def run_bench_command(args: argparse.Namespace, config: Config) -> int:
    from etlcheck.bench.command import run_bench
    from etlcheck.options import RunOptions

    request = request_of(args)
    options = RunOptions.from_config(
        config,
        engine=args.engine,
        scale=args.scale,
        db=args.db,
        rewrite=args.rewrite,
        report_dir=args.report_dir,
        allow_external_target=args.allow_external_target,
        seed_from=tuple(args.seed_from),
        clone_production=args.clone_production,
    )
    return run_bench(options, request)
