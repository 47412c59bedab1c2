"""Compile a pipeline's scripts in a second process while the database is being seeded.

A run with an empty work cache (a fresh checkout, or a change to etlcheck) rewrites,
splits and compiles every script as it goes: about 0.45 s of the seed-scale run. Those
results are pure functions of the scripts (``etlcheck.workcache``), so a child process
computes them on the machine's other core while the parent generates and loads the
sample data, and saves them where the run loads its cache. The run waits for the child
only if it is still busy; whatever the child did not compute (a statement whose variable
types only the run knows), the run computes itself, so the child can only save time.

    python -m etlcheck.prewarm   (reads the pickled RunOptions and cache folder on stdin)
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import workcache

if TYPE_CHECKING:
    from etlcheck.options import RunOptions

WAIT_SECONDS = 60.0


class Prewarm:
    """The child process; ``wait`` before the run loads its cache."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def wait(self) -> None:
        try:
            self.process.wait(WAIT_SECONDS)
        except subprocess.TimeoutExpired:  # the run compiles what is missing itself
            self.stop()

    def stop(self) -> None:
        """End the child now (its work, if unfinished, is simply not saved)."""
        self.process.kill()
        self.process.wait()


def start(options: RunOptions, cache: Path | None = None) -> Prewarm | None:
    """A child compiling the run's scripts into ``cache`` (the project's work cache by
    default), or None when it would not pay: the cache already has them (or is off), the
    engine runs T-SQL natively, or seeding is too short to hide the child."""
    from etlcheck.engines.registry import get_engine_class

    if not workcache.enabled() or not get_engine_class(options.engine).interprets_tsql:
        return None
    if options.scale.is_poc:
        # The child needs about 1.2 s (a new interpreter importing sqlglot, then the
        # work); seeding the poc sample takes less, so the run would wait for it.
        return None
    cache = cache or workcache.project_cache(options.config.root)
    if _has_compiled(get_engine_class(options.engine).dialect, cache):
        return None
    process = subprocess.Popen(
        [sys.executable, "-m", "etlcheck.prewarm"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None
    try:
        process.stdin.write(pickle.dumps((options, cache)))
        process.stdin.close()
    except OSError:
        Prewarm(process).stop()
        return None
    return Prewarm(process)


def _has_compiled(dialect: str, cache: Path) -> bool:
    """Whether the work cache (after loading ``cache``) holds compiled statements for
    ``dialect``. It holds none after a fresh checkout or a change to etlcheck, which is
    when the child pays; a script edited since is a few statements the run compiles."""
    from etlcheck.tsql.compiler import compiled_dialects

    workcache.load(cache)
    return dialect in compiled_dialects()


def _rewritten(options: RunOptions) -> list[str | None]:
    """Each step's text as the run executes it (None for a script that cannot be read)."""
    from etlcheck.errors import EtlcheckError
    from etlcheck.pipeline import Pipeline
    from etlcheck.stages import make_rewriter

    rewrite = make_rewriter(options) if options.sandboxed else None
    texts: list[str | None] = []
    for step in Pipeline.from_config(options.config).steps:
        try:
            text = step.read()
        except EtlcheckError:
            texts.append(None)
            continue
        texts.append(text if rewrite is None else rewrite(text, step))
    return texts


def compile_scripts(options: RunOptions, cache: Path) -> None:
    """Rewrite, split and compile every step of the run, into the work cache's tables:
    the compatibility pass compiles every statement as the interpreter will."""
    from etlcheck.engines.registry import get_engine_class
    from etlcheck.pipeline import Pipeline
    from etlcheck.tsql.compat import classify

    dialect = get_engine_class(options.engine).dialect
    steps = Pipeline.from_config(options.config).steps
    workcache.load(cache)
    for step, text in zip(steps, _rewritten(options), strict=True):
        if text is None:
            continue
        try:
            classify(text, step.path, dialect)
        except Exception:  # the run reports what is wrong with a script, not this child
            continue


def main() -> None:
    options, cache = pickle.load(sys.stdin.buffer)
    compile_scripts(options, cache)
    workcache.save(cache)


if __name__ == "__main__":
    main()
