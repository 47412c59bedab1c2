"""The pieces behind the emulated constructs, on their own: reading an OUTPUT clause,
LIKE patterns as regular expressions, RAISERROR's printf, WAITFOR's time string,
sp_executesql's parameters and FORMAT's date patterns."""

from __future__ import annotations

import re

import pytest

from etlcheck.tsql.commands import delay_seconds
from etlcheck.tsql.dynamic import bind_parameters, declared_parameters
from etlcheck.tsql.emulation.formats import date_pieces
from etlcheck.tsql.emulation.patterns import like_regex
from etlcheck.tsql.nodes import Fragment
from etlcheck.tsql.output_clause import output_clause
from etlcheck.tsql.parsing import CompileError, parse_tsql
from etlcheck.tsql.raiserror import format_message, raise_error
from etlcheck.tsql.scope import TsqlError


@pytest.mark.parametrize(
    ("statement", "columns", "into"),
    [
        (
            "DELETE FROM t OUTPUT deleted.a INTO dbo.audit (x) WHERE a = 1",
            "deleted.a",
            "dbo.audit (x)",
        ),
        ("INSERT INTO t (a) OUTPUT inserted.a INTO log (a) VALUES (1)", "inserted.a", "log (a)"),
        ("INSERT INTO t OUTPUT inserted.* SELECT 1", "inserted.*", ""),
        (
            "UPDATE t SET a = 1 OUTPUT deleted.a, inserted.a FROM t JOIN u ON 1 = 1",
            "deleted.a, inserted.a",
            "",
        ),
        ("MERGE t USING s ON 1 = 1 WHEN MATCHED THEN DELETE OUTPUT $action;", "$action", ""),
        (
            "INSERT INTO t (a) OUTPUT CASE WHEN inserted.a > 1 THEN 1 END INTO @t (SELECT 1)",
            "CASE WHEN inserted.a > 1 THEN 1 END",
            "@t",
        ),
    ],
)
def test_output_clauses_are_read_from_the_tokens(statement: str, columns: str, into: str) -> None:
    clause = output_clause(statement)
    assert clause is not None
    assert (clause.columns, clause.into) == (columns, into)
    parse_tsql(statement)


def test_a_select_has_no_output_clause_and_output_elsewhere_is_refused() -> None:
    assert output_clause("SELECT output FROM t") is None
    with pytest.raises(CompileError):
        parse_tsql("CREATE TABLE t (a INT) OUTPUT inserted.a")


@pytest.mark.parametrize(
    ("pattern", "escape", "matches", "misses"),
    [
        ("[CK]ars[eo]n", None, ["Carsen", "karson"], ["Larsen", "Carsens"]),
        ("[^0-9.]%", None, ["a1", "-"], ["1a", ".5"]),
        ("%30!%%", "!", ["save 30% now"], ["save 30 now"]),
        ("a.b_c", None, ["a.bXc"], ["aXbXc"]),
        ("[%]", None, ["%"], ["x"]),
        ("(a|b)*", None, ["(a|b)*"], ["(a|b)xyz", "ab"]),
        ("[abc", None, ["[abc"], ["a"]),
    ],
)
def test_like_patterns_as_regular_expressions(
    pattern: str, escape: str | None, matches: list[str], misses: list[str]
) -> None:
    regex = re.compile(like_regex(pattern, escape), re.IGNORECASE | re.DOTALL)
    assert all(regex.fullmatch(text) for text in matches)
    assert not any(regex.fullmatch(text) for text in misses)


def test_raiserror_formats_like_printf_and_refuses_mismatched_arguments() -> None:
    assert format_message("%d%% of %s", [50, "rows"]) == "50% of rows"
    assert format_message("[%-4s|%04d|%+d|%x]", ["ab", 7, 3, 255]) == "[ab  |0007|+3|ff]"
    assert format_message("%s and %s", ["one"]) == "one and (null)"
    with pytest.raises(TsqlError) as mismatch:
        format_message("%d", ["not a number"])
    assert mismatch.value.number == 2786


def test_raiserror_severity_state_and_length_rules() -> None:
    message = raise_error("x", 30, -3, [], frozenset(["LOG"]))
    assert (message.severity, message.state, message.error_number) == (25, 1, 50000)
    assert raise_error("x", 10, 1, [], frozenset()).error_number == 0
    assert raise_error("x", 10, 1, [], frozenset(["SETERROR"])).error_number == 50000
    long = raise_error("y" * 3000, 16, 1, [], frozenset()).message
    assert len(long) == 2047 and long.endswith("...")
    with pytest.raises(TsqlError) as high:
        raise_error("x", 19, 1, [], frozenset())
    assert high.value.number == 2754


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("00:00:01", 1.0), ("00:01", 60.0), ("01:00:00.5", 3600.5), ("0:0:0.250", 0.25)],
)
def test_waitfor_delay_times(text: str, seconds: float) -> None:
    assert delay_seconds(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["soon", "24:00", "00:61", "1", None])
def test_waitfor_delay_refuses_other_times_with_error_148(text: str | None) -> None:
    with pytest.raises(TsqlError) as refused:
        delay_seconds(text)
    assert refused.value.number == 148


def test_sp_executesql_parameters_by_position_name_and_output() -> None:
    assert declared_parameters("@a INT, @b DECIMAL(10, 2) OUTPUT, @c NVARCHAR(5) OUT") == [
        ("@a", "INT", False),
        ("@b", "DECIMAL(10, 2)", True),
        ("@c", "NVARCHAR(5)", True),
    ]
    bound = bind_parameters(
        "@a INT, @b INT OUTPUT", (Fragment("1", 0), Fragment("@b = @total OUTPUT", 3))
    )
    assert [(p.name, p.receiver) for p in bound] == [("@a", None), ("@b", "@total")]
    with pytest.raises(TsqlError) as not_output:
        bind_parameters("@a INT", (Fragment("@a = @x OUTPUT", 0),))
    assert not_output.value.number == 8162
    with pytest.raises(TsqlError) as unknown:
        bind_parameters("@a INT", (Fragment("@z = 1", 0),))
    assert unknown.value.number == 8145


def test_format_date_patterns_split_into_tokens_and_text() -> None:
    assert date_pieces("dd/MM/yyyy 'at' h:mm tt") == [
        ("token", "dd"), ("text", "/"), ("token", "MM"), ("text", "/"), ("token", "yyyy"),
        ("text", " "), ("text", "at"), ("text", " "), ("token", "h"), ("text", ":"),
        ("token", "mm"), ("text", " "), ("token", "tt"),
    ]  # fmt: skip
    with pytest.raises(CompileError):
        date_pieces("yyyy-MM-dd zzz")
