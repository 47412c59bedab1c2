"""Passwords are scrubbed from every text etlcheck shows: URLs by their shape, and the
passwords of URLs it parsed wherever they appear (a driver's error, a conninfo)."""

from __future__ import annotations

import io

from etlcheck.redaction import (
    RedactingStream,
    redact,
    redact_document,
    redact_url,
    register_url,
)


def test_a_url_password_is_masked_even_with_an_at_sign_in_it() -> None:
    assert redact_url("postgresql://etl:p@ss@db1:5432/x") == "postgresql://etl:***@db1:5432/x"
    assert redact_url("see mssql://sa:pw@h/d and mssql://u@h/d") == (
        "see mssql://sa:***@h/d and mssql://u@h/d"
    )


def test_a_registered_password_is_masked_anywhere() -> None:
    register_url("mssql://sa:Hyacinth%2Bbucket@db1/etlcheck_x")
    text = "login failed: PWD={Hyacinth+bucket};UID=sa and Hyacinth%2Bbucket"
    assert redact(text) == "login failed: PWD={***};UID=sa and ***"


def test_reports_and_the_terminal_are_redacted() -> None:
    register_url("postgresql://reader:Tangerine-Quokka@replica/prod")
    document = {"seed": {"sources": [{"error": "Tangerine-Quokka", "n": 3}]}}
    assert redact_document(document) == {"seed": {"sources": [{"error": "***", "n": 3}]}}
    buffer = io.StringIO()
    RedactingStream(buffer).write("connecting with Tangerine-Quokka\n")
    assert buffer.getvalue() == "connecting with ***\n"
