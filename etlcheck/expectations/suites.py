"""Read suite files and check them completely before anything runs.

A suite is Great Expectations ExpectationSuite JSON with etlcheck's own ``meta.etlcheck``
(``table``, ``parameters``). Every mistake a user can make in it is one line naming the
file and the JSON path, e.g. ``stg_y.json: $.expectations[3].type: unknown expectation
type 'expect_column_vals_typo' (did you mean 'expect_column_values_to_be_null'?)``:
GX itself would drop an unknown type with a printed warning and pass the run.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.expectations.catalog import (
    EXPECTATION_FIELDS,
    KNOWN_TYPES,
    SUITE_FIELDS,
    known_kwargs,
    required_kwargs,
)
from etlcheck.expectations.model import SuiteFile
from etlcheck.expectations.parameters import Parameter, RelationQuery, parse_parameter
from etlcheck.expectations.spec import (
    MEMBERSHIP_TYPES,
    OTHER_TABLE_TYPE,
    UNEXPECTED_ROWS_TYPE,
    ExpectationSpec,
    JsonValue,
)
from etlcheck.expectations.sqlbuild import QueryProblem, parse_query

UNSUPPORTED = {
    "expect_query_results_to_match_comparison": "it compares two data sources; etlcheck "
    "validates one database",
}
META_KEYS = ("table", "parameters")


class _Problem(Exception):
    """A mistake at a JSON path; turned into a ConfigError naming the file."""

    def __init__(self, json_path: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.json_path = json_path
        self.message = message
        self.hint = hint


def load_suites(folder: Path) -> list[SuiteFile]:
    """Every ``*.json`` suite in a folder, read and checked."""
    return [load_suite(path) for path in sorted(folder.glob("*.json"))]


def shown(path: Path) -> str:
    """``path`` relative to the working directory when it lies inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except (OSError, ValueError):
        return str(path)


def load_suite(path: Path) -> SuiteFile:
    where = shown(path)
    try:
        document = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(
            f"cannot read expectation suite: {error.strerror}", SourceLocation(where)
        ) from None
    except ValueError as error:
        line, column = getattr(error, "lineno", 0), getattr(error, "colno", 0)
        raise ConfigError(
            f"expectation suite is not valid JSON: {error}", SourceLocation(where, line, column)
        ) from None
    try:
        return _suite(path, where, document)
    except _Problem as problem:
        raise ConfigError(
            f"{problem.json_path}: {problem.message}", SourceLocation(where), problem.hint
        ) from None


def _suite(path: Path, where: str, document: object) -> SuiteFile:
    if not isinstance(document, dict):
        raise _Problem("$", "an expectation suite is a JSON object")
    _no_unknown(document, SUITE_FIELDS, "$", "suite key")
    meta = _object(document.get("meta", {}), "$.meta").get("etlcheck")
    if meta is None:
        raise _Problem(
            "$.meta.etlcheck",
            "expectation suite has no meta.etlcheck.table",
            'add "meta": {"etlcheck": {"table": "schema.table"}}',
        )
    meta = _object(meta, "$.meta.etlcheck")
    _no_unknown(meta, frozenset(META_KEYS), "$.meta.etlcheck", "key")
    table = meta.get("table")
    if not isinstance(table, str) or len(table.split(".")) != 2 or not all(table.split(".")):
        raise _Problem(
            "$.meta.etlcheck.table",
            "expectation suite has no meta.etlcheck.table",
            "name the validated table as schema.table",
        )
    parameters = _parameters(meta.get("parameters", {}))
    raw = document.get("expectations", [])
    if not isinstance(raw, list):
        raise _Problem("$.expectations", "expectations must be a list")
    expectations = tuple(_expectation(i, item, parameters) for i, item in enumerate(raw))
    name = document.get("name", path.stem)
    return SuiteFile(
        name=str(name),
        table=table,
        path=path,
        expectations=expectations,
        parameters=parameters,
        shown_path=where,
    )


def _object(value: object, json_path: str) -> dict[str, JsonValue]:
    if not isinstance(value, dict):
        raise _Problem(json_path, "must be a JSON object")
    return value


