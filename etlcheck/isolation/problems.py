"""What no remap can make safe, found statement by statement: SQL built at run time,
another database or server, ``USE``, synonyms, changes to the database itself, sqlcmd
includes and variables, and what the splitter or sqlglot could not read."""

from __future__ import annotations

from sqlglot.tokens import TokenType

from etlcheck.isolation.literals import MESSAGES
from etlcheck.isolation.located import Located
from etlcheck.isolation.positions import OBJECT_DBCC, Place, dbcc_dotted_name
from etlcheck.isolation.statements import Statement
from etlcheck.isolation.system_procedures import DATABASE_PROCEDURES
from etlcheck.tsql.nodes import DIRECTIVE, LABEL, UNPARSED, words
from etlcheck.tsql.schema_elements import starts_element
from etlcheck.tsql.tokens import STATEMENT_WORDS, STRINGS, word_of

REMOTE_FUNCTIONS = words("OPENQUERY OPENROWSET OPENDATASOURCE")
DATABASE_KINDS = words(
    """DATABASE PARTITION LOGIN USER ROLE APPLICATION CERTIFICATE ASSEMBLY ASYMMETRIC
    SYMMETRIC MASTER CREDENTIAL EVENT CATALOG ENDPOINT SERVER AVAILABILITY RESOURCE"""
)
"""What ``CREATE``/``ALTER``/``DROP`` changes outside any schema."""
_TWO_WORD_KINDS = words(
    "PARTITION MASTER SYMMETRIC ASYMMETRIC APPLICATION EVENT AVAILABILITY RESOURCE SERVER"
)
"""Kinds named by two words (``PARTITION FUNCTION``, ``MASTER KEY``)."""
SERVER_STATEMENTS = words("BACKUP RESTORE KILL RECONFIGURE SHUTDOWN SETUSER")
_KEEP_OUT = "allow it with a pragma and a reason if the run may do this"


def statement_problems(
    place: Place, statement: Statement, found: Located, held: frozenset[int] = frozenset()
) -> None:
    """Problems of one span (the references are the locator's); ``held`` are the variables
    (their ``@`` tokens) that EXEC and sp_executesql run holding constant SQL
    (``etlcheck.isolation.held_sql``)."""
    start = place.tokens[place.first].start
    if statement.role == UNPARSED:
        _unparsed_region(place, found)
    elif statement.role == DIRECTIVE:
        _directive(place, statement.word, found)
    elif statement.role == LABEL:
        return
    elif statement.unparsed:
        found.problem(
            "unparsed-statement",
            start,
            "the T-SQL parser could not read this statement; its names were located by tokens only",
            "check `etlcheck remap --changes`; allow it with a pragma and a reason",
        )
    _sqlcmd_variables(place, found)
    _database_level(place, found)
    _dbcc_table_variable(place, found)
    _nameless_schema(place, found)
    for index in range(place.first, place.stop):
        _token_problem(place, index, found, held)


def _nameless_schema(place: Place, found: Located) -> None:
    """``CREATE SCHEMA AUTHORIZATION owner CREATE TABLE t ...``: SQL Server keeps the
    form without a schema name for backward compatibility only, and does not document
    which schema its elements go to, so no remap can name it."""
    first, stop = place.first, place.stop
    if place.kind != "CREATE SCHEMA" or place.word(first + 2) != "AUTHORIZATION":
        return
    ended = place.tokens[stop - 1].token_type == TokenType.SEMICOLON
    if ended or not starts_element(place.words, stop):
        return
    found.problem(
        "unparsed-statement",
        place.tokens[stop].start,
        "the elements of CREATE SCHEMA AUTHORIZATION without a schema name (from here to "
        "the next ';'): SQL Server does not document which schema they go to, so etlcheck "
        "cannot remap them",
        "name the schema (CREATE SCHEMA name AUTHORIZATION owner), or allow it with a "
        "pragma and a reason",
    )


def _unparsed_region(place: Place, found: Located) -> None:
    hidden = [
        word_of(place.tokens[i])
        for i in range(place.first + 1, place.stop)
        if word_of(place.tokens[i]) in STATEMENT_WORDS
    ]
    start = place.tokens[place.first].start
    if hidden:
        found.problem(
            "hidden-statement",
            start,
            f"etlcheck cannot split this region into statements, and {hidden[0]} inside it "
            "may start one",
            "fix the syntax, or end each statement with ';'",
        )
    else:
        found.problem(
            "unparsed-statement",
            start,
            "etlcheck cannot read this as a T-SQL statement",
            "fix the syntax, or allow it with a pragma and a reason",
        )


