"""What the SQL Server engine's sandbox principal may do: a database user without login,
granted CONTROL on the sandbox schemas, SELECT on the read ones, and DENYed the protected."""

from __future__ import annotations

from collections.abc import Sequence

from etlcheck.engines.mssql.tables import quote_tsql

__all__ = ["drop_principal_sql", "quote_tsql", "sandbox_principal_sql", "tsql_string"]


def tsql_string(text: str) -> str:
    """A T-SQL national string literal."""
    return "N'" + text.replace("'", "''") + "'"


def sandbox_principal_sql(
    user: str,
    sandbox_schemas: Sequence[str],
    read_schemas: Sequence[str] = (),
    protected_schemas: Sequence[str] = (),
) -> list[str]:
    """T-SQL creating a user without login that may write only in the sandbox schemas.

    CONTROL on a sandbox schema lets the pipeline create, alter and drop there (with the
    database-level CREATE permissions); read schemas get SELECT; protected schemas are
    DENIed every write, and SELECT too unless they are also read schemas. DENY wins over
    any GRANT the user might inherit.
    """
    who = quote_tsql(user)
    statements = [
        f"CREATE USER {who} WITHOUT LOGIN",
        f"GRANT CREATE TABLE, CREATE VIEW, CREATE PROCEDURE, CREATE FUNCTION TO {who}",
    ]
    for schema in sandbox_schemas:
        statements.append(f"GRANT CONTROL ON SCHEMA::{quote_tsql(schema)} TO {who}")
    for schema in read_schemas:
        if schema not in sandbox_schemas:
            statements.append(f"GRANT SELECT ON SCHEMA::{quote_tsql(schema)} TO {who}")
    for schema in protected_schemas:
        if schema in sandbox_schemas:
            continue
        denied = "ALTER, CONTROL, DELETE, INSERT, UPDATE, EXECUTE, TAKE OWNERSHIP"
        if schema not in read_schemas:
            denied += ", SELECT"
        statements.append(f"DENY {denied} ON SCHEMA::{quote_tsql(schema)} TO {who}")
    return statements


def drop_principal_sql(user: str) -> list[str]:
    return [f"DROP USER IF EXISTS {quote_tsql(user)}"]
