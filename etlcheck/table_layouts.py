"""Table layouts read from a script's own DDL, so seeded tables match what it creates.

Every ``CREATE TABLE`` in the scripts is located through sqlglot's T-SQL tokenizer
(guards such as ``IF OBJECT_ID(...) IS NULL`` around it do not matter), parsed on its
own, and turned into a ``CREATE TABLE`` for the engine's dialect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlglot
from sqlglot import exp
from sqlglot.tokens import TokenType

from etlcheck.errors import ScriptError, location_of_offset
from etlcheck.script_text import read_script_file
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.keys import PRIMARY_KEY, UnsupportedKey, take_keys
from etlcheck.tsql.statements import SplitError, read_batch

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine


@dataclass(frozen=True)
class Column:
    name: str
    data_type: exp.DataType


@dataclass(frozen=True)
class TableLayout:
    """Columns of one table as a script declares them, in order."""

    schema: str
    table: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    """Columns of the PRIMARY KEY the statement declares (column or table constraint)."""
    statement: str = ""
    """The CREATE TABLE statement as written in the script."""

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def create_sql(self, engine: Engine | type[Engine], schema: str | None = None) -> str:
        """CREATE TABLE for ``engine``, in ``schema`` (default: the declared one)."""
        definitions = [
            exp.ColumnDef(
                this=exp.to_identifier(column.name, quoted=True),
                kind=portable_type(column.data_type, engine),
            )
            for column in self.columns
        ]
        target = exp.Table(
            this=exp.to_identifier(self.table, quoted=True),
            db=exp.to_identifier(schema or self.schema, quoted=True),
        )
        create = exp.Create(kind="TABLE", this=exp.Schema(this=target, expressions=definitions))
        return create.sql(dialect=engine.dialect)


_TEXT_TYPES = {
    exp.DataType.Type.NVARCHAR,
    exp.DataType.Type.VARCHAR,
    exp.DataType.Type.NCHAR,
    exp.DataType.Type.CHAR,
}


def portable_type(data_type: exp.DataType, engine: Engine | type[Engine]) -> exp.DataType:
    """A T-SQL column type as the engine spells it (NVARCHAR -> VARCHAR, BIT -> BOOLEAN...);
    an engine that runs T-SQL itself takes it as written."""
    if not engine.interprets_tsql:
        return data_type
    kind = data_type.this
    if kind in _TEXT_TYPES:
        params = data_type.expressions
        size = params[0].name if params else ""
        if size.isdigit():
            return exp.DataType.build(f"VARCHAR({size})")
        return exp.DataType.build(engine.text_type)
    if kind == exp.DataType.Type.BIT:
        return exp.DataType.build("BOOLEAN")
    if kind in (exp.DataType.Type.DATETIME2, exp.DataType.Type.DATETIME):
        return exp.DataType.build("TIMESTAMP")
    return data_type


def layouts_in_text(text: str, path: Path | str) -> list[TableLayout]:
    """Every permanent table a script creates (temp tables are skipped)."""
    layouts: list[TableLayout] = []
    for batch in split_batches(text, path):
        layouts.extend(_layouts_in_batch(batch.text, batch.offset, text, path))
    return layouts


def _layouts_in_batch(batch: str, offset: int, text: str, path: Path | str) -> list[TableLayout]:
    tokens = sqlglot.tokenize(batch, read="tsql")
    element_schemas = _element_schemas(batch)
    layouts: list[TableLayout] = []
    for index, token in enumerate(tokens[:-1]):
        if token.token_type != TokenType.CREATE or tokens[index + 1].token_type != TokenType.TABLE:
            continue
        end = _matching_paren_end(tokens, index + 2)
        if end is None:
            continue
        statement = batch[token.start : tokens[end].end + 1]
        try:
            create = sqlglot.parse_one(statement, read="tsql")
        except sqlglot.errors.ParseError as error:
            raise ScriptError(
                f"cannot read CREATE TABLE: {error}",
                location_of_offset(path, text, offset + token.start),
            ) from None
        layout = _layout(create, statement, element_schemas.get(token.start, ""))
        if layout is not None:
            layouts.append(layout)
    return layouts


def _element_schemas(batch: str) -> dict[int, str]:
    """Where each element of ``CREATE SCHEMA name ...`` starts -> ``name``: a table created
    there without a schema is that schema's (``etlcheck.tsql.schema_elements``)."""
    try:
        reading = read_batch(batch)
    except SplitError:
        return {}
    tokens = reading.tokens
    return {
        tokens[span.first].start: tokens[span.schema].text
        for span in reading.spans
        if span.schema is not None
    }


def layouts_in_scripts(paths: Iterable[Path]) -> dict[tuple[str, str], TableLayout]:
    """Layouts keyed by (schema, table) in lower case; a later script's DDL wins."""
    found: dict[tuple[str, str], TableLayout] = {}
    for path in paths:
        text = read_script_file(path)
        for layout in layouts_in_text(text, path):
            found[(layout.schema.lower(), layout.table.lower())] = layout
    return found


def _matching_paren_end(tokens: list[sqlglot.tokens.Token], start: int) -> int | None:
    depth = 0
    for index in range(start, len(tokens)):
        kind = tokens[index].token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth -= 1
            if depth == 0:
                return index
        elif depth == 0 and kind == TokenType.SEMICOLON:
            return None
    return None


def _layout(create: object, statement: str = "", in_schema: str = "") -> TableLayout | None:
    """The layout a CREATE TABLE tree declares; ``in_schema`` is the schema of a table
    created without one as an element of CREATE SCHEMA."""
    schema = create.this if isinstance(create, exp.Create) else None
    if not isinstance(schema, exp.Schema) or not isinstance(schema.this, exp.Table):
        return None
    table = schema.this
    if table.name.startswith("#"):
        return None
    columns = tuple(
        Column(definition.name, definition.args["kind"])
        for definition in schema.expressions
        if isinstance(definition, exp.ColumnDef) and definition.args.get("kind") is not None
    )
    return TableLayout(table.db or in_schema, table.name, columns, _primary_key(schema), statement)


def _primary_key(schema: exp.Schema) -> tuple[str, ...]:
    """The PRIMARY KEY's columns, read as the interpreter reads keys (``CLUSTERED`` or
    ``NONCLUSTERED``, ``ASC``/``DESC``, index options)."""
    try:
        keys = take_keys(schema.copy(), "")
    except UnsupportedKey:  # IGNORE_DUP_KEY = ON: rows are dropped, not refused
        return ()
    return next((key.columns for key in keys if key.kind == PRIMARY_KEY), ())
