"""etlcheck.toml (or ``[tool.etlcheck]`` in pyproject.toml) -> a frozen ``Config``.

Commands look for the configuration from the current directory upwards, as pytest
and ruff do; ``--config`` names a file directly. Unknown keys are errors that point
at the line where the key stands.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etlcheck.errors import ConfigError, SourceLocation

CONFIG_NAME = "etlcheck.toml"
SCALE_NAMES = ("poc", "seed")


@dataclass(frozen=True)
class Phase:
    """A named group of scripts run in order, with a wall-time budget."""

    name: str
    title: str
    scripts: tuple[str, ...]
    budget_seconds: float


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


@dataclass(frozen=True)
class SampleConfig:
    scale: str = "poc"
    seed: int = 20240611


@dataclass(frozen=True)
class RunConfig:
    engine: str = "duckdb"
    report_dir: str = "reports"
    rewrite: str = "ast"
    disposable_pattern: str = r"^(etlcheck|test|tmp|ci)([_-]|$)"
    """Names of server databases etlcheck may seed and run in without --allow-external-target."""
    expectations: str = ""
    """Folder of expectation suites that ``etlcheck run`` validates (relative to the config)."""


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

    @property
    def root(self) -> Path:
        return self.source.parent

    def phase(self, name: str) -> Phase:
        for phase in self.phases:
            if phase.name == name:
                return phase
        known = ", ".join(p.name for p in self.phases)
        raise ConfigError(f"unknown phase {name!r}", hint=f"phases are: {known}")


_TOP_KEYS = {"project", "sandbox", "sample", "run", "phases"}
_KEYS = {
    "project": {"name", "sql_dir"},
    "sandbox": {"schemas", "protected", "read_only", "state_schema", "default_schema"},
    "sample": {"scale", "seed"},
    "run": {"engine", "report_dir", "rewrite", "disposable_pattern", "expectations"},
    "phases": {"name", "title", "scripts", "budget_seconds"},
}


def find_config(start: Path | None = None) -> Path:
    """The nearest etlcheck.toml, or a pyproject.toml with [tool.etlcheck], upwards from start."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.etlcheck" in pyproject.read_text(encoding="utf-8"):
            return pyproject
    raise ConfigError(
        f"no {CONFIG_NAME} found in {here} or any folder above it",
        hint=f"create {CONFIG_NAME} or pass --config PATH",
    )


def load_config(path: Path | str | None = None) -> Config:
    """Read and check a configuration file; ``None`` searches from the current directory."""
    source = Path(path).resolve() if path is not None else find_config()
    if not source.is_file():
        raise ConfigError(f"configuration file {source} does not exist", hint="check --config")
    text = source.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _toml_error_position(str(error))
        raise ConfigError(
            f"not valid TOML: {error}", SourceLocation(source, line, column)
        ) from None
    if source.name == "pyproject.toml":
        data = data.get("tool", {}).get("etlcheck")
        if data is None:
            raise ConfigError(f"{source} has no [tool.etlcheck] table", SourceLocation(source))
    return _build(source, text, data)


