"""TYPE_ID and TYPE_NAME of the types ``CREATE TYPE`` made, which the emulated ``sys.types``
lists (``user_type_store`` keeps them).

SQL Server's own types are in its ``sys.types`` too, under ids Microsoft's documentation
does not list, so what would ask for one is refused rather than answered NULL:
``TYPE_ID('int')`` (or any name of one of SQL Server's types, or in ``sys``), ``TYPE_ID`` of
a name the statement does not write as a string, and ``TYPE_NAME`` of a number up to 256
(the ids of SQL Server's types) or of a ``system_type_id`` column.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.catalog import split_object_name
from etlcheck.tsql.type_names import BUILT_IN

TYPE_FUNCTIONS = frozenset(["TYPE_ID", "TYPE_NAME"])
SYSTEM_TYPE_IDS = 256
"""The ids of SQL Server's own types are at most this; a user-defined type's are above."""
_OWN = "the ids of SQL Server's own types are not emulated (sys.types lists the types "
_OWN += "CREATE TYPE made)"


def type_function_refusal(node: exp.Anonymous, name: str) -> tuple[str, str] | None:
    """What a call of TYPE_ID or TYPE_NAME asks for that is not emulated, and why; None
    when it runs."""
    if len(node.expressions) != 1:
        return f"{name}()", f"{name} takes one argument"
    argument = node.expressions[0]
    if name == "TYPE_ID":
        if not isinstance(argument, exp.National) and not (
            isinstance(argument, exp.Literal) and argument.is_string
        ):
            return "TYPE_ID()", "only a type name written as a string is emulated"
        parts = split_object_name(argument.name)
        if (parts[-1].upper() in BUILT_IN and len(parts) == 1) or parts[0].lower() == "sys":
            return f"TYPE_ID('{argument.name}')", _OWN
        return None
    if isinstance(argument, exp.Neg) or (
        isinstance(argument, exp.Literal)
        and not argument.is_string
        and argument.name.isdigit()
        and int(argument.name) <= SYSTEM_TYPE_IDS
    ):
        return f"TYPE_NAME({argument.sql(dialect='tsql')})", _OWN
    if isinstance(argument, exp.Column) and argument.name.lower() == "system_type_id":
        return "TYPE_NAME(system_type_id)", _OWN
    return None
