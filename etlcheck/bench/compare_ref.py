"""``etlcheck bench --compare-ref REF``: the scripts as REF has them, beside this worktree's.

REF is checked out into a temporary git worktree (detached, removed afterwards); the
base side runs the configuration of this worktree with REF's copy of the scripts folder.
A script the configuration lists that REF does not have runs on the head side only.
Both sides then run on copies of one seeded database, interleaved (ABAB...), so they
share the machine's state at every moment: the only comparison that holds on a shared
CI machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from etlcheck.errors import UsageError
from etlcheck.options import RunOptions

GIT_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class RefCheckout:
    ref: str
    commit: str
    sql_dir: Path
    """REF's copy of the configuration's scripts folder."""

    @property
    def source(self) -> str:
        return f"ref {self.ref} ({self.commit[:12]})"


def _git(folder: Path, *arguments: str) -> str:
    if shutil.which("git") is None:
        raise UsageError("--compare-ref needs git on PATH", hint="install git")
    completed = subprocess.run(
        ["git", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=GIT_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        lines = completed.stderr.strip().splitlines()
        raise UsageError(
            f"git {arguments[0]} failed in {folder}: {lines[-1] if lines else 'no message'}"
        )
    return completed.stdout.strip()


@contextmanager
def checked_out(options: RunOptions, ref: str) -> Iterator[RefCheckout]:
    """REF checked out in a temporary worktree for as long as the block runs."""
    sql_dir = options.config.sql_dir.resolve()
    try:
        top = Path(_git(sql_dir, "rev-parse", "--show-toplevel")).resolve()
    except UsageError:
        raise UsageError(
            f"--compare-ref needs the scripts in a git repository; {sql_dir} is not in one",
            hint="commit the pipeline to git, or compare saved results with --baseline",
        ) from None
    try:
        commit = _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except UsageError:
        raise UsageError(
            f"--compare-ref {ref}: no such commit, branch or tag in {top}",
            hint="fetch it first (in CI: actions/checkout with fetch-depth: 0)",
        ) from None
    folder = Path(tempfile.mkdtemp(prefix="etlcheck-ref-"))
    worktree = folder / "worktree"
    _git(top, "worktree", "add", "--detach", "--quiet", str(worktree), commit)
    try:
        yield RefCheckout(ref, commit, worktree / sql_dir.relative_to(top))
    finally:
        try:
            _git(top, "worktree", "remove", "--force", str(worktree))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def base_options(options: RunOptions, checkout: RefCheckout) -> RunOptions:
    """The head's options with REF's scripts; scripts REF lacks are left out."""
    if not checkout.sql_dir.is_dir():
        raise UsageError(
            f"--compare-ref {checkout.ref}: it has no {checkout.sql_dir.name}/ folder "
            "where this worktree has its scripts",
            hint="compare with a ref that has the pipeline",
        )
    config = options.config
    phases = tuple(
        replace(phase, scripts=tuple(s for s in phase.scripts if (checkout.sql_dir / s).is_file()))
        for phase in config.phases
    )
    return replace(options, config=replace(config, sql_dir=checkout.sql_dir, phases=phases))
