from __future__ import annotations

from etlcheck.wording import counted


def test_one_is_singular_and_others_plural() -> None:
    assert counted(1, "table") == "1 table"
    assert counted(0, "table") == "0 tables"
    assert counted(12_263, "row") == "12,263 rows"


def test_an_irregular_plural_is_given() -> None:
    assert counted(2, "property", "properties") == "2 properties"
    assert counted(1, "property", "properties") == "1 property"
