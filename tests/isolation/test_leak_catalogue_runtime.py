"""The leak catalogue, proven at run time: remapped fixtures run on DuckDB stay in the sandbox.

``test_leak_catalogue.py`` checks the catalogue as text (the remapped script, the lint
findings). Here every fixture that is *remapped* (it has a ``.remapped.sql``) runs
through the T-SQL interpreter on a DuckDB database that holds the same few tables and
rows in the production schemas (``etl``, ``dbo``, ``raw_data``) and in their sandbox
twins (``poc_*``). Fingerprints of both sides, taken before and after, must show:

- production unchanged (a clean diff, and no index created or dropped there);
- the sandbox changed, unless the fixture only reads (``READ_ONLY``);
- with production schemas left *empty*, the remapped script still runs: every name it
  reads or writes resolves to the sandbox, none to production.

So the check can fail, the original (unremapped) text of every writing fixture must
change production, and the incident's regex rewrite must leak on exactly the fixtures in
``REGEX_LEAKS``.

Not run here, listed below with one reason each:

- ``TEXTUAL_ONLY``: fixtures the interpreter rejects with ``UnsupportedConstruct``
  (triggers, ``OUTPUT INTO``, ``CREATE SCHEMA ... AUTHORIZATION``, ``ALTER SCHEMA ...
  TRANSFER``, ``GRANT``), ``49`` which calls a procedure and a function it does not define,
  and ``01`` which is no runnable batch on SQL Server either (``57`` is its runnable form).
  They are proven by the textual catalogue only.
- ``XFAIL``: T-SQL the interpreter should run but does not (``DROP INDEX ... ON``,
  ``ALTER VIEW``, ``DELETE`` without ``FROM``): strict expected failures, so a fix in
  ``etlcheck/tsql`` turns them into errors until the mark is removed.
- Fixtures *reported* by lint instead of remapped (no ``.remapped.sql``): lint refuses
  them before any run, so there is nothing to run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import EtlcheckError, StatementFailed
from etlcheck.isolation.diff import FingerprintDiff, diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas
from etlcheck.isolation.rewrite import rewrite_script

pytestmark = pytest.mark.duckdb

HERE = Path(__file__).parent
LEAKS = HERE / "leaks"
CLEAN = HERE / "clean"
SANDBOX = SandboxConfig(
    schema_map={"etl": "poc_etl", "dbo": "poc_dbo", "raw_data": "poc_raw_data"},
    protected=("etl", "dbo", "raw_data"),
)
PROTECTED = tuple(SANDBOX.schema_map)
SANDBOXES = tuple(SANDBOX.schema_map.values())
EVERY_SCHEMA = (*PROTECTED, *SANDBOXES)

TABLES = """
CREATE TABLE {s}.stg_brokers (id INT, name VARCHAR, a INT);
INSERT INTO {s}.stg_brokers VALUES (1, 'one', 1), (2, 'two', 2), (5, 'five', 5), (-1, 'neg', 0);
CREATE TABLE {s}.brokers (id INT, name VARCHAR, a INT);
INSERT INTO {s}.brokers VALUES (1, 'ONE', 1), (2, 'TWO', 2), (3, 'THREE', 3), (-1, 'NEG', 0);
CREATE TABLE {s}.policies (id INT, broker_id INT);
INSERT INTO {s}.policies VALUES (10, 1), (11, 2);
CREATE TABLE {s}.stg_policies (id INT, broker_id INT);
INSERT INTO {s}.stg_policies VALUES (10, 1);
CREATE TABLE {s}.notes (txt VARCHAR);
CREATE TABLE {s}.deleted_log (id INT);
CREATE TABLE {s}.deleted_brokers (id INT);
CREATE TABLE {s}."etl.stg_brokers" (id INT);
INSERT INTO {s}."etl.stg_brokers" VALUES (7);
"""
"""Every table any remapped fixture touches, created in each schema (DuckDB SQL, {s} = schema)."""

TEXTUAL_ONLY: dict[str, str] = {
    "01-incident-schema-setup": (
        "not a runnable batch on SQL Server either (CREATE SCHEMA must start a batch, and the "
        "interpreter enforces it); 57-incident-setup-in-batches is its runnable form"
    ),
    "16-output-into": "DELETE ... OUTPUT ... INTO: sqlglot cannot parse it (lint reports it too)",
    "18-create-schema-authorization": "CREATE SCHEMA ... AUTHORIZATION: DuckDB has no owners",
    "19-alter-schema-transfer": "ALTER SCHEMA ... TRANSFER: not supported by the interpreter",
    "38-trigger-pseudo-tables": "CREATE TRIGGER: the interpreter has no triggers",
    "48-grant-on-schema": "GRANT / ALTER AUTHORIZATION: DuckDB has no permissions",
    "64-create-schema-with-grant": "GRANT: DuckDB has no permissions",
    "49-exec-procedure-and-table-function": (
        "calls etl.load_brokers and etl.fn_active, which it does not define: error 2812 on "
        "SQL Server too"
    ),
}
"""Remapped fixtures the DuckDB interpreter cannot run; proven textually only."""

READ_ONLY = frozenset(
    {
        "02-bare-two-part",
        "03-bracketed-two-part",
        "04-quoted-two-part",
        "22-information-schema",
        "23-schema-name-compare",
        "25-sp-executesql-constant",
        "28-temp-tables-variables-untouched",
        "29-comments-and-strings-look-like-names",
        "30-dotted-single-identifier",
        "31-case-differences",
        "32-trailing-space-in-brackets",
        "34-go-inside-string",
        "35-name-split-across-lines",
        "37-three-part-column",
    }
)
"""Fixtures that only read: the sandbox must stay unchanged too."""

REGEX_LEAKS = frozenset(
    {
        "20-schema-id-literal",
        "26-nested-dynamic-sql",
        "27-unqualified-qualified-into-dbo-sandbox",
        "50-case-differences-write",
        "52-dotted-single-identifier-write",
        "54-go-inside-string-write",
        "56-schema-literal-unicode-and-case",
        "57-incident-setup-in-batches",
        "58-alter-table-drop-view",
        "59-unqualified-writes",
        "61-delete-without-from",
        "62-create-schema-with-objects",
    }
)
"""Writing fixtures on which the incident's regex rewrite writes into production."""

