"""Parse one T-SQL statement into a sqlglot tree, with the T-SQL sqlglot reads wrongly
taken out first.

- ``FORMAT(value, pattern)``, ``DATEPART``, ``DATENAME``, ``JSON_VALUE``, ``SYSDATETIME()``,
  ``SYSDATETIMEOFFSET()`` and the session functions stay calls by their own name (they are
  renamed for the parse): sqlglot turns a date pattern into strftime codes as it parses,
  which loses what .NET makes of the pattern, reads DATENAME into a strftime pattern that
  loses its datepart and DATEPART's ``w`` as the week (see ``emulation.dateparts``), reads
  JSON_VALUE's path into steps (losing the text ``emulation.json_functions`` reads), reads
  SYSDATETIME (datetime2) as GETDATE (datetime), and reads ``SUSER_SNAME()``,
  ``SYSTEM_USER`` (logins) and ``CURRENT_USER`` (a database user) as one node. The niladic
  ``SYSTEM_USER``, ``CURRENT_USER``, ``SESSION_USER`` and ``USER`` become calls without
  arguments (``USER`` is otherwise read as a column).
- ``OUTPUT ... [INTO target [(columns)]]`` of INSERT, UPDATE, DELETE and MERGE is found
  by :mod:`etlcheck.tsql.output_clause`, cut out of the text at its offsets, the rest
  parsed as usual, and the clause attached as the tree's ``returning`` (an
  ``exp.Returning`` whose ``into`` is a table, or a ``Schema`` with a column list; a table
  variable is a table whose name is the parameter ``@t``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.compound_select import without_compound_assignments
from etlcheck.tsql.constraint_switch import ADDED_WITH_CHECK, read_switch
from etlcheck.tsql.default_constraints import DEFAULT_NAME
from etlcheck.tsql.default_for import read_default_for
from etlcheck.tsql.insert_hints import without_insert_hints
from etlcheck.tsql.maintenance import index_action, maintenance_query
from etlcheck.tsql.nodes import words
from etlcheck.tsql.output_clause import output_clause
from etlcheck.tsql.storage_clauses import without_storage_clauses
from etlcheck.tsql.temp_names import bracket_temp_names
from etlcheck.tsql.tokens import NILADIC, SplitError, matching_paren, tokenize, word_of
from etlcheck.tsql.view_options import first_view_attribute_only


class CompileError(Exception):
    """A statement cannot be compiled; ``construct`` names what is not supported and
    ``word`` the token of the statement that shows it (for the column of a finding), and
    ``occurrence`` which of the tokens spelling ``word`` it is (0 for the first)."""

    def __init__(
        self,
        message: str,
        construct: str = "",
        unsupported: bool = True,
        word: str = "",
        occurrence: int = 0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.construct = construct
        self.unsupported = unsupported
        self.word = word
        self.occurrence = occurrence


_KEPT = (
    "FORMAT",
    "DATEPART",
    "DATENAME",
    "JSON_VALUE",
    "SYSDATETIME",
    "SYSDATETIMEOFFSET",
    "SUSER_SNAME",
    "SUSER_NAME",
    *NILADIC,
)
"""Functions sqlglot would turn into something else as it parses: renamed for the parse
(``ETLCHECK_FORMAT``), so they stay calls by their own name."""
_NOT_AFTER_USER = frozenset(["CREATE", "ALTER", "DROP", "AS", "AUTHORIZATION"])
"""Words before ``USER`` that make it part of a statement (``CREATE USER``, ``EXECUTE AS
USER``), not the function."""
_PREFIX = "ETLCHECK_"


@contextmanager
def quiet_sqlglot() -> Iterator[None]:
    """sqlglot's log held back: a caller that reads a statement it falls back to parsing as
    a Command says so itself, where the user sees it, or handles it."""
    logger = logging.getLogger("sqlglot")
    was_disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = was_disabled


def parse_tsql(text: str) -> exp.Expression:
    """The tree of one T-SQL statement; CompileError when sqlglot cannot read it."""
    text = bracket_temp_names(text)
    maintenance = maintenance_query(text)
    if maintenance is not None:
        return _parse_one(maintenance)
    action = index_action(text)
    if action is not None:
        raise CompileError(
            f"ALTER INDEX … {action}: only REBUILD and REORGANIZE, which change nothing a "
            "statement sees, are emulated",
            f"ALTER INDEX … {action}",
            word=action,
        )
    text, top = take_dml_top(text)
    if top is not None:
        tree = parse_tsql(text)
        if not isinstance(tree, (exp.Delete, exp.Update)):
            raise CompileError("TOP belongs to DELETE or UPDATE here", "TOP")
        tree.set("limit", exp.Limit(expression=_parse_one(f"SELECT {top}").expressions[0]))
        return tree
    switched = read_switch(text)
    if isinstance(switched, exp.Alter):
        return switched
    if switched is not None:
        tree = parse_tsql(switched[0])
        tree.meta[ADDED_WITH_CHECK] = switched[1]
        return tree
    default_for = read_default_for(text)
    if default_for is not None:
        text = default_for.statement
    if _CURRENT_OF.search(text):
        _refuse_current_of(text)
    if _EXEC.search(text):
        _refuse_insert_exec(text)
    clause = output_clause(text)
    if clause is not None:
        text = text[: clause.start] + " " * (clause.end - clause.start) + text[clause.end :]
    tree = _parse_one(text)
    if default_for is not None:
        tree.meta[DEFAULT_NAME] = default_for.name
    if clause is not None:
        if not isinstance(tree, (exp.Insert, exp.Update, exp.Delete, exp.Merge)):
            raise CompileError("OUTPUT belongs to INSERT, UPDATE, DELETE or MERGE", "OUTPUT")
        columns = _parse_one(f"SELECT {clause.columns}")
        into = _output_target(clause.into) if clause.into else None
        tree.set("returning", exp.Returning(expressions=list(columns.expressions), into=into))
    return tree


def take_dml_top(text: str) -> tuple[str, str | None]:
    """``DELETE TOP (n) ...`` / ``UPDATE TOP (n) ...`` as the statement without its TOP
    (blanked, so offsets hold) and ``n``; sqlglot reads the first as a DELETE of a table
    named TOP. ``TOP ... PERCENT`` and ``INSERT TOP`` are refused."""
    if "TOP" not in text.upper():
        return text, None
    try:
        tokens = tokenize(text)
    except SplitError:
        return text, None
    first = _dml_verb(tokens)
    if first is None or len(tokens) < first + 4:
        return text, None
    verb = word_of(tokens[first])
    if word_of(tokens[first + 1]) != "TOP" or tokens[first + 2].token_type != TokenType.L_PAREN:
        return text, None
    tokens = tokens[first:]
    close = matching_paren(tokens, 2)
    if close is None:
        return text, None
    after = word_of(tokens[close + 1]) if close + 1 < len(tokens) else None
    if verb == "INSERT" or after == "PERCENT":
        shown = f"{verb} TOP ... PERCENT" if after == "PERCENT" else "INSERT TOP"
        raise CompileError(f"{shown}: not supported", shown, word="TOP")
    top = text[tokens[3].start : tokens[close - 1].end + 1]
    end = tokens[close].end + 1
    return text[: tokens[1].start] + " " * (end - tokens[1].start) + text[end:], top


def _dml_verb(tokens: list[Token]) -> int | None:
    """Where the statement's DELETE, UPDATE or INSERT is (after a WITH's CTEs), or None."""
    depth = 0
    for index, token in enumerate(tokens):
        depth += (token.token_type == TokenType.L_PAREN) - (token.token_type == TokenType.R_PAREN)
        word = word_of(token)
        if depth == 0 and word in ("DELETE", "UPDATE", "INSERT"):
            return index
        if (depth == 0 and word in ("SELECT", "MERGE")) or (index == 0 and word != "WITH"):
            return None
    return None


_CURRENT_OF = re.compile(r"\bCURRENT\s+OF\b", re.IGNORECASE)


def _refuse_current_of(text: str) -> None:
    """``UPDATE ... WHERE CURRENT OF cursor``: a positioned update through a cursor."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return
    for before, current, of in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (word_of(before), word_of(current), word_of(of)) == ("WHERE", "CURRENT", "OF"):
            raise CompileError(
                "WHERE CURRENT OF: updating the row a cursor is on is not supported (cursors "
                "are static here)",
                "WHERE CURRENT OF",
                word="CURRENT",
            )


