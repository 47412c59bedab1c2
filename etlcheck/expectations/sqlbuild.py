"""The SQL of the checks the engine runs itself, built as sqlglot trees.

Queries in a suite (relation parameters, ``unexpected_rows_query``) are written in T-SQL,
the pipeline's own dialect, and name production tables (``etl.stg_brokers``). They are
parsed once, their tables moved into the sandbox through the parse tree, and generated
in the engine's dialect. Queries etlcheck writes itself (anti-joins, duplicate keys,
counts) are built as trees too, so every engine gets its own quoting and LIMIT/TOP.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError

AUTHORING_DIALECT = "tsql"
"""The dialect suite queries are written in: the pipeline's."""
BATCH_TABLE = "etlcheck_batch"
"""What ``{batch}`` (GX's placeholder for the validated table) stands for while parsed."""
BATCH_FIELD = "{batch}"
VALUE_COLUMN = "etlcheck_value"
COUNT_COLUMN = "etlcheck_count"

Resolver = Callable[[str], str]
"""Maps a production ``schema.table`` to the table that holds the run's data."""

_WRITES = (
    exp.Insert,
    exp.Update,
    exp.Delete,
    exp.Merge,
    exp.Create,
    exp.Drop,
    exp.Alter,
    exp.Into,
    exp.Command,
)


def render(tree: exp.Expr, dialect: str) -> str:
    """``tree`` as the engine's SQL, every identifier quoted as written: the emulation creates
    names with the case the scripts give them (PostgreSQL would fold an unquoted
    ``Customers`` to ``customers``), and quoting changes nothing where case does not count."""
    return tree.sql(dialect=dialect, identify=True)


class QueryProblem(ValueError):
    """A suite query etlcheck cannot accept; the message says why in one line."""


def parse_query(text: str, *, with_batch: bool = False) -> exp.Query:
    """One read-only SELECT in T-SQL whose tables are all schema-qualified.

    With ``with_batch``, GX's ``{batch}`` placeholder stands for the validated table and
    must appear; other ``{fields}`` are refused (GX would fail on them at run time).
    """
    if with_batch:
        text = _batch_as_table(text)
    try:
        statements = [s for s in sqlglot.parse(text, read=AUTHORING_DIALECT) if s is not None]
    except ParseError as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise QueryProblem(f"the query does not parse as T-SQL: {first}") from None
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise QueryProblem("the query must be one SELECT statement")
    query = statements[0]
    for node in query.walk():
        if isinstance(node, _WRITES):
            raise QueryProblem(f"the query must only read: it contains {node.key.upper()}")
    _check_tables(query)
    return query


def _batch_as_table(text: str) -> str:
    pieces = []
    seen = False
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise QueryProblem(
            f"unpaired brace in the query ({error}); write a literal brace as {{{{ or }}}}"
        ) from None
    for literal, field, _, _ in parsed:
        pieces.append(literal)
        if field is None:
            continue
        if field != "batch":
            raise QueryProblem(f"unknown placeholder {{{field}}}: only {BATCH_FIELD} is filled in")
        pieces.append(BATCH_TABLE)
        seen = True
    if not seen:
        raise QueryProblem(f"the query must read the validated table as {BATCH_FIELD}")
    return "".join(pieces)


def _check_tables(query: exp.Query) -> None:
    ctes = {cte.alias_or_name.lower() for cte in query.find_all(exp.CTE)}
    for table in query.find_all(exp.Table):
        name = table.name
        if table.catalog:
            raise QueryProblem(f"{table.sql(AUTHORING_DIALECT)}: other databases are not allowed")
        if not table.db and name.lower() not in ctes and name != BATCH_TABLE:
            raise QueryProblem(f"qualify table {name} with its schema (e.g. etl.{name})")


def tables_of(query: exp.Query) -> set[str]:
    """The ``schema.table`` names a query reads (CTEs and ``{batch}`` aside)."""
    return {f"{t.db}.{t.name}" for t in query.find_all(exp.Table) if t.db}


