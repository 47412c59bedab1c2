"""Where a schema can stand: which names of a T-SQL statement are schema-scoped objects.

A qualifier is inserted only where SQL Server resolves a name through a schema: the table of
``FROM``/``JOIN``/``INTO``/``UPDATE``, the object of ``CREATE TABLE``/``VIEW``/``PROCEDURE``,
the table an index or a DML trigger is ``ON``, a procedure after ``EXEC``, a sequence after
``NEXT VALUE FOR``. Database, index, constraint, statistics, cursor, filegroup, partition
function and scheme names, DDL triggers and CTEs never take one. The grammar reads the
keywords before a name; the sqlglot tree (where a statement parsed) adds table positions
it knows, and this grammar vetoes the ones where no schema can stand.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.nodes import words
from etlcheck.tsql.tokens import adjacent, word_of

RESERVED = words(
    """ADD ALL ALTER AND ANY AS ASC AUTHORIZATION BACKUP BEGIN BETWEEN BREAK BROWSE BULK BY
    CASCADE CASE CHECK CHECKPOINT CLOSE CLUSTERED COALESCE COLLATE COLUMN COMMIT COMPUTE
    CONSTRAINT CONTAINS CONTAINSTABLE CONTINUE CONVERT CREATE CROSS CURRENT CURRENT_DATE
    CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DBCC DEALLOCATE DECLARE
    DEFAULT DELETE DENY DESC DISK DISTINCT DISTRIBUTED DOUBLE DROP DUMP ELSE END ERRLVL ESCAPE
    EXCEPT EXEC EXECUTE EXISTS EXIT EXTERNAL FETCH FILE FILLFACTOR FOR FOREIGN FREETEXT
    FREETEXTTABLE FROM FULL FUNCTION GOTO GRANT GROUP HAVING HOLDLOCK IDENTITY IDENTITY_INSERT
    IDENTITYCOL IF IN INDEX INNER INSERT INTERSECT INTO IS JOIN KEY KILL LEFT LIKE LINENO LOAD
    MERGE NATIONAL NOCHECK NONCLUSTERED NOT NULL NULLIF OF OFF OFFSETS ON OPEN
    OPENDATASOURCE OPENQUERY OPENROWSET OPENXML OPTION OR ORDER OUTER OVER PERCENT PIVOT PLAN
    PRECISION PRIMARY PRINT PROC PROCEDURE PUBLIC RAISERROR READ READTEXT RECONFIGURE
    REFERENCES REPLICATION RESTORE RESTRICT RETURN REVERT REVOKE RIGHT ROLLBACK ROWCOUNT
    ROWGUIDCOL RULE SAVE SCHEMA SECURITYAUDIT SELECT SESSION_USER SET SETUSER SHUTDOWN SOME
    STATISTICS SYSTEM_USER TABLE TABLESAMPLE TEXTSIZE THEN TO TOP TRAN TRANSACTION TRIGGER
    TRUNCATE TRY_CONVERT TSEQUAL UNION UNIQUE UNPIVOT UPDATE UPDATETEXT USE USER VALUES
    VARYING VIEW WAITFOR WHEN WHERE WHILE WITH WITHIN WRITETEXT"""
)
"""T-SQL's reserved keywords: none of them can be a bare (unbracketed) object name."""

OBJECT_DBCC = words("CHECKIDENT CHECKTABLE CHECKCONSTRAINTS CLEANTABLE SHOW_STATISTICS")
"""DBCC commands whose first argument names a table (a string or a name)."""
_ALWAYS = words("FROM JOIN APPLY INTO UPDATE INSERT DELETE MERGE TRANSFER REFERENCES")
_KINDS = words(
    "TABLE VIEW PROCEDURE PROC FUNCTION SEQUENCE SYNONYM TYPE RULE DEFAULT QUEUE AGGREGATE"
)
_DDL = words("CREATE ALTER DROP TRUNCATE")
_LONG_KINDS = (("SECURITY", "POLICY"), ("XML", "SCHEMA", "COLLECTION"), ("EXTERNAL", "TABLE"))
"""Schema-scoped kinds of object spelled in more than one word (``DROP SECURITY POLICY p``)."""
_SCOPED_CLASSES = (("OBJECT",), ("TYPE",), ("XML", "SCHEMA", "COLLECTION"))
"""Securable classes before ``::`` whose entities are in a schema (``TYPE::etl.list``)."""
_NEVER_AFTER = words(
    """DATABASE USE INDEX CONSTRAINT STATISTICS CURSOR SCHEME LOGIN USER ROLE CERTIFICATE
    ASSEMBLY FILEGROUP CATALOG"""
)
_ON_TARGETS = words("INDEX STATISTICS TRIGGER ENABLE DISABLE")
_LIST_CLAUSES = words(
    """WHERE ON SELECT SET VALUES INTO UNION WHEN THEN HAVING OUTPUT JOIN APPLY USING
    EXCEPT INTERSECT RETURN PRINT"""
)
_INDEX_PREFIXES = words("UNIQUE CLUSTERED NONCLUSTERED COLUMNSTORE XML SPATIAL FULLTEXT PRIMARY")


