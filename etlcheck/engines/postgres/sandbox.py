"""What the PostgreSQL engine's sandbox principal may do: own the sandbox schemas, read
the allow-listed ones, and create or rename no other schema (an event trigger guards
that, where the admin login is a superuser)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from etlcheck.engines.base import QueryResult


class RoleAdmin(Protocol):
    """The admin session that grants (the PostgreSQL engine): statements with parameters."""

    database: str

    def quote(self, name: str) -> str: ...

    def qualified(self, schema: str, table: str) -> str: ...

    def create_schema(self, schema: str) -> None: ...

    def execute(self, sql: str, params: Any = None) -> int: ...

    def query(self, sql: str, params: Any = None) -> QueryResult: ...


SCHEMA_GUARD = """
CREATE TABLE IF NOT EXISTS sys.etlcheck_sandbox_grants (role_name name, schema_name name);
GRANT SELECT ON sys.etlcheck_sandbox_grants TO PUBLIC;
CREATE OR REPLACE FUNCTION sys.etlcheck_schema_guard() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    command record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM sys.etlcheck_sandbox_grants WHERE role_name = current_user) THEN
        RETURN;
    END IF;
    FOR command IN SELECT * FROM pg_event_trigger_ddl_commands()
                   WHERE object_type = 'schema' LOOP
        IF NOT EXISTS (SELECT 1 FROM sys.etlcheck_sandbox_grants
                       WHERE role_name = current_user
                         AND quote_ident(schema_name) = command.object_identity) THEN
            RAISE EXCEPTION 'permission denied for schema %: % may create only its sandbox schemas',
                command.object_identity, current_user USING ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
END $$;
DROP EVENT TRIGGER IF EXISTS etlcheck_schema_guard;
CREATE EVENT TRIGGER etlcheck_schema_guard ON ddl_command_end
    WHEN TAG IN ('CREATE SCHEMA', 'ALTER SCHEMA') EXECUTE FUNCTION sys.etlcheck_schema_guard();
"""

SANDBOX_RELATIONS = """
SELECT n.nspname, c.relname FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%s) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
"""


SANDBOX_SEQUENCES = """
SELECT n.nspname, c.relname FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%s) AND c.relkind = 'S' AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
"""
"""Sequences of their own in the sandbox (production's, copied by the clone); those of an
IDENTITY or serial column go with their table."""


def grant_sandbox(
    engine: RoleAdmin, role: str, sandbox_schemas: Sequence[str], read_schemas: Sequence[str]
) -> None:
    """Make ``role`` the owner of the sandbox schemas (and what is in them) and a reader of
    ``read_schemas``."""
    quoted = engine.quote(role)
    engine.execute(f"GRANT {quoted} TO CURRENT_USER")
    engine.execute(f"GRANT CREATE ON DATABASE {engine.quote(engine.database)} TO {quoted}")
    for schema in sandbox_schemas:
        engine.create_schema(schema)
        engine.execute(f"ALTER SCHEMA {engine.quote(schema)} OWNER TO {quoted}")
        engine.execute(f"GRANT USAGE, CREATE ON SCHEMA {engine.quote(schema)} TO {quoted}")
    for schema, relation in engine.query(SANDBOX_RELATIONS, (list(sandbox_schemas),)).rows:
        engine.execute(f"ALTER TABLE {engine.qualified(schema, relation)} OWNER TO {quoted}")
    for schema, sequence in engine.query(SANDBOX_SEQUENCES, (list(sandbox_schemas),)).rows:
        engine.execute(f"ALTER SEQUENCE {engine.qualified(schema, sequence)} OWNER TO {quoted}")
    for schema in read_schemas:
        engine.execute(f"GRANT USAGE ON SCHEMA {engine.quote(schema)} TO {quoted}")
        engine.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {engine.quote(schema)} TO {quoted}")


def install_schema_guard(engine: RoleAdmin, role: str, sandbox_schemas: Sequence[str]) -> str:
    """Let ``role`` create or rename only its sandbox schemas; says whether the guard is on
    (event triggers need a superuser)."""
    superuser = engine.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if not superuser.scalar():
        return "off: event triggers need a superuser"
    engine.execute(SCHEMA_GUARD)
    for schema in sandbox_schemas:
        engine.execute("INSERT INTO sys.etlcheck_sandbox_grants VALUES (%s, %s)", (role, schema))
    return "on"
