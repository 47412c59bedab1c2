"""What ``etlcheck run`` shows on the terminal: a line per step, then the summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from rich.console import Console
from rich.markup import escape
from rich.status import Status

from etlcheck.pipeline import is_call
from etlcheck.redaction import RedactingStream
from etlcheck.seeding.summary import clone_words
from etlcheck.verify import preview_sentence
from etlcheck.wording import counted

if TYPE_CHECKING:
    from etlcheck.options import RunOptions
    from etlcheck.pipeline import Step
    from etlcheck.step_result import StepResult
    from etlcheck.verify import Verification


SHOWN = 25
"""Findings listed on the terminal before the rest is left to the report."""


class Terminal:
    """Progress and summary printing; plain lines when output is not a terminal."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(
            file=cast(TextIO, RedactingStream(sys.stdout)), highlight=False, soft_wrap=True
        )
        self._total = 0
        self._status: Status | None = None

    def run_header(self, options: RunOptions) -> None:
        mode = "sandbox (AST remap)" if options.rewrite == "ast" else str(options.rewrite)
        if options.rewrite == "none":
            mode = "no sandbox: scripts run against the production schema names"
        self._total = sum(len(p.scripts) for p in options.config.phases)
        scale = f", scale {options.scale}" if options.sample_sources else ""
        self.console.print(
            f"etlcheck: {escape(options.config.name)} on {options.engine}{scale}, {mode}"
        )
        from etlcheck.uncalled import pipeline_notes

        for note in pipeline_notes(options.config):
            self.console.print(f"  [yellow]{escape(note)}[/]")

    def stage(self, text: str) -> None:
        """A transient status line (on a terminal) for work between and around the steps."""
        self.end_stage()
        if self.console.is_terminal:
            self._status = self.console.status(f"[dim]{escape(text)}…[/]")
            self._status.start()

    def end_stage(self) -> None:
        """Clear the status line, if one is showing."""
        if self._status is not None:
            self._status.stop()
            self._status = None

    def step_progress(self, step: Step, result: StepResult | None) -> None:
        self.end_stage()
        if result is None:
            if self.console.is_terminal:
                self.console.print(
                    f"[dim]  running {step.number}/{self._total} {escape(step.name)}…[/]",
                    end="\r",
                )
            return
        mark = {"ok": "[green]ok[/]", "interrupted": "[yellow]INTERRUPTED[/]"}.get(
            result.status, "[red]FAILED[/]"
        )
        self.console.print(
            f"  [{step.number:>2}/{self._total}] {step.phase:<9} {escape(step.name):<42} "
            f"{result.seconds:6.2f}s  {result.rows_affected:>9,} rows  {mark}"
        )
        if result.error:
            error = _indented(result.error, "      ")
            self.console.print(f"      [red]{escape(error)}[/]")

    def summary(self, verification: Verification, written: Path | None) -> None:
        self.end_stage()
        run = verification.run
        self.console.print()
        for index, phase in enumerate(run.phases, start=1):
            budget = (
                "" if phase.within_budget else f"  [red]over {phase.budget_seconds:g}s budget[/]"
            )
            entries = verification.options.config.phase(phase.name).scripts
            noun = "step" if any(is_call(entry) for entry in entries) else "script"
            noun += "" if phase.scripts == 1 else "s"
            count = f"{phase.scripts} {noun}"
            if phase.completed < phase.scripts:
                count = f"{phase.completed} of {phase.scripts} {noun} completed"
            self.console.print(
                f"Phase {index}: {escape(phase.title)} ({count}) - {phase.seconds:.1f}s{budget}"
            )
        self.console.print(f"Total Steps: {run.completed}/{run.steps_total} completed")
        self.console.print(f"Total Time: {run.seconds:.1f}s")
        if run.resumes is not None:
            self.console.print(
                f"Continues run {run.resumes}; production is compared with its fingerprint "
                f"from before run {verification.origin or run.resumes}, which seeded the "
                "database:"
            )
        self._seeded(verification)
        preview = verification.production_preview()
        changed = [(clone, table) for clone, table in preview if table.status != "unchanged"]
        copies = [table for _, table in preview if table.is_table]
        if preview:
            altered = sum(1 for table in copies if table.status != "unchanged")
            self.console.print(
                f"What the run would do to production ({altered} of {len(copies)} copies changed):"
            )
            for clone, table in changed[:12]:
                self.console.print(f"  {escape(preview_sentence(clone, table))}")
            if len(changed) > 12:
                self.console.print(f"  … and {len(changed) - 12} more (see the report)")
        landed = verification.landed()
        if landed:
            self.console.print("Data landed in the sandbox:")
            for table in landed[:12]:
                self.console.print(f"  {escape(table.sentence)}")
            if len(landed) > 12:
                self.console.print(f"  … and {len(landed) - 12} more (see the report)")
        findings = _fold_lint(verification.findings)
        if findings:
            self.console.print(f"[bold red]NOT VERIFIED[/] — {counted(len(findings), 'finding')}:")
            for finding in findings[:SHOWN]:
                self.console.print(f"  [red]✗[/] {escape(_indented(finding, '    '))}")
            if len(findings) > SHOWN:
                self.console.print(f"  … and {len(findings) - SHOWN} more (see the report)")
        else:
            suites = verification.expectations
            met = ""
            if suites:
                met = f", {len(suites)} expectation suite{'s' if len(suites) > 1 else ''} met"
            self.console.print(
                "[bold green]VERIFIED[/] — stayed in the sandbox, production unchanged, "
                f"within budgets{met}"
            )
        if written is not None:
            self.console.print(f"Report: {written}")

    def _seeded(self, verification: Verification) -> None:
        seed = verification.seed
        if seed is None:
            return
        if not seed.sources:
            self.console.print(escape("Seeded: nothing (no [seed] sources declared)"))
        else:
            self.console.print("Seeded:")
        for source in seed.sources:
            rows = sum(table.rows for table in source.tables)
            self.console.print(
                escape(_seeded_line(source.kind, source.description, len(source.tables), rows))
            )
        for warning in seed.warnings:
            self.console.print(f"  [yellow]warning:[/] {escape(warning)}")
        if seed.cloned:
            self.console.print(
                escape(f"Cloned into the sandbox in {seed.clone_seconds:.2f}s: ")
                + escape(clone_words(seed.clones))
            )


def _indented(text: str, indent: str) -> str:
    """A message of several lines (an engine's error with its hint) kept under its
    first line rather than starting again at the left margin."""
    return text.replace("\n", "\n" + indent)


def _seeded_line(kind: str, description: str, tables: int, rows: int) -> str:
    return f"  {kind} {description}: {counted(tables, 'table')}, {counted(rows, 'row')}"


def _fold_lint(findings: list[str]) -> list[str]:
    """Lint findings become one line on the terminal; the report lists every one."""
    lint = [f for f in findings if f.startswith("lint: ")]
    if len(lint) <= 3:
        return findings
    scripts = {f.removeprefix("lint: ").split(":", 1)[0] for f in lint}
    folded = (
        f"lint: {counted(len(lint), 'reference')} in {counted(len(scripts), 'script')} "
        f"could not be proven to stay in the sandbox, first {lint[0].removeprefix('lint: ')}"
    )
    return [f for f in findings if not f.startswith("lint: ")] + [folded]