class Position(enum.Enum):
    """What may stand at a place of a statement."""

    OBJECT = "object"
    """A schema-scoped object: remap its schema, qualify it when unqualified."""
    NAMED = "named"
    """A schema-scoped object whose unqualified name SQL Server resolves elsewhere (a DML
    trigger takes its table's schema): remap a schema written there, insert none."""
    NEVER = "never"
    """No schema can stand here (database, index, constraint, cursor, filegroup...)."""
    UNKNOWN = "unknown"
    """The grammar has no opinion; the sqlglot tree decides."""


def token_words(tokens: Sequence[Token]) -> tuple[str, ...]:
    """What each token spells as a keyword: the upper-cased word, the text of punctuation,
    ``""`` for a bracketed or quoted name and for the name of ``@variable`` or ``#temp``."""
    return tuple(
        ""
        if token.token_type == TokenType.IDENTIFIER or is_variable_name(tokens, index)
        else word_of(token) or token.text
        for index, token in enumerate(tokens)
    )


@dataclass(frozen=True)
class Place:
    """One statement's tokens ``[first, stop)`` and its kind (``CREATE INDEX``, ``SELECT``);
    ``words`` are ``token_words`` of the whole batch."""

    tokens: Sequence[Token]
    words: Sequence[str]
    first: int
    stop: int
    kind: str

    @classmethod
    def of(cls, tokens: Sequence[Token], words: Sequence[str], first: int, stop: int) -> Place:
        return cls(tokens, words, first, stop, statement_kind(words, first, stop))

    def word(self, index: int) -> str:
        """The keyword at ``index`` (``""`` outside the statement or for a non-word)."""
        if index < self.first or index >= self.stop:
            return ""
        return self.words[index]

    @property
    def ddl_trigger(self) -> bool:
        """``CREATE TRIGGER ... ON DATABASE`` / ``ON ALL SERVER``: not in any schema."""
        return "TRIGGER" in self.kind and any(
            self.word(i) == "ON" and self.word(i + 1) in ("DATABASE", "ALL")
            for i in range(self.first, self.stop)
        )


