"""How FOREIGN KEYs are read from T-SQL and recorded in a table comment (no engine)."""

from __future__ import annotations

import pytest
from sqlglot import exp

from etlcheck.tsql.foreign_keys import (
    ForeignKey,
    conflict_message,
    decode_foreign_keys,
    encode_table,
    orphan_sql,
    retarget_comment,
    take_foreign_keys,
)
from etlcheck.tsql.keys import PRIMARY_KEY, Key, UnsupportedKey, decode_keys
from etlcheck.tsql.parsing import parse_tsql

KEY = ForeignKey("FK_f_d", ("a", "b"), "dw", "Dim", ("x", "y"))


def schema_of(sql: str) -> exp.Schema:
    tree = parse_tsql(sql)
    assert isinstance(tree, exp.Create) and isinstance(tree.this, exp.Schema)
    return tree.this


def test_column_and_table_level_keys_are_taken_out_of_the_ddl() -> None:
    schema = schema_of(
        "CREATE TABLE dw.Fact (id INT NOT NULL, a INT REFERENCES dw.Dim (x), b INT,"
        " c INT FOREIGN KEY REFERENCES Other (z),"
        " CONSTRAINT FK_f_d FOREIGN KEY (a, b) REFERENCES dw.Dim (x, y) ON DELETE NO ACTION)"
    )
    keys = take_foreign_keys(schema, "Fact")
    assert keys == (
        ForeignKey("FK__Fact__a", ("a",), "dw", "Dim", ("x",)),
        ForeignKey("FK__Fact__c", ("c",), "dbo", "Other", ("z",)),
        KEY,
    )
    assert "REFERENCES" not in schema.sql(dialect="duckdb")


@pytest.mark.parametrize(
    ("clause", "construct"),
    [
        ("REFERENCES dw.Dim (x) ON DELETE CASCADE", "FOREIGN KEY ... ON DELETE CASCADE"),
        ("REFERENCES dw.Dim", "FOREIGN KEY ... REFERENCES without the referenced columns"),
        ("REFERENCES other.dw.Dim (x)", "FOREIGN KEY to a table of another database"),
    ],
)
def test_what_cannot_be_enforced_is_named(clause: str, construct: str) -> None:
    schema = schema_of(f"CREATE TABLE dw.Fact (a INT {clause})")
    with pytest.raises(UnsupportedKey) as refused:
        take_foreign_keys(schema, "Fact")
    assert refused.value.construct == construct


def test_the_comment_records_keys_and_foreign_keys_and_reads_them_back() -> None:
    keys = (Key("PK_f", PRIMARY_KEY, ("id",)),)
    comment = encode_table(keys, (KEY,))
    assert decode_keys(comment) == keys
    assert decode_foreign_keys(comment) == (KEY,)
    assert decode_foreign_keys("a comment of the user's") == ()
    assert decode_foreign_keys('etlcheck:{"keys":[],"foreign_keys":[{"name":1}]}') == ()


def test_a_clone_refers_to_the_copied_parent_or_to_none() -> None:
    other = ForeignKey("FK_f_o", ("c",), "ref", "Currency", ("code",))
    comment = encode_table((), (KEY, other))
    moved = retarget_comment(comment, {("dw", "dim"): "poc_dw"})
    assert decode_foreign_keys(moved) == (KEY.moved("poc_dw"),)


def test_the_orphan_query_skips_null_keys_and_the_message_is_sql_servers() -> None:
    sql = orphan_sql(("dw", "Fact"), KEY)
    assert 'c."a" IS NOT NULL AND c."b" IS NOT NULL' in sql
    assert 'p."x" = c."a" AND p."y" = c."b"' in sql
    assert conflict_message("UPDATE", KEY, "db", ("dw", "Fact"), True) == (
        'The UPDATE statement conflicted with the REFERENCE constraint "FK_f_d". The '
        'conflict occurred in database "db", table "dw.Fact", column \'a\'.'
    )