def _directive(place: Place, word: str, found: Located) -> None:
    start = place.tokens[place.first].start
    if word == ":R":
        found.problem(
            "sqlcmd-include",
            start,
            ":r includes a script that etlcheck does not read or remap here",
            "make the included script a step of its own, or lint it and allow this line",
        )
    elif word == ":CONNECT":
        found.problem(
            "sqlcmd-connect",
            start,
            ":connect switches to another server",
            "remove it; etlcheck picks the database",
        )


def _sqlcmd_variables(place: Place, found: Located) -> None:
    if place.kind in MESSAGES:
        return  # a variable in a message names nothing
    for index in range(place.first, place.stop):
        token = place.tokens[index]
        following = place.tokens[index + 1] if index + 1 < place.stop else None
        bare = token.text == "$" and following is not None and following.text == "("
        if "$(" in token.text or bare:
            found.problem(
                "sqlcmd-variable",
                token.start,
                "a sqlcmd variable is replaced when the script is deployed, so the name here "
                "cannot be proven",
                "write the name itself, or allow it with a pragma and a reason",
            )


def _dbcc_table_variable(place: Place, found: Located) -> None:
    """``DBCC CHECKIDENT (@table, ...)``: a table named at run time, which no remap sees;
    and ``DBCC CHECKIDENT ([etl.t])``, a delimited name holding a dot, which DBCC may read
    as a two-part name (its documentation says both ways), so no remap can be sure of it."""
    first = place.first
    if place.kind != "DBCC" or place.word(first + 1) not in OBJECT_DBCC:
        return
    if place.word(first + 2) != "(":
        return
    if dbcc_dotted_name(place, first + 3):
        found.problem(
            "procedure-argument",
            place.tokens[first + 3].start,
            f"the delimited name [{place.tokens[first + 3].text}] holds a dot, and DBCC "
            f"{place.word(first + 1)} may read it as schema and table, so etlcheck cannot "
            "prove which table it names",
            "write the table as a string ('schema.table'), or allow it with a pragma and a reason",
        )
        return
    depth = 0
    for index in range(first + 3, place.stop):
        token = place.tokens[index]
        depth += (token.token_type == TokenType.L_PAREN) - (token.token_type == TokenType.R_PAREN)
        if depth < 0 or (depth == 0 and token.token_type == TokenType.COMMA):
            return
        if token.token_type == TokenType.PARAMETER:
            found.problem(
                "procedure-argument",
                token.start,
                f"the table DBCC {place.word(first + 1)} acts on is in a variable, so etlcheck "
                "cannot prove it stays in the sandbox",
                "pass a constant name, or allow it with a pragma and a reason",
            )
            return


def _database_level(place: Place, found: Located) -> None:
    kind = place.kind
    parts = kind.split(" ")
    start = place.tokens[place.first].start
    database_ddl = parts[0] in ("CREATE", "ALTER", "DROP") and parts[-1] in DATABASE_KINDS
    if database_ddl or place.ddl_trigger:
        two_words = parts[-1] in _TWO_WORD_KINDS
        what = _spelled(place, len(parts) + 1) if two_words else kind
        what = "a DDL trigger" if place.ddl_trigger else what
        found.problem(
            "database-ddl",
            start,
            f"{what} changes the database itself, outside any schema",
            _KEEP_OUT,
        )
    elif kind in SERVER_STATEMENTS or (
        kind == "DBCC" and place.word(place.first + 1) not in OBJECT_DBCC
    ):
        found.problem("database-ddl", start, f"{kind} acts on the database or server", _KEEP_OUT)
    elif kind in ("GRANT", "DENY", "REVOKE") and not _on_schema_or_object(place):
        found.problem(
            "database-ddl",
            start,
            f"{kind} changes a permission of the database itself, outside any schema",
            _KEEP_OUT,
        )


def _spelled(place: Place, count: int) -> str:
    """The statement's first ``count`` words (``CREATE PARTITION FUNCTION``)."""
    spelled = [place.word(i) for i in range(place.first, min(place.stop, place.first + count))]
    return " ".join(word for word in spelled if word.isidentifier())


def _on_schema_or_object(place: Place) -> bool:
    for index in range(place.first, place.stop):
        if place.word(index) == "ON":
            after = place.word(index + 1)
            return not (after == "DATABASE" and place.word(index + 2) == "::")
    return False