def is_variable_name(tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` is the name of ``@variable`` or ``#temp`` (after the sigil)."""
    if index == 0:
        return False
    previous = tokens[index - 1]
    return previous.token_type in (TokenType.PARAMETER, TokenType.HASH) and adjacent(
        previous, tokens[index]
    )


def statement_kind(words: Sequence[str], first: int, stop: int) -> str:
    """``CREATE INDEX``, ``DROP TRIGGER``, ``ALTER TABLE``, ``GRANT``, ``SELECT``..."""
    spelled = list(words[first : min(stop, first + 8)])
    if not spelled:
        return ""
    head = spelled[0]
    if head not in ("CREATE", "ALTER", "DROP") or len(spelled) < 2:
        return head
    rest = spelled[3:] if spelled[1:3] == ["OR", "ALTER"] else spelled[1:]
    while rest and rest[0] in _INDEX_PREFIXES:
        rest = rest[1:]
    if rest and rest[0] in ("CLUSTERED INDEX", "NONCLUSTERED INDEX"):
        rest = ["INDEX"]
    return f"{head} {rest[0]}" if rest else head


def keyword_before(place: Place, j: int) -> tuple[str, int]:
    """The keyword before token ``j`` and its index, stepping over ``IF EXISTS``,
    ``OBJECT::`` and ``TOP (n)``."""
    k = j - 1
    while True:
        word = place.word(k)
        if word in ("IF", "EXISTS"):
            k -= 1
        elif place.first <= k and place.tokens[k].token_type == TokenType.DCOLON:
            scoped = next((c for c in _SCOPED_CLASSES if _spelled(place, k - 1, c)), None)
            if scoped is None or place.word(k - 2) == "MESSAGE":  # MESSAGE TYPE::m
                return place.word(k - 1) + "::", k - 1
            k -= len(scoped) + 1
        elif word == ")" and _top_before(place, k):
            k = _top_before(place, k) - 1
        else:
            return word, k


def _spelled(place: Place, last: int, spelling: Sequence[str]) -> bool:
    """Whether the keywords ending at token ``last`` are ``spelling``."""
    first = last - len(spelling) + 1
    return all(place.word(first + i) == word for i, word in enumerate(spelling))


def _kind_before(place: Place, k: int) -> bool:
    """Whether token ``k`` ends the kind of a schema-scoped object after ``CREATE``,
    ``ALTER``, ``DROP`` or ``TRUNCATE`` (``DROP RULE``, ``CREATE XML SCHEMA COLLECTION``)."""
    if place.word(k) in _KINDS and place.word(k - 1) in _DDL:
        return True
    return any(
        _spelled(place, k, kind) and place.word(k - len(kind)) in _DDL for kind in _LONG_KINDS
    )


def _class_words(place: Place, j: int) -> bool:
    """Whether token ``j`` starts a securable class spelled in words before ``::``
    (``GRANT ... ON SYMMETRIC KEY::k``): a class, not an object."""
    index = j
    while index < min(place.stop, j + 4) and _bare_word(place, index):
        index += 1
    return index > j and index < place.stop and place.tokens[index].token_type == TokenType.DCOLON


def _bare_word(place: Place, index: int) -> bool:
    token = place.tokens[index]
    return token.token_type not in (TokenType.IDENTIFIER, TokenType.DCOLON) and (
        place.word(index).isalpha()
    )


def _top_before(place: Place, k: int) -> int:
    """Index of ``TOP`` when ``k`` closes ``TOP (n)``, else 0."""
    depth = 0
    for index in range(k, place.first - 1, -1):
        kind = place.tokens[index].token_type
        depth += kind == TokenType.R_PAREN
        depth -= kind == TokenType.L_PAREN
        if depth == 0:
            return index - 1 if place.word(index - 1) == "TOP" else 0
    return 0


def position(place: Place, j: int) -> Position:
    """What may stand at the name (chain) starting at token ``j``."""
    before, k = keyword_before(place, j)
    kind = place.kind
    if place.ddl_trigger or kind in ("FETCH", "OPEN", "CLOSE", "DEALLOCATE", "USE"):
        return Position.NEVER
    if before.endswith("::"):
        return Position.NEVER  # DATABASE::x, LOGIN::x (SCHEMA::x is read by names_schema)
    if before in ("DELETE", "UPDATE") and place.word(k - 1) == "ON":
        return Position.NEVER  # a foreign key's ON DELETE NO ACTION
    if before == "DELETE" and place.word(k - 1) == "THEN":
        return Position.NEVER  # MERGE's WHEN NOT MATCHED BY SOURCE THEN DELETE OUTPUT ...
    if before == "MERGE" and place.word(j) == "RANGE":
        return Position.NEVER  # ALTER PARTITION FUNCTION pf() MERGE RANGE (1)
    if before in _NEVER_AFTER or (before == "FUNCTION" and place.word(k - 1) == "PARTITION"):
        return Position.NEVER
    if before in _ALWAYS or before == "UPDATE STATISTICS" or before == "IDENTITY_INSERT":
        excluded = (before == "FROM" and kind in ("REVOKE", "DENY", "CREATE TYPE")) or (
            before == "INTO" and kind == "FETCH"
        )
        return Position.NEVER if excluded else Position.OBJECT
    if before == "USING":
        return Position.OBJECT if kind in ("MERGE", "WITH") else Position.UNKNOWN
    if _kind_before(place, k):
        return Position.OBJECT
    if before == "QUEUE" and place.word(k - 1) == "ON":
        return Position.OBJECT  # CREATE SERVICE s ON QUEUE q
    if before == "TRIGGER":
        return Position.NAMED if kind != "DROP TRIGGER" else Position.OBJECT
    if before in ("EXEC", "EXECUTE"):
        return Position.OBJECT
    if before == "(" and place.word(k - 1) in OBJECT_DBCC and place.word(k - 2) == "DBCC":
        # DBCC CHECKIDENT (t, ...): its table, a one-part name too (a string is a literal's)
        quoted = place.tokens[j].token_type in (TokenType.STRING, TokenType.NATIONAL_STRING)
        return Position.NEVER if quoted or dbcc_dotted_name(place, j) else Position.OBJECT
    if before == "ON":
        return _after_on(place, j, k)
    if before == "FOR":
        synonym = kind == "CREATE SYNONYM"
        sequence = place.word(k - 1) == "VALUE" and place.word(k - 2) == "NEXT"
        return Position.OBJECT if synonym or sequence else Position.NEVER
    if before == "TO" and kind == "ALTER TABLE":
        switch = any(place.word(i) == "SWITCH" for i in range(place.first, k))
        return Position.OBJECT if switch else Position.UNKNOWN
    if before == "=":
        return _after_equals(place, k)
    if before == ",":
        return list_position(place, k)
    return Position.UNKNOWN


def dbcc_dotted_name(place: Place, j: int) -> bool:
    """Whether token ``j`` is a one-part delimited name holding a dot (``[etl.t]``,
    ``"etl.t"``), which DBCC may read as a two-part name: lint reports it, the remap
    leaves it."""
    token = place.tokens[j] if j < place.stop else None
    if token is None or token.token_type != TokenType.IDENTIFIER or "." not in token.text:
        return False
    return place.word(j + 1) != "." and place.word(j - 1) != "."


def _after_on(place: Place, j: int, k: int) -> Position:
    kind = place.kind
    if kind in ("GRANT", "DENY", "REVOKE", "ALTER AUTHORIZATION"):
        return Position.NEVER if _class_words(place, j) else Position.OBJECT
    head = kind.split(" ")[-1]
    if head not in _ON_TARGETS and kind not in ("ENABLE", "DISABLE", "UPDATE STATISTICS"):
        return Position.NEVER
    first_on = next(
        (i for i in range(place.first, place.stop) if place.word(i) == "ON"), place.stop
    )
    return Position.OBJECT if first_on == k else Position.NEVER


def _after_equals(place: Place, k: int) -> Position:
    if place.word(k - 1) == "HISTORY_TABLE":
        return Position.OBJECT
    if (
        k - 3 >= place.first
        and place.word(k - 3) in ("EXEC", "EXECUTE")
        and place.tokens[k - 2].token_type == TokenType.PARAMETER
    ):
        return Position.OBJECT  # EXEC @rc = procedure
    return Position.UNKNOWN


def list_position(place: Place, k: int) -> Position:
    """A name after a comma: an object when the list is ``FROM a, b`` or ``DROP TABLE a, b``."""
    depth = 0
    for index in range(k - 1, place.first - 1, -1):
        kind = place.tokens[index].token_type
        if kind == TokenType.R_PAREN:
            depth += 1
        elif kind == TokenType.L_PAREN:
            depth -= 1
            if depth < 0:
                return Position.UNKNOWN
        if depth:
            continue
        word = place.word(index)
        if word == "FROM":
            excluded = place.kind in ("REVOKE", "DENY", "FETCH")
            return Position.NEVER if excluded else Position.OBJECT
        if word in _KINDS and place.kind.startswith("DROP"):
            return Position.OBJECT
        if word in _LIST_CLAUSES or word.endswith(" BY"):
            return Position.UNKNOWN
    return Position.UNKNOWN


def names_schema(place: Place, j: int) -> bool:
    """Whether the name at ``j`` is a schema itself: ``CREATE``/``ALTER``/``DROP SCHEMA x``
    (``IF EXISTS`` too) or ``SCHEMA::x``."""
    k = j - 1
    if place.first <= k and place.tokens[k].token_type == TokenType.DCOLON:
        return place.word(k - 1) == "SCHEMA"
    while place.word(k) in ("IF", "EXISTS"):
        k -= 1
    return place.word(k) == "SCHEMA" and place.word(k - 1) in ("CREATE", "ALTER", "DROP")


def bare_name_candidate(token: Token) -> bool:
    """Whether an unqualified token can be an object's name: bracketed or quoted, or a bare
    word that is not a reserved keyword."""
    if token.token_type == TokenType.IDENTIFIER:
        return True
    text = token.text
    return (
        bool(text)
        and (text[0].isalpha() or text[0] == "_")
        and text.replace("_", "a").replace("$", "a").replace("@", "a").replace("#", "a").isalnum()
        and text.upper() not in RESERVED
    )
