"""Column names reach the database as written when GX validates a table through SQLAlchemy.

GX 1.x (``expectations/metrics/util.py``, ``_build_column_metadata_result``) reflects a
PostgreSQL or SQL Server table's columns as ``CaseInsensitiveString``: a ``str`` whose hash
and ``==`` ignore case. ``_sqlalchemy_map_condition_rows`` (``map_condition_auxilliary_methods``)
then selects every column with ``sa.column(name)`` to fetch the failing rows. SQLAlchemy's
``IdentifierPreparer.quote`` remembers its answer per identifier in a dict, and PostgreSQL's
own catalog queries, which run first when GX reflects the table, have already put the plain
label ``name`` there, unquoted. A column ``Name`` finds that entry (same hash, ``==`` says
equal) and is sent as ``name``, which PostgreSQL folds to lower case: ``column "name" does
not exist``. ``Title`` has no such neighbour in the dict, so it worked.

The fix keeps GX's objects and SQLAlchemy's cache; it hands the cache the exact spelling as
a plain ``str``, so ``Name`` and ``name`` are two keys again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import Dialect
    from sqlalchemy.sql.compiler import IdentifierPreparer


def quote_exactly(dialect: Dialect) -> None:
    """Give ``dialect`` an identifier preparer that quotes by a name's exact spelling."""
    base: type[IdentifierPreparer] = type(dialect.identifier_preparer)
    if getattr(base, "quotes_exactly", False):
        return

    class ExactPreparer(base):  # type: ignore[valid-type, misc]
        quotes_exactly = True

        def quote(self, ident: str) -> str:
            if type(ident) is not str and getattr(ident, "quote", None) is None:
                # A str subclass with its own equality (GX's CaseInsensitiveString); a
                # ``quoted_name`` carries ``quote`` and is left to SQLAlchemy.
                ident = str(ident)
            return str(super().quote(ident))

    dialect.identifier_preparer = ExactPreparer(dialect)