def _token_problem(place: Place, j: int, found: Located, held: frozenset[int]) -> None:
    token = place.tokens[j]
    word = place.word(j)
    following = place.tokens[j + 1] if j + 1 < place.stop else None
    opens = following is not None and following.token_type == TokenType.L_PAREN
    if word == "USE" and j == place.first:
        found.problem(
            "use-database",
            token.start,
            "USE switches the database; names after it are outside the sandbox",
            "remove USE and let etlcheck pick the database",
        )
    elif word == "SYNONYM" and place.word(j - 1) in ("CREATE", "ALTER"):
        found.problem(
            "synonym",
            token.start,
            "a synonym redirects a name at run time, so it cannot be proven",
            "reference the object by its schema-qualified name",
        )
    elif word in REMOTE_FUNCTIONS and opens:
        found.problem(
            "linked-server",
            token.start,
            f"{word} reads from another server",
            "linked servers cannot be sandboxed; remove the call",
        )
    elif word in ("EXEC", "EXECUTE") and following is not None:
        _exec_problem(place, j, found, held)
    elif _procedure_name(place, j) == "SP_EXECUTESQL" and following is not None:
        at = j + 1
        if place.word(j + 1) == "@" and j + 3 < place.stop and place.word(j + 3) == "=":
            at = j + 4 if j + 4 < place.stop else j + 1
        value = place.tokens[at]
        if value.token_type not in STRINGS and at not in held:
            _dynamic(found, token.start, "sp_executesql runs SQL held in a variable or expression")
    elif _procedure_name(place, j) in RUNS_TEXT:
        _dynamic(found, token.start, RUNS_TEXT[_procedure_name(place, j)])
    elif (name := _procedure_name(place, j)) in DATABASE_PROCEDURES:
        found.problem(
            "database-ddl", token.start, f"{token.text} {DATABASE_PROCEDURES[name]}", _KEEP_OUT
        )


RUNS_TEXT = {
    "SP_SQLEXEC": "sp_sqlexec runs SQL text it is given",
    "SP_PREPARE": "sp_prepare prepares SQL text it is given",
    "SP_PREPEXEC": "sp_prepexec runs SQL text it is given",
    "SP_CURSOROPEN": "sp_cursoropen runs SQL text it is given",
    "SP_CURSORPREPARE": "sp_cursorprepare prepares SQL text it is given",
    "SP_CURSORPREPEXEC": "sp_cursorprepexec runs SQL text it is given",
    "SP_MSFOREACHTABLE": "sp_MSforeachtable runs SQL text on every table of the database",
    "SP_MSFOREACHDB": "sp_MSforeachdb runs SQL text in every database of the server",
    "SP_MSFOREACH_WORKER": "sp_MSforeach_worker runs SQL text it is given",
    "XP_CMDSHELL": "xp_cmdshell runs an operating system command (sqlcmd, bcp...)",
    "SP_EXECUTE_EXTERNAL_SCRIPT": "sp_execute_external_script runs a script outside SQL",
    "SP_START_JOB": "sp_start_job starts a SQL Server Agent job, whose steps run any SQL",
    "SP_OACREATE": "sp_OACreate drives an OLE object that can run anything",
}
"""Procedures of SQL Server that run SQL text (or commands) etlcheck cannot read: each call
is a ``dynamic-sql`` finding, whatever its arguments."""


def _procedure_name(place: Place, j: int) -> str:
    """The upper-cased name at ``j`` when it is the last part of a (possibly bracketed,
    possibly qualified) name, as a call to ``[sys].[sp_executesql]`` spells it; else ""."""
    token = place.tokens[j]
    if j < place.first or j >= place.stop:
        return ""
    if token.token_type not in (TokenType.VAR, TokenType.IDENTIFIER) and not place.word(j):
        return ""
    if j + 1 < place.stop and place.tokens[j + 1].token_type == TokenType.DOT:
        return ""
    return token.text.upper()


def _exec_problem(place: Place, j: int, found: Located, held: frozenset[int]) -> None:
    tokens = place.tokens
    following = tokens[j + 1]
    if following.token_type == TokenType.L_PAREN:
        close = j + 1
        depth = 0
        for index in range(j + 1, place.stop):
            depth += tokens[index].token_type == TokenType.L_PAREN
            depth -= tokens[index].token_type == TokenType.R_PAREN
            if depth == 0:
                close = index
                break
        inside = tokens[j + 2 : close]
        constant = len(inside) == 1 and inside[0].token_type in STRINGS
        if not constant and j + 2 not in held:
            _dynamic(found, tokens[j].start, "EXEC runs SQL text built at run time")
        if place.word(close + 1) == "AT":
            found.problem(
                "linked-server",
                tokens[close + 1].start,
                "EXEC ... AT runs on a linked server",
                "linked servers cannot be sandboxed; remove the call",
            )
    elif following.token_type == TokenType.PARAMETER and place.word(j + 3) != "=":
        _dynamic(found, tokens[j].start, "EXEC calls a procedure whose name is in a variable")


def _dynamic(found: Located, start: int, message: str) -> None:
    found.problem(
        "dynamic-sql",
        start,
        message,
        "use constant SQL text, or allow it with a pragma and a reason",
    )