def single_column(query: exp.Query) -> exp.Query:
    """The query with its one output column named ``etlcheck_value``."""
    selects = query.selects
    if len(selects) != 1 or isinstance(selects[0], exp.Star):
        raise QueryProblem("a relation query must return exactly one named column")
    renamed = query.copy()
    projection = renamed.selects[0]
    projection.replace(exp.alias_(projection.unalias(), VALUE_COLUMN))
    return renamed


def in_sandbox(query: exp.Query, resolve: Resolver, batch: str | None = None) -> exp.Query:
    """A copy whose production tables name their sandbox twins, and ``{batch}`` the
    ``batch`` table (``schema.table``) when one is given."""
    moved = query.copy()
    for table in moved.find_all(exp.Table):
        if table.name == BATCH_TABLE and not table.db:
            if batch is not None:
                table.replace(table_of(batch).as_(table.alias) if table.alias else table_of(batch))
            continue
        if table.db:
            schema, _, name = resolve(f"{table.db}.{table.name}").partition(".")
            table.set("db", exp.to_identifier(schema))
            table.set("this", exp.to_identifier(name, quoted=table.this.quoted))
    return moved


def table_of(qualified: str) -> exp.Table:
    """``schema.table`` as a quoted table; a bare name (``{batch}``) stays unquoted."""
    schema, _, name = qualified.partition(".")
    if not name:
        return exp.table_(schema)
    return exp.table_(name, db=schema, quoted=True)


def _column(name: str, table: str) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def membership(table: str, column: str, relation: exp.Query, *, member: bool) -> exp.Select:
    """Rows of ``table`` whose non-null ``column`` is not (``member=False``: is) among the
    values ``relation`` returns: referential integrity as an anti-join (a semi-join)."""
    values = exp.Subquery(this=_distinct(single_column(relation)), alias=exp.TableAlias(this="r"))
    rows = exp.select(exp.Column(this=exp.Star(), table=exp.to_identifier("t")))
    present = exp.Not(this=exp.Is(this=_column(column, "t"), expression=exp.Null()))
    if member:
        inner = (
            exp.select("1")
            .from_(values)
            .where(exp.EQ(this=_column(VALUE_COLUMN, "r"), expression=_column(column, "t")))
        )
        return rows.from_(table_of(table).as_("t")).where(present).where(exp.Exists(this=inner))
    # LEFT JOIN ... IS NULL: DuckDB runs it about twice as fast as NOT EXISTS.
    return (
        rows.from_(table_of(table).as_("t"))
        .join(
            values,
            on=exp.EQ(this=_column(VALUE_COLUMN, "r"), expression=_column(column, "t")),
            join_type="left",
        )
        .where(present)
        .where(exp.Is(this=_column(VALUE_COLUMN, "r"), expression=exp.Null()))
    )


def _distinct(query: exp.Query) -> exp.Query:
    if isinstance(query, exp.Select):
        return query.distinct()
    return exp.select(VALUE_COLUMN).distinct().from_(_derived(query, "v"))


def kept_rows(columns: Sequence[str], alias: str, ignore_row_if: str) -> exp.Expression | None:
    """The condition on rows GX's ``ignore_row_if`` keeps (None: every row)."""
    nulls = [exp.Is(this=_column(c, alias), expression=exp.Null()) for c in columns]
    if ignore_row_if == "never" or not nulls:
        return None
    if ignore_row_if in ("any_value_is_missing", "either_value_is_missing"):
        return exp.Not(this=exp.Paren(this=exp.or_(*nulls)))
    return exp.Not(this=exp.Paren(this=exp.and_(*nulls)))


def _duplicate_keys(table: str, columns: Sequence[str], ignore_row_if: str) -> exp.Select:
    keys = [_column(c, "g") for c in columns]
    grouped = exp.select(*keys).from_(table_of(table).as_("g"))
    condition = kept_rows(columns, "g", ignore_row_if)
    if condition is not None:
        grouped = grouped.where(condition)
    return grouped.group_by(*(k.copy() for k in keys)).having(
        exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1))
    )


def duplicate_keys(table: str, columns: Sequence[str], ignore_row_if: str) -> exp.Select:
    """How many values of ``columns`` occur more than once: zero means unique, and is
    cheaper to learn than the rows that repeat."""
    return count_of(_duplicate_keys(table, columns, ignore_row_if))


