"""``STDEV``, ``STDEVP``, ``VAR`` and ``VARP``: the sample and population standard
deviation and variance of a column, as a ``float`` (SQL Server's type for all four, with
``DISTINCT`` and ``OVER`` too). NULLs are left out; ``STDEV`` and ``VAR`` of one value are
NULL, ``STDEVP`` and ``VARP`` of one value 0, as on SQL Server and both engines. sqlglot
parses ``STDEV`` alone; the others reach here as anonymous calls.

The engines compute in double precision, as SQL Server does, so results agree to about 15
digits (not always in the last one: the order of the additions differs). PostgreSQL's
functions return a ``numeric`` for an integer or decimal argument: its emulation casts
the result to ``double precision`` (``float_result``).
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.plan import TSQL_TYPE

_AGGREGATES: dict[str, type[exp.Expression]] = {
    "STDEVP": exp.StddevPop,
    "VAR": exp.Variance,
    "VARP": exp.VariancePop,
}
SPREADS = tuple(_AGGREGATES)
"""The names sqlglot leaves anonymous (``STDEV`` parses to ``exp.Stddev``)."""
RESULTS = (exp.StddevSamp, exp.StddevPop, exp.Variance, exp.VariancePop)
"""What ``rewrite_spread`` makes: the engines spell each the same way."""


def rewrite_spread(node: exp.Expression) -> exp.Expression:
    """``STDEV(x)`` as ``STDDEV_SAMP(x)``, ``STDEVP`` as ``STDDEV_POP``, ``VAR`` as
    ``VAR_SAMP`` and ``VARP`` as ``VAR_POP``, typed ``float``; any other node unchanged."""
    if isinstance(node, exp.Stddev):
        made: exp.Expression = exp.StddevSamp(this=node.this)
    elif isinstance(node, exp.Anonymous) and node.name.upper() in _AGGREGATES:
        (argument,) = node.expressions
        made = _AGGREGATES[node.name.upper()](this=argument)
    else:
        return node
    made.meta[TSQL_TYPE] = "FLOAT"
    return made


def float_result(node: exp.Expression) -> exp.Expression | None:
    """On PostgreSQL: one of ``RESULTS`` (or its window) cast to ``double precision``;
    None for any other node, and for an aggregate inside a window (the window is cast)."""
    spread = node.this if isinstance(node, exp.Window) else node
    if not isinstance(spread, RESULTS) or isinstance(node.parent, exp.Window):
        return None
    return exp.Cast(this=node.copy(), to=exp.DataType.build("DOUBLE PRECISION"))
