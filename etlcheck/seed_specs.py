"""``--seed-from SPEC``: one seed source written as text, parsed into its declaration.

``sample:insurance``, ``postgresql://…`` or ``mssql://…`` (a read-only snapshot), a
``.sql`` file or a folder of them (DDL of production), or a folder of
``<schema>.<table>.csv|parquet`` files.
"""

from __future__ import annotations

from pathlib import Path

from etlcheck.config_values import DatabaseSource, DdlSource, FilesSource, SampleSource, SeedSource
from etlcheck.dburl import refuse_broken_url
from etlcheck.engines.registry import source_schemes
from etlcheck.errors import UsageError

DATA_SUFFIXES = (".csv", ".parquet")


def parse_seed_spec(spec: str) -> SeedSource:
    """The declaration ``spec`` stands for; paths are taken from the current directory."""
    text = spec.strip()
    if text.startswith("sample:"):
        name = text.removeprefix("sample:")
        if name != "insurance":
            raise UsageError(
                f"--seed-from {spec}: there is no sample named {name!r}",
                hint="the sample generator is sample:insurance",
            )
        return SampleSource(kind="sample", name="insurance")
    if text.lower().startswith(tuple(f"{scheme}://" for scheme in source_schemes())):
        return DatabaseSource(kind="database", url=text)
    refuse_broken_url(text, "--seed-from")
    if "://" in text:
        raise UsageError(
            f"--seed-from: {text.split('://')[0]}:// is no database etlcheck can read",
            hint="use postgresql://… or mssql://…",
        )
    path = Path(text).resolve()
    if not path.exists():
        raise UsageError(f"--seed-from {spec}: {path} does not exist", hint="check the path")
    if path.is_file():
        if path.suffix.lower() == ".sql":
            return DdlSource(kind="ddl", path=str(path))
        raise UsageError(
            f"--seed-from {spec}: a single file must be a .sql script",
            hint="name the folder that holds <schema>.<table>.csv or .parquet files",
        )
    has_sql = any(path.glob("*.sql"))
    has_data = any(p.suffix.lower() in DATA_SUFFIXES for p in path.iterdir())
    if has_sql and has_data:
        raise UsageError(
            f"--seed-from {spec}: {path} holds both .sql scripts and data files",
            hint="pass the scripts and the data as two --seed-from options, one folder each",
        )
    if has_sql:
        return DdlSource(kind="ddl", path=str(path))
    if has_data:
        return FilesSource(kind="files", path=str(path))
    raise UsageError(
        f"--seed-from {spec}: {path} holds no .sql, .csv or .parquet files",
        hint="name a folder of DDL scripts or of <schema>.<table>.csv|parquet files",
    )
