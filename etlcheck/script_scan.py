"""Two facts about a step's script, read from its tokens before it runs: whether it
holds any statement at all, and whether it manages its own transactions."""

from __future__ import annotations

from etlcheck.tsql.tokens import SplitError, tokenize, word_of

_TRANSACTION_NOUNS = ("TRAN", "TRANSACTION", "DISTRIBUTED")


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
    does not run inside a transaction of etlcheck's)."""
    words = script_words(text)
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word in ("COMMIT", "ROLLBACK"):
            return True
        if word in ("BEGIN", "SAVE") and following in _TRANSACTION_NOUNS:
            return True
        if word == "SET" and following == "IMPLICIT_TRANSACTIONS":
            return True
    return False