NO_CONTROL: dict[str, str] = {
    "51-spaces-in-brackets-write": (
        "SQL Server ignores trailing spaces in [etl ], DuckDB does not: the original text "
        "names a schema that does not exist there, so it fails instead of leaking"
    ),
}
"""Writing fixtures whose original text cannot show a leak on DuckDB."""

XFAIL: dict[str, str] = {}
"""Remapped fixtures that fail at run time because of a bug in etlcheck (strict xfail)."""


@dataclass(frozen=True)
class Arrangement:
    """How the database looks before a fixture runs, beyond the shared ``TABLES``."""

    absent: tuple[str, ...] = ()
    """Production schemas that do not exist at all (nor their sandbox twins)."""
    bare: tuple[str, ...] = ()
    """Production schemas that exist without tables (and their sandbox twins)."""
    extra: str = ""
    """DuckDB SQL run in every populated schema after ``TABLES`` ({s} = schema)."""


ARRANGEMENTS: dict[str, Arrangement] = {
    "11-create-table-references": Arrangement(
        extra="ALTER TABLE {s}.stg_brokers ADD PRIMARY KEY (id)"
    ),
    "15-drop-table-if-exists": Arrangement(extra="CREATE TABLE {s}.stg_groups (id INT)"),
    "20-schema-id-literal": Arrangement(absent=("raw_data",)),
    "26-nested-dynamic-sql": Arrangement(bare=("etl",)),
    "39-drop-index-on": Arrangement(
        extra="CREATE INDEX ix_policies ON {s}.stg_policies (broker_id)"
    ),
    "56-schema-literal-unicode-and-case": Arrangement(absent=("raw_data",)),
    "57-incident-setup-in-batches": Arrangement(absent=("etl",)),
    "62-create-schema-with-objects": Arrangement(absent=("etl",)),
    "58-alter-table-drop-view": Arrangement(
        extra="CREATE VIEW {s}.v_brokers AS SELECT id FROM {s}.brokers"
    ),
    "60-alter-view": Arrangement(
        extra="CREATE VIEW {s}.v_policies AS SELECT id FROM {s}.stg_policies"
    ),
}


