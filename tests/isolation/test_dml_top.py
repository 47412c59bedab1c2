"""``DELETE TOP (n)`` and ``UPDATE TOP (n)``: sqlglot reads their TOP as a table, so the
lint took the statement for one it could not read, and a remap by that tree could move
the wrong name. With the TOP taken out first, the names are the statement's own."""

from __future__ import annotations

from pathlib import Path

from etlcheck.config import SandboxConfig
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.rewrite import rewrite_script

SANDBOX = SandboxConfig(schema_map={"etl": "poc_etl", "dbo": "poc_dbo"}, protected=("etl", "dbo"))
SCRIPT = Path(__file__).parent / "dml_top" / "purge-batches.sql"


def test_top_of_delete_and_update_is_no_name_and_hides_none() -> None:
    text = SCRIPT.read_text("utf-8")
    assert lint_script(text, SCRIPT.name, SANDBOX, "ast") == ()
    remapped = rewrite_script(text, SCRIPT.name, SANDBOX, "ast").text
    assert remapped == (
        text.replace("etl.Events", "poc_etl.Events").replace("dbo.Retention", "poc_dbo.Retention")
    )
    assert remapped.count("TOP (") == 3
