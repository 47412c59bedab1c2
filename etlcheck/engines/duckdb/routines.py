"""The SQL that makes a T-SQL function a DuckDB object: a macro (``CREATE MACRO s.f(p) AS
expr`` or ``AS TABLE query``). Its parameters are untyped, so each use converts the
argument to the declared type (``tsql.udfs``)."""

from __future__ import annotations

from etlcheck.tsql.emulation.routines import FunctionSignature, RoutineSQL


class DuckDBRoutineSQL(RoutineSQL):
    def parameter(self, index: int, name: str) -> str:
        return _macro_parameter(name)

    def _head(self, signature: FunctionSignature) -> str:
        parameters = ", ".join(_macro_parameter(name) for name in signature.parameters)
        return f"CREATE OR REPLACE MACRO {signature.qualified()}({parameters})"

    def scalar(self, signature: FunctionSignature, returns: str, expression: str) -> str:
        return f"{self._head(signature)} AS ({expression})"

    def table(
        self, signature: FunctionSignature, columns: tuple[tuple[str, str], ...], query: str
    ) -> str:
        return f"{self._head(signature)} AS TABLE {query}"

    def drop(self, signature: FunctionSignature, table: bool) -> str:
        kind = "MACRO TABLE" if table else "MACRO"
        return f"DROP {kind} IF EXISTS {signature.qualified()}"


def _macro_parameter(name: str) -> str:
    return "etlcheck_p_" + "".join(c if c.isalnum() else "_" for c in name.lstrip("@").lower())
