"""etlcheck.toml (or ``[tool.etlcheck]`` in pyproject.toml) -> a frozen ``Config``.

Commands look for the configuration from the current directory upwards, as pytest
and ruff do; ``--config`` names a file directly. The file is checked against the
pydantic schema in :mod:`etlcheck.config_schema`; every error is one line that points
at the key or value where it stands (``file:line:col``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etlcheck.config_errors import describe_error, shown_key, toml_error_position
from etlcheck.config_values import DdlSource, FilesSource, RunConfig, SampleConfig, SeedConfig
from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.toml_positions import Path as KeyPath
from etlcheck.toml_positions import TomlPositions, scan

_CALL = re.compile(r"\s*EXEC(?:UTE)?\s", re.IGNORECASE)


def is_call(entry: str) -> bool:
    """Whether a phase entry is a procedure call rather than a script path."""
    return bool(_CALL.match(entry)) and not entry.rstrip().lower().endswith(".sql")


CONFIG_NAME = "etlcheck.toml"

__all__ = [
    "CONFIG_NAME",
    "Config",
    "Phase",
    "RunConfig",
    "SampleConfig",
    "SandboxConfig",
    "SeedConfig",
    "find_config",
    "load_config",
]


@dataclass(frozen=True)
class Phase:
    """A named group of steps run in order, with a wall-time budget. ``scripts`` holds
    every step as written: a script path or a procedure call (``EXEC etl.usp_load``);
    ``locations`` says where each stands in the configuration file."""

    name: str
    title: str
    scripts: tuple[str, ...]
    budget_seconds: float
    locations: tuple[SourceLocation, ...] = ()


@dataclass(frozen=True)
class SandboxConfig:
    """Where the pipeline's schemas go when it runs isolated, and what must not change."""

    schema_map: Mapping[str, str]
    protected: tuple[str, ...]
    read_only: tuple[str, ...] = ()
    state_schema: str = "etl"
    default_schema: str = "dbo"

    def sandbox_of(self, schema: str) -> str | None:
        """The sandbox schema for a production schema, matched case-insensitively."""
        for production, sandbox in self.schema_map.items():
            if production.lower() == schema.lower():
                return sandbox
        return None

    def is_protected(self, schema: str) -> bool:
        return schema.lower() in {name.lower() for name in self.protected}


@dataclass(frozen=True)
class Config:
    """Everything etlcheck knows about one pipeline, read from one file."""

    source: Path
    name: str
    sql_dir: Path
    phases: tuple[Phase, ...]
    sandbox: SandboxConfig
    sample: SampleConfig = field(default_factory=SampleConfig)
    run: RunConfig = field(default_factory=RunConfig)
    seed: SeedConfig = field(default_factory=SeedConfig)

    @property
    def root(self) -> Path:
        return self.source.parent

    def phase(self, name: str) -> Phase:
        for phase in self.phases:
            if phase.name == name:
                return phase
        known = ", ".join(p.name for p in self.phases)
        raise ConfigError(f"unknown phase {name!r}", hint=f"phases are: {known}")


