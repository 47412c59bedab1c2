"""Typed values that are parsed once, where they enter etlcheck, and passed on as types.

``Scale`` (the sample generator's volume), ``RewriteMode`` (how scripts move into the
sandbox) and the rule for schema names that etlcheck writes into SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from etlcheck.errors import ConfigError, SourceLocation, UsageError

SCALE_NAMES = ("poc", "seed")


@dataclass(frozen=True, order=True)
class Scale:
    """'poc' (100 raw rows a table), 'seed' (the incident's volumes) or N times seed."""

    name: str

    @classmethod
    def parse(cls, value: object, where: SourceLocation | None = None) -> Scale:
        """The scale ``value`` names (text or a whole number), or one clear error."""
        if isinstance(value, Scale):
            return value
        text = str(value).strip().lower() if not isinstance(value, bool) else ""
        if text in SCALE_NAMES or (text.isdigit() and int(text) > 0):
            return cls(text if not text.isdigit() else str(int(text)))
        raise ConfigError(
            f"scale {value!r} is neither 'poc', 'seed' nor a positive whole number",
            where,
            "use --scale poc, --scale seed or --scale 2",
        )

    @property
    def factor(self) -> int | None:
        """N times the seed volumes: 1 for 'seed', N for a number, None for 'poc'."""
        if self.name == "poc":
            return None
        return 1 if self.name == "seed" else int(self.name)

    @property
    def is_poc(self) -> bool:
        return self.name == "poc"

    def __str__(self) -> str:
        return self.name


POC = Scale("poc")


class RewriteMode(StrEnum):
    """How a step's script is moved into the sandbox before it runs."""

    AST = "ast"
    """The parser-located remap (the default)."""
    REGEX = "regex"
    """The incident's naive substitution, kept to show it failing."""
    NONE = "none"
    """No sandbox: the scripts run as written."""

    @classmethod
    def parse(cls, value: object) -> RewriteMode:
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise UsageError(
                f"unknown rewrite mode {value!r}", hint=f"choose one of: {', '.join(REWRITE_MODES)}"
            ) from None


REWRITE_MODES = tuple(mode.value for mode in RewriteMode)

_PLAIN_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


def is_plain_identifier(name: str) -> bool:
    """A name that needs no quoting anywhere: a letter or ``_``, then letters, digits, ``_``."""
    return _PLAIN_IDENTIFIER.fullmatch(name) is not None


def plain_identifier(name: str) -> str:
    """``name`` when it is a plain identifier; a ValueError that says why, otherwise."""
    if not is_plain_identifier(name):
        raise ValueError(
            f"{name!r} is not a plain identifier: use letters, digits and _ "
            "(starting with a letter or _), at most 128 characters"
        )
    return name
