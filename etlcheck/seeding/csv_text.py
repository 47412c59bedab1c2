"""How a CSV file is read: its encoding, its header, and the text forms SQL Server's tools
write values in.

SQL Server's exports come in three encodings: UTF-8 (with or without a byte-order mark),
UTF-16 with a byte-order mark (bcp ``-w``, SSMS "Unicode"), and the server's ANSI code page,
Windows-1252 on Western systems (bcp ``-c``, SSMS's default). Readers here take UTF-8, so
a file in another encoding is read through a UTF-8 copy in a temporary folder that is
removed after the load. A file that is not UTF-8 and has no byte-order mark is read as
Windows-1252, and the seed record says so.

Values: an unquoted ``NULL`` is NULL, as SSMS writes it (a quoted ``"NULL"`` is the text);
binary columns take hex with or without ``0x`` (``0x89504E47``, as SSMS and bcp write
them); bit columns take ``1``/``0`` and ``True``/``False``.
"""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.state import sql_literal

NULL_TEXTS = ("", "NULL")
"""Unquoted fields that are NULL: an empty field, and ``NULL`` as SSMS writes it."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CHUNK = 1 << 20


@dataclass(frozen=True)
class CsvEncoding:
    codec: str
    """Python's name for it: ``utf-8-sig``, ``utf-16`` or ``cp1252``."""
    shown: str
    """Its name for a person: ``UTF-8``, ``UTF-16``, ``Windows-1252``."""

    @property
    def is_utf8(self) -> bool:
        return self.codec == "utf-8-sig"


def detect_encoding(path: Path) -> CsvEncoding:
    """UTF-8 or UTF-16 by the byte-order mark; without one, UTF-8 when every byte of the
    file decodes as UTF-8, else Windows-1252 (a file with NUL bytes is neither: an error)."""
    with path.open("rb") as source:
        start = source.read(4)
        for bom, codec, shown in _BOMS:
            if start.startswith(bom):
                return CsvEncoding(codec, shown)
        if b"\x00" in start + source.read(4096):
            raise ConfigError(
                f"{path.name} holds NUL bytes and has no byte-order mark: UTF-16 without "
                "one cannot be told from other text",
                SourceLocation(path, 1),
                "save it as UTF-8, or as UTF-16 with a byte-order mark like SSMS's Unicode export",
            )
        source.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := source.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return CsvEncoding("cp1252", "Windows-1252")
    return CsvEncoding("utf-8-sig", "UTF-8")


@contextmanager
def utf8_csv(path: Path, encoding: CsvEncoding) -> Iterator[Path]:
    """``path`` itself when it is UTF-8, else a UTF-8 copy that lives as long as the
    context (same lines, so a reader's line numbers are the file's)."""
    if encoding.is_utf8:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="etlcheck-csv-") as folder:
        copy = Path(folder) / path.name
        with (
            path.open("r", encoding=encoding.codec, errors="strict", newline="") as source,
            copy.open("w", encoding="utf-8", newline="") as target,
        ):
            while chunk := source.read(_CHUNK):
                target.write(chunk)
        yield copy


def header_name(field: str) -> str:
    """A header field as a column name: ``[Customer Id]`` and ``"Customer Id"`` (SSMS and
    bcp quote names so) as ``Customer Id``, surrounding blanks dropped."""
    name = field.strip()
    if len(name) >= 2 and (name[0], name[-1]) in (("[", "]"), ('"', '"')):
        name = name[1:-1].replace("]]", "]") if name[0] == "[" else name[1:-1].replace('""', '"')
    return name


def value_sql(column: str, data_type: str, *, for_text_copy: bool) -> str:
    """A DuckDB expression turning the CSV text ``column`` (quoted) into what a column of
    ``data_type`` (as the target's catalog names it) accepts: bytes for a binary column
    (text ``\\x…`` for PostgreSQL's COPY, ``for_text_copy``), ``1``/``0`` for a bit
    column that the target holds as an integer."""
    kind = data_type.strip().upper()
    if for_text_copy and kind.startswith(("TIME", "TIMESTAMP")):
        # datetime2(7) and time(7) have 100 ns ticks; both engines keep microseconds, and
        # PostgreSQL would round 23:59:59.9999999 up to 24:00:00: cut, as DuckDB does.
        return f"regexp_replace({column}, '(\\.\\d{{6}})\\d+', '\\1')"
    if kind in ("BLOB", "BYTEA", "VARBINARY", "BINARY", "IMAGE"):
        digits = f"regexp_replace({column}, '^0[xX]', '')"
        return f"'\\x' || {digits}" if for_text_copy else f"from_hex({digits})"
    if kind in ("SMALLINT", "UTINYINT", "TINYINT"):
        return (
            f"CASE lower(trim({column})) WHEN 'true' THEN '1' WHEN 'false' THEN '0' "
            f"ELSE {column} END"
        )
    return column


def nullstr_sql() -> str:
    return "[" + ", ".join(sql_literal(text) for text in NULL_TEXTS) + "]"


def column_sql(name: str) -> str:
    """A column name quoted for DuckDB's SQL."""
    return '"' + name.replace('"', '""') + '"'