def find_config(start: Path | None = None) -> Path:
    """The nearest etlcheck.toml, or a pyproject.toml with [tool.etlcheck], upwards from start."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.etlcheck" in pyproject.read_bytes():
            return pyproject
    raise ConfigError(
        f"no {CONFIG_NAME} found in {here} or any folder above it",
        hint=f"create {CONFIG_NAME} (etlcheck init writes one) or pass --config PATH",
    )


def load_config(path: Path | str | None = None) -> Config:
    """Read and check a configuration file; ``None`` searches from the current directory."""
    source = Path(path).resolve() if path is not None else find_config()
    if not source.is_file():
        raise ConfigError(f"configuration file {source} does not exist", hint="check --config")
    text = _read_text(source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = toml_error_position(str(error))
        raise ConfigError(
            f"not valid TOML: {error}", SourceLocation(source, line, column)
        ) from None
    prefix: KeyPath = ()
    if source.name == "pyproject.toml":
        data = data.get("tool", {}).get("etlcheck")
        prefix = ("tool", "etlcheck")
        if not isinstance(data, dict):
            raise ConfigError(f"{source} has no [tool.etlcheck] table", SourceLocation(source))
    return _Loader(source, scan(text), prefix).build(data)


def _read_text(source: Path) -> str:
    raw = source.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ConfigError(
            f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be read",
            SourceLocation(source, line, column),
            "save the file as UTF-8",
        ) from None


@dataclass(frozen=True)
class _Loader:
    source: Path
    positions: TomlPositions
    prefix: KeyPath

    def where(self, path: KeyPath, key: bool = False) -> SourceLocation:
        full = (*self.prefix, *path)
        found = self.positions.of_key(full) if key else self.positions.of_value(full)
        return SourceLocation(self.source, *(found or (0, 0)))

    def build(self, data: dict[str, Any]) -> Config:
        from pydantic import ValidationError  # here: a run's options unpickle without it

        from etlcheck.config_schema import ConfigFile

        try:
            file = ConfigFile.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            path, on_key, message, hint = describe_error(first, self.known_path)
            raise ConfigError(message, self.where(path, on_key), hint) from None
        root = self.source.parent
        sql_dir = (root / file.project.sql_dir).resolve()
        self.check_folder(sql_dir, ("project", "sql_dir"))
        self.check_folder(root / file.run.report_dir, ("run", "report_dir"))
        if file.run.expectations:
            self.check_folder(root / file.run.expectations, ("run", "expectations"), True)
        self.check_sources(file.seed, root)
        phases = tuple(
            Phase(
                name=raw.name,
                title=raw.title if raw.title is not None else raw.name.title(),
                scripts=raw.entries,
                budget_seconds=raw.budget_seconds,
                locations=tuple(
                    self.where(("phases", index, raw.entries_key, position))
                    for position in range(len(raw.entries))
                ),
            )
            for index, raw in enumerate(file.phases)
        )
        roots = (root.resolve(), *self.script_roots(file.project.script_roots, root))
        if not any(sql_dir.is_relative_to(folder) for folder in roots):
            raise ConfigError(
                f"[project] sql_dir = {file.project.sql_dir} is {sql_dir}, outside the project "
                f"{roots[0]}",
                self.where(("project", "sql_dir")),
                "keep the scripts inside the project, or name the folder in "
                "[project] script_roots as well",
            )
        self.check_scripts(phases, sql_dir, roots)
        schemas = dict(file.sandbox.schemas)
        sandbox = SandboxConfig(
            schema_map=schemas,
            protected=file.sandbox.protected
            if file.sandbox.protected is not None
            else tuple(schemas),
            read_only=file.sandbox.read_only,
            state_schema=file.sandbox.state_schema,
            default_schema=file.sandbox.default_schema,
        )
        return Config(
            source=self.source,
            name=file.project.name or root.name,
            sql_dir=sql_dir,
            phases=phases,
            sandbox=sandbox,
            sample=file.sample,
            run=file.run,
            seed=file.seed,
        )

    def known_path(self, path: KeyPath) -> bool:
        full = (*self.prefix, *path)
        return any(
            known[: len(full)] == full for known in (*self.positions.keys, *self.positions.values)
        )

    def check_folder(self, folder: Path, path: KeyPath, must_exist: bool = False) -> None:
        if must_exist and not folder.exists():
            raise ConfigError(
                f"{shown_key(path)} = {folder} does not exist",
                self.where(path),
                "fix the path (relative to the configuration file) or remove the key",
            )
        if folder.exists() and not folder.is_dir():
            raise ConfigError(
                f"{shown_key(path)} = {folder} is a file, not a folder",
                self.where(path),
                "name a folder",
            )

    def check_sources(self, seed: SeedConfig, root: Path) -> None:
        for index, spec in enumerate(seed.sources):
            if isinstance(spec, DdlSource | FilesSource) and not (root / spec.path).exists():
                raise ConfigError(
                    f"seed source {index + 1} ({spec.kind}): {spec.path} does not exist",
                    self.where(("seed", "sources", index, "path")),
                    "fix the path, relative to the configuration file",
                )
            if isinstance(spec, FilesSource) and not (root / spec.path).is_dir():
                raise ConfigError(
                    f"seed source {index + 1} (files): {spec.path} is not a folder",
                    self.where(("seed", "sources", index, "path")),
                    "name the folder that holds <schema>.<table>.csv or .parquet files",
                )

    def script_roots(self, folders: tuple[str, ...], root: Path) -> list[Path]:
        found = []
        for index, folder in enumerate(folders):
            path = (root / folder).resolve()
            if not path.is_dir():
                raise ConfigError(
                    f"[project] script_roots: {folder} is not a folder",
                    self.where(("project", "script_roots", index)),
                    "name a folder that holds scripts, relative to the configuration file",
                )
            found.append(path)
        return found

    def check_scripts(
        self, phases: tuple[Phase, ...], sql_dir: Path, roots: tuple[Path, ...]
    ) -> None:
        """Every script stays inside the project (or a declared script root), and each
        file is one step, however its path is written (``./a.sql``, ``x/../a.sql``, a link)."""
        seen: dict[Path, str] = {}
        calls: set[str] = set()
        for phase in phases:
            for script, where in zip(phase.scripts, phase.locations, strict=True):
                if is_call(script):
                    if " ".join(script.split()).lower() in calls:
                        raise ConfigError(
                            f"step {script!r} is listed twice", where, "each step must be unique"
                        )
                    calls.add(" ".join(script.split()).lower())
                    continue
                resolved = (sql_dir / script).resolve()
                if not any(resolved.is_relative_to(folder) for folder in roots):
                    raise ConfigError(
                        f"script {script!r} is {resolved}, outside the project {roots[0]}",
                        where,
                        "keep the pipeline's scripts inside the project, or name their "
                        "folder in [project] script_roots",
                    )
                if resolved in seen:
                    earlier = seen[resolved]
                    same = "is listed twice" if earlier == script else f"is {earlier!r} again"
                    raise ConfigError(
                        f"script {script!r} {same} ({resolved.name})",
                        where,
                        "each step must be unique",
                    )
                seen[resolved] = script
