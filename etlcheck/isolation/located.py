"""What the locator finds in a batch: references to patch and problems to report, and the
schema names it compares them with."""

from __future__ import annotations

from dataclasses import dataclass, field

from etlcheck.config import SandboxConfig

SCHEMA = "schema"
"""A schema written as an identifier (``[etl]`` in ``[etl].[t]``, ``DROP SCHEMA etl``)."""
UNQUALIFIED = "unqualified"
"""An object name without a schema, resolved through the default schema."""
UNQUALIFIED_DBCC = "unqualified-dbcc"
"""A one-part table name given to DBCC (``DBCC CHECKIDENT (t)``): qualified, it becomes a
string, as DBCC reads a two-part name only when it is one (``N'etl.t'``)."""
SCHEMA_LITERAL = "schema-literal"
"""A string that is a schema name (``SCHEMA_ID('etl')``, ``TABLE_SCHEMA = 'etl'``)."""
MAYBE_SCHEMA_LITERAL = "maybe-schema-literal"
"""A string compared with a ``name`` column: patched only when it is a mapped schema."""
OBJECT_LITERAL = "object-literal"
"""A string that is an object name (``OBJECT_ID('etl.t')``, ``sp_rename 'etl.t'``)."""
PREFIX_LITERAL = "prefix-literal"
"""A string that starts an object name built at run time (``OBJECT_ID('etl.' + @t)``)."""
DYNAMIC_LITERAL = "dynamic-literal"
"""A string that is SQL run by ``EXEC(...)`` or ``sp_executesql``."""

SYSTEM_SCHEMAS = frozenset({"sys", "information_schema"})


@dataclass(frozen=True)
class Reference:
    """Characters ``[start, end)`` of the batch that name a schema (or an object, or hold SQL).

    ``sub_parts`` counts the parts after the object in an object literal
    (``sp_rename 'etl.t.column', ..., 'COLUMN'`` has one).
    """

    kind: str
    start: int
    end: int
    name: str
    sub_parts: int = 0


@dataclass(frozen=True)
class Problem:
    """Something the locator cannot prove stays in the sandbox, at ``start`` of the batch."""

    code: str
    start: int
    message: str
    suggestion: str = ""


@dataclass
class Located:
    """References and problems of one batch, in the order they were found."""

    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, code: str, start: int, message: str, suggestion: str = "") -> None:
        self.problems.append(Problem(code, start, message, suggestion))


@dataclass(frozen=True)
class Names:
    """The schema names the locator compares with, lower-case."""

    production: frozenset[str]
    """Mapped and protected schemas: what must not be touched."""
    allowed: frozenset[str]
    """Sandbox, read-only and system schemas: what may stand."""

    @classmethod
    def of(cls, sandbox: SandboxConfig) -> Names:
        production = {*sandbox.schema_map, *sandbox.protected}
        allowed = {*sandbox.schema_map.values(), *sandbox.read_only}
        return cls(
            frozenset(name.lower() for name in production),
            frozenset(name.lower() for name in allowed) | SYSTEM_SCHEMAS,
        )

    @property
    def known(self) -> frozenset[str]:
        return self.production | self.allowed

    def is_production(self, name: str) -> bool:
        return bare(name).lower() in self.production

    def is_known(self, name: str) -> bool:
        return bare(name).lower() in self.known


def bare(name: str) -> str:
    """A name as SQL Server compares it: trailing blanks do not count."""
    return name.rstrip()
