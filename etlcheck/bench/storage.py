"""Where benchmark results live, in the manner of pytest-benchmark's autosave:

    <project>/.etlcheck/benchmarks/<machine-id>/<NNNN>_<scripts-digest>_<utc>.json

``NNNN`` counts the machine's results, the scripts digest says which code was measured,
and ``--save NAME`` names a result (the name is kept inside the file). A baseline is
chosen by ``latest`` (the newest result with equal keys), a name, a number or a path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from etlcheck.bench.keys import KEY_NAMES, BenchKey
from etlcheck.bench.results import BenchResult
from etlcheck.errors import SourceLocation, UsageError

LATEST = "latest"
_FILE = re.compile(r"^(\d{4,})_([0-9a-f]+)_(\d{8}T\d{6}Z)\.json$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def benchmarks_dir(root: Path) -> Path:
    return root / ".etlcheck" / "benchmarks"


def check_name(name: str) -> str:
    """A ``--save`` name: letters, digits, ``.``, ``_``, ``-`` (not only digits)."""
    if not _NAME.match(name) or name.isdigit() or name == LATEST:
        raise UsageError(
            f"--save {name!r} is not a usable name",
            hint="use letters, digits, '.', '_' or '-' (not only digits, not 'latest')",
        )
    return name


@dataclass(frozen=True)
class Stored:
    """A result and the file it was read from."""

    path: Path
    result: BenchResult


class BenchStore:
    """One machine's stored results."""

    def __init__(self, root: Path, machine: str) -> None:
        self.folder = benchmarks_dir(root) / machine

    def paths(self) -> list[Path]:
        """The result files, oldest first."""
        if not self.folder.is_dir():
            return []
        found = [p for p in self.folder.iterdir() if _FILE.match(p.name)]
        return sorted(found, key=lambda p: (_number(p), p.name))

    def results(self) -> Iterator[Stored]:
        """Every readable result, newest first (an unreadable file raises, naming it)."""
        for path in reversed(self.paths()):
            yield Stored(path, load_result(path))

    def save(self, result: BenchResult) -> Stored:
        """Write ``result`` as the next number; returns it with its number and path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = result.created_at.strftime("%Y%m%dT%H%M%SZ")
        number = max((_number(p) for p in self.paths()), default=0)
        while True:
            number += 1
            numbered = result.model_copy(update={"number": number})
            path = self.folder / f"{number:04d}_{result.scripts_digest}_{stamp}.json"
            try:
                with path.open("x", encoding="utf-8") as handle:
                    handle.write(numbered.model_dump_json(indent=1))
            except FileExistsError:  # another benchmark saved this number meanwhile
                continue
            return Stored(path, numbered)

    def history(self, key: BenchKey, pipeline: str, limit: int = 20) -> list[Stored]:
        """The newest ``limit`` results with this key, oldest first."""
        found = []
        for stored in self.results():
            if stored.result.key == key and stored.result.pipeline == pipeline:
                found.append(stored)
                if len(found) == limit:
                    break
        return found[::-1]

    def baseline(
        self, choice: str, key: BenchKey, pipeline: str, ignore: tuple[str, ...] = ()
    ) -> Stored:
        """The result ``--baseline`` names: ``latest`` (the newest whose key equals ``key``
        but for ``ignore``), a saved name, a number or a path."""
        if choice == LATEST:
            return self._latest(key, pipeline, ignore)
        path = Path(choice)
        if choice.endswith(".json") or path.is_file():
            if not path.is_file():
                raise UsageError(f"--baseline {choice}: no such file")
            return Stored(path, load_result(path))
        for stored in self.results():
            result = stored.result
            if result.name == choice or (choice.isdigit() and result.number == int(choice)):
                return stored
        names = sorted({s.result.name for s in self.results() if s.result.name})
        raise UsageError(
            f"--baseline {choice}: no result of that name or number in {self.folder}",
            hint=f"saved names: {', '.join(names)}" if names else "save one with --save NAME",
        )

    def _latest(self, key: BenchKey, pipeline: str, ignore: tuple[str, ...]) -> Stored:
        newest: Stored | None = None
        for stored in self.results():
            if stored.result.pipeline != pipeline:
                continue
            if stored.result.key.differing(key, ignore) is None:
                return stored
            newest = newest or stored
        if newest is None:
            raise UsageError(
                f"--baseline latest: no earlier result of {pipeline} in {self.folder}",
                hint="run etlcheck bench once without --baseline to make one",
            )
        name, theirs, mine = newest.result.key.differing(key, ignore) or ("", "", "")
        raise UsageError(
            f"--baseline latest: no earlier result with this run's keys; the newest, "
            f"{newest.result.label}, has {KEY_NAMES[name]} {theirs} where this run has {mine}",
            hint="compare only equal keys: run the baseline again with this run's options",
        )


def load_result(path: Path) -> BenchResult:
    """Read one stored result; a file that is not one is one clear error."""
    try:
        return BenchResult.model_validate_json(path.read_bytes())
    except OSError as error:
        raise UsageError(f"cannot read benchmark result {path}: {error.strerror}") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise UsageError(
            f"not an etlcheck benchmark result: {where}: {first['msg']}",
            location=SourceLocation(path),
            hint="pass a file etlcheck bench wrote",
        ) from None


def _number(path: Path) -> int:
    match = _FILE.match(path.name)
    return int(match[1]) if match else 0
