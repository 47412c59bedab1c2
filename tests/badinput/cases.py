"""The catalogue: each bad input, the command that meets it, and the one line it must get.

``at`` names the text whose position in the edited file the line must point at (its
first occurrence after ``after``), so a case fails if the error points anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.badinput.edits import (
    Edit,
    add_script,
    append_config,
    both,
    config,
    cut_config_from,
    cut_in_half_as_utf16,
    make_folder,
    recode,
    remove,
    replace_in,
    write,
)

SECRET = "Kestrel-Dunmore-4410"
"""A password every URL case uses: no output may contain it."""

STATE_TABLES = "00-state-tables.sql"
STAGE_BROKERS = "10-stage-brokers.sql"
PHASE_2 = '[[phases]]\nname = "stage"'


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    expected: str
    """The line, after ``etlcheck: error: `` (``{at}`` is the place it must name)."""
    edit: Edit | None = None
    at: tuple[str, str, str] | None = None
    """(file, text, after): where ``{at}`` points, as file:line:col."""
    prepare: tuple[str, ...] = field(default=())
    """A command run first (an earlier run the bad one meets)."""
    regex: bool = False
    """``expected`` is a regular expression to search the line with."""
    seeds: bool = False
    """The bad input is in what seeds the database, found while seeding it: the
    disposable database in ``.etlcheck/`` exists afterwards (nothing else may change)."""


CONFIG_CASES = [
    Case(
        "protected-is-text",
        ("run",),
        "{at}: [sandbox] protected must be a list",
        config('protected = ["etl", "dbo", "raw"]', 'protected = "etl"'),
        at=("etlcheck.toml", '"etl"', "protected = "),
    ),
    Case(
        "sample-seed-is-text",
        ("run",),
        "{at}: [sample] seed",
        append_config('\n[sample]\nseed = "abc"\n'),
        at=("etlcheck.toml", '"abc"', "seed = "),
    ),
    Case(
        "schemas-is-text",
        ("run",),
        "{at}: [sandbox] schemas",
        config(
            'schemas = { etl = "poc_etl", dbo = "poc_dbo", raw = "poc_raw" }', 'schemas = "poc"'
        ),
        at=("etlcheck.toml", '"poc"', "schemas = "),
    ),
    Case(
        "sql-dir-is-a-file",
        ("run",),
        "{at}: [project] sql_dir = ",
        both(config('sql_dir = "sql"', 'sql_dir = "notes.txt"'), write("notes.txt", "notes\n")),
        at=("etlcheck.toml", '"notes.txt"', "sql_dir = "),
    ),
    Case(
        "report-dir-is-a-file",
        ("run",),
        "{at}: [run] report_dir = ",
        both(
            config('report_dir = "reports"', 'report_dir = "notes.txt"'), write("notes.txt", "x\n")
        ),
        at=("etlcheck.toml", '"notes.txt"', "report_dir = "),
    ),
    Case(
        "config-in-latin-1",
        ("run",),
        "{at}: not UTF-8: byte 0xe9 cannot be read (save the file as UTF-8)",
        recode(
            "etlcheck.toml",
            "latin-1",
            "# A small brokerage load",
            "# A small brokerage load (café)",
        ),
        at=("etlcheck.toml", "é", ""),
    ),
    Case(
        "type-error-in-phase-2",
        ("run",),
        "{at}: [[phases]] 2 budget_seconds",
        config(
            'budget_seconds = 60\nscripts = ["10-stage',
            'budget_seconds = "fast"\nscripts = ["10-stage',
        ),
        at=("etlcheck.toml", '"fast"', PHASE_2),
    ),
    Case(
        "unknown-key",
        ("run",),
        "{at}: unknown key 'colour' in [run] (allowed keys: ",
        config('report_dir = "reports"', 'report_dir = "reports"\ncolour = "red"'),
        at=("etlcheck.toml", "colour", ""),
    ),
    Case(
        "unknown-engine-in-config",
        ("run",),
        "{at}: [run] engine",
        config('engine = "duckdb"', 'engine = "oracle"'),
        at=("etlcheck.toml", '"oracle"', ""),
    ),
    Case(
        "not-toml",
        ("run",),
        "{at}: not valid TOML",
        config('[run]\nengine = "duckdb"', '[run\nengine = "duckdb"'),
        at=("etlcheck.toml", "\n", "[run"),
    ),
    Case(
        "script-climbs-out-of-the-project",
        ("run",),
        "{at}: script '../../../outside.sql' is ",
        config('"00-state-tables.sql", ', '"../../../outside.sql", "00-state-tables.sql", '),
        at=("etlcheck.toml", '"../../../outside.sql"', ""),
    ),
    Case(
        "script-is-an-absolute-path",
        ("run",),
        "{at}: script '/etc/hostname' is /etc/hostname, outside the project",
        config('"01-staging-tables.sql"', '"01-staging-tables.sql", "/etc/hostname"'),
        at=("etlcheck.toml", '"/etc/hostname"', ""),
    ),
    Case(
        "script-twice-written-two-ways",
        ("run",),
        "{at}: script './00-state-tables.sql' is '00-state-tables.sql' again",
        config('"01-staging-tables.sql"', '"01-staging-tables.sql", "./00-state-tables.sql"'),
        at=("etlcheck.toml", '"./00-state-tables.sql"', ""),
    ),
    Case(
        "sandbox-schema-not-an-identifier",
        ("run",),
        "{at}: [sandbox] schemas",
        config('etl = "poc_etl"', 'etl = "poc etl"'),
        at=("etlcheck.toml", '"poc etl"', ""),
    ),
    Case(
        "seed-folder-missing",
        ("run",),
        "{at}: seed source 2 (files): nowhere does not exist",
        config('{ kind = "files", path = "data" }', '{ kind = "files", path = "nowhere" }'),
        at=("etlcheck.toml", '"nowhere"', ""),
    ),
    Case(
        "no-phases",
        ("run",),
        "{project}/etlcheck.toml: the configuration needs 'phases'",
        cut_config_from("[[phases]]"),
    ),
    Case(
        "negative-budget",
        ("run",),
        "{at}: [[phases]] 1 budget_seconds",
        config("budget_seconds = 60", "budget_seconds = -5"),
        at=("etlcheck.toml", "-5", ""),
    ),
    Case(
        "negative-step-timeout",
        ("run",),
        "{at}: [run] step_timeout_seconds must be 0 or more",
        config('engine = "duckdb"', 'engine = "duckdb"\nstep_timeout_seconds = -1'),
        at=("etlcheck.toml", "-1", "step_timeout_seconds"),
    ),
    Case(
        "step-timeout-is-text",
        ("run",),
        '{at}: [run] step_timeout_seconds must be a number, not "600"',
        config('engine = "duckdb"', 'engine = "duckdb"\nstep_timeout_seconds = "600"'),
        at=("etlcheck.toml", '"600"', "step_timeout_seconds"),
    ),
    Case(
        "script-root-is-a-file",
        ("run",),
        "{at}: [project] script_roots: notes.txt is not a folder",
        both(
            config('sql_dir = "sql"', 'sql_dir = "sql"\nscript_roots = ["notes.txt"]'),
            write("notes.txt", "x\n"),
        ),
        at=("etlcheck.toml", '"notes.txt"', "script_roots"),
    ),
    Case(
        "disposable-pattern-not-a-regex",
        ("run",),
        "{at}: [run] disposable_pattern",
        config('report_dir = "reports"', 'report_dir = "reports"\ndisposable_pattern = "(etl"'),
        at=("etlcheck.toml", '"(etl"', ""),
    ),
    Case(
        "expectations-folder-missing",
        ("run",),
        "{at}: [run] expectations",
        config('report_dir = "reports"', 'report_dir = "reports"\nexpectations = "suites/none"'),
        at=("etlcheck.toml", '"suites/none"', ""),
    ),
]

SCRIPT_CASES = [
    Case(
        "script-missing",
        ("run",),
        "{project}/sql/11-stage-regions.sql: script '11-stage-regions.sql' of phase 'stage' "
        "does not exist",
        remove("sql/11-stage-regions.sql"),
    ),
    Case(
        "script-in-latin-1",
        ("run",),
        "{at}: not UTF-8: byte 0xe9 cannot be read",
        recode(f"sql/{STAGE_BROKERS}", "latin-1", "are left out.", "are left out (café)."),
        at=(f"sql/{STAGE_BROKERS}", "é", ""),
    ),
    Case(
        "script-in-latin-1-for-lint",
        ("lint",),
        "{at}: not UTF-8: byte 0xe9 cannot be read",
        recode(f"sql/{STAGE_BROKERS}", "latin-1", "are left out.", "are left out (café)."),
        at=(f"sql/{STAGE_BROKERS}", "é", ""),
    ),
    Case(
        "script-is-a-folder",
        ("run",),
        "{project}/sql/12-archive.sql: is a folder, not a script",
        both(
            add_script("stage", "12-archive.sql", "x"),
            remove("sql/12-archive.sql"),
            make_folder("sql/12-archive.sql"),
        ),
    ),
    Case(
        "syntax-error",
        ("run",),
        "{at}: syntax error: Expected table name but got INTO (fix the script; if SQL Server "
        "runs it as written, etlcheck cannot read this form yet, nor prove that it stays in "
        "the sandbox: write it another way)",
        replace_in(f"sql/{STAGE_BROKERS}", "INSERT INTO [etl]", "INSERT INTO INTO [etl]"),
        at=(f"sql/{STAGE_BROKERS}", "INTO [etl]", "INSERT INTO "),
    ),
    Case(
        "syntax-error-for-lint",
        ("lint",),
        "{at}: syntax error: Expected table name but got INTO (fix the script; if SQL Server "
        "runs it as written, etlcheck cannot read this form yet, nor prove that it stays in "
        "the sandbox: write it another way)",
        replace_in(f"sql/{STAGE_BROKERS}", "INSERT INTO [etl]", "INSERT INTO INTO [etl]"),
        at=(f"sql/{STAGE_BROKERS}", "INTO [etl]", "INSERT INTO "),
    ),
    Case(
        "unterminated-string-for-lint",
        ("lint",),
        "{at}: unterminated string",
        replace_in(f"sql/{STAGE_BROKERS}", "N' rows');", "N' rows);"),
        at=(f"sql/{STAGE_BROKERS}", "' rows);", "N"),
    ),
    Case(
        "unterminated-string",
        ("run",),
        "{at}: unterminated string",
        replace_in(f"sql/{STAGE_BROKERS}", "N' rows');", "N' rows);"),
        at=(f"sql/{STAGE_BROKERS}", "' rows);", "N"),
    ),
    Case(
        "unterminated-comment",
        ("run",),
        # The position the T-SQL splitter gives is being reworked (lint and run agreeing
        # on bad SQL): this case asserts the file, a line:col and the message.
        r"/sql/10-stage-brokers\.sql:\d+:\d+: unterminated /\* comment \(close it with \*/\)",
        replace_in(
            f"sql/{STAGE_BROKERS}", "SET NOCOUNT ON;", "SET NOCOUNT ON;\n/* the rest is a comment"
        ),
        regex=True,
    ),
    Case(
        "utf-16-cut-in-half",
        ("run",),
        "{project}/sql/10-stage-brokers.sql:16:3: not UTF-16: byte 0x0a cannot be read",
        cut_in_half_as_utf16(f"sql/{STAGE_BROKERS}"),
    ),
    Case(
        "data-file-header-unknown-column",
        ("run",),
        "{project}/data/raw.broker_feed.csv:1:1: raw.broker_feed.csv: column 'broker_key' is "
        "not a column of raw.broker_feed",
        replace_in("data/raw.broker_feed.csv", "broker_id,broker_name", "broker_key,broker_name"),
        seeds=True,
    ),
    Case(
        "ddl-seed-syntax-error",
        ("run",),
        "{project}/db/production.sql:20:1: CREATE TABLE: cannot parse statement",
        replace_in(
            "db/production.sql",
            "CREATE TABLE [dbo].[RegionTotals] (",
            "CREATE TABLE [dbo].[RegionTotals] (((",
        ),
        seeds=True,
    ),
    Case(
        "data-file-ragged-line",
        ("run",),
        "{project}/data/raw.broker_feed.csv:3: cannot load raw.broker_feed.csv into "
        "raw.broker_feed: Expected Number of Columns: 4 Found: 5",
        replace_in("data/raw.broker_feed.csv", "102,Broker 102 Ltd,East,0.0590", "102,B,East,0,x"),
        seeds=True,
    ),
    Case(
        "data-file-utf16-without-bom",
        ("run",),
        "{project}/data/raw.broker_feed.csv:1: raw.broker_feed.csv holds NUL bytes and has no "
        "byte-order mark",
        recode("data/raw.broker_feed.csv", "utf-16-le"),
        seeds=True,
    ),
    Case(
        "data-file-semicolon-separated",
        ("run",),
        "{project}/data/raw.broker_feed.csv:1: raw.broker_feed.csv is separated by ';', not "
        "by commas (export it comma-separated, or as Parquet)",
        write("data/raw.broker_feed.csv", "broker_id;broker_name\n101;Broker 101 Ltd\n"),
        seeds=True,
    ),
    Case(
        "data-file-duplicate-key",
        ("run",),
        "{project}/data/dbo.Brokers.csv: cannot load dbo.Brokers.csv into dbo.Brokers: "
        "Violation of PRIMARY KEY constraint 'PK_Brokers'. Cannot insert duplicate key in "
        "object 'dbo.Brokers'. The duplicate key value is (1).",
        replace_in("data/dbo.Brokers.csv", "2,Broker 002 Ltd", "1,Broker 002 Ltd"),
        seeds=True,
    ),
    Case(
        "ddl-seed-statement-refused",
        ("run",),
        '{project}/db/production.sql:20:1: Catalog Error: Table with name "Brokers" already '
        "exists! (an earlier statement or seed source made it already: create each object once)",
        replace_in("db/production.sql", "[dbo].[RegionTotals] (", "[dbo].[Brokers] ("),
        seeds=True,
    ),
]

COMMAND_CASES = [
    Case(
        "scale-not-a-scale",
        ("run", "--scale", "huge"),
        "scale 'huge' is neither 'poc', 'seed' nor a positive whole number",
    ),
    Case(
        "scale-without-a-sample",
        ("run", "--scale", "2"),
        "--scale 2 sizes the sample generator, and no sample seed source is declared",
    ),
    Case("engine-unknown", ("run", "--engine", "oracle"), "unknown engine 'oracle'"),
    Case(
        "step-timeout-not-seconds",
        ("run", "--step-timeout", "10m"),
        "etlcheck run: argument --step-timeout: '10m' is not a number of seconds (0: no limit)",
    ),
    Case(
        "rewrite-unknown",
        ("run", "--rewrite", "sideways"),
        "etlcheck run: argument --rewrite: invalid choice: 'sideways'",
    ),
    Case("command-unknown", ("frobnicate",), "argument COMMAND: invalid choice: 'frobnicate'"),
    Case(
        "from-unknown-step",
        ("run", "--from", "nope"),
        "no step 'nope' in the pipeline",
        prepare=("run", "--until", "2"),
    ),
    Case(
        "from-after-until",
        ("run", "--from", "5", "--until", "2"),
        "--from 5 comes after --until 2",
        prepare=("run", "--until", "2"),
    ),
    Case("phase-unknown", ("run", "--phase", "nope"), "unknown phase 'nope'"),
    Case(
        "resume-nothing",
        ("run", "--resume"),
        "--resume found no earlier run on .etlcheck/brokerage.duckdb",
    ),
    Case(
        "resume-in-memory",
        ("run", "--resume", "--db", ":memory:"),
        "--db :memory: lives only as long as one run",
    ),
    Case(
        "resume-a-completed-run",
        ("run", "--resume"),
        "completed: there is nothing to resume",
        prepare=("run",),
    ),
    Case(
        "from-without-a-database",
        ("run", "--from", "3"),
        "/.etlcheck/brokerage.duckdb does not exist",
    ),
    Case(
        "seed-from-unknown-scheme",
        ("run", "--seed-from", f"mysql://root:{SECRET}@db1/prod"),
        "--seed-from: mysql:// is no database etlcheck can read",
    ),
    Case("seed-from-missing-folder", ("run", "--seed-from", "nowhere"), "nowhere does not exist"),
    Case("config-missing", ("run", "--config", "nowhere.toml"), "nowhere.toml does not exist"),
    Case("lint-missing-path", ("lint", "sql/nope.sql"), "script 'sql/nope.sql' does not exist"),
    Case("remap-missing-file", ("remap", "sql/nope.sql"), "script 'sql/nope.sql' does not exist"),
    Case(
        "db-not-etlchecks",
        ("run", "--db", "notes.duckdb"),
        "refusing to replace notes.duckdb: etlcheck did not create it",
        edit=write("notes.duckdb", "someone else's\n"),
    ),
]

URL_CASES = [
    Case(
        "url-disagrees-with-engine",
        ("run", "--engine", "duckdb", "--db", f"postgresql://etl:{SECRET}@127.0.0.1:1/etlcheck_x"),
        "--engine duckdb and --db postgresql://etl:***@127.0.0.1:1/etlcheck_x disagree: "
        "that URL is a postgres database",
    ),
    Case(
        "url-scheme-unknown",
        ("run", "--db", f"mysql://root:{SECRET}@db1/etlcheck_x"),
        "--db mysql://root:***@db1/etlcheck_x: etlcheck cannot connect to mysql:// databases",
    ),
    Case(
        "url-without-scheme",
        ("run", "--db", f"sa:{SECRET}@db1:1433/etlcheck_x"),
        "--db sa:***@db1:1433/etlcheck_x looks like a server address written without scheme://",
    ),
    Case(
        "url-bad-port",
        ("run", "--db", f"postgresql://etl:{SECRET}@db1:port/etlcheck_x"),
        "--db postgresql://etl:***@db1:port/etlcheck_x: the port is not a number",
    ),
    Case(
        "server-engine-given-a-file",
        ("run", "--engine", "postgres", "--db", "work.duckdb"),
        "--engine postgres needs --db to be a server URL, not the file work.duckdb",
    ),
    Case(
        "url-not-disposable",
        ("run", "--db", f"postgresql://etl:{SECRET}@127.0.0.1:1/production"),
        "refusing database 'production' on postgresql://etl:***@127.0.0.1:1/production: "
        "rule 'disposable-target'",
    ),
    Case(
        "url-unreachable",
        ("run", "--db", f"postgresql://etl:{SECRET}@127.0.0.1:1/etlcheck_x"),
        "cannot connect to PostgreSQL postgresql://etl:***@127.0.0.1:1/etlcheck_x",
    ),
    Case(
        "mssql-url-unreachable",
        ("run", "--db", f"mssql://sa:{SECRET}@127.0.0.1:1/etlcheck_x"),
        "mssql://sa:***@127.0.0.1:1/etlcheck_x",
    ),
    Case(
        "setup-with-a-foreign-url",
        ("setup", "--db", f"mysql://root:{SECRET}@db1/etlcheck_x"),
        "etlcheck cannot connect to mysql:// databases",
    ),
    Case(
        "seed-from-url-without-slashes",
        ("run", "--seed-from", f"postgres:/reader:{SECRET}@db1/prod"),
        "--seed-from postgres:/reader:***@db1/prod looks like a server address written "
        "without scheme://",
    ),
]

CASES = CONFIG_CASES + SCRIPT_CASES + COMMAND_CASES + URL_CASES
