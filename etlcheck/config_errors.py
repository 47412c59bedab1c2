"""Turn one pydantic validation error of etlcheck.toml into one line a person can act on."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any, get_args, get_type_hints

from etlcheck.toml_positions import Path

_SECTIONS = {"project", "sandbox", "sample", "run", "seed"}
_EXPECTED = {
    "tuple_type": 'a list, e.g. ["a", "b"]',
    "list_type": 'a list, e.g. ["a", "b"]',
    "dict_type": 'a table, e.g. { a = "b" }',
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dataclass_type": "a table",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def describe_error(error: Any, known: Callable[[Path], bool]) -> tuple[Path, bool, str, str | None]:
    """(path in the document, whether the key (not the value) is at fault, message, hint)."""
    path = _document_path(tuple(error["loc"]), known)
    kind = error["type"]
    in_key = "[key]" in error["loc"]
    shown = shown_key(path)
    value = error.get("input")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        message = f"unknown key {path[-1]!r} in {shown_key(path[:-1])}"
        return path, True, message, _allowed(tuple(error["loc"]))
    if kind in ("missing", "missing_argument"):
        hint = "add at least one [[phases]] table" if path == ("phases",) else None
        return path, True, f"{shown_key(path[:-1])} needs {path[-1]!r}", hint
    if kind in _EXPECTED:
        return path, False, f"{shown} must be {_EXPECTED[kind]}, not {_toml(value)}", None
    if kind == "union_tag_invalid":
        context = error.get("ctx", {})
        found, tags = context.get("tag", ""), context.get("expected_tags", "")
        return (*path, "kind"), False, f"{shown} kind {found!r} is none of {tags}", None
    if kind == "union_tag_not_found":
        tags = error.get("ctx", {}).get("expected_tags", "")
        return path, True, f"{shown} needs kind = one of {tags}", None
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return path, False, f"{shown} must be {expected}, not {_toml(value)}", None
    if kind == "greater_than":
        return path, False, f"{shown} must be greater than {error['ctx']['gt']}", None
    if kind == "greater_than_equal":
        return path, False, f"{shown} must be {error['ctx']['ge']:g} or more", None
    if kind == "finite_number":
        return path, False, f"{shown} must be a finite number", None
    if kind in ("too_short", "string_too_short"):
        return path, False, f"{shown} must not be empty", None
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    return path, in_key, f"{shown}: {message}", None


def _document_path(loc: tuple[Any, ...], known: Callable[[Path], bool]) -> Path:
    """pydantic's location without what the document does not hold: the tag a tagged union
    adds (``sources.0.ddl.path``), and ``[key]`` for an error in a table's key."""
    path: Path = ()
    for index, part in enumerate(loc):
        if part == "[key]":
            continue
        candidate = (*path, part)
        if known(candidate) or index == len(loc) - 1 or not isinstance(part, str):
            path = candidate
    return path


def shown_key(path: Path) -> str:
    """``[sandbox] protected``, ``[[phases]] 2: budget_seconds``, ``[sandbox] schemas.etl``."""
    if not path:
        return "the configuration"
    head, rest = path[0], list(path[1:])
    if head == "phases":
        where = "[[phases]]"
        if rest and isinstance(rest[0], int):
            where += f" {int(rest.pop(0)) + 1}"
    elif head == "seed" and rest[:1] == ["sources"]:
        rest.pop(0)
        where = "[[seed.sources]]"
        if rest and isinstance(rest[0], int):
            where += f" {int(rest.pop(0)) + 1}"
    elif head in _SECTIONS:
        where = f"[{head}]"
    else:
        return str(head)
    if not rest:
        return where
    return f"{where} " + "".join(
        f" item {part + 1}" if isinstance(part, int) else f".{part}" for part in rest
    ).removeprefix(".")


def _allowed(loc: tuple[Any, ...]) -> str | None:
    """The keys the table holding pydantic's location ``loc`` may have (those of its own
    kind, for a tagged ``[[seed.sources]]`` table)."""
    from etlcheck.config_schema import ConfigFile

    models: list[Any] = [ConfigFile]
    for part in loc[:-1]:
        if part == "[key]":
            continue
        tagged = [model for model in models if _tag(model) == part]
        if tagged:
            models = tagged
            continue
        inner: list[Any] = []
        for model in models:
            if isinstance(part, int):
                inner.extend(get_args(model) or [model])
            elif part in _fields(model):
                inner.append(_fields(model)[part])
        models = [m for t in inner for m in _members(t)]
    keys = sorted({k for m in models for k in _fields(m)})
    return f"allowed keys: {', '.join(keys)}" if keys else None


def _tag(model: Any) -> object:
    """The ``kind`` a member of a tagged union is chosen by, if it is one."""
    kind = _fields(model).get("kind")
    return get_args(kind)[0] if get_args(kind) else None


def _fields(model: Any) -> dict[str, Any]:
    """The keys of a section (a pydantic model or a checked dataclass) and their types."""
    from pydantic import BaseModel

    if isinstance(model, type) and issubclass(model, BaseModel):
        return {name: info.annotation for name, info in model.model_fields.items()}
    if isinstance(model, type) and dataclasses.is_dataclass(model):
        hints = get_type_hints(model, include_extras=True)
        return {f.name: hints[f.name] for f in dataclasses.fields(model)}
    return {}


def _members(annotation: Any) -> list[Any]:
    """The models (or element types) an annotation can hold, through unions and Annotated."""
    if isinstance(annotation, type):
        return [annotation]
    found: list[Any] = []
    for arg in get_args(annotation):
        if arg is Ellipsis or arg is type(None):
            continue
        found.extend(_members(arg) if not isinstance(arg, type) else [arg])
    return found


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def toml_error_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)