def _build(source: Path, text: str, data: dict[str, Any]) -> Config:
    _check_keys(source, text, data, _TOP_KEYS, "top level")
    for section in ("project", "sandbox", "sample", "run"):
        _check_keys(source, text, data.get(section, {}), _KEYS[section], f"[{section}]")
    raw_phases = data.get("phases", [])
    if not raw_phases:
        raise ConfigError("no [[phases]] defined", SourceLocation(source), "add at least one phase")
    for raw in raw_phases:
        _check_keys(source, text, raw, _KEYS["phases"], "[[phases]]")

    project = data.get("project", {})
    sql_dir = (source.parent / project.get("sql_dir", "sql")).resolve()
    phases = tuple(_phase(source, text, raw) for raw in raw_phases)
    _check_unique_scripts(source, text, phases)

    raw_sandbox = data.get("sandbox", {})
    schema_map = {str(k): str(v) for k, v in raw_sandbox.get("schemas", {}).items()}
    sandbox = SandboxConfig(
        schema_map=schema_map,
        protected=tuple(raw_sandbox.get("protected", list(schema_map))),
        read_only=tuple(raw_sandbox.get("read_only", [])),
        state_schema=str(raw_sandbox.get("state_schema", "etl")),
        default_schema=str(raw_sandbox.get("default_schema", "dbo")),
    )
    raw_sample = data.get("sample", {})
    sample = SampleConfig(
        scale=str(raw_sample.get("scale", "poc")), seed=int(raw_sample.get("seed", 20240611))
    )
    parse_scale(sample.scale, SourceLocation(source, *_key_position(text, "scale")))
    raw_run = data.get("run", {})
    run = RunConfig(
        engine=str(raw_run.get("engine", "duckdb")),
        report_dir=str(raw_run.get("report_dir", "reports")),
        rewrite=str(raw_run.get("rewrite", "ast")),
        disposable_pattern=str(raw_run.get("disposable_pattern", RunConfig.disposable_pattern)),
        expectations=str(raw_run.get("expectations", "")),
    )
    return Config(
        source=source,
        name=str(project.get("name", source.parent.name)),
        sql_dir=sql_dir,
        phases=phases,
        sandbox=sandbox,
        sample=sample,
        run=run,
    )


def _phase(source: Path, text: str, raw: dict[str, Any]) -> Phase:
    if "name" not in raw or "scripts" not in raw:
        raise ConfigError(
            "every [[phases]] entry needs name and scripts",
            SourceLocation(source, *_key_position(text, "phases")),
        )
    budget = raw.get("budget_seconds", 60)
    if not isinstance(budget, int | float) or budget <= 0:
        raise ConfigError(
            f"budget_seconds of phase {raw['name']!r} must be a positive number",
            SourceLocation(source, *_key_position(text, "budget_seconds")),
        )
    return Phase(
        name=str(raw["name"]),
        title=str(raw.get("title", str(raw["name"]).title())),
        scripts=tuple(str(s) for s in raw["scripts"]),
        budget_seconds=float(budget),
    )


def _check_unique_scripts(source: Path, text: str, phases: tuple[Phase, ...]) -> None:
    seen: set[str] = set()
    for phase in phases:
        for script in phase.scripts:
            if script in seen:
                raise ConfigError(
                    f"script {script!r} is listed twice",
                    SourceLocation(source, *_value_position(text, script)),
                    "each step must be unique",
                )
            seen.add(script)


def _check_keys(source: Path, text: str, table: Any, allowed: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table", SourceLocation(source))
    for key in table:
        if key not in allowed:
            raise ConfigError(
                f"unknown key {key!r} in {where}",
                SourceLocation(source, *_key_position(text, key)),
                f"allowed keys: {', '.join(sorted(allowed))}",
            )


def parse_scale(value: str, where: SourceLocation | None = None) -> str:
    """Check a scale: 'poc', 'seed' or a positive whole number; returns it normalised."""
    text = str(value).strip().lower()
    if text in SCALE_NAMES or (text.isdigit() and int(text) > 0):
        return text
    raise ConfigError(
        f"scale {value!r} is neither 'poc', 'seed' nor a positive whole number",
        where,
        "use --scale poc, --scale seed or --scale 2",
    )


def _key_position(text: str, key: str) -> tuple[int, int]:
    pattern = re.compile(rf"^(\s*)(\[{{1,2}}\s*)?{re.escape(key)}\b", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        return (0, 0)
    line = text.count("\n", 0, match.start()) + 1
    return (line, len(match.group(1)) + len(match.group(2) or "") + 1)


def _value_position(text: str, value: str) -> tuple[int, int]:
    index = text.rfind(f'"{value}"')
    if index < 0:
        return (0, 0)
    line = text.count("\n", 0, index) + 1
    return (line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _toml_error_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)