CLEAN_ARRANGEMENTS = {"already-sandboxed": Arrangement(bare=("etl",))}
"""``already-sandboxed.sql`` creates ``poc_etl.stg_brokers`` itself."""
CLEAN_WRITERS = frozenset({"already-sandboxed", "exec-national-constant"})
"""Clean scripts that write to the sandbox (``temp-and-variables`` writes a temp table only)."""


@dataclass(frozen=True)
class Outcome:
    """What one run did to production and to the sandbox."""

    production: FingerprintDiff
    sandbox: FingerprintDiff
    production_indexes: tuple[set[tuple[str, str]], set[tuple[str, str]]]
    sandbox_indexes: tuple[set[tuple[str, str]], set[tuple[str, str]]]
    error: EtlcheckError | None = None

    @property
    def production_changed(self) -> bool:
        before, after = self.production_indexes
        return not self.production.is_clean or before != after

    @property
    def sandbox_changed(self) -> bool:
        before, after = self.sandbox_indexes
        return not self.sandbox.is_clean or before != after

    def explain(self) -> str:
        lines = [*self.production.sentences, *self.sandbox.sentences]
        return "; ".join(lines) + (f" [error: {self.error}]" if self.error else "")


def _twin(schema: str) -> str:
    return SANDBOX.sandbox_of(schema) or schema


def _indexes(engine: DuckDBEngine, schemas: Sequence[str]) -> set[tuple[str, str]]:
    rows = engine.query("SELECT schema_name, index_name FROM duckdb_indexes()").rows
    wanted = {name.lower() for name in schemas}
    return {(schema, index) for schema, index in rows if schema.lower() in wanted}


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        yield started


def arrange(engine: DuckDBEngine, arrangement: Arrangement, production_tables: bool = True) -> None:
    """Create the six schemas with the shared tables, as ``arrangement`` says."""
    absent = {name for schema in arrangement.absent for name in (schema, _twin(schema))}
    bare = {name for schema in arrangement.bare for name in (schema, _twin(schema))}
    if not production_tables:
        bare |= set(PROTECTED) - absent
    for schema in EVERY_SCHEMA:
        if schema in absent:
            engine.drop_schema(schema)
            continue
        engine.create_schema(schema)
        if schema in bare:
            continue
        script = TABLES + (arrangement.extra + ";" if arrangement.extra else "")
        for statement in script.format(s=schema).split(";"):
            if statement.strip():
                engine.execute(statement)


def run_fingerprinted(
    engine: DuckDBEngine, text: str, path: Path, *, expect_error: bool
) -> Outcome:
    """Run ``text`` between two fingerprints of production and of the sandbox."""
    production_before = fingerprint_schemas(engine, PROTECTED)
    sandbox_before = fingerprint_schemas(engine, SANDBOXES)
    indexes_before = _indexes(engine, PROTECTED), _indexes(engine, SANDBOXES)
    error: EtlcheckError | None = None
    try:
        engine.run_script(text, path)
    except EtlcheckError as failure:
        if not expect_error:
            raise
        error = failure
    return Outcome(
        diff_fingerprints(production_before, fingerprint_schemas(engine, PROTECTED)),
        diff_fingerprints(sandbox_before, fingerprint_schemas(engine, SANDBOXES)),
        (indexes_before[0], _indexes(engine, PROTECTED)),
        (indexes_before[1], _indexes(engine, SANDBOXES)),
        error,
    )


def _remapped_cases() -> list[Path]:
    cases = sorted(p for p in LEAKS.glob("*.sql") if not p.name.endswith(".remapped.sql"))
    return [p for p in cases if p.with_suffix(".remapped.sql").exists()]


REMAPPED = _remapped_cases()
RUNNABLE = [p for p in REMAPPED if p.stem not in TEXTUAL_ONLY]
WRITERS = [p for p in RUNNABLE if p.stem not in READ_ONLY and p.stem not in XFAIL]


