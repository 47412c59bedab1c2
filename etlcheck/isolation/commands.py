"""``etlcheck lint`` and ``etlcheck remap``: argparse subcommands the CLI registers."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from etlcheck.compatibility import with_compatibility
from etlcheck.config import Config
from etlcheck.isolation.findings import FORMATTERS, format_sarif, format_text
from etlcheck.isolation.lint import lint_files, lint_pipeline, read_script
from etlcheck.isolation.lint_report import LintReport
from etlcheck.isolation.rewrite import REWRITE_MODES, rewrite_script
from etlcheck.pipeline import Pipeline
from etlcheck.subcommands import Subcommands
from etlcheck.syntax import check_pipeline_syntax, check_script_syntax
from etlcheck.uncalled import pipeline_notes


def add_lint_parser(
    subparsers: Subcommands, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "lint",
        parents=list(parents),
        help="prove statically that the scripts stay in the sandbox",
        description="Remap the scripts, then report every reference not proven to stay in the "
        "sandbox. Exit 1 on findings not silenced by '-- etlcheck: allow <reason>'.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="scripts or folders (default: the pipeline)"
    )
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    parser.add_argument("--output", type=Path, help="write the report to this file")
    parser.add_argument(
        "--rewrite", choices=REWRITE_MODES, default=None, help="rewrite mode to prove"
    )
    parser.add_argument(
        "--engine",
        help="also classify every statement for this engine: a construct it cannot run "
        "faithfully is a 'compat' finding (duckdb, postgres; mssql runs T-SQL natively)",
    )
    parser.set_defaults(handler=run_lint)
    return parser


def add_remap_parser(
    subparsers: Subcommands, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "remap",
        parents=list(parents),
        help="print a script exactly as it will run in the sandbox",
        description="Print the script with its schema references patched into the sandbox.",
    )
    parser.add_argument("file", type=Path, help="the script")
    parser.add_argument("--rewrite", choices=REWRITE_MODES, default=None)
    parser.add_argument("--changes", action="store_true", help="print the rewrite report instead")
    parser.set_defaults(handler=run_remap)
    return parser


def run_lint(args: argparse.Namespace, config: Config) -> int:
    mode = args.rewrite or config.run.rewrite
    check_syntax(args.paths, config)
    if args.paths:
        report = lint_files(args.paths, config.sandbox, mode)
    else:
        report = lint_pipeline(config, mode)
        for note in pipeline_notes(config):
            sys.stderr.write(f"etlcheck: {note}\n")
    if args.engine:
        report = with_compatibility(report, config, args.engine, args.paths)
    summary = _summary(report, mode)
    if args.format == "sarif":
        output = format_sarif(report.findings, config.root)
    else:
        output = FORMATTERS[args.format](report.findings)
    if args.format == "text":
        output += summary
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(output, encoding="utf-8")
        # the file is for tools; a CI log still says why the step failed
        sys.stdout.write(format_text(report.unsilenced) + summary)
        sys.stdout.write(f"wrote {args.output}\n")
    else:
        sys.stdout.write(output)
    return report.exit_code


def check_syntax(paths: list[Path], config: Config) -> None:
    """The syntax check ``etlcheck run`` makes, so both report bad SQL alike: one line at
    file:line:col, exit 2."""
    if not paths:
        check_pipeline_syntax(Pipeline.from_config(config))
        return
    for path in paths:
        for file in sorted(path.rglob("*.sql")) if path.is_dir() else [path]:
            check_script_syntax(read_script(file), file)


def _summary(report: LintReport, mode: str) -> str:
    silenced = len(report.findings) - len(report.unsilenced)
    classes = Counter(finding.code for finding in report.unsilenced)
    by_class = ", ".join(f"{count} {code}" for code, count in sorted(classes.items()))
    return (
        f"{_count(len(report.scripts), 'script')}, "
        f"{_count(len(report.unsilenced), 'finding')}"
        f"{f' ({by_class})' if by_class else ''}"
        f"{f', {silenced} allowed' if silenced else ''} (rewrite: {mode})\n"
    )


def run_remap(args: argparse.Namespace, config: Config) -> int:
    mode = args.rewrite or config.run.rewrite
    text = read_script(args.file)
    result = rewrite_script(text, args.file, config.sandbox, mode)
    if args.changes:
        for change in result.changes:
            sys.stdout.write(f"{change}\n")
        for finding in result.findings:
            sys.stdout.write(f"{finding}\n")
    else:
        sys.stdout.write(result.text)
    broken = [f for f in result.findings if f.code == "remap-broke-statement"]
    for finding in broken:
        sys.stderr.write(f"error: {finding}\n")
    return 1 if broken else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