_EXEC = re.compile(r"\bEXEC(?:UTE)?\b", re.IGNORECASE)


def _refuse_insert_exec(text: str) -> None:
    """``INSERT [INTO] t EXEC procedure``: rows from a procedure's result sets."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return
    if not tokens or word_of(tokens[0]) != "INSERT":
        return
    depth = 0
    for token in tokens:
        depth += token.token_type == TokenType.L_PAREN
        depth -= token.token_type == TokenType.R_PAREN
        if depth == 0 and word_of(token) in ("EXEC", "EXECUTE"):
            raise CompileError(
                "INSERT ... EXEC: inserting the result sets of a procedure or dynamic SQL is "
                "not supported",
                "INSERT ... EXEC",
                word=token.text,
            )


def _rename_kept(text: str) -> str:
    """Calls of the ``_KEPT`` functions under names sqlglot does not know; the ``NILADIC``
    ones, written without parentheses, as calls of no argument."""
    upper = text.upper()
    if not any(name in upper for name in _KEPT):
        return text
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    pieces: list[str] = []
    position = 0
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if before is not None and before.token_type == TokenType.DOT:
            continue
        opens = after is not None and after.token_type == TokenType.L_PAREN
        if token.text.upper() in _KEPT and token.text.upper() not in NILADIC and opens:
            pieces += [text[position : token.start], _PREFIX + token.text.upper()]
        elif _is_niladic_call(token, before, after):
            pieces += [text[position : token.start], f"{_PREFIX}{token.text.upper()}()"]
        else:
            continue
        position = token.end + 1
    return "".join(pieces) + text[position:] if pieces else text


def _is_niladic_call(token: Token, before: Token | None, after: Token | None) -> bool:
    """``SYSTEM_USER``, ``CURRENT_USER``, ``SESSION_USER`` or ``USER`` as a value (not
    ``[USER]``, ``t.USER``, ``CREATE USER``, ``USER::name`` or a call with parentheses)."""
    name = word_of(token)
    if name not in NILADIC or token.token_type == TokenType.IDENTIFIER:
        return False
    if after is not None and after.token_type in (TokenType.L_PAREN, TokenType.DOT):
        return False
    if name != "USER":
        return True
    if after is not None and after.token_type == TokenType.DCOLON:
        return False
    return before is None or word_of(before) not in _NOT_AFTER_USER


def _without_owner(text: str) -> str:
    """``CREATE SCHEMA name AUTHORIZATION owner`` as ``CREATE SCHEMA name``: SSDT writes the
    owner for every schema, and a disposable database has one owner. The objects created
    with the schema in the same statement come here as statements of their own, in the
    schema (``schema_elements``); anything else after the owner is refused."""
    if "AUTHORIZATION" not in text.upper():
        return text
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    words = [word_of(token) for token in tokens]
    if words[:2] != ["CREATE", "SCHEMA"] or "AUTHORIZATION" not in words:
        return text
    at = words.index("AUTHORIZATION")
    rest = [token for token in tokens[at + 2 :] if token.token_type != TokenType.SEMICOLON]
    if at != 3 or len(tokens) < at + 2 or rest:
        raise CompileError(
            "CREATE SCHEMA: creating objects in the CREATE SCHEMA statement is not supported "
            "(create each one in a statement of its own, naming the schema)",
            "CREATE SCHEMA",
        )
    return text[: tokens[at].start] + text[tokens[at + 1].end + 1 :]


def _parse_one(text: str) -> exp.Expression:
    text = without_insert_hints(without_storage_clauses(_without_owner(text)))
    text = first_view_attribute_only(text)
    text = without_compound_assignments(text)
    renamed = _rename_kept(text)
    tree = _parse_renamed(renamed)
    if renamed is not text:
        for node in tree.find_all(exp.Anonymous):
            name = node.name.upper()
            if name.startswith(_PREFIX) and name[len(_PREFIX) :] in _KEPT:
                node.set("this", name[len(_PREFIX) :])
    return tree


def _parse_renamed(text: str) -> exp.Expression:
    try:
        with quiet_sqlglot():  # a Command is refused below, in the user's words
            trees = sqlglot.parse(text, read="tsql")
    except (ParseError, TokenError) as error:
        construct = statement_construct(text)
        if construct.split(" ")[0] in UNREAD_STATEMENTS:  # T-SQL, not a typo: not emulated
            raise CompileError(f"{construct} is not supported", construct) from None
        first = str(error).splitlines()[0]
        raise CompileError(f"cannot parse statement: {first}", construct) from None
    trees = [tree for tree in trees if tree is not None]
    if len(trees) != 1:
        raise CompileError("cannot split this statement", statement_construct(text))
    tree = trees[0]
    if not isinstance(tree, exp.Expression) or isinstance(tree, exp.Command):
        construct = statement_construct(text)
        raise CompileError(f"{construct} is not supported", construct)
    return tree


UNREAD_STATEMENTS = words(
    "DBCC BULK DISABLE ENABLE BACKUP RESTORE CHECKPOINT RECONFIGURE KILL SHUTDOWN SETUSER "
    "READTEXT WRITETEXT UPDATETEXT"
)
"""Statements of T-SQL that sqlglot does not read (``DBCC CHECKTABLE``, ``BULK INSERT``,
``DISABLE TRIGGER``…): a statement not emulated, which lint reports by its tokens, not a
syntax error to fix (``DBCC CHECKIDENT`` is run by ``etlcheck.tsql.checkident``)."""


def describe(error: CompileError) -> str:
    """``construct: what`` as a finding or an error says it."""
    if not error.construct or error.message.startswith(error.construct):
        return error.message
    return f"{error.construct}: {error.message}"


def word_offset(text: str, word: str, occurrence: int = 0) -> int:
    """Offset of the token of ``text`` that spells ``word`` (any case; ``A|B``: either)
    for the ``occurrence``-th time (the last there is when fewer), else 0."""
    if not word:
        return 0
    try:
        tokens = tokenize(text)
    except SplitError:
        return 0
    wanted = set(word.upper().split("|"))
    found = [
        token.start
        for token in tokens
        if token.text.upper() in wanted and token.token_type not in _LITERALS
    ]
    return found[min(occurrence, len(found) - 1)] if found else 0


_LITERALS = frozenset([TokenType.STRING, TokenType.NATIONAL_STRING])


def statement_construct(text: str) -> str:
    """The first two words of a statement, upper-cased (``CREATE PROCEDURE``)."""
    found = re.findall(r"[A-Za-z_]+", text)[:2]
    return " ".join(found).upper() or text[:20]


def _output_target(text: str) -> exp.Expression:
    """``@t``, ``schema.table`` or ``schema.table (a, b)`` as a tree."""
    match = re.match(r"(?s)(.*?)\s*\((.*)\)\s*$", text)
    name, columns = (match.group(1), match.group(2)) if match else (text, "")
    try:
        if name.startswith("@"):  # a table variable: a table named by a parameter
            variable = exp.Parameter(this=exp.Var(this=name.strip()[1:]))
            table = exp.Table(this=variable)
        else:
            table = exp.to_table(name, dialect="tsql")
    except (ParseError, TokenError, ValueError):
        raise CompileError(f"cannot read the OUTPUT INTO target {text}", "OUTPUT INTO") from None
    if not columns:
        return table
    names = [exp.to_identifier(part.strip().strip("[]")) for part in columns.split(",")]
    return exp.Schema(this=table, expressions=names)
