"""Extended properties on DuckDB and PostgreSQL: an SSDT project's DDL keeps its
properties on every level, they go with their objects, a level type that is not emulated
is refused (before the run when it is a constant, when the call runs when it is not), and
a change to a property of a protected schema shows in the fingerprint, however the
schema's name was built. The scripts are the ``.sql`` files in ``properties/``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct
from etlcheck.isolation.diff import diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas
from tests.engine_params import BOTH_ENGINES

HERE = Path(__file__).parent / "properties"
DDL = HERE / "ssdt_objects.sql"


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database holding nothing but ``dbo`` (PostgreSQL's is emptied after each test)."""
    if request.param == "duckdb":
        with DuckDBEngine() as started:
            yield started
        return
    shared: Engine = request.getfixturevalue("postgres_engine")
    try:
        yield shared
    finally:
        for schema in ("dw", "poc_dw"):
            shared.drop_schema(schema)
        shared.execute("DELETE FROM sys.etlcheck_extended_properties")
        shared.catalog_epoch += 1


def run(engine: Engine, script: str, name: str = "t.sql") -> tuple[str, ...]:
    return engine.run_script(script, Path(name)).messages


def listed(engine: Engine, *levels: str | None) -> list[tuple[object, ...]]:
    """``fn_listextendedproperty(NULL, levels...)`` as (objtype, objname, name, value)."""
    given = [*levels, *[None] * (6 - len(levels))]
    arguments = ", ".join("NULL" if level is None else f"'{level}'" for level in given)
    return [
        tuple(str(value) if value is not None else None for value in row)
        for row in engine.query(
            "SELECT objtype, objname, name, value "
            f"FROM sys.fn_listextendedproperty(NULL, {arguments}) ORDER BY objname, name"
        ).rows
    ]


def test_an_ssdt_project_keeps_its_properties_on_every_level(engine: Engine) -> None:
    assert check_script(DDL.read_text(), DDL, engine.name) == ()
    run(engine, DDL.read_text(), DDL.name)
    assert listed(engine) == [(None, None, "ProjectVersion", "2.4.0")]
    assert listed(engine, "SCHEMA", "dw") == [
        ("SCHEMA", "dw", "MS_Description", "The warehouse: facts and dimensions.")
    ]
    assert listed(engine, "SCHEMA", "dw", "TABLE", "customer_totals") == [
        ("TABLE", "customer_totals", "Classification", "Internal"),
        ("TABLE", "customer_totals", "MS_Description", "Order totals per customer."),
        ("TABLE", "customer_totals", "RetentionDays", "400"),
    ]
    assert listed(engine, "SCHEMA", "DW", "table", "CUSTOMER_TOTALS", "column") == [
        ("COLUMN", "customer_id", "MS_Description", "Customer key from the order system."),
        ("COLUMN", "total", "MS_Description", "Sum of the customer's order amounts."),
    ]
    assert listed(engine, "SCHEMA", "dw", "VIEW", None, "COLUMN", "total") == [
        ("COLUMN", "total", "MS_Description", "As in customer_totals.")
    ]
    assert listed(engine, "SCHEMA", "dw", "PROCEDURE", "usp_touch_customer", "PARAMETER") == [
        ("PARAMETER", "@CustomerId", "MS_Description", "The customer to mark.")
    ]
    assert [row[1] for row in listed(engine, "SCHEMA", None, "FUNCTION")] == ["fn_with_tax"]
    assert [row[1] for row in listed(engine, "SCHEMA", "dw", "SEQUENCE")] == ["batch_ids"]
    types = engine.query(
        "SELECT name, value_type FROM sys.etlcheck_extended_properties "
        "WHERE name IN ('RetentionDays', 'Classification') ORDER BY name"
    ).rows
    assert types == [("Classification", "nvarchar"), ("RetentionDays", "int")]


def test_sys_extended_properties_names_objects_and_columns_by_id(engine: Engine) -> None:
    run(engine, DDL.read_text(), DDL.name)
    printed = run(
        engine,
        """
        DECLARE @table INT, @columns INT, @parameter INT, @database INT;
        SELECT @table = COUNT(*) FROM sys.extended_properties
        WHERE class = 1 AND major_id = OBJECT_ID(N'dw.customer_totals') AND minor_id = 0;
        SELECT @columns = SUM(minor_id) FROM sys.extended_properties
        WHERE major_id = OBJECT_ID(N'dw.customer_totals') AND minor_id > 0;
        SELECT @parameter = minor_id FROM sys.extended_properties
        WHERE class_desc = N'PARAMETER' AND major_id = OBJECT_ID(N'dw.usp_touch_customer');
        SELECT @database = COUNT(*) FROM sys.extended_properties WHERE class = 0;
        PRINT CONCAT(@table, N' ', @columns, N' ', @parameter, N' ', @database);
        """,
    )
    assert printed == ("3 3 1 1",)  # columns 1 and 2; the procedure's first parameter


