"""Statement splitting and control flow over sqlglot's T-SQL tokenizer.

sqlglot parses single statements well but not T-SQL batches: ``IF`` without
``BEGIN`` swallows the rest of the batch, and ``BEGIN TRY``, ``THROW``, ``RETURN``
or ``SET @n += 1`` do not parse. This module finds statement boundaries itself
(``;`` is optional in T-SQL) and builds a small tree of control-flow nodes whose
leaves are plain SQL statements for the compiler. Offsets are relative to the batch.
"""

from __future__ import annotations

from sqlglot.tokens import TokenType

from etlcheck import workcache
from etlcheck.tsql.extent import StatementScanner
from etlcheck.tsql.nodes import (
    Assign,
    Block,
    Command,
    Declare,
    Fragment,
    If,
    Node,
    Sql,
    TryCatch,
    Variable,
    While,
)
from etlcheck.tsql.tokens import STATEMENT_WORDS, SplitError

__all__ = [
    "Assign",
    "Block",
    "Command",
    "Declare",
    "Fragment",
    "If",
    "Node",
    "SplitError",
    "Sql",
    "TryCatch",
    "While",
    "split_statements",
]


class _Parser(StatementScanner):
    # -- token helpers -------------------------------------------------------------
    def expect_word(self, *words: str) -> str:
        word = self.peek_word()
        if word not in words:
            token = self.peek()
            offset = token.start if token else len(self.text)
            raise SplitError(f"expected {' or '.join(words)}", offset, words[0])
        self.position += 1
        return word

    def skip_semicolons(self) -> None:
        while (token := self.peek()) is not None and token.token_type == TokenType.SEMICOLON:
            self.position += 1

    # -- statements -----------------------------------------------------------------
    def parse_batch(self) -> Block:
        body = self.parse_until(())
        return Block(0, tuple(body))

    def parse_until(self, stop_words: tuple[str, ...]) -> list[Node]:
        nodes: list[Node] = []
        while True:
            self.skip_semicolons()
            token = self.peek()
            if token is None:
                if stop_words:
                    raise SplitError(f"missing {stop_words[0]}", len(self.text), stop_words[0])
                return nodes
            if self.peek_word() in stop_words:
                return nodes
            nodes.append(self.parse_statement())

    def parse_statement(self) -> Node:
        self.skip_semicolons()
        token = self.peek()
        assert token is not None
        word = self.peek_word()
        if word == "BEGIN":
            return self.parse_begin()
        if word == "IF":
            return self.parse_if()
        if word == "WHILE":
            self.position += 1
            condition = self.condition("WHILE")
            return While(token.start, condition, self.parse_body("WHILE"))
        if word in ("END", "ELSE"):
            raise SplitError(f"{word} without a matching BEGIN or IF", token.start, word)
        if word == "DECLARE":
            return self.parse_declare()
        if word == "SET" and self.is_variable(1):
            return self.parse_assign()
        if word in ("PRINT", "THROW", "RAISERROR", "RETURN", "EXEC", "EXECUTE", "BREAK"):
            return self.parse_command(word)
        if word in ("CONTINUE", "COMMIT", "ROLLBACK", "SAVE", "SET", "GOTO", "USE", "WAITFOR"):
            return self.parse_command(word)
        if word is None or word not in STATEMENT_WORDS:
            following = self.peek(1)
            if following is not None and following.token_type == TokenType.COLON:
                raise SplitError("labels and GOTO are not supported", token.start, "GOTO label")
            raise SplitError(f"unexpected {token.text!r}", token.start, token.text)
        first = self.position
        last = self.scan_statement(word)
        return Sql(token.start, self.fragment(first, last), word)

    def parse_begin(self) -> Node:
        begin = self.peek()
        assert begin is not None
        following = self.peek_word(1)
        if following in ("TRAN", "TRANSACTION", "DISTRIBUTED"):
            return self.parse_command("BEGIN")
        self.position += 1
        if following == "TRY":
            self.position += 1
            body = self.parse_until(("END",))
            self.position += 1
            self.expect_word("TRY")
            self.skip_semicolons()
            self.expect_word("BEGIN")
            self.expect_word("CATCH")
            handler = self.parse_until(("END",))
            self.position += 1
            self.expect_word("CATCH")
            return TryCatch(
                begin.start, Block(begin.start, tuple(body)), Block(begin.start, tuple(handler))
            )
        body = self.parse_until(("END",))
        self.position += 1
        return Block(begin.start, tuple(body))

    def parse_if(self) -> Node:
        token = self.peek()
        assert token is not None
        self.position += 1
        condition = self.condition("IF")
        then = self.parse_body("IF")
        saved = self.position
        self.skip_semicolons()
        if self.peek_word() == "ELSE":
            self.position += 1
            return If(token.start, condition, then, self.parse_body("ELSE"))
        self.position = saved
        return If(token.start, condition, then)

    def parse_body(self, owner: str) -> Node:
        self.skip_semicolons()
        token = self.peek()
        if token is None or self.peek_word() in ("END", "ELSE"):
            offset = token.start if token else len(self.text)
            raise SplitError(f"{owner} has no statement to run", offset, owner)
        return self.parse_statement()

    def condition(self, owner: str) -> Fragment:
        first = self.position
        depth = case_depth = 0
        while (token := self.peek()) is not None:
            word = self.peek_word()
            if token.token_type == TokenType.L_PAREN:
                depth += 1
            elif token.token_type == TokenType.R_PAREN:
                depth -= 1
            elif word == "CASE":
                case_depth += 1
            elif word == "END" and case_depth:
                case_depth -= 1
            elif depth == 0 and not case_depth and word in STATEMENT_WORDS:
                break
            self.position += 1
        if self.position == first:
            offset = token.start if token else len(self.text)
            raise SplitError(f"{owner} has no condition", offset, owner)
        return self.fragment(first, self.position - 1)

    def is_variable(self, ahead: int) -> bool:
        token = self.peek(ahead)
        return token is not None and token.token_type == TokenType.PARAMETER

    def variable_name(self) -> str:
        """Consume ``@name`` (or ``@@name``) and return it with its sigils."""
        name = ""
        while (token := self.peek()) is not None and token.token_type == TokenType.PARAMETER:
            name += "@"
            self.position += 1
        token = self.peek()
        if token is None or not name:
            raise SplitError("expected a variable", token.start if token else len(self.text))
        self.position += 1
        return name + token.text

    def parse_assign(self) -> Node:
        start = self.tokens[self.position].start
        self.position += 1
        name = self.variable_name()
        operator = ""
        token = self.peek()
        if token is not None and token.token_type != TokenType.EQ:
            operator = token.text
            self.position += 1
            token = self.peek()
        if token is None or token.token_type != TokenType.EQ:
            raise SplitError(f"expected = after SET {name}", start, "SET")
        self.position += 1
        first = self.position
        last = self.scan_statement("SET")
        return Assign(start, name, operator, self.fragment(first, last))

    def parse_declare(self) -> Node:
        start = self.tokens[self.position].start
        first = self.position
        self.position += 1
        variables: list[Variable] = []
        while True:
            if not self.is_variable(0):
                word = self.peek_word(1)
                construct = "DECLARE CURSOR" if word == "CURSOR" else "DECLARE"
                raise SplitError("expected a variable after DECLARE", start, construct)
            name = self.variable_name()
            if self.peek_word() == "AS":
                self.position += 1
            if self.peek_word() == "CURSOR":
                raise SplitError("cursors are not supported", start, "DECLARE CURSOR")
            type_first = self.position
            depth = 0
            while (token := self.peek()) is not None:
                kind = token.token_type
                if kind == TokenType.L_PAREN:
                    depth += 1
                elif kind == TokenType.R_PAREN:
                    depth -= 1
                elif (
                    depth == 0 and kind in (TokenType.EQ, TokenType.COMMA, TokenType.SEMICOLON)
                ) or (
                    depth == 0
                    and self.position > type_first
                    and self.peek_word() in STATEMENT_WORDS
                ):
                    break
                self.position += 1
            type_text = self.fragment(type_first, self.position - 1).text
            initial = None
            table_columns = ""
            if type_text.upper().startswith("TABLE"):
                table_columns = type_text[5:].strip()
                type_text = "TABLE"
            token = self.peek()
            if token is not None and token.token_type == TokenType.EQ:
                self.position += 1
                value_first = self.position
                last = self.scan_statement("SET", stop_at_comma=True)
                initial = self.fragment(value_first, last)
            variables.append(Variable(name, type_text, initial, table_columns))
            token = self.peek()
            if token is not None and token.token_type == TokenType.COMMA:
                self.position += 1
                continue
            break
        del first
        return Declare(start, tuple(variables))

    def at_statement_end(self) -> bool:
        token = self.peek()
        return (
            token is None
            or token.token_type == TokenType.SEMICOLON
            or self.peek_word() in STATEMENT_WORDS
        )

    def parse_command(self, word: str) -> Node:
        first = self.position
        start = self.tokens[first].start
        self.position += 1
        if word in ("BREAK", "CONTINUE"):
            return Command(start, word, self.fragment(first, first))
        if word in ("THROW", "RETURN") and self.at_statement_end():
            return Command(start, word, self.fragment(first, first))
        if self.peek() is None:
            return Command(start, word, self.fragment(first, first))
        argument_first = self.position
        last = self.scan_statement(word, check_first=True)
        if last < argument_first:
            return Command(start, word, self.fragment(first, first))
        if word == "RAISERROR" and self.tokens[argument_first].token_type == TokenType.L_PAREN:
            closing = self.matching_paren(argument_first)
            arguments = self.split_arguments(argument_first + 1, closing - 1)
        else:
            arguments = self.split_arguments(argument_first, last)
        return Command(start, word, self.fragment(first, last), arguments)


_SPLIT: dict[str, Block] = {}
workcache.register("tsql.split", _SPLIT)


def split_statements(text: str) -> Block:
    """The control-flow tree of one batch (immutable, so remembered by its text)."""
    block = _SPLIT.get(text)
    if block is None:
        block = _SPLIT[text] = _Parser(text).parse_batch()
    return block