def _no_unknown(
    found: Mapping[str, object], known: Iterable[str], at: str, what: str, owner: str = ""
) -> None:
    known = sorted(known)
    of = f" for {owner}" if owner else ""
    for key in found:
        if key not in known:
            raise _Problem(f"{at}.{key}", f"unknown {what} {key!r}{of}{_did_you_mean(key, known)}")


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _parameters(raw: object) -> dict[str, Parameter]:
    specs = _object(raw, "$.meta.etlcheck.parameters")
    parameters = {}
    for name, spec in specs.items():
        try:
            parameters[name] = parse_parameter(spec)
        except ValueError as error:
            raise _Problem(f"$.meta.etlcheck.parameters.{name}", str(error)) from None
    return parameters


def _expectation(
    position: int, item: object, parameters: Mapping[str, Parameter]
) -> ExpectationSpec:
    at = f"$.expectations[{position}]"
    entry = _object(item, at)
    kind = entry.get("type")
    if not isinstance(kind, str):
        raise _Problem(f"{at}.type", "every expectation needs a type")
    if kind not in KNOWN_TYPES:
        raise _Problem(
            f"{at}.type", f"unknown expectation type {kind!r}{_did_you_mean(kind, KNOWN_TYPES)}"
        )
    if kind in UNSUPPORTED:
        raise _Problem(f"{at}.type", f"{kind} is not supported: {UNSUPPORTED[kind]}")
    _no_unknown(entry, EXPECTATION_FIELDS, at, "expectation key")
    kwargs = _object(entry.get("kwargs", {}), f"{at}.kwargs")
    _no_unknown(kwargs, known_kwargs(kind), f"{at}.kwargs", "kwarg", kind)
    for required in required_kwargs(kind):
        if required not in kwargs:
            raise _Problem(f"{at}.kwargs", f"{kind} needs the kwarg {required!r}")
    description = entry.get("description")
    spec = ExpectationSpec(
        position=position,
        type=kind,
        kwargs=kwargs,
        description=description if isinstance(description, str) else "",
        extra={k: v for k, v in entry.items() if k not in ("type", "kwargs")},
    )
    _check_parameters(spec, parameters, at)
    if kind == UNEXPECTED_ROWS_TYPE:
        _check_query(kwargs.get("unexpected_rows_query"), f"{at}.kwargs.unexpected_rows_query")
    if kind == OTHER_TABLE_TYPE:
        _check_other_table(spec, at)
    return spec


def _check_other_table(spec: ExpectationSpec, at: str) -> None:
    other = spec.kwargs.get("other_table_name")
    if not isinstance(other, str) or len(other.split(".")) != 2 or not all(other.split(".")):
        raise _Problem(f"{at}.kwargs.other_table_name", "name the other table as schema.table")
    if spec.row_condition:
        raise _Problem(
            f"{at}.kwargs.row_condition",
            "row_condition cannot be combined with other_table_name (the engine counts rows)",
        )


def _check_parameters(spec: ExpectationSpec, parameters: Mapping[str, Parameter], at: str) -> None:
    for key, name in spec.parameter_names().items():
        where = f"{at}.kwargs.{key}"
        if name not in parameters:
            known = ", ".join(sorted(parameters)) or "none"
            raise _Problem(
                where, f"parameter {name!r} is not in meta.etlcheck.parameters (known: {known})"
            )
        if not isinstance(parameters[name], RelationQuery) or key != "value_set":
            continue
        if spec.type not in MEMBERSHIP_TYPES:
            raise _Problem(
                where,
                f"a relation (query) parameter can be the value_set only of "
                f"{' or '.join(MEMBERSHIP_TYPES)}",
            )
        if spec.row_condition:
            raise _Problem(
                f"{at}.kwargs.row_condition",
                "row_condition cannot be combined with a relation value_set (the engine "
                "checks the relation)",
            )


def _check_query(value: object, where: str) -> None:
    if not isinstance(value, str):
        raise _Problem(where, "unexpected_rows_query must be a string")
    try:
        parse_query(value, with_batch=True)
    except QueryProblem as problem:
        raise _Problem(where, str(problem)) from None
