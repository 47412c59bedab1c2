"""Where a plain statement ends: T-SQL needs no ``;``, so the scanner reads tokens
until the next statement starts; the control-flow parser in ``statements`` builds on it."""

from __future__ import annotations

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.nodes import Fragment, words
from etlcheck.tsql.tokens import STATEMENT_WORDS, SplitError, tokenize, word_of

_OBJECT_KINDS = words(
    """TABLE VIEW SCHEMA PROCEDURE PROC FUNCTION INDEX SEQUENCE TRIGGER TYPE SYNONYM
    DATABASE COLUMN CONSTRAINT USER ROLE"""
)

_REFERENTIAL_ACTIONS = frozenset(["CASCADE", "NO", "SET", "RESTRICT"])
"""What follows ``ON DELETE``/``ON UPDATE`` in a foreign key: the keyword continues the
statement there, where after ``SET NOCOUNT ON`` it starts the next one."""


class StatementScanner:
    """A cursor over the tokens of a batch that finds the extent of plain statements."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.position = 0

    # -- token helpers -------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def peek_word(self, ahead: int = 0) -> str | None:
        token = self.peek(ahead)
        if token is None or self._after_variable_sigil(self.position + ahead):
            return None
        return word_of(token)

    def _after_variable_sigil(self, index: int) -> bool:
        if index == 0:
            return False
        previous, token = self.tokens[index - 1], self.tokens[index]
        return previous.token_type == TokenType.PARAMETER and previous.end + 1 == token.start

    def fragment(self, first: int, last: int) -> Fragment:
        start = self.tokens[first].start
        return Fragment(self.text[start : self.tokens[last].end + 1], start)

    # -- parentheses and argument lists ---------------------------------------------
    def matching_paren(self, index: int) -> int:
        depth = 0
        for position in range(index, len(self.tokens)):
            kind = self.tokens[position].token_type
            depth += kind == TokenType.L_PAREN
            depth -= kind == TokenType.R_PAREN
            if depth == 0:
                return position
        raise SplitError("unbalanced parentheses", self.tokens[index].start, "(")

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

        T-SQL needs no ``;``, so a statement ends where the next one starts: a statement
        keyword at parenthesis depth 0, outside CASE, that cannot continue this statement
        (``INSERT ... SELECT``, ``UNION SELECT``, ``UPDATE ... SET``, ``MERGE ... THEN
        UPDATE``, ``DROP TABLE IF EXISTS``, ``WITH cte AS (...) SELECT``...).
        """
        first = self.position
        depth = case_depth = 0
        main = "" if kind == "WITH" else kind
        source_seen = False
        update_pending = kind == "UPDATE"
        while (token := self.peek()) is not None:
            token_type = token.token_type
            if token_type == TokenType.SEMICOLON and depth == 0:
                self.position += 1
                return self.position - 2
            word = self.peek_word() if check_first or self.position > first else None
            if token_type == TokenType.L_PAREN:
                depth += 1
            elif token_type == TokenType.R_PAREN:
                depth -= 1
            elif word == "CASE":
                case_depth += 1
            elif word == "END" and case_depth:
                case_depth -= 1
            elif stop_at_comma and depth == 0 and token_type == TokenType.COMMA:
                break
            elif depth == 0 and not case_depth and word in STATEMENT_WORDS:
                previous = word_of(self.tokens[self.position - 1]) or ""
                if word == "SELECT":
                    if previous in ("UNION", "ALL", "EXCEPT", "INTERSECT", "AS"):
                        pass
                    elif main == "INSERT" and not source_seen:
                        source_seen = True
                    elif not main:
                        main = "SELECT"
                    else:
                        break
                elif word in ("INSERT", "UPDATE", "DELETE", "MERGE"):
                    cascade = previous == "ON" and self.peek_word(1) in _REFERENTIAL_ACTIONS
                    if previous == "THEN" or cascade:
                        update_pending = update_pending or word == "UPDATE"
                    elif not main:
                        main = word
                        update_pending = word == "UPDATE"
                    else:
                        break
                elif word == "SET":
                    if update_pending:
                        update_pending = False
                    elif main != "ALTER":
                        break
                elif word in ("DROP", "ADD"):
                    if main != "ALTER":
                        break
                elif word in ("EXEC", "EXECUTE"):
                    if main == "INSERT" and not source_seen:
                        source_seen = True
                    else:
                        break
                elif word == "IF":
                    if not (previous in _OBJECT_KINDS and main in ("DROP", "ALTER")):
                        break
                elif word == "WITH":
                    if previous != "AS" and self.starts_cte():
                        break
                    if previous == "AS":
                        main = ""  # CREATE VIEW ... AS WITH cte AS (...) SELECT
                else:
                    break
            elif depth == 0 and word in ("VALUES", "DEFAULT") and main == "INSERT":
                source_seen = True
            self.position += 1
        return self.position - 1

    def starts_cte(self) -> bool:
        """``WITH name AS (`` or ``WITH name (cols) AS (``: a CTE, so a new statement."""
        name = self.peek(1)
        after = self.peek(2)
        if name is None or after is None or name.token_type == TokenType.L_PAREN:
            return False
        return word_of(after) == "AS" or after.token_type == TokenType.L_PAREN
