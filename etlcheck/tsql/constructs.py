"""The constructs beyond plain statements and control flow: routine headers (``CREATE
PROCEDURE ... AS``), ``DROP PROCEDURE``, cursor declarations, labels, sqlcmd lines, and the
unparsed region a total reading keeps where a strict one raises ``SplitError``.

``ConstructReader`` carries the two modes: ``total=False`` (the interpreter) raises
``SplitError`` for anything it cannot run (triggers, sqlcmd lines); ``total=True`` (remap
and lint) records every token in a ``Span`` and turns what it cannot read into
``Unparsed`` regions.
"""

from __future__ import annotations

from sqlglot.tokens import TokenType

from etlcheck.tsql.nodes import (
    DIRECTIVE,
    LABEL,
    STATEMENT,
    UNPARSED,
    Cursor,
    Directive,
    DropRoutine,
    Label,
    Span,
    Unparsed,
    words,
)
from etlcheck.tsql.schema_elements import created_schema, starts_element
from etlcheck.tsql.statement_scanner import StatementScanner
from etlcheck.tsql.tokens import STATEMENT_WORDS, SplitError, word_of

ROUTINES = {
    "PROCEDURE": "PROCEDURE",
    "PROC": "PROCEDURE",
    "FUNCTION": "FUNCTION",
    "TRIGGER": "TRIGGER",
}
_CURSOR_PREFIXES = words("INSENSITIVE SCROLL")
_CURSOR_TAILS = words("UPDATE READ")
"""What ``FOR`` introduces after a cursor's query: ``FOR UPDATE [OF ...]``, ``FOR READ ONLY``."""


