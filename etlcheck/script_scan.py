"""Two facts about a step's script, read from its tokens before it runs: whether it
holds any statement at all, and whether it manages its own transactions."""

from __future__ import annotations

from etlcheck.errors import ScriptError
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.tokens import SplitError, tokenize, word_of

_TRANSACTION_NOUNS = ("TRAN", "TRANSACTION", "DISTRIBUTED")
_ROUTINES = ("PROC", "PROCEDURE", "FUNCTION", "TRIGGER")


def script_words(text: str) -> list[str | None]:
    """The upper-cased keyword of each token (None for names, strings, numbers); comments
    are not tokens. A script the tokenizer cannot read gives no words."""
    try:
        return [word_of(token) for token in tokenize(text)]
    except SplitError:
        return []


def is_empty(text: str) -> bool:
    """True when the script has nothing but comments, blanks and ``GO``."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return False
    return all(word_of(token) == "GO" for token in tokens)


def manages_transactions(text: str) -> bool:
    """True when the script begins, commits or rolls back transactions itself (then it
    does not run inside a transaction of etlcheck's). The body of a routine it creates
    does not count: ``CREATE PROCEDURE`` is its batch's only statement, and defining the
    procedure runs none of it (a step that calls it runs inside the step's transaction,
    as the procedure's caller would)."""
    try:
        batches = [batch.text for batch in split_batches(text, "<script>")]
    except ScriptError:
        batches = [text]
    return any(_manages(script_words(batch)) for batch in batches)


def _manages(words: list[str | None]) -> bool:
    if _creates_routine(words):
        return False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word in ("COMMIT", "ROLLBACK"):
            return True
        if word in ("BEGIN", "SAVE") and following in _TRANSACTION_NOUNS:
            return True
        if word == "SET" and following == "IMPLICIT_TRANSACTIONS":
            return True
    return False


def _creates_routine(words: list[str | None]) -> bool:
    """``CREATE [OR ALTER] | ALTER PROCEDURE | FUNCTION | TRIGGER`` first in the batch."""
    if words[:1] == ["CREATE"] and words[1:3] == ["OR", "ALTER"]:
        return words[3:4] != [] and words[3] in _ROUTINES
    return words[:1] in (["CREATE"], ["ALTER"]) and words[1:2] != [] and words[1] in _ROUTINES
