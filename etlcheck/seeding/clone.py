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
from etlcheck.seeding.catalog import base_tables
from etlcheck.seeding.summary import ClonedTable
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


Clone = tuple[str, str, str]
"""(production schema, table, sandbox schema)."""


class TableCloner(Protocol):
    def clone(self, engine: Engine, tables: list[Clone]) -> None:
        """Create each ``sandbox.table`` like ``schema.table`` and copy its rows."""


def clone_production(engine: Engine, config: Config) -> tuple[ClonedTable, ...]:
    """Clone every table of every mapped protected schema; refuse, before copying
    anything, a table with more rows than ``[seed] max_rows``."""
    sandbox = config.sandbox
    mapped = [schema for schema in sandbox.protected if sandbox.sandbox_of(schema)]
    tables = row_counts(engine, base_tables(engine, mapped))
    limit = config.seed.max_rows
    for schema, table, rows in tables:
        if rows > limit:
            raise ConfigError(
                f"cloning {schema}.{table} into the sandbox would copy {rows:,} rows, more "
                f"than [seed] max_rows = {limit:,}",
                SourceLocation(config.source),
                "raise [seed] max_rows, seed fewer rows, or set [seed] clone_production = false",
            )
    targets = {schema: sandbox.sandbox_of(schema) or "" for schema, _, _ in tables}
    for target in dict.fromkeys(targets.values()):
        engine.create_schema(target)
    for schema, table, _ in tables:
        engine.execute(f"DROP TABLE IF EXISTS {engine.qualified(targets[schema], table)}")
    cloner_for(engine).clone(engine, [(s, t, targets[s]) for s, t, _ in tables])
    return tuple(ClonedTable(s, t, targets[s], rows) for s, t, rows in tables)


def row_counts(engine: Engine, tables: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """Each table with its row count, read in one query."""
    if not tables:
        return []
    counts = " UNION ALL ".join(
        f"SELECT {index} AS n, COUNT(*) AS c FROM {engine.qualified(schema, table)}"
        for index, (schema, table) in enumerate(tables)
    )
    found = dict(engine.query(f"SELECT n, c FROM ({counts}) AS counted").rows)
    return [(schema, table, int(found[index])) for index, (schema, table) in enumerate(tables)]


def cloner_for(engine: Engine) -> TableCloner:
    from etlcheck.engines.mssql.tables import MssqlCloner

    cloners: dict[str, type[DuckDBCloner] | type[PostgresCloner] | type[MssqlCloner]] = {
        "duckdb": DuckDBCloner,
        "postgres": PostgresCloner,
        "tsql": MssqlCloner,
    }
    return cloners[engine.dialect]()


class DuckDBCloner:
    """From ``duckdb_columns()``, ``duckdb_constraints()`` and the table comments, each read
    once for all tables; the emulated IDENTITY gets its own sequence, the recorded keys the
    same table comment."""

    def clone(self, engine: Engine, tables: list[Clone]) -> None:
        if not tables:
            return
        schemas = ", ".join(sql_literal(schema) for schema in {s for s, _, _ in tables})
        where = f"WHERE database_name = current_database() AND schema_name IN ({schemas})"
        columns: dict[tuple[str, str], list[tuple[str, str, bool, str | None]]] = {}
        for schema, table, name, kind, nullable, default in engine.query(
            "SELECT schema_name, table_name, column_name, data_type, is_nullable, "
            f"column_default FROM duckdb_columns() {where} ORDER BY column_index"
        ).rows:
            columns.setdefault((schema, table), []).append((name, kind, nullable, default))
        constraints: dict[tuple[str, str], list[str]] = {}
        for schema, table, kind, text in engine.query(
            "SELECT schema_name, table_name, constraint_type, constraint_text "
            f"FROM duckdb_constraints() {where}"
        ).rows:
            if kind in ("PRIMARY KEY", "UNIQUE", "CHECK"):
                constraints.setdefault((schema, table), []).append(str(text))
        comments = {
            (schema, table): comment
            for schema, table, comment in engine.query(
                f"SELECT schema_name, table_name, comment FROM duckdb_tables() {where}"
            ).rows
        }
        sequences = {
            (schema, name): (int(start), int(step), last)
            for schema, name, start, step, last in engine.query(
                "SELECT schema_name, sequence_name, start_value, increment_by, last_value "
                "FROM duckdb_sequences() WHERE database_name = current_database()"
            ).rows
        }
        for schema, table, target in tables:
            definitions = [
                self._column(engine, (schema, table, target), column, sequences)
                for column in columns[(schema, table)]
            ]
            copy = engine.qualified(target, table)
            definitions += constraints.get((schema, table), [])
            engine.execute(f"CREATE TABLE {copy} ({', '.join(definitions)})")
            comment = comments.get((schema, table))
            if comment:
                engine.execute(f"COMMENT ON TABLE {copy} IS {sql_literal(str(comment))}")
        # A table has no order: the copies are written by every thread at once.
        engine.execute("SET preserve_insertion_order = false")
        try:
            for schema, table, target in tables:
                source, copy = engine.qualified(schema, table), engine.qualified(target, table)
                engine.execute(f"INSERT INTO {copy} SELECT * FROM {source}")
        finally:
            engine.execute("RESET preserve_insertion_order")

    def _column(
        self,
        engine: Engine,
        clone: Clone,
        column: tuple[str, str, bool, str | None],
        sequences: dict[tuple[str, str], tuple[int, int, object]],
    ) -> str:
        from etlcheck.seeding.identity import DUCKDB_IDENTITY_SUFFIX

        name, kind, nullable, default = column
        text = f"{engine.quote(name)} {kind}"
        identity = (
            default is not None
            and default.startswith("nextval(")
            and (DUCKDB_IDENTITY_SUFFIX in default)
        )
        if identity:
            assert default is not None
            sequence = default[default.index("'") + 1 : default.rindex("'")].replace("''", "'")
            new = self._sequence(engine, clone, name, sequence, sequences)
            text += f" DEFAULT nextval({sql_literal(new)})"
        elif default is not None:
            text += f" DEFAULT {default}"
        return text + ("" if nullable else " NOT NULL")

    def _sequence(
        self,
        engine: Engine,
        clone: Clone,
        column: str,
        sequence: str,
        sequences: dict[tuple[str, str], tuple[int, int, object]],
    ) -> str:
        """A new sequence in the sandbox that continues where production's would: after
        its last value or after the largest key, whichever is later."""
        from etlcheck.seeding.identity import next_identity

        schema, table, target = clone
        parts = [part.strip('"') for part in sequence.split(".")]
        name, owner = parts[-1], parts[-2] if len(parts) > 1 else schema
        start, step, last = sequences[(owner, name)]
        following = next_identity(engine, schema, table, column, start, step)
        if last is not None:
            pick = max if step > 0 else min
            following = pick(following, int(str(last)) + step)
        new = engine.qualified(target, name)
        engine.execute(f"DROP SEQUENCE IF EXISTS {new}")
        engine.execute(f"CREATE SEQUENCE {new} START WITH {following} INCREMENT BY {step}")
        return new


class PostgresCloner:
    """``CREATE TABLE … (LIKE …)`` with defaults, identity and comments, then the
    PRIMARY KEY, UNIQUE and CHECK constraints under their own names."""

    def clone(self, engine: Engine, tables: list[Clone]) -> None:
        for schema, table, target in tables:
            self.clone_one(engine, schema, table, target)

    def clone_one(self, engine: Engine, schema: str, table: str, target: str) -> None:
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
