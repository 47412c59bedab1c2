"""Statement splitting and control flow over the T-SQL tokens: etlcheck's one splitter.

sqlglot parses single statements well but not T-SQL batches: ``IF`` without ``BEGIN``
swallows the rest of the batch, and ``BEGIN TRY``, ``THROW``, ``RETURN`` or ``SET @n += 1``
do not parse. This module finds statement boundaries itself (``;`` is optional in T-SQL;
a statement after ``END``, ``PRINT``, ``RAISERROR``, ``THROW``, ``RETURN`` or a label
starts a new one) and builds a small tree of control-flow nodes whose leaves are plain
statements. Offsets are relative to the batch.

Two readings share this parser:

- ``split_statements`` (strict), for the interpreter: a construct it cannot run
  (triggers, cursor variables, sqlcmd lines) or a batch it cannot split raises
  ``SplitError`` naming the construct.
- ``read_batch`` (total), for the remap and the lint: never gives up. Every token lands in
  a ``Span`` (statement, condition, routine header, label, sqlcmd line) or is a block
  keyword; what cannot be read becomes an ``Unparsed`` region, which the lint reports.

To teach the interpreter a construct, build its node here as the total reading does and
drop the ``unsupported`` call that refuses it in the strict one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlglot.tokens import Token, TokenType

from etlcheck import workcache
from etlcheck.tsql.constructs import ROUTINES, ConstructReader
from etlcheck.tsql.labels import check_gotos
from etlcheck.tsql.nodes import (
    CONDITION,
    HEADER,
    Assign,
    Block,
    Command,
    Declare,
    Fragment,
    If,
    InsertExec,
    Node,
    Routine,
    Span,
    Sql,
    TryCatch,
    Variable,
    While,
    words,
)
from etlcheck.tsql.tokens import STATEMENT_WORDS, SplitError, word_of

__all__ = [
    "Assign",
    "Block",
    "Command",
    "Declare",
    "Fragment",
    "If",
    "Node",
    "Reading",
    "SplitError",
    "Sql",
    "TryCatch",
    "While",
    "read_batch",
    "split_statements",
]

_COMMANDS = words(
    """PRINT THROW RAISERROR RETURN EXEC EXECUTE BREAK CONTINUE COMMIT ROLLBACK SAVE SET
    GOTO USE WAITFOR OPEN FETCH CLOSE DEALLOCATE DENY DBCC"""
)


@dataclass(frozen=True)
class Reading:
    """A total reading of one batch: its tree, its tokens, and the span of every statement.

    ``problems`` are what the splitter noticed without losing tokens (a missing ``END``).
    """

    block: Block
    tokens: tuple[Token, ...]
    spans: tuple[Span, ...]
    problems: tuple[SplitError, ...] = ()


class _Parser(ConstructReader):
    # -- token helpers -------------------------------------------------------------
    def expect_word(self, *words: str) -> str:
        word = self.peek_word()
        if word not in words:
            raise SplitError(f"expected {' or '.join(words)}", self.offset_here(), words[0])
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
            if self.peek() is None:
                if stop_words:
                    missing = SplitError(f"missing {stop_words[0]}", len(self.text), stop_words[0])
                    if not self.total:
                        raise missing
                    self.problems.append(missing)
                return nodes
            if self.peek_word() in stop_words:
                return nodes
            nodes.append(self.parse_statement())

    def parse_statement(self) -> Node:
        self.skip_semicolons()
        first = self.position
        marks = len(self.spans), len(self.problems)
        try:
            return self.read_statement()
        except SplitError as error:
            if not self.total:
                raise
            del self.spans[marks[0] :]
            del self.problems[marks[1] :]
            self.position = first
            return self.read_unparsed(error)

    def read_statement(self) -> Node:
        open_schema, self.open_schema = self.open_schema, None
        token = self.peek()
        assert token is not None
        word = self.peek_word()
        if self.starts_label_or_directive(self.position):
            if token.token_type == TokenType.COLON:
                return self.read_directive()
            return self.read_label()
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
        if word in _COMMANDS:
            return self.parse_command(word, open_schema)
        if word is None or word not in STATEMENT_WORDS:
            raise SplitError(f"unexpected {token.text!r}", token.start, token.text)
        if word in ("CREATE", "ALTER") and (kind := self.routine_kind()) is not None:
            return self.parse_routine(kind)
        if word == "DROP" and ROUTINES.get(self.peek_word(1) or "") in ("PROCEDURE", "FUNCTION"):
            return self.read_drop_routine(ROUTINES[self.peek_word(1) or ""])
        first = self.position
        last = self.scan_statement(word)
        if word == "INSERT" and not self.total and (call := self.insert_exec(first, last)):
            return InsertExec(token.start, self.fragment(first, call - 1), self.exec_at(call, last))
        schema = self.element_schema(first, open_schema)
        self.span(first, last, word, schema=schema)
        named = None if schema is None else self.fragment(schema, schema)
        return Sql(token.start, self.fragment(first, last), word, named)

    def parse_routine(self, kind: str) -> Node:
        first = self.position
        last = self.read_routine_header(kind)
        self.span(first, last, word_of(self.tokens[first]) or "CREATE", HEADER)
        body_start = self.offset_here()
        body = self.parse_until(())
        header = self.fragment(first, last)
        return Routine(header.start, kind, header, Block(body_start, tuple(body)))

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
            self.expect_word("END")
            self.expect_word("TRY")
            self.skip_semicolons()
            self.expect_word("BEGIN")
            self.expect_word("CATCH")
            handler = self.parse_until(("END",))
            self.expect_word("END")
            self.expect_word("CATCH")
            return TryCatch(
                begin.start, Block(begin.start, tuple(body)), Block(begin.start, tuple(handler))
            )
        body = self.parse_until(("END",))
        if self.peek() is not None:
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
            raise SplitError(f"{owner} has no statement to run", self.offset_here(), owner)
        return self.parse_statement()

    def condition(self, owner: str) -> Fragment:
        first = self.position
        depth = case_depth = 0
        while (token := self.peek()) is not None:
            word = self.peek_word()
            following = self.peek(1)
            if token.token_type == TokenType.L_PAREN:
                depth += 1
            elif token.token_type == TokenType.R_PAREN:
                depth -= 1
            elif word == "CASE":
                case_depth += 1
            elif word == "END" and case_depth:
                case_depth -= 1
            elif word == "UPDATE" and following and following.token_type == TokenType.L_PAREN:
                pass  # IF UPDATE(column) in a trigger
            elif depth == 0 and not case_depth and word in STATEMENT_WORDS:
                break
            self.position += 1
        if self.position == first:
            raise SplitError(f"{owner} has no condition", self.offset_here(), owner)
        self.span(first, self.position - 1, owner, CONDITION)
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
            raise SplitError("expected a variable", self.offset_here())
        self.position += 1
        return name + token.text

    def parse_assign(self) -> Node:
        first = self.position
        start = self.tokens[first].start
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
        value_first = self.position
        last = self.scan_statement("SET")
        self.span(first, last, "SET")
        if last < value_first:
            raise SplitError(f"SET {name} has no value", start, "SET")
        return Assign(start, name, operator, self.fragment(value_first, last))

    def parse_declare(self) -> Node:
        first = self.position
        start = self.tokens[first].start
        self.position += 1
        if not self.is_variable(0) and self.is_cursor_declaration():
            return self.read_cursor(first)
        variables: list[Variable] = []
        while True:
            if not self.is_variable(0):
                raise SplitError("expected a variable after DECLARE", start, "DECLARE")
            variables.append(self.declared_variable(start))
            token = self.peek()
            if token is not None and token.token_type == TokenType.COMMA:
                self.position += 1
                continue
            break
        last = self.position - 1
        if self.tokens[last].token_type == TokenType.SEMICOLON:
            last -= 1
        self.span(first, last, "DECLARE")
        return Declare(start, tuple(variables))

    def declared_variable(self, start: int) -> Variable:
        name = self.variable_name()
        if self.peek_word() == "AS":
            self.position += 1
        if self.peek_word() == "CURSOR":
            self.unsupported("cursor variables are not supported", start, "DECLARE @cursor CURSOR")
        type_first = self.position
        depth = 0
        while (token := self.peek()) is not None:
            kind = token.token_type
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                depth -= 1
            elif (depth == 0 and kind in (TokenType.EQ, TokenType.COMMA, TokenType.SEMICOLON)) or (
                depth == 0 and self.position > type_first and self.peek_word() in STATEMENT_WORDS
            ):
                break
            self.position += 1
        if self.position == type_first:
            raise SplitError(f"DECLARE {name} has no type", start, "DECLARE")
        type_fragment = self.fragment(type_first, self.position - 1)
        type_text = type_fragment.text
        initial = None
        table_columns = ""
        columns_start = 0
        if type_text.upper().startswith("TABLE"):
            table_columns = type_text[5:].strip()
            columns_start = type_fragment.start + type_text.index(table_columns[:1], 5)
            type_text = "TABLE"
        token = self.peek()
        if token is not None and token.token_type == TokenType.EQ:
            self.position += 1
            value_first = self.position
            last = self.scan_statement("SET", stop_at_comma=True)
            if last < value_first:
                raise SplitError(f"DECLARE {name} has no value after =", start, "DECLARE")
            initial = self.fragment(value_first, last)
        return Variable(name, type_text, initial, table_columns, columns_start)

    def at_statement_end(self) -> bool:
        token = self.peek()
        return (
            token is None
            or token.token_type == TokenType.SEMICOLON
            or self.peek_word() in STATEMENT_WORDS
            or self.starts_label_or_directive(self.position)
        )

    def insert_exec(self, first: int, last: int) -> int | None:
        """The EXEC of ``INSERT ... EXEC`` (outside parentheses) between ``first`` and
        ``last``, or None."""
        depth = 0
        for index in range(first + 1, last + 1):
            token_type = self.tokens[index].token_type
            depth += (token_type == TokenType.L_PAREN) - (token_type == TokenType.R_PAREN)
            if depth == 0 and word_of(self.tokens[index]) in ("EXEC", "EXECUTE"):
                return index
        return None

    def exec_at(self, index: int, last: int) -> Command:
        """The EXEC at ``index`` read as a statement of its own, which ends at ``last``."""
        self.position = index
        command = self.parse_command(word_of(self.tokens[index]) or "EXEC")
        expected = self.fragment(index, last).text
        if not isinstance(command, Command) or command.fragment.text.rstrip("; ") != expected:
            raise SplitError("cannot read the EXEC of INSERT ... EXEC", command.start, "EXEC")
        self.position = last + 1
        return command

    def parse_command(self, word: str, open_schema: int | None = None) -> Node:
        """A command; ``open_schema``: the CREATE SCHEMA whose element a DENY may be."""
        first = self.position
        start = self.tokens[first].start
        self.position += 1
        if word in ("BREAK", "CONTINUE") or (
            word in ("THROW", "RETURN", "COMMIT", "ROLLBACK") and self.at_statement_end()
        ):
            self.span(first, first, word)
            return Command(start, word, self.fragment(first, first))
        if self.peek() is None:
            self.span(first, first, word)
            return Command(start, word, self.fragment(first, first))
        argument_first = self.position
        last = self.scan_statement(word, check_first=True)
        if last < argument_first:
            self.span(first, first, word)
            return Command(start, word, self.fragment(first, first))
        schema = self.element_schema(first, open_schema) if word == "DENY" else None
        self.span(first, last, word, schema=schema)
        if word == "RAISERROR" and self.tokens[argument_first].token_type == TokenType.L_PAREN:
            closing = self.matching_paren(argument_first)
            arguments = self.split_arguments(argument_first + 1, closing - 1)
        else:
            arguments = self.split_arguments(argument_first, last)
        return Command(start, word, self.fragment(first, last), arguments)


_SPLIT: dict[str, Block] = {}
workcache.register("tsql.split", _SPLIT)


def split_statements(text: str) -> Block:
    """The control-flow tree of one batch for the interpreter (remembered by its text);
    raises ``SplitError`` at the first construct it cannot run or split."""
    block = _SPLIT.get(text)
    if block is None:
        block = _Parser(text, total=False).parse_batch()
        check_gotos(block)
        _SPLIT[text] = block
    return block


@lru_cache(maxsize=4096)
def read_batch(text: str) -> Reading:
    """The total reading of one batch (see the module docstring); raises ``SplitError``
    only when the batch cannot even be tokenized."""
    parser = _Parser(text, total=True)
    block = parser.parse_batch()
    return Reading(block, tuple(parser.tokens), tuple(parser.spans), tuple(parser.problems))