def duplicates(table: str, columns: Sequence[str], ignore_row_if: str) -> exp.Select:
    """Rows of ``table`` whose value of ``columns`` occurs more than once (NULLs equal,
    as in GROUP BY); rows ``ignore_row_if`` drops are not considered."""
    matches = [exp.NullSafeEQ(this=_column(c, "t"), expression=_column(c, "d")) for c in columns]
    repeated = exp.Subquery(
        this=_duplicate_keys(table, columns, ignore_row_if), alias=exp.TableAlias(this="d")
    )
    return (
        exp.select(exp.Column(this=exp.Star(), table=exp.to_identifier("t")))
        .from_(table_of(table).as_("t"))
        .join(repeated, on=exp.and_(*matches))
    )


def counts(table: str, non_null: Sequence[str] = ()) -> exp.Select:
    """``COUNT(*)`` and ``COUNT(column)`` for each of ``non_null``, in one scan."""
    measures: list[exp.Expression] = [exp.Count(this=exp.Star())]
    measures += [exp.Count(this=_column(c, "t")) for c in non_null]
    return exp.select(*measures).from_(table_of(table).as_("t"))


def count_where(table: str, condition: exp.Expression | None) -> exp.Select:
    query = exp.select(exp.Count(this=exp.Star())).from_(table_of(table).as_("t"))
    return query.where(condition) if condition is not None else query


def count_of(query: exp.Query) -> exp.Select:
    return exp.select(exp.Count(this=exp.Star())).from_(_derived(query, "u"))


def value_counts(query: exp.Query, columns: Sequence[str], limit: int) -> exp.Select:
    """The most frequent values of ``columns`` among ``query``'s rows, with their counts."""
    keys = [_column(c, "u") for c in columns]
    frequency = exp.Count(this=exp.Star())
    return (
        exp.select(*keys, exp.alias_(frequency, COUNT_COLUMN))
        .from_(_derived(query, "u"))
        .group_by(*keys)
        .order_by(exp.Ordered(this=frequency.copy(), desc=True), *(k.copy() for k in keys))
        .limit(limit)
    )


def first_rows(query: exp.Query, limit: int) -> exp.Select:
    return exp.select("*").from_(_derived(query, "u")).limit(limit)


def _derived(query: exp.Query, alias: str) -> exp.Subquery:
    return exp.Subquery(this=query.copy(), alias=exp.TableAlias(this=exp.to_identifier(alias)))


GX_BATCH_ALIAS = "subselect"
"""The alias GX gives the batch it substitutes for ``{batch}`` in a query without JOIN."""


def as_gx_query(query: exp.Query, dialect: str) -> str:
    """``query`` (reading ``etlcheck_batch``) as GX's ``unexpected_rows_query``: the
    engine's dialect, ``{batch}`` for the validated table, literal braces doubled.

    GX substitutes ``{batch}`` as ``(SELECT ...)`` when the query has a JOIN (the query
    must alias it) and as ``(SELECT ...) AS subselect`` otherwise (it must not). Suites
    write ``{batch}`` as a table name, aliased or not; this adapts them to that rule.
    """
    tree = query.copy()
    has_join = any(True for _ in tree.find_all(exp.Join))
    for table in [t for t in tree.find_all(exp.Table) if t.name == BATCH_TABLE and not t.db]:
        alias = table.alias
        if has_join and not alias:
            table.set("alias", exp.TableAlias(this=exp.to_identifier(GX_BATCH_ALIAS)))
        elif not has_join and alias:
            for column in tree.find_all(exp.Column):
                if column.table == alias:
                    column.set("table", exp.to_identifier(GX_BATCH_ALIAS))
            table.set("alias", None)
    text = render(tree, dialect).replace("{", "{{").replace("}", "}}")
    placeholder = render(exp.table_(BATCH_TABLE), dialect)
    if placeholder not in text:  # pragma: no cover - every caller's query reads the batch
        raise QueryProblem("the query does not read the validated table")
    return text.replace(placeholder, BATCH_FIELD)
