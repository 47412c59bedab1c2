"""SQL Server adapter pieces that need no server: drivers, URLs, connection strings,
container settings, batch sending, error locations, the sandbox user's T-SQL."""

from __future__ import annotations

import importlib.abc
import re
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from sqlglot.tokens import TokenType

from etlcheck.engines.mssql import container as mssql_container
from etlcheck.engines.mssql.adapter import (
    SqlServerEngine,
    drop_principal_sql,
    sandbox_principal_sql,
)
from etlcheck.engines.mssql.container import (
    ContainerSettings,
    container_arguments,
    docker_unavailable_reason,
    generate_password,
    make_container,
    mssql_unavailable_reason,
)
from etlcheck.engines.mssql.odbc import (
    ServerAddress,
    choose_driver,
    connection_string,
    discover_driver,
    import_pyodbc,
    parse_mssql_url,
)
from etlcheck.engines.mssql.script import parse_server_error, run_batches
from etlcheck.errors import EngineError, RefusalError, StatementFailed
from etlcheck.testing import engine_required

HERE = Path(__file__).parent
MS18 = "ODBC Driver 18 for SQL Server"
MS17 = "ODBC Driver 17 for SQL Server"


def parse_connection_string(text: str) -> dict[str, str]:
    """Read an ODBC connection string back the way a driver manager does (braces, '}}')."""
    pairs: dict[str, str] = {}
    position = 0
    while position < len(text):
        equals = text.index("=", position)
        key = text[position:equals]
        position = equals + 1
        if text.startswith("{", position):
            value, position = "", position + 1
            while True:
                close = text.index("}", position)
                value += text[position:close]
                if text.startswith("}}", close):
                    value, position = value + "}", close + 2
                    continue
                position = close + 1
                break
        else:
            end = text.find(";", position)
            end = len(text) if end < 0 else end
            value, position = text[position:end], end
        pairs[key.upper()] = value
        position += 1  # the ';'
    return pairs


# --- drivers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("installed", "chosen"),
    [
        (["FreeTDS", MS17, MS18], MS18),
        (["FreeTDS", MS17], MS17),
        (["PostgreSQL Unicode", "FreeTDS"], "FreeTDS"),
        (["ODBC Driver 19 for SQL Server"], "ODBC Driver 19 for SQL Server"),
    ],
)
def test_driver_preference(installed: list[str], chosen: str) -> None:
    assert choose_driver(installed) == chosen


def test_no_driver_says_what_to_install() -> None:
    with pytest.raises(EngineError) as raised:
        choose_driver(["PostgreSQL Unicode"])
    message = str(raised.value)
    assert "PostgreSQL Unicode" in message
    assert "msodbcsql18" in message and "tdsodbc unixodbc" in message


def test_requested_driver_must_be_installed() -> None:
    assert choose_driver([MS17, MS18], MS17) == MS17
    with pytest.raises(EngineError, match=r"FreeTDS.*not installed"):
        choose_driver([MS18], "FreeTDS")


def _fake_pyodbc(drivers: Sequence[str]) -> types.ModuleType:
    module = types.ModuleType("pyodbc")
    module.drivers = lambda: list(drivers)  # type: ignore[attr-defined]
    module.Error = type("Error", (Exception,), {})  # type: ignore[attr-defined]
    return module


def test_discovery_asks_pyodbc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyodbc", _fake_pyodbc(["FreeTDS", MS17]))
    assert discover_driver() == MS17
    monkeypatch.setitem(sys.modules, "pyodbc", _fake_pyodbc([]))
    with pytest.raises(EngineError, match="installed drivers: none"):
        discover_driver()


def test_missing_pyodbc_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyodbc", None)
    with pytest.raises(EngineError, match=r"pip install 'etlcheck\[mssql\]'"):
        import_pyodbc()


class _NoUnixOdbc(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> None:
        if name == "pyodbc":
            raise ImportError("libodbc.so.2: cannot open shared object file")
        return None


def test_missing_unixodbc_library_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "pyodbc", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoUnixOdbc(), *sys.meta_path])
    with pytest.raises(EngineError, match="unixodbc"):
        import_pyodbc()


# --- URLs and connection strings -----------------------------------------------------------


