"""``CREATE [OR ALTER] VIEW v WITH SCHEMABINDING, VIEW_METADATA AS …``, as SSDT writes views:
sqlglot reads one view attribute, not a list of them. The attributes after the first are
blanked out (offsets kept) before the statement is parsed. Nothing is lost: the engines
keep none of them (a disposable database needs no binding, metadata mode or encryption),
and none names anything.
"""

from __future__ import annotations

from etlcheck.tsql.tokens import SplitError, tokenize, word_of

VIEW_ATTRIBUTES = frozenset(["SCHEMABINDING", "VIEW_METADATA", "ENCRYPTION"])


def first_view_attribute_only(text: str) -> str:
    """``text`` with a view's second and later attributes blanked; any other statement
    unchanged."""
    if "VIEW" not in text.upper() or "," not in text:
        return text
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    words = [word_of(token) for token in tokens]
    start = 1 + (words[1:3] == ["OR", "ALTER"]) * 2
    if words[:1] not in (["CREATE"], ["ALTER"]) or words[start : start + 1] != ["VIEW"]:
        return text
    try:
        with_at = words.index("WITH", start)
    except ValueError:
        return text
    index = with_at + 2
    while (
        index + 1 < len(tokens)
        and tokens[index].text == ","
        and words[index + 1] in VIEW_ATTRIBUTES
        and words[index - 1] in VIEW_ATTRIBUTES
    ):
        index += 2
    if index == with_at + 2:
        return text
    first, last = tokens[with_at + 2].start, tokens[index - 1].end + 1
    return text[:first] + " " * (last - first) + text[last:]