class ConstructReader(StatementScanner):
    """A statement scanner that records spans and knows the constructs above."""

    def __init__(self, text: str, total: bool) -> None:
        super().__init__(text)
        self.total = total
        self.spans: list[Span] = []
        self.problems: list[SplitError] = []
        self.open_schema: int | None = None
        """The name token of a CREATE SCHEMA whose next element may follow."""

    def span(
        self, first: int, last: int, word: str, role: str = STATEMENT, schema: int | None = None
    ) -> None:
        if last >= first:
            self.spans.append(Span(first, last, word, role, schema))

    def element_schema(self, first: int, open_schema: int | None) -> int | None:
        """For the statement just scanned from token ``first``: the name token of the
        schema it is an element of (``schema_elements``), given the schema left open by
        the statement before; leaves the schema open when another element follows
        without a ``;`` between."""
        schema = open_schema if starts_element(self.words, first) else None
        opened = schema if schema is not None else created_schema(self.tokens, self.words, first)
        ended = self.tokens[self.position - 1].token_type == TokenType.SEMICOLON
        if opened is not None and not ended and starts_element(self.words, self.position):
            self.open_schema = opened
        return schema

    def unsupported(self, message: str, offset: int, construct: str) -> None:
        """A construct the interpreter cannot run: an error in a strict reading only."""
        if not self.total:
            raise SplitError(message, offset, construct)

    def offset_here(self) -> int:
        token = self.peek()
        return token.start if token is not None else len(self.text)

    # -- CREATE PROCEDURE / FUNCTION / TRIGGER ---------------------------------------
    def routine_kind(self) -> str | None:
        """At CREATE or ALTER: the routine it defines (PROCEDURE, FUNCTION, TRIGGER)."""
        ahead = 3 if self.peek_word(1) == "OR" and self.peek_word(2) == "ALTER" else 1
        return ROUTINES.get(self.peek_word(ahead) or "")

    def read_routine_header(self, kind: str) -> int:
        """Advance past ``CREATE ... AS`` (for functions also up to ``BEGIN``/``RETURN``);
        return the index of the header's last token."""
        first = self.position
        construct = self.routine_construct(first)
        if kind == "TRIGGER":
            self.unsupported("triggers are not supported", self.tokens[first].start, construct)
        depth = 0
        returns = kind != "FUNCTION"
        for index in range(first + 1, len(self.tokens)):
            token = self.tokens[index]
            word = None if self.after_sigil(index) else word_of(token)
            if token.token_type == TokenType.L_PAREN:
                depth += 1
            elif token.token_type == TokenType.R_PAREN:
                depth -= 1
            elif depth or word is None:
                continue
            elif word == "RETURNS":
                returns = True
            elif word == "AS" and returns and self.header_as(index):
                self.position = index + 1
                return index
            elif word in ("BEGIN", "RETURN") and kind == "FUNCTION" and returns:
                self.position = index
                return index - 1
        start = self.tokens[first].start
        raise SplitError(f"{construct} has no AS before its body", start, construct)

    def routine_construct(self, first: int) -> str:
        """``CREATE PROCEDURE``, ``CREATE OR ALTER FUNCTION``...: the words up to the kind."""
        spelled: list[str] = []
        for token in self.tokens[first : first + 4]:
            spelled.append(word_of(token) or token.text)
            if spelled[-1] in ROUTINES:
                break
        return " ".join(spelled)

    def header_as(self, index: int) -> bool:
        """``AS`` that ends a routine header, not ``EXECUTE AS`` or a parameter's ``@p AS``."""
        previous = self.tokens[index - 1]
        return word_of(previous) not in ("EXEC", "EXECUTE") and not self.after_sigil(index - 1)

    # -- DROP PROCEDURE / FUNCTION ---------------------------------------------------------
    def read_drop_routine(self, kind: str) -> DropRoutine:
        """``DROP PROC|PROCEDURE|FUNCTION [IF EXISTS] name [, name...]``."""
        first = self.position
        start = self.tokens[first].start
        self.position += 2
        if_exists = self.peek_word() == "IF" and self.peek_word(1) == "EXISTS"
        if if_exists:
            self.position += 2
        names_first = self.position
        last = self.scan_statement("DROP", check_first=True)
        self.span(first, last, "DROP")
        if last < names_first:
            raise SplitError(f"DROP {kind} names nothing", start, f"DROP {kind}")
        names = self.split_arguments(names_first, last)
        return DropRoutine(start, kind, names, if_exists, self.fragment(first, last))

    # -- DECLARE name CURSOR -----------------------------------------------------------
    def is_cursor_declaration(self) -> bool:
        """At the name after DECLARE: ``name [INSENSITIVE] [SCROLL] CURSOR``."""
        ahead = 1
        while self.peek_word(ahead) in _CURSOR_PREFIXES:
            ahead += 1
        return self.peek_word(ahead) == "CURSOR"

    def read_cursor(self, declare: int) -> Cursor:
        """``DECLARE name CURSOR [options] FOR query [FOR UPDATE [OF ...] | FOR READ ONLY]``."""
        start = self.tokens[declare].start
        name = self.tokens[self.position].text
        options: list[str] = []
        self.position += 1
        while self.peek_word() != "FOR":
            token = self.peek()
            if token is None:
                raise SplitError("cursor declaration has no FOR", start, "DECLARE CURSOR")
            options.append(self.peek_word() or token.text.upper())
            self.position += 1
        self.span(declare, self.position, "DECLARE")
        self.position += 1
        query_first = self.position
        word = self.peek_word()
        if word not in ("SELECT", "WITH"):
            raise SplitError("expected a query after CURSOR ... FOR", start, "DECLARE CURSOR")
        last = self.scan_statement(word)
        tail = self.cursor_tail(query_first, last)
        query_last = last if tail is None else tail - 1
        self.span(query_first, query_last, word)
        for_update = None
        if tail is not None:
            self.span(tail, last, "FOR")
            for_update = self.fragment(tail, last)
        return Cursor(
            start,
            name,
            self.fragment(query_first, query_last),
            self.fragment(declare, last),
            tuple(option for option in options if option != "CURSOR"),
            for_update,
        )

    def cursor_tail(self, first: int, last: int) -> int | None:
        """The index of ``FOR`` in a ``FOR UPDATE``/``FOR READ ONLY`` tail at depth 0."""
        depth = 0
        for index in range(first, last):
            kind = self.tokens[index].token_type
            depth += kind == TokenType.L_PAREN
            depth -= kind == TokenType.R_PAREN
            if depth == 0 and self.words[index] == "FOR" and self.words[index + 1] in _CURSOR_TAILS:
                return index
        return None

    # -- labels and sqlcmd lines ----------------------------------------------------------
    def read_label(self) -> Label:
        first = self.position
        token = self.tokens[first]
        self.position += 2
        self.span(first, first + 1, token.text.upper(), LABEL)
        return Label(token.start, token.text)

    def read_directive(self) -> Directive:
        """A sqlcmd line: ``:`` and a command at the start of a line, to the line's end."""
        first = self.position
        colon = self.tokens[first]
        word = ":" + self.tokens[first + 1].text.upper()
        self.unsupported("sqlcmd directives are not supported", colon.start, word.lower())
        last = first + 1
        while last + 1 < len(self.tokens) and self.tokens[last + 1].line == colon.line:
            last += 1
        self.position = last + 1
        self.span(first, last, word, DIRECTIVE)
        return Directive(colon.start, word, self.fragment(first, last))

    # -- what a total reading cannot read --------------------------------------------------
    def read_unparsed(self, error: SplitError) -> Unparsed:
        """From here to where the next statement can start: ``;`` or a statement keyword
        at depth 0, a label or a sqlcmd line; at least one token."""
        first = self.position
        depth = self._track(self.tokens[first].token_type, 0)
        self.position += 1
        while (token := self.peek()) is not None:
            if depth <= 0 and (
                token.token_type == TokenType.SEMICOLON
                or self.peek_word() in STATEMENT_WORDS
                or self.starts_label_or_directive(self.position)
            ):
                break
            depth = self._track(token.token_type, depth)
            self.position += 1
        last = self.position - 1
        self.span(first, last, word_of(self.tokens[first]) or self.tokens[first].text, UNPARSED)
        return Unparsed(
            self.tokens[first].start, self.fragment(first, last), error.message, error.construct
        )

    @staticmethod
    def _track(kind: TokenType, depth: int) -> int:
        if kind == TokenType.L_PAREN:
            return depth + 1
        if kind == TokenType.R_PAREN:
            return depth - 1
        return depth