def test_url_parsing_decodes_credentials_and_options() -> None:
    address = parse_mssql_url(
        "mssql://sa:p%40ss%3Bw%7Dord@db.example:14330/etlcheck_ci"
        "?driver=ODBC+Driver+17+for+SQL+Server&Encrypt=no"
    )
    assert (address.host, address.port, address.user) == ("db.example", 14330, "sa")
    assert address.password == "p@ss;w}ord"
    assert address.database == "etlcheck_ci"
    assert address.driver == MS17
    assert address.options == (("Encrypt", "no"),)
    assert "p@ss" not in repr(address) and "p@ss" not in address.redacted()


def test_url_defaults_and_bad_urls() -> None:
    address = parse_mssql_url("mssql://sa:x@localhost")
    assert (address.port, address.database, address.driver) == (1433, "master", None)
    with pytest.raises(EngineError, match="not a SQL Server URL"):
        parse_mssql_url("postgresql://u@h/db")
    with pytest.raises(EngineError, match="no host"):
        parse_mssql_url("mssql:///db")


def test_driver_18_on_localhost_trusts_the_container_certificate() -> None:
    address = ServerAddress("127.0.0.1", 50000, "SA", "pa;ss}{word", "etlcheck_1")
    pairs = parse_connection_string(connection_string(address, MS18))
    assert pairs["DRIVER"] == MS18
    assert pairs["SERVER"] == "127.0.0.1,50000"
    assert pairs["PWD"] == "pa;ss}{word"
    assert pairs["DATABASE"] == "etlcheck_1"
    assert (pairs["ENCRYPT"], pairs["TRUSTSERVERCERTIFICATE"]) == ("yes", "yes")
    assert "TDS_VERSION" not in pairs


def test_driver_18_on_a_remote_host_verifies_the_certificate_unless_told() -> None:
    remote = ServerAddress("db.example", 1433, "u", "p", "ci_db")
    assert (
        parse_connection_string(connection_string(remote, MS18))["TRUSTSERVERCERTIFICATE"] == "no"
    )
    told = parse_mssql_url("mssql://u:p@db.example/ci_db?TrustServerCertificate=yes")
    pairs = parse_connection_string(connection_string(told, MS18))
    assert pairs["TRUSTSERVERCERTIFICATE"] == "yes"
    assert connection_string(told, MS18).count("TrustServerCertificate") == 1


def test_freetds_gets_port_and_tds_version() -> None:
    address = ServerAddress("db.example", 1444, "u", "secret", "test_db")
    pairs = parse_connection_string(connection_string(address, "FreeTDS"))
    assert (pairs["SERVER"], pairs["PORT"]) == ("db.example", "1444")
    assert pairs["TDS_VERSION"] == "7.4"
    assert "ENCRYPT" not in pairs


@pytest.mark.parametrize("driver", [MS18, "FreeTDS"])
def test_sessions_name_the_program_etlcheck_unless_the_url_names_another(driver: str) -> None:
    # APP_NAME() in a script (and program_name in sys.dm_exec_sessions) reads it.
    address = ServerAddress("db.example", 1433, "u", "p", "ci_db")
    assert parse_connection_string(connection_string(address, driver))["APP"] == "etlcheck"
    told = parse_mssql_url("mssql://u:p@db.example/ci_db?APP=nightly")
    assert parse_connection_string(connection_string(told, driver))["APP"] == "nightly"
    assert connection_string(told, driver).count("APP=") == 1


# --- targets, refusal, container -----------------------------------------------------------


def test_production_database_is_refused_before_any_driver_is_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyodbc", None)
    engine = SqlServerEngine("mssql://sa:Secret1!@db.example:1433/Warehouse")
    with pytest.raises(RefusalError) as refused:
        engine.start()
    assert "disposable-target" in str(refused.value) and "Warehouse" in str(refused.value)
    assert "Secret1!" not in str(refused.value)
    assert refused.value.exit_code == 2
    override = SqlServerEngine("mssql://sa:x@db.example/Warehouse", allow_external_target=True)
    with pytest.raises(EngineError, match="pip install"):
        override.start()  # passes the rule, then needs the driver


