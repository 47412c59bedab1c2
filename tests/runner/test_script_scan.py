"""Whether a step manages its own transactions (then it runs without a step transaction)."""

from __future__ import annotations

import pytest

from etlcheck.script_scan import manages_transactions

PROCEDURE = (
    "CREATE OR ALTER PROCEDURE etl.load AS\nBEGIN\n    BEGIN TRANSACTION;\n"
    "    INSERT INTO etl.t VALUES (1);\n    COMMIT;\nEND\n"
)


@pytest.mark.parametrize(
    ("script", "manages"),
    [
        ("BEGIN TRAN;\nINSERT INTO etl.t VALUES (1);\nCOMMIT;\n", True),
        ("INSERT INTO etl.t VALUES (1);\nIF @@ERROR <> 0 ROLLBACK;\n", True),
        ("SET IMPLICIT_TRANSACTIONS ON;\n", True),
        ("SAVE TRANSACTION before_load;\n", True),
        # defining a routine runs none of its body: the step keeps its transaction
        (PROCEDURE, False),
        (PROCEDURE + "GO\nCREATE FUNCTION etl.f() RETURNS INT AS BEGIN RETURN 1; END\n", False),
        ("CREATE TRIGGER etl.tr ON etl.t AFTER INSERT AS ROLLBACK;\n", False),
        ("ALTER PROC etl.load AS COMMIT;\n", False),
        # ... but a batch of its own that commits does
        (PROCEDURE + "GO\nEXEC etl.load;\nCOMMIT;\n", True),
        ("-- BEGIN TRAN in a comment\nPRINT N'COMMIT';\n", False),
    ],
)
def test_transactions_are_read_outside_routine_bodies(script: str, manages: bool) -> None:
    assert manages_transactions(script) is manages
