"""Passwords are scrubbed from every text etlcheck shows: URLs by their shape, and the
passwords of URLs it parsed wherever they appear (a driver's error, a conninfo)."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys

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


TAKE_THE_OPTIONS = """
import pickle, sys
from etlcheck.redaction import redact
options = pickle.loads(sys.stdin.buffer.read())
line = "could not connect: Marmalade-Heron-7 / Quince-Otter-4"
print(redact(line))
options.register_secrets()
print(redact(line))
"""


def test_options_taken_from_another_process_register_their_passwords_again() -> None:
    """An xdist worker gets the run's options from the controller: the passwords of the
    URLs in them are scrubbed there too, once it has the options."""
    from dataclasses import replace
    from pathlib import Path

    from etlcheck.config import load_config
    from etlcheck.config_values import DatabaseSource
    from etlcheck.options import RunOptions

    root = Path(__file__).resolve().parents[2]
    options = replace(
        RunOptions.from_config(load_config(root / "etlcheck.toml")),
        db="postgresql://runner:Marmalade-Heron-7@ci-db/etlcheck_x",
        seed_sources=(DatabaseSource(kind="database", url="mssql://sa:Quince-Otter-4@prod/x"),),
    )
    child = subprocess.run(
        [sys.executable, "-c", TAKE_THE_OPTIONS],
        input=pickle.dumps(options),
        capture_output=True,
        check=True,
    )
    before, after = child.stdout.decode().splitlines()
    assert "Marmalade-Heron-7" in before, "the child must start without the secrets"
    assert after == "could not connect: *** / ***"
