"""Every conformance script on every engine: it prints what SQL Server documents, or,
where the engine cannot run a construct faithfully, the compatibility pass reports it at
the expected place and the interpreter refuses it there too (never a raw engine error).

DuckDB runs each script on a fresh in-memory database; PostgreSQL and SQL Server on one
server for the module (the scripts drop what they create first). SQL Server runs them
natively, where a server is available (ETLCHECK_MSSQL_URL or Docker).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from tests.tsql.conformance.conformance_scripts import (
    ENGINES,
    README_MATRIX_NOTE,
    Script,
    matrix_markdown,
    scripts,
)

ROOT = Path(__file__).resolve().parents[3]
_MARKS = {
    "duckdb": pytest.mark.duckdb,
    "postgres": pytest.mark.postgres,
    "mssql": pytest.mark.mssql,
}


def _cases() -> list[object]:
    return [
        pytest.param(script, engine, id=f"{script.name}-{engine}", marks=_MARKS[engine])
        for script in scripts()
        for engine in ENGINES
    ]


@pytest.mark.parametrize(("script", "engine_name"), _cases())
def test_conformance(
    script: Script,
    engine_name: str,
    request: pytest.FixtureRequest,
    record_property: pytest.RecordProperty,
) -> None:
    expected = script.compat.get(engine_name, ())
    if engine_name == "duckdb":
        with DuckDBEngine(None) as engine:
            cell = _check(script, engine_name, engine, expected)
    else:
        engine = request.getfixturevalue(f"{engine_name}_engine")
        cell = _check(script, engine_name, engine, expected)
    record_property("conformance", (script.construct, engine_name, cell))


def _check(script: Script, engine_name: str, engine: Engine, expected: tuple) -> str:
    path = Path(script.path.name)
    findings = check_script(script.text, path, engine_name)
    found = [(f.location.line, f.location.column, f.message) for f in findings]
    assert [(line, column) for line, column, _ in found] == [
        (e.line, e.column) for e in expected
    ], f"compat findings on {engine_name}: {found}"
    for (_, _, message), wanted in zip(found, expected, strict=True):
        assert message.startswith(wanted.message), message
    if expected:
        with pytest.raises(UnsupportedConstruct) as refused:
            engine.run_script(script.text, path)
        location = refused.value.location
        assert location is not None
        assert (location.line, location.column) == (expected[0].line, expected[0].column)
        return "compat finding, tested"
    result = engine.run_script(script.text, path)
    assert list(result.messages) == list(script.prints)
    return "runs, tested"


def test_the_readme_shows_the_matrix_the_scripts_prove() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert matrix_markdown() in readme, README_MATRIX_NOTE


def test_every_script_documents_something_to_check() -> None:
    for script in scripts():
        assert script.documented.startswith("https://learn.microsoft.com/"), script.name
        assert script.prints, f"{script.name} prints nothing SQL Server documents"


def test_the_readme_lists_every_construct_that_runs_and_every_refused_clause() -> None:
    from etlcheck.tsql.emulation.support import CLAUSES, FUNCTIONS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for faithful in FUNCTIONS:
        for name in faithful.name.split(" (")[0].split(" / "):
            assert f"`{name}`" in readme, name
    for clause, _ in CLAUSES:
        assert clause in readme, clause
