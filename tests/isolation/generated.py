"""Hypothesis strategies for T-SQL scripts: statement templates x control-flow wrappers x
name spellings (bare, bracketed, quoted, upper-case, spaces around the dot)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

PRODUCTION = ("dbo", "etl", "stage", "audit")
TABLES = ("Brokers", "stg_policies", "Order Details", "load_log")
PROCEDURES = ("load_brokers", "usp_Log")
CASES: tuple[Callable[[str], str], ...] = (str.lower, str.upper, str.title)

SAFE_TEMPLATES = (
    "INSERT INTO {t} (id) VALUES (1)",
    "INSERT INTO {t} (id) SELECT id FROM {u}",
    "INSERT {t} (id) SELECT u.id FROM {u} AS u WHERE u.id > 0",
    "UPDATE {t} SET name = N'n' WHERE id = 1",
    "UPDATE t SET t.name = u.name FROM {t} AS t JOIN {u} AS u ON u.id = t.id",
    "UPDATE {t} WITH (ROWLOCK) SET name = N'n'",
    "DELETE FROM {t} WHERE id = 1",
    "DELETE {t} WHERE id IN (SELECT id FROM {u})",
    "MERGE {t} AS tgt USING {u} AS src ON tgt.id = src.id "
    "WHEN MATCHED THEN UPDATE SET tgt.name = src.name "
    "WHEN NOT MATCHED THEN INSERT (id) VALUES (src.id);",
    "TRUNCATE TABLE {t}",
    "DROP TABLE IF EXISTS {t}",
    "CREATE TABLE {t} (id INT NOT NULL, name NVARCHAR(50) NULL)",
    "ALTER TABLE {t} ADD note NVARCHAR(10) NULL",
    "SELECT id, name INTO {t} FROM {u}",
    "SET IDENTITY_INSERT {t} ON",
    "CREATE INDEX IX_id ON {t} (id)",
    "EXEC {p} @id = 1",
    "EXECUTE {p}",
    "WITH src AS (SELECT id FROM {u}) INSERT INTO {t} (id) SELECT id FROM src",
    "IF OBJECT_ID(N'{tl}') IS NOT NULL DROP TABLE {t}",
    "SELECT COUNT(*) FROM {u} WITH (NOLOCK)",
    "DROP SCHEMA {s}",
    "CREATE SCHEMA {s}",
    "ALTER SCHEMA {s} TRANSFER {t}",
    "GRANT SELECT ON SCHEMA::{s} TO reporting",
    "IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{sl}') PRINT 'exists'",
    "IF SCHEMA_ID(N'{sl}') IS NULL EXEC (N'CREATE SCHEMA {s}')",
    "EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'v', "
    "@level0type = N'SCHEMA', @level0name = N'{sl}', @level1type = N'TABLE', "
    "@level1name = N'Brokers'",
    "EXEC sp_rename N'{tl}', N'renamed'",
    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '{sl}'",
)
"""Statements the remap must make safe on its own, with no finding at all."""

FLAGGED_TEMPLATES = (
    ("EXEC (@sql)", "dynamic-sql"),
    ("EXEC sp_executesql @sql", "dynamic-sql"),
    ("EXEC etl.copy_table @schema = N'{sl}'", "procedure-argument"),
    ("DECLARE @target sysname = N'{sl}'", "schema-in-string"),
    ("SELECT * FROM Archive.{s}.Brokers", "other-database"),
    ("CREATE SYNONYM broker_synonym FOR {t}", "synonym"),
    ("INSERT INTO {t} (id) SELECT id FROM OPENQUERY(remote, 'SELECT 1')", "linked-server"),
)
"""Statements that cannot be proven: the lint must report them on their own line."""


def spell(name: str, quote: str) -> str:
    if quote == "bracket":
        return f"[{name}]"
    if quote == "quote":
        return f'"{name}"'
    return name


def _spellings(names: tuple[str, ...], literal: bool) -> list[str]:
    """Every spelling of ``schema.name`` (precomputed: drawing one is one choice)."""
    quotes = ("bare", "bracket") if literal else ("bare", "bracket", "quote")
    dots = (".",) if literal else (".", " . ", ". ", " .", "\n    .")
    found = []
    for schema in PRODUCTION:
        for case in CASES:
            for schema_quote in quotes:
                for name in names:
                    for name_quote in ("bracket",) if " " in name else quotes:
                        for dot in dots:
                            found.append(
                                spell(case(schema), schema_quote) + dot + spell(name, name_quote)
                            )
    return found


QUALIFIED = st.sampled_from(_spellings(TABLES, literal=False))
QUALIFIED_LITERAL = st.sampled_from(_spellings(TABLES, literal=True))
QUALIFIED_PROCEDURE = st.sampled_from(_spellings(PROCEDURES, literal=False))
SCHEMAS = st.sampled_from([case(schema) for schema in PRODUCTION for case in CASES])
SCHEMA_SPELLINGS = st.sampled_from(
    [
        spell(case(schema), quote)
        for schema in PRODUCTION
        for case in CASES
        for quote in ("bare", "bracket", "quote")
    ]
)


@st.composite
def statements(draw: st.DrawFn, template: str) -> str:
    """``template`` with its names drawn (only those it uses)."""
    values = {
        "t": QUALIFIED,
        "u": QUALIFIED,
        "p": QUALIFIED_PROCEDURE,
        "tl": QUALIFIED_LITERAL,
        "s": SCHEMA_SPELLINGS,
        "sl": SCHEMAS,
    }
    return template.format(
        **{key: draw(strategy) for key, strategy in values.items() if "{" + key + "}" in template}
    )


WRAPPERS: tuple[Callable[[str], str], ...] = (
    lambda s: s,
    lambda s: f"BEGIN\n    {s}\nEND",
    lambda s: f"IF @flag = 1\n    {s}",
    lambda s: f"IF @flag = 1\nBEGIN\n    {s}\nEND",
    lambda s: f"IF @flag = 1 PRINT 'a' ELSE\n    {s}",
    lambda s: f"BEGIN TRY\n    {s}\nEND TRY\nBEGIN CATCH\n    PRINT ERROR_MESSAGE()\nEND CATCH",
    lambda s: f"BEGIN TRY\n    PRINT 'try'\nEND TRY\nBEGIN CATCH\n    {s}\nEND CATCH",
    lambda s: f"WHILE @i < 1\nBEGIN\n    {s}\n    SET @i += 1\nEND",
    lambda s: f"PRINT 'before'\n{s}",
    lambda s: f"PRINT 'before' {s}",
    lambda s: f"{s}\nPRINT 'after'",
    lambda s: f"step_1:\n{s}",
    lambda s: f"RAISERROR('starting', 10, 1) WITH NOWAIT\n{s}",
    lambda s: f"IF @flag = 1 BEGIN PRINT 'x' END {s}",
    lambda s: f"BEGIN TRY SELECT 1 END TRY BEGIN CATCH THROW; END CATCH {s}",
    lambda s: f"IF @flag = 1 RETURN {s}",
)
"""Control flow around a statement: blocks, IF with and without BEGIN, TRY/CATCH, WHILE,
PRINT and RAISERROR before and after, labels, and statements right after END or RETURN."""


@dataclass(frozen=True)
class Generated:
    """A script and, for a flagged statement, its text and the finding it must get."""

    script: str
    flagged: str = ""
    code: str = ""


@st.composite
def wrapped(draw: st.DrawFn, statement: str) -> str:
    text = statement if statement.endswith(";") or not draw(st.booleans()) else statement + ";"
    for _ in range(draw(st.integers(1, 3))):
        text = draw(st.sampled_from(WRAPPERS))(text)
    return text


@st.composite
def safe_scripts(draw: st.DrawFn) -> Generated:
    parts = [
        draw(wrapped(draw(statements(draw(st.sampled_from(SAFE_TEMPLATES))))))
        for _ in range(draw(st.integers(1, 3)))
    ]
    separator = draw(st.sampled_from(["\n", " ", "\nGO\n", ";\n"]))
    return Generated(separator.join(parts) + "\n")


@st.composite
def flagged_scripts(draw: st.DrawFn) -> Generated:
    template, code = draw(st.sampled_from(FLAGGED_TEMPLATES))
    flagged = draw(statements(template))
    safe = draw(statements(draw(st.sampled_from(SAFE_TEMPLATES))))
    parts = [draw(wrapped(flagged)), draw(wrapped(safe))]
    if draw(st.booleans()):
        parts.reverse()
    return Generated("\n".join(parts) + "\n", flagged, code)
