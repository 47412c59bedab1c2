"""The fingerprint queries on SQL Server: ``HASHBYTES('SHA2_256')`` of each row's canonical
text, never CHECKSUM; values converted so datetimes, floats and money keep every digit."""

from __future__ import annotations

from collections.abc import Sequence

from etlcheck.isolation.fingerprint_sql import FingerprintSQL

_TSQL_DATETIME = {"date", "datetime", "datetime2", "smalldatetime", "time", "datetimeoffset"}
_TSQL_FLOAT = {"float", "real"}
_TSQL_MONEY = {"money", "smallmoney"}
_TSQL_BINARY = {
    "binary",
    "varbinary",
    "image",
    "timestamp",
    "rowversion",
    "geography",
    "geometry",
    "hierarchyid",
}


class SqlServerFingerprintSQL(FingerprintSQL):
    dialect = "tsql"

    def quote(self, name: str) -> str:
        return "[" + name.replace("]", "]]") + "]"

    def literal(self, text: str) -> str:
        return "N'" + text.replace("'", "''") + "'"

    def schemata_sql(self) -> str:
        return "SELECT name AS schema_name FROM sys.schemas"

    def inventory_sql(self, schemas: Sequence[str]) -> str:
        type_name = (
            "TYPE_NAME(c.user_type_id) + CASE "
            "WHEN TYPE_NAME(c.system_type_id) IN ('varchar', 'char', 'varbinary', 'binary') "
            "THEN '(' + CASE WHEN c.max_length = -1 THEN 'max' "
            "ELSE CAST(c.max_length AS VARCHAR(10)) END + ')' "
            "WHEN TYPE_NAME(c.system_type_id) IN ('nvarchar', 'nchar') "
            "THEN '(' + CASE WHEN c.max_length = -1 THEN 'max' "
            "ELSE CAST(c.max_length / 2 AS VARCHAR(10)) END + ')' "
            "WHEN TYPE_NAME(c.system_type_id) IN ('decimal', 'numeric') "
            "THEN '(' + CAST(c.precision AS VARCHAR(10)) + ',' "
            "+ CAST(c.scale AS VARCHAR(10)) + ')' "
            "ELSE '' END"
        )
        return (
            "SELECT s.name, o.name, CASE o.type WHEN 'U' THEN 'table' WHEN 'V' THEN 'view' "
            "WHEN 'P' THEN 'procedure' ELSE 'function' END, CAST(o.object_id AS BIGINT), "
            f"c.name, c.column_id, {type_name}, "
            "CONVERT(CHAR(64), HASHBYTES('SHA2_256', OBJECT_DEFINITION(o.object_id)), 2) "
            "FROM sys.objects AS o JOIN sys.schemas AS s ON s.schema_id = o.schema_id "
            "LEFT JOIN sys.columns AS c ON c.object_id = o.object_id AND o.type IN ('U', 'V') "
            "WHERE o.type IN ('U', 'V', 'P', 'FN', 'IF', 'TF') AND o.is_ms_shipped = 0 "
            f"AND LOWER(s.name) IN {self.in_list(schemas)}"
        )

    def value_text(self, column: str, data_type: str) -> str:
        name = self.quote(column)
        base = data_type.split("(", 1)[0].strip().lower()
        if base in _TSQL_DATETIME:
            return f"CONVERT(NVARCHAR(MAX), {name}, 126)"
        if base in _TSQL_FLOAT:
            return f"CONVERT(NVARCHAR(MAX), {name}, 3)"
        if base in _TSQL_MONEY:
            return f"CONVERT(NVARCHAR(MAX), {name}, 2)"
        if base in _TSQL_BINARY:
            return f"CONVERT(NVARCHAR(MAX), CAST({name} AS VARBINARY(MAX)), 1)"
        return f"CAST({name} AS NVARCHAR(MAX))"

    def canonical_text(self, columns: Sequence[tuple[str, str]]) -> str:
        parts = []
        for name, data_type in columns:
            value = self.value_text(name, data_type)
            parts.append(
                f"COALESCE(N'v' + CAST(DATALENGTH({value}) AS NVARCHAR(20)) + N':' + {value}, N'n')"
            )
        return " + ".join(parts)

    def sha_hash(self, text: str) -> str:
        return f"CAST(SUBSTRING(HASHBYTES('SHA2_256', {text}), 1, 8) AS BIGINT)"

    def count_all(self) -> str:
        return "COUNT_BIG(*)"

    def sum_hashes(self, expression: str) -> str:
        return f"SUM(CAST({expression} AS DECIMAL(38, 0)))"