def _params(cases: list[Path]) -> list[object]:
    marked: list[object] = []
    for case in cases:
        marks = (
            [pytest.mark.xfail(strict=True, raises=StatementFailed, reason=XFAIL[case.stem])]
            if case.stem in XFAIL
            else []
        )
        marked.append(pytest.param(case, id=case.stem, marks=marks))
    return marked


def _remap(case: Path) -> str:
    return rewrite_script(case.read_text(), case.name, SANDBOX, "ast").text


def test_every_named_fixture_exists() -> None:
    """The lists above name real remapped fixtures, so none silently stops applying."""
    names = {p.stem for p in REMAPPED}
    for listed in (TEXTUAL_ONLY, READ_ONLY, REGEX_LEAKS, NO_CONTROL, XFAIL, ARRANGEMENTS):
        assert set(listed) <= names


def test_enough_leak_patterns_are_proven() -> None:
    """Done-when: >= 30 patterns proven, at run time here or by lint in the textual catalogue."""
    reported = [p for p in LEAKS.glob("*.findings") if not p.with_suffix(".remapped.sql").exists()]
    assert len(RUNNABLE) - len(XFAIL) >= 30
    assert len(RUNNABLE) - len(XFAIL) + len(reported) >= 40


@pytest.mark.parametrize("case", _params(RUNNABLE))
def test_remapped_fixture_stays_in_the_sandbox(engine: DuckDBEngine, case: Path) -> None:
    arrange(engine, ARRANGEMENTS.get(case.stem, Arrangement()))
    outcome = run_fingerprinted(engine, _remap(case), case, expect_error=False)
    assert not outcome.production_changed, outcome.explain()
    assert outcome.sandbox_changed == (case.stem not in READ_ONLY), outcome.explain()


@pytest.mark.parametrize("case", _params(RUNNABLE))
def test_remapped_fixture_needs_nothing_from_production(engine: DuckDBEngine, case: Path) -> None:
    """With the production schemas empty, every name the script uses must still resolve."""
    arrange(engine, ARRANGEMENTS.get(case.stem, Arrangement()), production_tables=False)
    outcome = run_fingerprinted(engine, _remap(case), case, expect_error=False)
    assert not outcome.production_changed, outcome.explain()


@pytest.mark.parametrize(
    "case", [c for c in WRITERS if c.stem not in NO_CONTROL], ids=lambda p: p.stem
)
def test_original_text_changes_production(engine: DuckDBEngine, case: Path) -> None:
    """The control: unremapped, the same script does reach production, and the guard sees it."""
    arrange(engine, ARRANGEMENTS.get(case.stem, Arrangement()))
    outcome = run_fingerprinted(engine, case.read_text(), case, expect_error=False)
    assert outcome.production_changed, outcome.explain()
    assert not outcome.sandbox_changed, outcome.explain()


@pytest.mark.parametrize("case", [c for c in RUNNABLE if c.stem not in XFAIL], ids=lambda p: p.stem)
def test_regex_rewrite_leaks_exactly_where_expected(engine: DuckDBEngine, case: Path) -> None:
    """The incident's substitution leaves writes in production on the REGEX_LEAKS fixtures."""
    arrange(engine, ARRANGEMENTS.get(case.stem, Arrangement()))
    text = rewrite_script(case.read_text(), case.name, SANDBOX, "regex").text
    outcome = run_fingerprinted(engine, text, case, expect_error=True)
    assert outcome.production_changed == (case.stem in REGEX_LEAKS), outcome.explain()


@pytest.mark.parametrize("script", sorted(CLEAN.glob("*.sql")), ids=lambda p: p.stem)
def test_clean_script_runs_without_touching_production(engine: DuckDBEngine, script: Path) -> None:
    """No false alarm: a clean script needs no rewrite and leaves production as it was."""
    arrange(engine, CLEAN_ARRANGEMENTS.get(script.stem, Arrangement()))
    text = script.read_text()
    assert rewrite_script(text, script.name, SANDBOX, "ast").text == text
    outcome = run_fingerprinted(engine, text, script, expect_error=False)
    assert not outcome.production_changed, outcome.explain()
    assert outcome.sandbox_changed == (script.stem in CLEAN_WRITERS), outcome.explain()