def test_a_property_goes_with_its_object(engine: Engine) -> None:
    run(engine, DDL.read_text(), DDL.name)
    run(
        engine,
        """
        DROP VIEW dw.v_top_customers;
        ALTER TABLE dw.customer_totals DROP COLUMN total;
        DROP PROCEDURE dw.usp_touch_customer;
        """,
    )
    assert [row[1] for row in listed(engine, "SCHEMA", "dw", "TABLE", None, "COLUMN")] == [
        "customer_id"
    ]
    assert listed(engine, "SCHEMA", "dw", "VIEW") == []
    assert listed(engine, "SCHEMA", "dw", "PROCEDURE", None, "PARAMETER") == []
    run(engine, "DROP TABLE dw.customer_totals; CREATE TABLE dw.customer_totals (id INT);")
    assert listed(engine, "SCHEMA", "dw", "TABLE", None, "COLUMN") == []
    run(  # no error 15233: the new table has no property yet
        engine,
        "EXEC sp_addextendedproperty N'MS_Description', N'New', N'SCHEMA', N'dw', "
        "N'TABLE', N'customer_totals';",
    )
    assert listed(engine, "SCHEMA", "dw", "TABLE") == [
        ("TABLE", "customer_totals", "MS_Description", "New")
    ]
    engine.drop_schema("dw")  # as a sandbox reset does
    engine.create_schema("dw")
    run(engine, "CREATE TABLE dw.customer_totals (id INT);")
    assert listed(engine, "SCHEMA", "dw", "TABLE") == []
    assert listed(engine, "SCHEMA", "dw") == []
    assert listed(engine) == [(None, None, "ProjectVersion", "2.4.0")]


def test_an_error_names_the_call_and_its_line(engine: Engine) -> None:
    script = (
        "CREATE SCHEMA dw;\nGO\nCREATE TABLE dw.t (id INT);\n"
        "EXEC sp_addextendedproperty N'MS_Description', N'x', N'SCHEMA', N'dw', "
        "N'TABLE', N't', N'COLUMN', N'missing';\n"
    )
    with pytest.raises(StatementFailed) as raised:
        run(engine, script, "leaky.sql")
    assert str(raised.value).startswith(
        "leaky.sql:4:1: Object is invalid. Extended properties are not permitted on "
        "'dw.t.missing', or the object does not exist."
    )


def test_a_level_type_not_emulated_is_refused_before_the_run_when_it_is_a_constant() -> None:
    cases = {
        "EXEC sp_addextendedproperty N'd', N'x', N'SCHEMA', N'dbo', N'TABLE', N't', "
        "N'INDEX', N'ix'": "sp_addextendedproperty: extended properties on the level type INDEX",
        "EXEC sys.sp_dropextendedproperty @name = N'd', @level0type = 'user', "
        "@level0name = 'dbo'": "sp_dropextendedproperty: extended properties on the level "
        "type USER",
        "EXEC dbo.sp_updateextendedproperty N'd', N'x', N'SCHEMA', N'dbo', N'SYNONYM', "
        "N's'": "sp_updateextendedproperty: extended properties on the level type SYNONYM",
        "EXEC sp_help N'dbo.t'": "EXEC sp_help: system procedures are not emulated",
        "EXEC etl.sp_addextendedproperty N'd'": "EXEC etl.sp_addextendedproperty: system",
        "EXEC master.sys.sp_addextendedproperty N'd'": "EXEC master.sys.sp_addextendedproperty: "
        "procedures of another database",
    }
    for script, message in cases.items():
        for engine_name in ("duckdb", "postgres"):
            (finding,) = check_script(script, "p.sql", engine_name)
            assert (finding.location.line, finding.location.column) == (1, 1)
            assert finding.message.startswith(message), finding.message


def test_a_level_type_in_a_variable_is_refused_when_the_call_runs(engine: Engine) -> None:
    script = (
        "CREATE TABLE dbo.t (id INT CONSTRAINT PK_t PRIMARY KEY);\n"
        "DECLARE @kind VARCHAR(20) = 'INDEX';\n"
        "EXEC sp_addextendedproperty N'd', N'x', N'SCHEMA', N'dbo', N'TABLE', N't', "
        "@kind, N'PK_t';\n"
    )
    assert check_script(script, "p.sql", engine.name) == ()
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, script, "p.sql")
    assert str(raised.value) == (
        "p.sql:3:1: sp_addextendedproperty: extended properties on the level type INDEX are "
        "not emulated (run it on --engine mssql)"
    )
    run(engine, "DROP TABLE dbo.t")


