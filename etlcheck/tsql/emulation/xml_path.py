"""The string aggregation of older warehouse code, ``FOR XML PATH('')``.

    STUFF((SELECT ',' + name FROM t WHERE ... ORDER BY name FOR XML PATH('')), 1, 1, '')
    STUFF((SELECT ',' + name FROM t ... FOR XML PATH(''), TYPE).value('.', 'NVARCHAR(MAX)'),
          1, 1, '')

A subquery of one unnamed expression (or one named ``[text()]`` or ``[*]``) with ``FOR XML
PATH('')`` writes each row's value as text, with no element around it, one after the
other in the ORDER BY's order: NULLs add nothing, no row at all gives NULL. That is an
ordered string aggregation, which the subquery becomes (``STRING_AGG(value, '' ORDER BY
...)``). The plain form returns XML text, so ``&``, ``<`` and ``>`` are written ``&amp;``,
``&lt;`` and ``&gt;``; with ``TYPE`` the result is an xml value, and its ``.value('.',
'NVARCHAR(MAX)')`` the text again, unescaped. Any other ``FOR XML`` (a named column, which
becomes an element; ``RAW``, ``AUTO``, a row name, ``DISTINCT``, ``GROUP BY``, ``TOP``)
stays refused by ``support``.
"""

from __future__ import annotations

from sqlglot import exp

TEXT_ALIASES = ("text()", "*")
"""Column names that mean "no name": the value is written as a text node."""
XML_TEXT = "etlcheck_xml_text"
"""Meta key of a rewritten ``TYPE`` subquery: its ``.value(...)`` is the subquery itself."""
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
"""Replaced in this order, so the ``&`` of ``&lt;`` is not escaped again."""
_REFUSED_PARTS = ("distinct", "group", "having", "limit", "qualify", "windows", "with_")


def path_options(select: exp.Select) -> tuple[str, ...] | None:
    """``("PATH",)`` or ``("PATH", "TYPE")`` for a ``FOR XML PATH('') [, TYPE]`` select,
    None for any other FOR clause (or none)."""
    clause = select.args.get("for_")
    if not isinstance(clause, exp.ForClause) or str(clause.args.get("kind") or "").upper() != (
        "XML"
    ):
        return None
    options: list[str] = []
    for option in clause.expressions:
        inner = option.this if isinstance(option, exp.QueryOption) else option
        if isinstance(inner, exp.XMLKeyValueOption) and inner.name.upper() == "PATH":
            row_name = inner.expression
            if not (isinstance(row_name, exp.Literal) and row_name.is_string and not row_name.name):
                return None
            options.append("PATH")
        elif isinstance(inner, exp.Var) and inner.name.upper() == "TYPE":
            options.append("TYPE")
        else:
            return None
    return tuple(options) if options and options[0] == "PATH" else None


def aggregates_text(select: exp.Select) -> bool:
    """Whether ``select`` is the string aggregation form above (one unnamed value)."""
    if path_options(select) is None or len(select.expressions) != 1:
        return False
    if any(select.args.get(part) for part in _REFUSED_PARTS):
        return False
    value = select.expressions[0]
    if isinstance(value, exp.Alias):
        return value.alias in TEXT_ALIASES
    return not isinstance(value, (exp.Column, exp.Star))


def is_text_value(node: exp.Dot) -> bool:
    """``(... FOR XML PATH(''), TYPE).value('.', 'NVARCHAR(MAX)')``: the xml as text."""
    call, subquery = node.expression, node.this
    if not (isinstance(call, exp.Anonymous) and call.name.upper() == "VALUE"):
        return False
    if not (isinstance(subquery, exp.Subquery) and isinstance(subquery.this, exp.Select)):
        return False
    if path_options(subquery.this) != ("PATH", "TYPE") or not aggregates_text(subquery.this):
        return False
    arguments = [
        argument.name.upper().replace(" ", "") if isinstance(argument, exp.Literal) else None
        for argument in call.expressions
    ]
    return arguments in (
        [".", "NVARCHAR(MAX)"],
        [".", "VARCHAR(MAX)"],
        ["(./TEXT())[1]", "NVARCHAR(MAX)"],
        ["(./TEXT())[1]", "VARCHAR(MAX)"],
    )


def rewrite_xml_path(subquery: exp.Subquery) -> exp.Subquery:
    """The FOR XML PATH('') subquery as ``(SELECT STRING_AGG(value, '' ORDER BY ...) ...)``
    (``subquery`` itself when it is not one)."""
    select = subquery.this
    if not isinstance(select, exp.Select) or not aggregates_text(select):
        return subquery
    options = path_options(select) or ()
    value = select.expressions[0]
    if isinstance(value, exp.Alias):
        value = value.this
    text: exp.Expression = exp.Cast(
        this=value.copy(), to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql")
    )
    if "TYPE" not in options:
        for character, entity in _ESCAPES:
            text = exp.Replace(
                this=text,
                expression=exp.Literal.string(character),
                replacement=exp.Literal.string(entity),
            )
    order = select.args.get("order")
    if order is not None:
        text = exp.Order(this=text, expressions=[o.copy() for o in order.expressions])
    aggregate = exp.GroupConcat(this=text, separator=exp.Literal.string(""))
    select.set("expressions", [aggregate])
    select.set("order", None)
    select.set("for_", None)
    if "TYPE" in options:
        subquery.meta[XML_TEXT] = True
    return subquery
