"""Declared text lengths, enforced as SQL Server enforces them.

``INSERT`` or ``UPDATE`` of a value longer than its ``VARCHAR(n)`` / ``NVARCHAR(n)`` /
``CHAR(n)`` / ``NCHAR(n)`` column fails the statement on SQL Server with error 2628
(``String or binary data would be truncated in table '…', column '…'. Truncated value:
'…'.``); the engines would keep the whole value, silently. Each such column of a
``CREATE TABLE`` gets a CHECK that raises SQL Server's error, which the engine evaluates on
every write (and copies with the table into the sandbox). Blanks beyond the length do not
count, as on SQL Server. A column added by ``ALTER TABLE`` or made by ``SELECT ... INTO`` is
not checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlglot import exp

TEXT_TYPES = frozenset(
    {
        exp.DataType.Type.CHAR,
        exp.DataType.Type.NCHAR,
        exp.DataType.Type.VARCHAR,
        exp.DataType.Type.NVARCHAR,
    }
)
LengthCheck = Callable[[exp.Identifier, int, str], exp.Expression | None]
"""(column, length, table as shown) -> the CHECK's condition."""


def add_length_checks(tree: exp.Create, check: LengthCheck) -> None:
    """A CHECK on each bounded text column of the table ``tree`` creates."""
    for column, shown in created_columns(tree):
        size = declared_length(column.args.get("kind"))
        if size is None:
            continue
        condition = check(column.this.copy(), size, shown)
        if condition is None:
            return
        add_check(column, condition)


def created_columns(tree: exp.Create) -> Iterator[tuple[exp.ColumnDef, str]]:
    """Each column the table ``tree`` creates, with the table's name as shown."""
    schema = tree.this
    if not isinstance(schema, exp.Schema) or not isinstance(schema.this, exp.Table):
        return
    shown = shown_table(schema.this)
    for column in schema.expressions:
        if isinstance(column, exp.ColumnDef):
            yield column, shown


def add_check(column: exp.ColumnDef, condition: exp.Expression) -> None:
    column.append(
        "constraints", exp.ColumnConstraint(kind=exp.CheckColumnConstraint(this=condition))
    )


def declared_length(kind: exp.Expression | None) -> int | None:
    """n of a text type declared ``(n)`` (1 when declared without a length); None for ``MAX``
    or another type."""
    if not isinstance(kind, exp.DataType) or kind.this not in TEXT_TYPES:
        return None
    sizes = kind.expressions
    if not sizes:
        return 1  # a column declared VARCHAR holds one character, as on SQL Server
    if len(sizes) != 1:
        return None
    size = sizes[0].this if isinstance(sizes[0], exp.DataTypeParam) else sizes[0]
    text = size.name if isinstance(size, exp.Expression) else str(size)
    return int(text) if text.isdigit() else None


def shown_table(table: exp.Table) -> str:
    identifier = table.this
    if isinstance(identifier, exp.Identifier) and identifier.args.get("global_"):
        return "##" + identifier.name
    if isinstance(identifier, exp.Identifier) and identifier.args.get("temporary"):
        return "#" + identifier.name
    return ".".join(part.name for part in table.parts)


def truncation_message(table: str, column: str) -> str:
    """The fixed part of error 2628's message (the truncated value follows)."""
    table, column = table.replace("'", "''"), column.replace("'", "''")
    return (
        f"String or binary data would be truncated in table '{table}', column '{column}'. "
        "Truncated value: '"
    )


def truncation_error(table: str, column: exp.Identifier, size: int) -> exp.Expression:
    """Error 2628's message for a value of ``column`` (``«2628»`` marks SQL Server's number)."""
    head = "«2628»" + truncation_message(table, column.name)
    value = exp.Anonymous(
        this="left", expressions=[exp.column(column.copy()), exp.Literal.number(size)]
    )
    return exp.DPipe(
        this=exp.DPipe(this=exp.Literal.string(head), expression=value),
        expression=exp.Literal.string("'."),
    )


def short_enough(column: exp.Identifier, size: int) -> exp.Expression:
    """At most ``size`` characters (NULL for NULL): the test nearly every value passes,
    which costs about nothing, before the trimmed one (``fits``) that costs more."""
    return exp.LTE(
        this=exp.Length(this=exp.column(column.copy())), expression=exp.Literal.number(size)
    )


def fits(column: exp.Identifier, size: int) -> exp.Expression:
    """NULL, or at most ``size`` characters once trailing blanks are left out."""
    text = exp.column(column.copy())
    trimmed = exp.Anonymous(this="rtrim", expressions=[text.copy()])
    return exp.Or(
        this=exp.Is(this=text, expression=exp.Null()),
        expression=exp.LTE(this=exp.Length(this=trimmed), expression=exp.Literal.number(size)),
    )