def test_the_fingerprint_sees_every_property_change_in_a_protected_schema(
    engine: Engine,
) -> None:
    run(engine, DDL.read_text(), DDL.name)
    before = fingerprint_schemas(engine, ["dw"])
    run(
        engine,
        (HERE / "change_production_properties.sql").read_text(),
        "change_production_properties.sql",
    )
    after = fingerprint_schemas(engine, ["dw"])
    assert set(diff_fingerprints(before, after).sentences) == {
        "dw.customer_totals [MS_Description] (extended property) was altered: its value changed",
        "dw.customer_totals [Classification] (extended property) was dropped",
        "dw.customer_totals.total [Owner] (extended property) was created",
        "dw.[Steward] (extended property) was created",
        "dw.(database) [ProjectVersion] (extended property) was altered: its value changed",
    }
    unchanged = fingerprint_schemas(engine, ["dw"])
    assert diff_fingerprints(after, unchanged).is_clean


@pytest.mark.duckdb
def test_properties_live_in_the_database_file(tmp_path: Path) -> None:
    database = str(tmp_path / "warehouse.duckdb")
    with DuckDBEngine(database) as first:
        run(first, DDL.read_text(), DDL.name)
    with DuckDBEngine(database) as second:
        assert len(listed(second, "SCHEMA", "dw", "TABLE", "customer_totals")) == 3
        run(second, "DROP VIEW dw.v_top_customers; DROP TABLE dw.customer_totals;")
    with DuckDBEngine(database) as third:
        run(third, "CREATE TABLE dw.customer_totals (id INT);")
        assert listed(third, "SCHEMA", "dw", "TABLE", "customer_totals") == []


@pytest.mark.postgres
def test_the_sandbox_role_may_not_set_a_property_in_production(
    postgres_engine: Engine,
) -> None:
    engine = postgres_engine
    for schema in ("dw", "poc_dw"):
        engine.create_schema(schema)
        run(engine, f"CREATE TABLE {schema}.customer_totals (id INT);")
    add = (
        "EXEC sp_addextendedproperty N'MS_Description', N'x', N'SCHEMA', N'{}', N'TABLE', "
        "N'customer_totals';"
    )
    role = engine.create_sandbox_principal(["poc_dw"], read_schemas=["dw"])
    try:
        with engine.run_as(role):
            with pytest.raises(StatementFailed) as raised:
                run(engine, add.format("dw"))
            run(engine, add.format("poc_dw"))
        assert "Extended properties are not permitted on 'dw.customer_totals'" in str(raised.value)
        assert listed(engine, "SCHEMA", None, "TABLE") == [
            ("TABLE", "customer_totals", "MS_Description", "x")
        ]
        assert listed(engine, "SCHEMA", "dw", "TABLE") == []
    finally:
        for schema in ("dw", "poc_dw"):
            engine.drop_schema(schema)
        engine.catalog_epoch += 1


def test_names_in_brackets_or_double_quotes_pass_as_strings(engine: Engine) -> None:
    """SQL Server takes a one-part identifier, delimited or not, where a procedure expects
    a string: SSMS and hand-written scripts pass ``[dw]`` and ``[t]`` so."""
    run(
        engine,
        "CREATE SCHEMA dw;\nGO\nCREATE TABLE dw.[odd ]]name] (id INT);\n"
        "EXEC sp_addextendedproperty N'MS_Description', N'x', N'SCHEMA', [dw], "
        "N'TABLE', [odd ]]name], N'COLUMN', \"id\";\n",
    )
    assert listed(engine, "SCHEMA", "dw", "TABLE", "odd ]name", "COLUMN") == [
        ("COLUMN", "id", "MS_Description", "x")
    ]
    run(
        engine,
        "CREATE PROCEDURE dw.echo @text NVARCHAR(50) AS PRINT N'<' + @text + N'>';\nGO\n",
    )
    assert run(engine, 'EXEC dw.echo [it\'s];\nEXEC dw.echo "NULL";') == ("<it's>", "<NULL>")


def test_a_qualified_name_must_be_a_string(engine: Engine) -> None:
    run(engine, "CREATE SCHEMA dw;\nGO\nCREATE TABLE dw.t (id INT);")
    with pytest.raises(StatementFailed, match=r"t\.sql:1:\d+: Incorrect syntax near"):
        run(
            engine,
            "EXEC sp_addextendedproperty N'd', N'x', N'SCHEMA', N'dw', N'TABLE', [dw].[t];",
        )
