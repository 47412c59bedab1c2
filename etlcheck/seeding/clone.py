"""The sandbox starts as production does: every protected table copied into its sandbox.

Structure (columns, types, NOT NULL, defaults, IDENTITY, keys and CHECK constraints)
and rows. A cloned table behaves under the interpreter exactly as the production one:
the same recorded keys (a repeated key fails with error 2627), an IDENTITY that
continues where production's would. Foreign keys are not copied: they would point back
at production's tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.seeding.catalog import base_tables, row_count
from etlcheck.seeding.summary import ClonedTable
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


class TableCloner(Protocol):
    def clone(self, engine: Engine, schema: str, table: str, target: str) -> None:
        """Create ``target.table`` like ``schema.table`` and copy its rows."""


def clone_production(engine: Engine, config: Config) -> tuple[ClonedTable, ...]:
    """Clone every table of every mapped protected schema; refuse, before copying
    anything, a table with more rows than ``[seed] max_rows``."""
    sandbox = config.sandbox
    mapped = [schema for schema in sandbox.protected if sandbox.sandbox_of(schema)]
    tables = [
        (schema, table, row_count(engine, schema, table))
        for schema, table in base_tables(engine, mapped)
    ]
    limit = config.seed.max_rows
    for schema, table, rows in tables:
        if rows > limit:
            raise ConfigError(
                f"cloning {schema}.{table} into the sandbox would copy {rows:,} rows, more "
                f"than [seed] max_rows = {limit:,}",
                SourceLocation(config.source),
                "raise [seed] max_rows, seed fewer rows, or set [seed] clone_production = false",
            )
    cloner = cloner_for(engine)
    clones = []
    for schema, table, rows in tables:
        target = sandbox.sandbox_of(schema)
        assert target is not None
        engine.create_schema(target)
        engine.execute(f"DROP TABLE IF EXISTS {engine.qualified(target, table)}")
        cloner.clone(engine, schema, table, target)
        clones.append(ClonedTable(schema, table, target, rows))
    return tuple(clones)


def cloner_for(engine: Engine) -> TableCloner:
    from etlcheck.seeding.mssql_tables import MssqlCloner

    cloners: dict[str, type[DuckDBCloner] | type[PostgresCloner] | type[MssqlCloner]] = {
        "duckdb": DuckDBCloner,
        "postgres": PostgresCloner,
        "tsql": MssqlCloner,
    }
    return cloners[engine.dialect]()


class DuckDBCloner:
    """From ``duckdb_columns()`` and ``duckdb_constraints()``; the emulated IDENTITY gets
    its own sequence, the recorded keys the same table comment."""

    def clone(self, engine: Engine, schema: str, table: str, target: str) -> None:
        from etlcheck.seeding.identity import duckdb_identity_columns

        where = (
            "WHERE database_name = current_database() "
            f"AND schema_name = {sql_literal(schema)} AND table_name = {sql_literal(table)}"
        )
        identities = dict(duckdb_identity_columns(engine, schema, table))
        definitions = []
        for name, data_type, nullable, default in engine.query(
            f"SELECT column_name, data_type, is_nullable, column_default FROM duckdb_columns() "
            f"{where} ORDER BY column_index"
        ).rows:
            column = f"{engine.quote(name)} {data_type}"
            if name in identities:
                sequence = self._sequence(engine, schema, table, name, identities[name], target)
                column += f" DEFAULT nextval({sql_literal(sequence)})"
            elif default is not None:
                column += f" DEFAULT {default}"
            definitions.append(column + ("" if nullable else " NOT NULL"))
        definitions += [
            str(text)
            for kind, text in engine.query(
                f"SELECT constraint_type, constraint_text FROM duckdb_constraints() {where}"
            ).rows
            if kind in ("PRIMARY KEY", "UNIQUE", "CHECK")
        ]
        copy = engine.qualified(target, table)
        engine.execute(f"CREATE TABLE {copy} ({', '.join(definitions)})")
        comment = engine.query(f"SELECT comment FROM duckdb_tables() {where}").scalar()
        if comment:
            engine.execute(f"COMMENT ON TABLE {copy} IS {sql_literal(str(comment))}")
        engine.execute(f"INSERT INTO {copy} SELECT * FROM {engine.qualified(schema, table)}")

    def _sequence(
        self, engine: Engine, schema: str, table: str, column: str, sequence: str, target: str
    ) -> str:
        """A new sequence in ``target`` that continues where production's would."""
        from etlcheck.seeding.identity import next_identity

        parts = [part.strip('"') for part in sequence.split(".")]
        name, owner = parts[-1], parts[-2] if len(parts) > 1 else schema
        start, step, last = engine.query(
            "SELECT start_value, increment_by, last_value FROM duckdb_sequences() "
            "WHERE database_name = current_database() "
            f"AND schema_name = {sql_literal(owner)} AND sequence_name = {sql_literal(name)}"
        ).rows[0]
        following = next_identity(engine, schema, table, column, int(start), int(step))
        if last is not None:
            following = (
                max(following, int(last) + int(step))
                if step > 0
                else min(following, int(last) + int(step))
            )
        new = engine.qualified(target, name)
        engine.execute(f"DROP SEQUENCE IF EXISTS {new}")
        engine.execute(f"CREATE SEQUENCE {new} START WITH {following} INCREMENT BY {step}")
        return new


class PostgresCloner:
    """``CREATE TABLE … (LIKE …)`` with defaults, identity and comments, then the
    PRIMARY KEY, UNIQUE and CHECK constraints under their own names."""

    def clone(self, engine: Engine, schema: str, table: str, target: str) -> None:
        source, copy = engine.qualified(schema, table), engine.qualified(target, table)
        engine.execute(
            f"CREATE TABLE {copy} (LIKE {source} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING GENERATED INCLUDING COMMENTS INCLUDING STORAGE)"
        )
        constraints = engine.query(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            f"WHERE conrelid = {sql_literal(source)}::regclass AND contype IN ('p', 'u', 'c') "
            "ORDER BY contype DESC, conname"
        ).rows
        for name, definition in constraints:
            engine.execute(f"ALTER TABLE {copy} ADD CONSTRAINT {engine.quote(name)} {definition}")
        columns = [
            engine.quote(str(row[0]))
            for row in engine.query(
                "SELECT attname FROM pg_attribute "
                f"WHERE attrelid = {sql_literal(source)}::regclass AND attnum > 0 "
                "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum"
            ).rows
        ]
        names = ", ".join(columns)
        engine.execute(
            f"INSERT INTO {copy} ({names}) OVERRIDING SYSTEM VALUE SELECT {names} FROM {source}"
        )
        for (column,) in engine.query(
            "SELECT attname FROM pg_attribute "
            f"WHERE attrelid = {sql_literal(source)}::regclass AND attidentity <> ''"
        ).rows:
            self._continue(engine, source, copy, str(column))

    def _continue(self, engine: Engine, source: str, copy: str, column: str) -> None:
        """The copy's identity continues where production's would: after its last value,
        or after the largest key, whichever is later."""
        last = engine.query(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence("
            f"{sql_literal(source)}, {sql_literal(column)})::regclass)"
        ).scalar()
        largest = engine.query(f"SELECT MAX({engine.quote(column)}) FROM {copy}").scalar()
        values = [int(v) for v in (last, largest) if v is not None]
        if values:
            engine.query(
                f"SELECT setval(pg_get_serial_sequence({sql_literal(copy)}, "
                f"{sql_literal(column)}), {max(values)})"
            )
