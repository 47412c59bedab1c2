"""The checks of etlcheck.toml's values that pydantic runs, and the pydantic rules that
:class:`etlcheck.config_values.Rule` names. Pydantic is imported only when a schema is
built (:func:`pydantic_rules`)."""

from __future__ import annotations

import re

from etlcheck.engines.registry import engine_names
from etlcheck.errors import ConfigError
from etlcheck.values import RewriteMode, Scale, plain_identifier


def scale(value: object) -> Scale:
    if not isinstance(value, str | int | Scale) or isinstance(value, bool):
        raise ValueError(f"must be 'poc', 'seed' or a whole number, not {value!r}")
    try:
        return Scale.parse(value)
    except ConfigError as error:
        raise ValueError(error.message) from None


def rewrite(value: object) -> RewriteMode:
    if isinstance(value, RewriteMode):
        return value
    if not isinstance(value, str) or value not in {mode.value for mode in RewriteMode}:
        choices = ", ".join(mode.value for mode in RewriteMode)
        raise ValueError(f"rewrite mode {value!r} is none of: {choices}")
    return RewriteMode(value)


def pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"{value!r} is not a regular expression: {error}") from None
    return value


def engine(value: str) -> str:
    name = value.strip().lower()
    if name not in engine_names():
        raise ValueError(f"unknown engine {value!r}: choose one of {', '.join(engine_names())}")
    return name


def table_name(value: str) -> str:
    schema, dot, table = value.partition(".")
    if not dot or not schema or not table:
        raise ValueError(f"{value!r} is not schema.table (or schema.*)")
    plain_identifier(schema)
    return value


def pydantic_rules(name: str) -> tuple[object, ...]:
    """The pydantic metadata a rule stands for: every scalar must have the type TOML
    wrote (no "12" for 12), and some values are checked or parsed."""
    from pydantic import AfterValidator, Discriminator, Field, PlainValidator, Strict

    rules: dict[str, tuple[object, ...]] = {
        "strict": (Strict(),),
        "non-empty": (Strict(), Field(min_length=1)),
        "positive": (Strict(), Field(gt=0)),
        "seconds": (Strict(), Field(ge=0, allow_inf_nan=False)),
        "scale": (PlainValidator(scale),),
        "rewrite": (PlainValidator(rewrite),),
        "engine": (Strict(), AfterValidator(engine)),
        "pattern": (Strict(), AfterValidator(pattern)),
        "table name": (Strict(), AfterValidator(table_name)),
        "one kind of source": (Discriminator("kind"),),
    }
    return rules[name]
