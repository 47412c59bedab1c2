"""Steps that are procedure calls: ``[[phases]] steps = ["EXEC etl.usp_load_all"]``.

A call is a step like a script: it is remapped, linted and run, and every place reported
in it is its place in etlcheck.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import load_config
from etlcheck.errors import ConfigError
from etlcheck.pipeline import Pipeline, is_call

CONFIG = """\
[project]
name = "calls"

[sandbox]
schemas = { etl = "poc_etl", dbo = "poc_dbo" }

[[phases]]
name = "setup"
steps = ["procs.sql"]

[[phases]]
name = "load"
steps = [
    "EXEC etl.usp_load_all @mode = N'full'",
    "after.sql",
]
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sql").mkdir(exist_ok=True)
    path = tmp_path / "etlcheck.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_phase_lists_scripts_and_calls_in_order(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, CONFIG))
    steps = Pipeline.from_config(config).steps
    assert [(s.number, s.phase, s.name, s.is_call) for s in steps] == [
        (1, "setup", "procs.sql", False),
        (2, "load", "EXEC etl.usp_load_all @mode = N'full'", True),
        (3, "load", "after.sql", False),
    ]
    call = steps[1]
    assert call.path == config.source
    assert call.location is not None and (call.location.line, call.location.column) == (14, 6)
    text = call.read()
    assert text.splitlines()[13] == "     EXEC etl.usp_load_all @mode = N'full'"
    assert Pipeline.from_config(config).scripts == (steps[0], steps[2])


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("EXEC etl.usp_load", True),
        ("execute dbo.p 1, 2", True),
        ("  EXEC\tetl.p", True),
        ("exec_load.sql", False),
        ("EXEC load.sql", False),
        ("sql/10-load.sql", False),
    ],
)
def test_which_entries_are_calls(entry: str, expected: bool) -> None:
    assert is_call(entry) is expected


@pytest.mark.parametrize(
    "entry",
    [
        "EXEC ('DROP TABLE etl.t')",
        "EXEC etl.p; EXEC etl.q",
        "EXEC @name",
        "EXEC sp_executesql N'SELECT 1'",
    ],
)
def test_a_step_that_is_no_single_procedure_call_is_refused_at_its_place(
    tmp_path: Path, entry: str
) -> None:
    written = "\"EXEC etl.usp_load_all @mode = N'full'\""
    config_path = write(tmp_path, CONFIG.replace(written, f"'''{entry}'''"))
    with pytest.raises(ConfigError) as raised:
        Pipeline.from_config(load_config(config_path))
    assert "is not a procedure call" in raised.value.message
    assert raised.value.location is not None
    assert (raised.value.location.line, raised.value.location.column) == (14, 5)


def test_steps_and_scripts_together_are_refused(tmp_path: Path) -> None:
    text = CONFIG.replace('steps = ["procs.sql"]', 'steps = ["procs.sql"]\nscripts = ["x.sql"]')
    with pytest.raises(ConfigError, match="give steps or scripts, not both") as raised:
        load_config(write(tmp_path, text))
    assert raised.value.location is not None and raised.value.location.line == 7


def test_a_phase_without_steps_is_refused(tmp_path: Path) -> None:
    text = CONFIG.replace('steps = ["procs.sql"]\n', "")
    with pytest.raises(ConfigError, match="needs steps"):
        load_config(write(tmp_path, text))


def test_a_call_listed_twice_is_refused_at_its_second_place(tmp_path: Path) -> None:
    text = CONFIG.replace('"after.sql",', "\"EXEC etl.usp_load_all @mode = N'full'\",")
    with pytest.raises(ConfigError, match="listed twice") as raised:
        load_config(write(tmp_path, text))
    assert raised.value.location is not None and raised.value.location.line == 15
