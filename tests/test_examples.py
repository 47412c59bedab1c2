"""examples/billing, the second pipeline: what its scripts must do to the rows production
already holds, checked on the run's own figures (DuckDB and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import load_config
from etlcheck.options import RunOptions
from etlcheck.verify import verify

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "billing"


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("duckdb", marks=pytest.mark.duckdb),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ],
)
def test_billing_example_changes_exactly_what_its_scripts_imply(
    engine: str, tmp_path: Path
) -> None:
    if engine == "postgres":
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())
    options = RunOptions.from_config(
        load_config(EXAMPLE / "etlcheck.toml"),
        engine=engine,
        db=str(tmp_path / "billing.duckdb") if engine == "duckdb" else None,
        report_dir=tmp_path / "reports",
    )
    verification = verify(options)
    assert verification.verified, verification.findings
    preview = {clone.qualified_name: table for clone, table in verification.production_preview()}
    figures = {
        name: (t.rows_before, t.rows_added, t.rows_changed, t.rows_removed)
        for name, t in preview.items()
    }
    # 36 valid customers in the feed: 30 known (3 with new details), 6 new; one without an
    # id and one with an unknown tariff are rejected. One meter ran backwards, so 35 of
    # the 36 get a May invoice; every account but that customer's moves.
    assert figures == {
        "billing.Customers": (30, 6, 3, 0),
        "billing.Invoices": (30, 35, 0, 0),
        "billing.Accounts": (30, 6, 29, 0),
        "billing.Tariffs": (3, 0, 0, 0),
        "landing.customers": (39, 0, 0, 0),
        "landing.meter_readings": (76, 0, 0, 0),
    }
    assert verification.production is not None and verification.production.is_clean
    assert verification.expectations is not None
    assert {suite.suite for suite in verification.expectations} >= {"invoices", "customers"}


@pytest.mark.duckdb
def test_billing_invoices_continue_the_production_identity(tmp_path: Path) -> None:
    import duckdb

    options = RunOptions.from_config(
        load_config(EXAMPLE / "etlcheck.toml"),
        db=str(tmp_path / "run.duckdb"),
        report_dir=tmp_path / "reports",
    )
    assert verify(options).verified
    with duckdb.connect(str(tmp_path / "run.duckdb"), read_only=True) as connection:
        may = connection.execute(
            'SELECT MIN("InvoiceId"), MAX("InvoiceId"), COUNT(*) FROM run.poc_billing."Invoices" '
            "WHERE \"PeriodMonth\" = DATE '2024-05-01'"
        ).fetchone()
    assert may == (1030, 1064, 35)  # April's invoices are 1000-1029
