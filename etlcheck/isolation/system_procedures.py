"""System procedures that change the database or the server itself: the procedural twins
of ``CREATE USER``, ``ALTER DATABASE``, ``CREATE STATISTICS`` on every table and so on.
Each call is a ``database-ddl`` finding, whatever its arguments, as the statement forms
are: no remap can keep them inside the sandbox schemas."""

from __future__ import annotations

_SERVER = (
    "SP_CONFIGURE SP_ADDLOGIN SP_DROPLOGIN SP_GRANTLOGIN SP_DENYLOGIN SP_REVOKELOGIN "
    "SP_PASSWORD SP_DEFAULTDB SP_ADDSRVROLEMEMBER SP_DROPSRVROLEMEMBER SP_ADDLINKEDSERVER "
    "SP_ADDLINKEDSRVLOGIN SP_DROPSERVER SP_SERVEROPTION SP_ADDUMPDEVICE SP_DROPDEVICE "
    "SP_ATTACH_DB SP_ATTACH_SINGLE_FILE_DB SP_DETACH_DB SP_ADDEXTENDEDPROC "
    "SP_DROPEXTENDEDPROC"
)
_DATABASE = (
    "SP_ADDUSER SP_DROPUSER SP_GRANTDBACCESS SP_REVOKEDBACCESS SP_CHANGE_USERS_LOGIN "
    "SP_ADDALIAS SP_DROPALIAS SP_ADDROLE SP_DROPROLE SP_ADDROLEMEMBER SP_DROPROLEMEMBER "
    "SP_ADDAPPROLE SP_DROPAPPROLE SP_CHANGEDBOWNER SP_DBOPTION SP_DB_VARDECIMAL_STORAGE_FORMAT "
    "SP_FULLTEXT_DATABASE SP_CDC_ENABLE_DB SP_CDC_DISABLE_DB SP_SET_DATABASE_FIREWALL_RULE "
    "SP_DELETE_DATABASE_FIREWALL_RULE"
)

DATABASE_PROCEDURES: dict[str, str] = {
    **{name: "changes the server itself, outside any schema" for name in _SERVER.split()},
    **{name: "changes the database itself, outside any schema" for name in _DATABASE.split()},
    "SP_CREATESTATS": "creates statistics on the tables of every schema, production's too",
    "SP_UPDATESTATS": "updates the statistics of the tables of every schema, production's too",
    "SP_ADDTYPE": "creates an alias data type in a schema it does not name "
    "(CREATE TYPE schema.name FROM ... names it)",
    "SP_DROPTYPE": "drops an alias data type from a schema it does not name "
    "(DROP TYPE schema.name names it)",
}
"""Upper-cased procedure name → what a call does, after the procedure's own name."""