def test_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETLCHECK_MSSQL_URL", "mssql://sa:Hidden9!@h:1433/etlcheck_env")
    engine = SqlServerEngine()
    assert engine.target is not None and "etlcheck_env" in engine.info.target
    assert "Hidden9!" not in engine.info.target and "Hidden9!" not in repr(engine)


def test_generated_passwords_meet_the_policy_and_stay_hidden() -> None:
    passwords = {generate_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert len(password) == 24
        assert any(c.isupper() for c in password) and any(c.islower() for c in password)
        assert any(c.isdigit() for c in password) and not set(password) & set("'\";{}")
    settings = ContainerSettings()
    assert settings.password not in repr(settings)
    assert settings.image == "mcr.microsoft.com/mssql/server:2022-latest"


def test_container_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = ContainerSettings(image="mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04")
    made: dict[str, Any] = {}

    class FakeContainer:
        def __init__(self, **kwargs: Any) -> None:
            made.update(kwargs)

    monkeypatch.setattr(mssql_container, "_container_class", lambda: FakeContainer)
    make_container(settings)
    assert made == container_arguments(settings)
    assert made["image"].endswith("2022-CU14-ubuntu-22.04")
    assert made["password"] == settings.password and made["port"] == 1433


def test_unreachable_docker_is_an_engine_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_docker(**kwargs: Any) -> None:
        raise OSError("no such file")

    monkeypatch.setattr(mssql_container, "_container_class", lambda: no_docker)
    settings = ContainerSettings()
    with pytest.raises(EngineError) as raised:
        make_container(settings)
    assert settings.password not in str(raised.value)


def test_availability_reasons(tmp_path: Path) -> None:
    missing = {"DOCKER_HOST": f"unix://{tmp_path}/docker.sock", "HOME": str(tmp_path)}
    assert "does not exist" in (docker_unavailable_reason(missing) or "")
    assert mssql_unavailable_reason(None, missing) is not None
    assert mssql_unavailable_reason("mssql://sa:x@h/etlcheck_x", missing) is None
    with_url = {**missing, "ETLCHECK_MSSQL_URL": "mssql://sa:x@h/etlcheck_x"}
    assert mssql_unavailable_reason(None, with_url) is None
    (tmp_path / "docker.sock").touch()
    assert docker_unavailable_reason(missing) is None
    assert engine_required("mssql", {"ETLCHECK_REQUIRE_ENGINE": "postgres, MSSQL"})
    assert not engine_required("mssql", {"ETLCHECK_REQUIRE_ENGINE": "postgres"})


# --- native batches ------------------------------------------------------------------------


class FakeError(Exception):
    pass


class FakeCursor:
    """Records batches; 'PRINT' lines become messages; a batch naming 'missing' fails."""

    def __init__(self, sent: list[str]) -> None:
        self.sent = sent
        self.messages: list[tuple[str, str]] = []
        self.description = None
        self.rowcount = -1

    def execute(self, text: str) -> None:
        self.sent.append(text)
        self.messages = [
            ("[01000] (0)", f"[Microsoft][ODBC Driver 18 for SQL Server][SQL Server]{line[7:-1]}")
            for line in (raw.strip() for raw in text.splitlines())
            if line.upper().startswith("PRINT '")
        ]
        self.rowcount = 2 if "INSERT" in text else -1
        if "missing" in text:
            raise FakeError(
                "42S02",
                "[42S02] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Invalid object "
                "name 'etl.missing'. (208) (SQLExecDirectW)",
            )

    def nextset(self) -> bool:
        self.messages = []
        return False

    def close(self) -> None:
        pass


def test_batches_go_in_order_as_written_with_repeats_and_prints() -> None:
    script = (HERE / "mssql_batches.sql").read_text()
    sent: list[str] = []
    result = run_batches(lambda: FakeCursor(sent), script, Path("mssql_batches.sql"), FakeError)
    assert len(sent) == 5  # three batches, the second sent three times (GO 3)
    assert sent[0].lstrip().startswith("IF SCHEMA_ID")
    assert sent[1] == sent[2] == sent[3]
    positions = [script.index(batch) for batch in (sent[0], sent[1], sent[4])]
    assert positions == sorted(positions)  # sent in order, each exactly as written
    assert not any(
        re.fullmatch(r"\s*go(\s+\d+)?\s*", line, re.IGNORECASE)
        for batch in sent
        for line in batch.splitlines()
    )
    assert result.messages == ("setting up", "inserting", "inserting", "inserting", "done")
    assert result.rows_affected == 6
    assert result.statements == 5


def test_errors_point_at_the_script_line() -> None:
    script = (HERE / "mssql_failing.sql").read_text()
    sent: list[str] = []
    with pytest.raises(StatementFailed) as failed:
        run_batches(lambda: FakeCursor(sent), script, Path("sql/03-staging.sql"), FakeError)
    error = failed.value
    expected_line = script.splitlines().index("INSERT INTO etl.missing (id)") + 1
    assert error.location is not None and error.location.line == expected_line
    assert str(error).startswith(f"sql/03-staging.sql:{expected_line}: SQL Server error 208")
    assert "Invalid object name 'etl.missing'" in str(error)
    assert "[Microsoft]" not in str(error)
    assert error.exit_code == 1
    assert "etl.missing" in error.statement
    assert len(sent) == 2  # stops at the failing batch


def test_server_reported_line_wins() -> None:
    error = FakeError(
        "42000", "[SQL Server]Incorrect syntax near 'x'. Line 4 (102) (SQLExecDirectW)"
    )
    parsed = parse_server_error(error)
    assert (parsed.number, parsed.line) == (102, 4)


# --- least privilege -----------------------------------------------------------------------


def _tokens(statement: str) -> list[tuple[TokenType, str]]:
    return [(token.token_type, token.text) for token in sqlglot.tokenize(statement, read="tsql")]


def test_sandbox_user_sql_grants_sandbox_and_denies_protected() -> None:
    statements = sandbox_principal_sql(
        "etlcheck_run_1", ["poc_etl", "poc]dbo"], ["raw_data", "dbo"], ["etl", "dbo", "raw_data"]
    )
    by_target: dict[str, str] = {}
    for statement in statements:
        tokens = _tokens(statement)
        assert tokens[0][1].upper() in ("CREATE", "GRANT", "DENY")
        identifiers = [text for kind, text in tokens if kind == TokenType.IDENTIFIER]
        assert identifiers[-1 if tokens[0][1] != "CREATE" else 0] == "etlcheck_run_1"
        kinds = [kind for kind, _ in tokens]
        if TokenType.DCOLON in kinds:
            schema_token = tokens[kinds.index(TokenType.DCOLON) + 1]
            assert schema_token[0] == TokenType.IDENTIFIER  # one bracketed name, escapes intact
            by_target[schema_token[1]] = statement
    assert statements[0] == "CREATE USER [etlcheck_run_1] WITHOUT LOGIN"
    assert by_target["poc_etl"].startswith("GRANT CONTROL")
    assert by_target["poc]dbo"].startswith("GRANT CONTROL ON SCHEMA::[poc]]dbo]")
    assert by_target["etl"].startswith("DENY") and "SELECT" in by_target["etl"]
    for readable in ("dbo", "raw_data"):
        assert by_target[readable].startswith("DENY") and "SELECT" not in by_target[readable]
        assert "INSERT" in by_target[readable] and "CONTROL" in by_target[readable]
    grants = [s for s in statements if s.startswith("GRANT SELECT")]
    assert {s.split("::")[1].split()[0] for s in grants} == {"[raw_data]", "[dbo]"}
    assert drop_principal_sql("etlcheck_run_1") == ["DROP USER IF EXISTS [etlcheck_run_1]"]


def test_the_sandbox_user_cannot_create_schemas_so_none_is_left_to_a_step() -> None:
    """Why SQL Server makes every sandbox schema before step 1, even one a step creates:
    its run user is granted no CREATE SCHEMA (a database-wide permission, for any name)."""
    statements = sandbox_principal_sql("etlcheck_run_1", ["poc_etl", "poc_stage"], [], ["etl"])
    assert not any("SCHEMA" in s.split(" ON ")[0] for s in statements if s.startswith("GRANT"))
    assert not SqlServerEngine.principal_creates_schemas
    with pytest.raises(EngineError, match="cannot create the schemas left to steps"):
        SqlServerEngine().create_sandbox_principal(["poc_stage"], left_to_steps=["poc_stage"])
