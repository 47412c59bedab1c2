"""Scripts in the project's script folder that no phase lists.

``etlcheck lint`` and ``etlcheck run`` read the scripts the phases list, and nothing else.
A script added to ``sql/`` and forgotten in etlcheck.toml would be neither linted nor run,
and the run would still say VERIFIED: both commands name such scripts in a note, so the
gap is never silent. Files that seed the database (``[seed]`` DDL sources) and what etlcheck
writes (reports, ``.etlcheck/``) are not scripts of the pipeline; hidden folders and
virtual environments are not searched.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from etlcheck.config import Config
from etlcheck.config_values import DdlSource
from etlcheck.pipeline import Pipeline

SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "site-packages", "__pycache__"})
SHOWN = 5
"""How many scripts the note names before it says how many more there are."""


def unlisted_scripts(config: Config, pipeline: Pipeline | None = None) -> list[Path]:
    """The ``.sql`` files under ``[project] sql_dir`` that no step runs, in name order."""
    pipeline = pipeline or Pipeline.from_config(config)
    listed = {step.path.resolve() for step in pipeline.scripts}
    elsewhere = [config.root / config.run.report_dir, config.root / ".etlcheck"]
    elsewhere += [
        config.root / source.path for source in config.seed.sources if isinstance(source, DdlSource)
    ]
    left_out = [folder.resolve() for folder in elsewhere]
    found = []
    for path in _sql_files(config.sql_dir):
        resolved = path.resolve()
        if resolved in listed or any(resolved.is_relative_to(f) for f in left_out):
            continue
        found.append(path)
    return sorted(found)


def unlisted_note(config: Config, pipeline: Pipeline | None = None) -> str | None:
    """One line naming the scripts no phase lists (None when every script is listed)."""
    found = unlisted_scripts(config, pipeline)
    if not found:
        return None
    shown = [_relative(path, config.root) for path in found[:SHOWN]]
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    one = len(found) == 1
    subject, it = ("1 script is", "it") if one else (f"{len(found)} scripts are", "them")
    return (
        f"note: {subject} in no phase of etlcheck.toml, so neither linted nor run: "
        f"{', '.join(shown)}{more} (list {it} in a phase, or move {it} out of "
        f"{_relative(config.sql_dir, config.root)}/)"
    )


def _sql_files(folder: Path) -> Iterator[Path]:
    for directory, folders, files in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        for name in files:
            if name.lower().endswith(".sql"):
                yield Path(directory) / name


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
