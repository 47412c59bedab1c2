"""Data and DDL as other teams export them from SQL Server, seeded on DuckDB and PostgreSQL.

The fixtures beside this file (``exports/``) are written as the tools write them: SSMS
"Generate Scripts" DDL, a UTF-16 CSV with a byte-order mark and CRLF lines (bcp ``-w``,
SSMS "Unicode"), Windows-1252 text, ``NULL`` as text, ``[bracketed]`` header names in
another order than the DDL's, binary as ``0x`` hex, bit as True/False, ``datetime2(7)``
with seven decimals, and Parquet written by pyarrow and by pandas.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import ConfigError, UnsupportedConstruct
from etlcheck.seeding.seeder import Seeder
from tests.seeding.seed_helpers import options_for, rows

EXPORTS = Path(__file__).parent / "exports"


def seeder_for(project: Path, engine: Engine) -> Seeder:
    return Seeder(engine, options_for(project, engine))


def customers(engine: Engine, columns: str) -> list[tuple[object, ...]]:
    return rows(engine, f'SELECT {columns} FROM sales."Customer" ORDER BY "CustomerID"')


def test_ssms_generate_scripts_ddl_runs_as_sql_server_would(
    project: Path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    seeder = seeder_for(project, engine)
    with caplog.at_level("WARNING", logger="sqlglot"):
        record = seeder.ddl(EXPORTS / "ssms_sales.sql")
        seeder.ddl(EXPORTS / "reading.sql")
    assert caplog.records == [], "a storage clause reached the engine's SQL (a stray line)"
    assert [t.name for t in record.tables] == ["Customer"]
    assert record.warnings == (
        f"{EXPORTS / 'ssms_sales.sql'}:1:1: USE [SalesDW] left out: the DDL creates "
        "production's objects in the disposable database",
    )
    tsql = (
        "INSERT INTO sales.Customer (CustomerGuid, Name) VALUES (NEWID(), N'Ann');"
        "INSERT INTO sales.Customer (CustomerGuid, Name) VALUES (NEWID(), N'Bob');"
    )
    engine.run_script(tsql, Path("step.sql"))
    found = customers(engine, '"CustomerID", "IsActive", "OrderNumber", "CreatedAt" IS NOT NULL')
    assert [row[0] for row in found] == [1, 2]
    assert [bool(row[1]) for row in found] == [True, True]  # DEFAULT ((1)) FOR [IsActive]
    assert [row[2] for row in found] == [1000, 1001]  # DEFAULT (NEXT VALUE FOR ...)
    assert all(row[3] for row in found)  # DEFAULT (getdate()) FOR [CreatedAt]


def test_script_entire_database_leaves_the_database_batches_out(
    project: Path, engine: Engine
) -> None:
    """SSMS "Script entire database": USE [master], CREATE DATABASE ... FILENAME = 'C:\\...',
    ALTER DATABASE ... SET, full-text, USE [SalesDW]; CRLF lines."""
    record = seeder_for(project, engine).ddl(EXPORTS / "ssms_entire_database.sql")
    assert [t.name for t in record.tables] == ["Region"]
    assert record.warnings == (
        f"{EXPORTS / 'ssms_entire_database.sql'}:1:1: 10 batches (USE [master], CREATE "
        "DATABASE, ALTER DATABASE, IF FULLTEXTSERVICEPROPERTY(...) sp_fulltext_database, "
        "USE [SalesDW]) left out: the DDL creates production's objects in the disposable "
        "database",
    )
    engine.run_script("INSERT INTO sales.Region VALUES (1, N'North')", Path("x.sql"))
    assert rows(engine, 'SELECT "Name" FROM sales."Region"') == [("North",)]


def test_a_utf16_export_with_sql_servers_text_forms_loads_every_value(
    project: Path, engine: Engine
) -> None:
    seeder = seeder_for(project, engine)
    seeder.ddl(EXPORTS / "ssms_sales.sql")
    seeder.file(EXPORTS / "sales.Customer.utf16.csv", "sales.Customer")
    found = customers(
        engine,
        '"CustomerID", "CustomerGuid", "Name", "City", "IsActive", "CreditLimit", "Rate", '
        '"CreatedAt", "UpdatedAt", "Notes", "Photo"',
    )
    first, second, third = found
    assert first[1] == uuid.UUID("6F9619FF-8B86-D011-B42D-00C04FC964FF")
    assert (first[2], first[3], bool(first[4])) == ("Zoë Müller", "Köln", True)
    assert (first[5], first[6]) == (Decimal("1234.5600"), Decimal("0.12345678"))
    assert first[7] == datetime.datetime(2024, 5, 1, 8, 0)
    assert first[8].replace(microsecond=0) == datetime.datetime(2024, 5, 1, 8, 0)
    assert first[8].microsecond in (123456, 123457)  # seven decimals: truncated or rounded
    assert first[9] == 'line one\r\nline "two"'
    assert bytes(first[10]) == b"\x89PNG"
    # NULL as SSMS writes it is NULL; "" is an empty string; a quoted "NULL" is text
    assert (second[3], second[5], second[6], second[8], second[10]) == (None,) * 5
    assert (second[9], bool(second[4]), third[2]) == ("", False, "NULL")
    assert third[7] == datetime.datetime(2024, 5, 3)
    assert (third[3], third[5], bytes(third[10])) == (None, Decimal("922337203685477.5807"), b"")


def test_a_windows_1252_export_is_read_as_such_and_the_seed_says_so(
    project: Path, engine: Engine
) -> None:
    seeder = seeder_for(project, engine)
    seeder.ddl(EXPORTS / "ssms_sales.sql")
    record = seeder.file(EXPORTS / "sales.Customer.cp1252.csv", "sales.Customer")
    assert customers(engine, '"Name", "City"') == [("Zoë Müller – “Ltd”", "Köln")]
    assert any("read as Windows-1252" in warning for warning in record.warnings)


@pytest.mark.parametrize("name", ["sales.Reading.parquet", "sales.Reading.pandas.parquet"])
def test_parquet_from_pyarrow_and_pandas_loads_into_the_ddl_types(
    project: Path, engine: Engine, name: str
) -> None:
    seeder = seeder_for(project, engine)
    engine.create_schema("sales")
    seeder.ddl(EXPORTS / "reading.sql")
    seeder.file(EXPORTS / name, "sales.Reading")
    found = rows(
        engine,
        'SELECT "MeterCode", "Kwh", "ReadAt", "ReadAtUtc", "Quality", "Flag" '
        'FROM sales."Reading" ORDER BY "ReadingID"',
    )
    code, kwh, read_at, read_at_utc, quality, flag = found[0]
    assert code in ("M-1", "M-3")  # dictionary-encoded, categorical
    assert kwh in (Decimal("12.3456"), Decimal("1.5000"))
    assert read_at.date() in (datetime.date(2024, 5, 1), datetime.date(2024, 6, 1))
    assert read_at_utc.utcoffset() == datetime.timedelta(0)
    assert read_at_utc.hour in (6, 8)  # Europe/Berlin 10:00 is 08:00 UTC
    assert quality in (1, None) and bool(flag) is True
    assert [row[4] for row in found] in ([1, None, 3], [None, 7])  # nullable integers


def test_parquet_from_pandas_creates_a_table_nobody_declared(project: Path, engine: Engine) -> None:
    seeder = seeder_for(project, engine)
    seeder.file(EXPORTS / "sales.Reading.pandas.parquet", "sales.Reading")
    found = rows(engine, 'SELECT "ReadingID", "ReadAt" FROM sales."Reading" ORDER BY 1')
    assert found == [
        (4, datetime.datetime(2024, 6, 1)),
        (5, datetime.datetime(2024, 6, 2)),
    ]


def test_a_computed_column_is_computed_in_the_seed_and_its_clone(project: Path) -> None:
    from etlcheck.engines.duckdb import DuckDBEngine

    with DuckDBEngine() as engine:
        seeder = seeder_for(project, engine)
        engine.create_schema("sales")
        seeder.ddl(EXPORTS / "ssms_computed.sql")
        engine.run_script(
            "INSERT INTO sales.Product (ProductID, Name) VALUES (1, N'Lamp ')", Path("x")
        )
        from etlcheck.seeding.clone import clone_production

        clone_production(engine, seeder.config, owe=False)
        assert rows(engine, 'SELECT "NameLength" FROM sales."Product"') == [(4,)]


@pytest.mark.postgres
def test_a_computed_column_on_postgres_is_one_line_naming_its_place(
    project: Path, postgres_engine: Engine
) -> None:
    postgres_engine.create_schema("sales")
    try:
        with pytest.raises(UnsupportedConstruct) as raised:
            seeder_for(project, postgres_engine).ddl(EXPORTS / "ssms_computed.sql")
    finally:
        postgres_engine.drop_schema("sales")
    assert str(raised.value).startswith(f"{EXPORTS / 'ssms_computed.sql'}:8:16: computed column")


def test_a_default_added_to_a_key_column_later(project: Path, engine: Engine) -> None:
    """``ADD CONSTRAINT ... DEFAULT ... FOR`` a key column, as SSMS scripts it, on both."""
    engine.create_schema("sales")
    seeder = seeder_for(project, engine)
    seeder.ddl(EXPORTS / "ssms_key_default.sql")
    engine.run_script("INSERT INTO sales.Invoice (Amount) VALUES (9.5)", Path("x"))
    assert rows(engine, 'SELECT "InvoiceID" FROM sales."Invoice"') == [(1,)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "sales.Customer.ragged.csv",
            "{path}:3: cannot load sales.Customer.ragged.csv into sales.Customer: "
            "Expected Number of Columns: 5 Found: 6",
        ),
        (
            "sales.Customer.nobom16.csv",
            "{path}:1: sales.Customer.nobom16.csv holds NUL bytes and has no byte-order mark",
        ),
        (
            "sales.Customer.dupkey.csv",
            "{path}{line}: cannot load sales.Customer.dupkey.csv into sales.Customer: ",
        ),
        (
            "sales.Customer.badhex.csv",
            "{path}{line}: cannot load sales.Customer.badhex.csv into sales.Customer: ",
        ),
    ],
)
def test_a_file_sql_server_would_refuse_is_one_line(
    project: Path, engine: Engine, name: str, expected: str
) -> None:
    seeder = seeder_for(project, engine)
    seeder.ddl(EXPORTS / "ssms_sales.sql")
    with pytest.raises(ConfigError) as raised:
        seeder.file(EXPORTS / name, "sales.Customer")
    line = ":3" if engine.name == "postgres" else ""  # DuckDB names no line for these
    assert str(raised.value).startswith(expected.format(path=EXPORTS / name, line=line))
    assert "\n" not in str(raised.value)
    assert rows(engine, 'SELECT COUNT(*) FROM sales."Customer"') == [(0,)]  # all or nothing


@pytest.mark.duckdb
def test_duckdb_names_the_row_and_column_its_own_message_leaves_out(project: Path) -> None:
    from etlcheck.engines.duckdb import DuckDBEngine

    with DuckDBEngine() as engine:
        seeder = seeder_for(project, engine)
        seeder.ddl(EXPORTS / "ssms_sales.sql")
        with pytest.raises(ConfigError) as raised:
            seeder.file(EXPORTS / "sales.Customer.badhex.csv", "sales.Customer")
    assert "Invalid input for hex digit: Z (data row 2, column Photo: '0xZZ')" in str(raised.value)


def test_seven_decimals_of_time_are_cut_to_microseconds_on_both_engines(
    project: Path, engine: Engine, tmp_path: Path
) -> None:
    """PostgreSQL would round 23:59:59.9999999 up to 24:00:00, a time no reader takes."""
    engine.create_schema("sales")
    engine.run_script(
        "CREATE TABLE sales.Shift (ShiftID INT NOT NULL, EndsAt TIME(7) NULL, "
        "EndedAt DATETIME2(7) NULL)",
        Path("ddl.sql"),
    )
    data = tmp_path / "sales.Shift.csv"
    data.write_text(
        "ShiftID,EndsAt,EndedAt\n1,23:59:59.9999999,2024-12-31 23:59:59.9999999\n", "utf-8"
    )
    seeder_for(project, engine).file(data)
    assert rows(engine, 'SELECT "EndsAt", "EndedAt" FROM sales."Shift"') == [
        (datetime.time(23, 59, 59, 999999), datetime.datetime(2024, 12, 31, 23, 59, 59, 999999))
    ]


def test_a_default_calling_a_production_sequence_calls_its_sandbox_copy(
    project: Path, engine: Engine
) -> None:
    """Else a step inserting into the copy advances production's sequence: a write to
    production that no fingerprint sees (and that the run's role may not make)."""
    config = project / "etlcheck.toml"
    config.write_text(
        config.read_text().replace(
            'work = "sbx_work" }', 'work = "sbx_work", sales = "sbx_sales" }'
        )
    )
    seeder = seeder_for(project, engine)
    seeder.ddl(EXPORTS / "ssms_sales.sql")
    seeder.file(EXPORTS / "sales.Customer.cp1252.csv", "sales.Customer")  # draws 1000
    seeder.finish()
    engine.run_script(
        "INSERT INTO sbx_sales.Customer (CustomerGuid, Name) VALUES (NEWID(), N'Sandboxed');"
        "INSERT INTO sbx_sales.Customer (CustomerGuid, Name) VALUES (NEWID(), N'Sandboxed 2');",
        Path("step.sql"),
    )
    found = rows(engine, 'SELECT "OrderNumber" FROM sbx_sales."Customer" ORDER BY 1')
    assert found == [(1000,), (1001,), (1002,)]
    messages = engine.run_script(
        "PRINT CONCAT('next ', NEXT VALUE FOR sales.OrderNumbers);", Path("check.sql")
    ).messages
    assert messages == ("next 1001",), "the sandbox drew production's sequence"


@pytest.mark.duckdb
def test_through_a_dataframe_binary_and_bit_text_arrive_as_bytes_and_bits(project: Path) -> None:
    """The path engines without a bulk reader (SQL Server) take: text would not convert
    to varbinary there."""
    from etlcheck.engines.duckdb import DuckDBEngine
    from etlcheck.seeding.loaders import load_through_frame

    with DuckDBEngine() as engine:
        seeder_for(project, engine).ddl(EXPORTS / "ssms_sales.sql")
        columns = ["Name", "CustomerID", "CustomerGuid", "City", "IsActive", "CreditLimit"]
        columns += ["Rate", "CreatedAt", "UpdatedAt", "Notes", "Photo"]
        load_through_frame(
            engine, EXPORTS / "sales.Customer.utf8.csv", "sales", "Customer", columns
        )
        found = customers(engine, '"Photo", "IsActive", "City"')
    assert [(bytes(row[0]) if row[0] is not None else None) for row in found] == [
        b"\x89PNG",
        None,
        b"",
    ]
    assert [row[1] for row in found] == [True, False, True]
    assert [row[2] for row in found] == ["Köln", None, None]
