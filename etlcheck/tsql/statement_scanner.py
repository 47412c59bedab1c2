"""Where a plain statement ends: T-SQL needs no ``;``, so the scanner reads tokens
until the next statement starts; the control-flow parser in ``statements`` builds on it.

A statement keyword at parenthesis depth 0, outside ``CASE``, starts the next statement
unless it can continue this one (``INSERT ... SELECT``, ``UNION SELECT``, ``UPDATE ... SET``,
``MERGE ... THEN UPDATE``, ``DROP TABLE IF EXISTS``, ``GRANT SELECT, INSERT ON``...): the
rules are in ``StatementScanner.continues``. A label (``done:``) or a sqlcmd line
(``:setvar``) also starts a new statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.nodes import Fragment, words
from etlcheck.tsql.tokens import (
    STATEMENT_WORDS,
    SplitError,
    adjacent,
    is_name,
    matching_paren,
    tokenize,
    word_of,
)

_OBJECT_KINDS = words(
    """TABLE VIEW SCHEMA PROCEDURE PROC FUNCTION INDEX SEQUENCE TRIGGER TYPE SYNONYM
    DATABASE COLUMN CONSTRAINT USER ROLE STATISTICS RULE DEFAULT POLICY AGGREGATE ASSEMBLY"""
)
"""Kinds after which ``DROP``/``ALTER`` takes ``IF EXISTS`` (``DROP RULE IF EXISTS r``)."""
_REFERENTIAL_ACTIONS = words("CASCADE NO SET RESTRICT")
"""What follows ``ON DELETE``/``ON UPDATE`` in a foreign key: the keyword continues the
statement there, where after ``SET NOCOUNT ON`` it starts the next one."""
_PERMISSIONS = words("GRANT DENY REVOKE")
_DROP_STATEMENTS = words(
    """TABLE VIEW PROCEDURE PROC FUNCTION SCHEMA SEQUENCE SYNONYM TYPE TRIGGER DATABASE USER
    ROLE LOGIN STATISTICS INDEX PARTITION ASSEMBLY DEFAULT RULE EXTERNAL XML FULLTEXT"""
)
"""What follows ``DROP`` when it starts a statement rather than ``ALTER TABLE ... DROP``."""
_SET_OPERATORS = words("UNION ALL EXCEPT INTERSECT AS")


@dataclass
class _Extent:
    """What the scanner knows about the statement it is reading."""

    main: str
    object: str = ""
    source_seen: bool = False
    update_pending: bool = False
    permissions_listed: bool = False
    set_seen: bool = False
    switched: bool = False


class StatementScanner:
    """A cursor over the tokens of a batch that finds the extent of plain statements."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.position = 0
        self.words = [
            None if self.after_sigil(index) else word_of(token)
            for index, token in enumerate(self.tokens)
        ]
        """The keyword of each token (``word_of``), None for a variable's or temp's name."""

    # -- token helpers -------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def peek_word(self, ahead: int = 0) -> str | None:
        index = self.position + ahead
        return self.words[index] if index < len(self.words) else None

    def after_sigil(self, index: int) -> bool:
        """Whether token ``index`` is the name part of ``@variable`` or ``#temp``."""
        if index == 0:
            return False
        previous, token = self.tokens[index - 1], self.tokens[index]
        return previous.token_type in (TokenType.PARAMETER, TokenType.HASH) and adjacent(
            previous, token
        )

    def fragment(self, first: int, last: int) -> Fragment:
        start = self.tokens[first].start
        return Fragment(self.text[start : self.tokens[last].end + 1], start)

    def starts_label_or_directive(self, index: int) -> bool:
        """``name:`` (a label) or a sqlcmd line (``:setvar``, ``:r``) at token ``index``."""
        token = self.tokens[index]
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None:
            return False
        if token.token_type == TokenType.COLON:
            first_on_line = index == 0 or self.tokens[index - 1].line < token.line
            return first_on_line and is_name(following) and adjacent(token, following)
        return (
            following.token_type == TokenType.COLON
            and is_name(token)
            and not self.after_sigil(index)
            and (index == 0 or self.tokens[index - 1].token_type != TokenType.DOT)
        )

    # -- parentheses and argument lists ---------------------------------------------
    def matching_paren(self, index: int) -> int:
        closing = matching_paren(self.tokens, index)
        if closing is None:
            raise SplitError("unbalanced parentheses", self.tokens[index].start, "(")
        return closing

    def split_arguments(self, first: int, last: int) -> tuple[Fragment, ...]:
        """Comma-separated parts at depth 0 (THROW/RAISERROR/EXEC arguments)."""
        parts: list[Fragment] = []
        depth = 0
        part_first = first
        for index in range(first, last + 1):
            kind = self.tokens[index].token_type
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                depth -= 1
            elif kind == TokenType.COMMA and depth == 0:
                if index > part_first:
                    parts.append(self.fragment(part_first, index - 1))
                part_first = index + 1
        if part_first <= last and self.tokens[last].token_type != TokenType.SEMICOLON:
            parts.append(self.fragment(part_first, last))
        return tuple(parts)

    # -- extent of a plain statement ------------------------------------------------
    def scan_statement(
        self, kind: str, stop_at_comma: bool = False, check_first: bool = False
    ) -> int:
        """Advance past the statement that starts here; return the index of its last token.

        ``kind`` is the statement's keyword; with ``check_first`` the first token is an
        argument (of PRINT, RETURN...) and may already be the next statement.
        """
        first = self.position
        depth = case_depth = 0
        state = _Extent("" if kind == "WITH" else kind, self.peek_word(1) or "")
        state.update_pending = kind == "UPDATE" and self.peek_word(1) != "STATISTICS"
        while (token := self.peek()) is not None:
            token_type = token.token_type
            if token_type == TokenType.SEMICOLON and depth == 0:
                self.position += 1
                return self.position - 2
            checked = check_first or self.position > first
            if checked and depth == 0 and self.starts_label_or_directive(self.position):
                break
            spelled = self.peek_word()
            word = spelled if checked else None
            if token_type == TokenType.L_PAREN:
                depth += 1
            elif token_type == TokenType.R_PAREN:
                depth -= 1
            elif spelled == "CASE":  # the first token too: SET @s = CASE ... ELSE ... END
                case_depth += 1
            elif spelled == "END" and case_depth:
                case_depth -= 1
            elif stop_at_comma and depth == 0 and token_type == TokenType.COMMA:
                break
            elif depth == 0 and not case_depth and word in STATEMENT_WORDS:
                if not self.continues(word, state):
                    break
            elif depth == 0 and word in ("VALUES", "DEFAULT") and state.main == "INSERT":
                state.source_seen = True
            elif depth == 0 and word in ("ON", "TO", "FROM") and state.main in _PERMISSIONS:
                state.permissions_listed = True
            self.position += 1
        return self.position - 1

    def continues(self, word: str, state: _Extent) -> bool:
        """Whether statement keyword ``word`` (at depth 0) continues the current statement."""
        before = self.tokens[self.position - 1]
        previous = word_of(before) or before.text
        following = self.peek_word(1) or ""
        main = state.main
        if main in _PERMISSIONS and (
            (not state.permissions_listed and previous in (main, ",", "FOR"))
            or (word == "GRANT" and previous == "WITH")
        ):
            return True  # GRANT SELECT, INSERT ON ...; WITH GRANT OPTION
        if word == "SELECT":
            return self._continues_with_select(previous, state)
        if word in ("INSERT", "UPDATE", "DELETE", "MERGE"):
            return self._continues_with_dml(word, previous, following, state)
        if word == "SET":
            return self._continues_with_set(previous, following, state)
        if word == "ALTER" and previous == "OR" and main == "CREATE":
            return True  # CREATE OR ALTER VIEW ...
        if main == "ALTER" and word in ("DROP", "ALTER", "ENABLE", "DISABLE"):
            if word == "DROP":
                return following not in _DROP_STATEMENTS  # ALTER TABLE t DROP COLUMN c
            if word == "ALTER":
                return following == "COLUMN"
            switched, state.switched = state.switched, True
            return not switched  # ALTER TABLE t DISABLE TRIGGER ALL; ALTER INDEX ... DISABLE
        if word in ("EXEC", "EXECUTE"):
            if main == "INSERT" and not state.source_seen:
                state.source_seen = True
                return True
            return following == "AS" and main in ("CREATE", "ALTER")
        if word == "IF":
            return previous in _OBJECT_KINDS and main in ("DROP", "ALTER")
        if word == "WITH":
            if previous == "AS":
                state.main = ""  # CREATE VIEW ... AS WITH cte AS (...) SELECT
                return True
            return not self.starts_cte()
        if word == "FETCH":
            return previous in ("ROWS", "ROW")  # OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY
        if word == "ROLLBACK":
            return previous == "WITH"  # ALTER DATABASE ... SET ... WITH ROLLBACK IMMEDIATE
        if word == "END":
            return previous == "ROW"  # ALTER TABLE ... ADD c GENERATED ALWAYS AS ROW END
        return False

    def _continues_with_set(self, previous: str, following: str, state: _Extent) -> bool:
        if state.update_pending:
            state.update_pending = False
            return True
        if previous in ("DELETE", "UPDATE"):
            return following in ("NULL", "DEFAULT")  # ON DELETE SET NULL
        if state.main != "ALTER":
            return False
        after = self.peek(1)
        if after is not None and after.token_type == TokenType.L_PAREN:
            return True  # ALTER TABLE t SET (SYSTEM_VERSIONING = OFF)
        set_seen, state.set_seen = state.set_seen, True
        return state.object == "DATABASE" and not set_seen

    @staticmethod
    def _continues_with_select(previous: str, state: _Extent) -> bool:
        if previous in _SET_OPERATORS:
            return True
        if state.main == "INSERT" and not state.source_seen:
            state.source_seen = True
            return True
        if not state.main:
            state.main = "SELECT"
            return True
        return False

    def _continues_with_dml(self, word: str, previous: str, following: str, state: _Extent) -> bool:
        cascade = previous == "ON" and following in _REFERENTIAL_ACTIONS
        if previous == "THEN" or cascade:
            state.update_pending = state.update_pending or (word == "UPDATE" and not cascade)
            return True
        if (word == "INSERT" and previous == "BULK") or (word == "UPDATE" and previous == "FOR"):
            return True  # BULK INSERT; a cursor's FOR UPDATE OF
        if word == "MERGE" and following == "RANGE":
            return True  # ALTER PARTITION FUNCTION pf() MERGE RANGE (1)
        if not state.main:
            state.main = word
            state.update_pending = word == "UPDATE"
            return True
        return False

    def starts_cte(self) -> bool:
        """``WITH name AS (`` or ``WITH name (cols) AS (``: a CTE, so a new statement
        (where ``WITH SCHEMABINDING AS SELECT`` or ``WITH (NOLOCK)`` continue one)."""
        index = self.position + 1
        if index >= len(self.tokens) or not is_name(self.tokens[index]):
            return False
        index += 1
        if index < len(self.tokens) and self.tokens[index].token_type == TokenType.L_PAREN:
            depth = 0
            while index < len(self.tokens):
                kind = self.tokens[index].token_type
                depth += kind == TokenType.L_PAREN
                depth -= kind == TokenType.R_PAREN
                index += 1
                if depth == 0:
                    break
        if index + 1 >= len(self.tokens) or word_of(self.tokens[index]) != "AS":
            return False
        return self.tokens[index + 1].token_type == TokenType.L_PAREN
