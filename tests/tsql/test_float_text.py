"""A float or real converted to text, beyond its conformance script, on both interpreting
engines: where style 0 switches to scientific notation (C's ``%g`` with 6 digits, a
three-digit exponent), negative numbers, arithmetic on a float the statement shows,
TRY_CAST of a number too long for its text, and the forms refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import UnsupportedConstruct
from tests.engine_params import BOTH_ENGINES, started_engine
from tests.tsql.tsql_scripts import rejected, run


@pytest.fixture(scope="module", params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with started_engine(request.param, dbo=False) as started:
        yield started


@pytest.mark.parametrize(
    ("literal", "text"),
    [
        ("123456E0", "123456"),
        ("100000E0", "100000"),
        ("1000000E0", "1e+006"),
        ("999999.5E0", "1e+006"),
        ("0.0001E0", "0.0001"),
        ("0.00001E0", "1e-005"),
        ("0.000123456789E0", "0.000123457"),
        ("-58.3921465762225E0", "-58.3921"),
        ("1E0 / 3", "0.333333"),
        ("0E0", "0"),
        ("12.5E0", "12.5"),
        ("1E308", "1e+308"),
        ("-1E-300", "-1e-300"),
    ],
)
def test_style_0_writes_six_digits_as_c_percent_g_does(
    engine: Engine, literal: str, text: str
) -> None:
    assert run(engine, f"PRINT CAST({literal} AS VARCHAR(30));") == (text,)


def test_styles_1_and_2_always_write_8_and_16_digits_in_scientific_notation(
    engine: Engine,
) -> None:
    script = (
        "DECLARE @f FLOAT(53) = -0.1;\n"
        "PRINT CONVERT(VARCHAR(30), @f, 1) + '|' + CONVERT(NVARCHAR(30), @f, 2);\n"
        "PRINT CONVERT(VARCHAR(30), CAST(12 AS FLOAT(53)), 1);\n"
        "PRINT CONVERT(VARCHAR(30), 1E-300, 2);"
    )
    assert run(engine, script) == (
        "-1.0000000e-001|-1.000000000000000e-001",
        "1.2000000e+001",
        "1.000000000000000e-300",
    )


def test_a_real_and_arithmetic_on_a_float_the_statement_shows(engine: Engine) -> None:
    script = (
        "DECLARE @r REAL = 2, @f FLOAT = 1234567, @n INT = 3, @d DECIMAL(5, 2) = 1.5;\n"
        "PRINT CONCAT(@r / 3, '|', @f * @d, '|', -@f / @n, '|', CONVERT(VARCHAR(20), @r, 0));"
    )
    assert run(engine, script) == ("0.666667|1.85185e+006|-411522|2",)


def test_text_too_short_for_the_number_is_an_error_or_null_for_try_cast(engine: Engine) -> None:
    script = "DECLARE @f FLOAT = 1234567;\nPRINT ISNULL(TRY_CAST(@f AS VARCHAR(11)), 'null');"
    assert run(engine, script) == ("null",)
    script = "DECLARE @none FLOAT;\nPRINT ISNULL(CAST(@none AS VARCHAR(3)), 'null');"
    assert run(engine, script) == ("null",)
    failure = rejected(engine, "PRINT CONVERT(NVARCHAR(3), 12345E0);")
    assert "Arithmetic overflow error converting float to data type nvarchar." in str(failure)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("CONVERT(VARCHAR(30), 1E0, 3)", "CONVERT: style 3 of a float to text is not emulated"),
        ("CONVERT(VARCHAR(30), 1E0, 128)", "CONVERT: style 128 of a float to text"),
        ("CONVERT(VARCHAR(30), @r, 1)", "CONVERT: style 1 of a real (the engines hold a real"),
        (
            "CONVERT(VARCHAR(30), CAST(1 AS FLOAT), 2)",
            "CONVERT: style 2 of a float or real (sqlglot reads REAL as FLOAT: CAST to FLOAT(53)",
        ),
    ],
)
def test_styles_whose_form_is_not_pinned_down_are_refused(
    engine: Engine, expression: str, message: str
) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, f"DECLARE @r REAL = 1;\nPRINT {expression};")
    assert "t.sql:2:7" in str(raised.value)
    assert message in str(raised.value)


def test_str_rounds_and_right_justifies_a_number_whose_rounding_is_certain(engine: Engine) -> None:
    script = (
        "DECLARE @price FLOAT = 19.99, @none FLOAT;\n"
        "PRINT N'[' + STR(@price, 8, 2) + STR(-12.345, 8, 2) + STR(0.001, 6, 3) + N']';\n"
        "PRINT N'[' + STR(99.96, 2, 1) + STR(-7, 1) + STR(1E20) + N']';\n"
        "PRINT ISNULL(STR(@none), N'null');"
    )
    assert run(engine, script) == (
        "[   19.99  -12.35 0.001]",
        "[" + "*" * 13 + "]",
        "null",
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("STR(2.5)", "STR: a number halfway between two results at its decimals"),
        ("STR(0.15, 5, 1)", "STR: a number halfway between two results at its decimals"),
        ("STR(1E0 / 3, 20, 16)", "or of more than 15 digits, is not emulated"),
        ("STR(123.45, 4, 2)", "STR: a number that fits its length only with fewer decimals"),
    ],
)
def test_str_of_a_number_whose_result_is_not_documented_fails_when_it_runs(
    engine: Engine, call: str, message: str
) -> None:
    assert message in str(rejected(engine, f"PRINT {call};"))


def test_str_with_a_length_that_is_not_a_constant_is_refused(engine: Engine) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, "DECLARE @l INT = 5;\nPRINT STR(1, @l);")
    assert "STR: a length or a number of decimals that is not a constant" in str(raised.value)
