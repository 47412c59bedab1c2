"""The sample's schemas and tables, known without generating anything (pytest collection
asks for them in every process, so this module imports neither numpy nor pandas)."""

from __future__ import annotations

from etlcheck.sampledata.plans import ENTITIES, PRODUCTION_SEED
from etlcheck.table_layouts import layouts_in_text

RAW_SCHEMA = "raw_data"
PRODUCTION_SCHEMA = "dbo"
WORK_SCHEMA = "etl"

UNTOUCHED_DDL = """
CREATE TABLE [dbo].[Regions] (
    [RegionCode] NVARCHAR(10) NOT NULL, [RegionName] NVARCHAR(100) NOT NULL);
CREATE TABLE [dbo].[Commissions] (
    [BrokerCode] NVARCHAR(20) NOT NULL, [PeriodMonth] DATE NOT NULL,
    [Amount] DECIMAL(12, 2) NOT NULL);
CREATE TABLE [dbo].[AuditLog] (
    [AuditId] INT NOT NULL, [EventAt] DATETIME2 NOT NULL,
    [UserName] NVARCHAR(50) NOT NULL, [Action] NVARCHAR(100) NOT NULL);
CREATE TABLE [etl].[file_watermarks] (
    source_name NVARCHAR(50) NOT NULL, last_file NVARCHAR(260) NULL,
    last_loaded_at DATETIME2 NULL);
"""
"""Tables the pipeline never creates or touches; they exist only in production."""


def sample_tables() -> list[tuple[str, str]]:
    """(schema, table) of every table ``seed_database`` creates in production, known
    without generating anything (what pytest collection may ask)."""
    tables = [(RAW_SCHEMA, entity) for entity in ENTITIES]
    tables += [(PRODUCTION_SCHEMA, table) for table in PRODUCTION_SEED]
    tables += [(WORK_SCHEMA, f"stg_{entity}") for entity in ENTITIES]
    tables += [
        (WORK_SCHEMA, name) for name in ("stg_broker_book", "etl_run_state", "etl_step_state")
    ]
    tables += [
        (layout.schema, layout.table) for layout in layouts_in_text(UNTOUCHED_DDL, "<sample>")
    ]
    return tables
