"""GOTO and labels, checked once when a batch is split for the interpreter.

The interpreter runs ``GOTO name`` by leaving blocks until one holds the label
(``Interpreter._run_block``). That reaches a label in the GOTO's own block or in one
around it, which is where scripts put them (``GOTO on_error`` ... ``on_error:`` at the
end of the batch or procedure). A GOTO into a block it is not in (the body of an IF or
WHILE it is not part of) is refused; a GOTO to a label that does not exist is SQL
Server's error 133, refused as it would be before anything runs.
"""

from __future__ import annotations

from etlcheck.tsql.nodes import Block, Command, If, Label, Node, Routine, TryCatch, While
from etlcheck.tsql.tokens import SplitError


def check_gotos(block: Block) -> None:
    """SplitError at the first GOTO whose label the interpreter cannot reach."""
    labels = _all_labels(block)
    if not labels and not _has_goto(block):
        return
    _walk(block, (), labels)


def _walk(node: Node, reachable: tuple[str, ...], everywhere: set[str]) -> None:
    if isinstance(node, Block):
        here = reachable + tuple(
            child.name.lower() for child in node.body if isinstance(child, Label)
        )
        for child in node.body:
            _walk(child, here, everywhere)
    elif isinstance(node, Routine):
        _walk(node.body, (), everywhere)
    elif isinstance(node, If):
        _walk(_as_block(node.then), reachable, everywhere)
        if node.otherwise is not None:
            _walk(_as_block(node.otherwise), reachable, everywhere)
    elif isinstance(node, While):
        _walk(_as_block(node.body), reachable, everywhere)
    elif isinstance(node, TryCatch):
        _walk(node.body, reachable, everywhere)
        _walk(node.handler, reachable, everywhere)
    elif isinstance(node, Command) and node.word == "GOTO" and node.arguments:
        label = node.arguments[0].text.strip().lower()
        if label in reachable:
            return
        if label not in everywhere:
            raise SplitError(
                f"A GOTO statement references the label '{label}' but the label has not "
                "been declared.",
                node.start,
                "GOTO",
            )
        raise SplitError(
            f"GOTO {label}: jumping into a block the GOTO is not in is not supported",
            node.start,
            "GOTO",
        )


def _as_block(node: Node) -> Block:
    return node if isinstance(node, Block) else Block(node.start, (node,))


def _all_labels(node: Node) -> set[str]:
    found: set[str] = set()
    for child in _children(node):
        if isinstance(child, Label):
            found.add(child.name.lower())
        found |= _all_labels(child)
    return found


def _has_goto(node: Node) -> bool:
    return any(
        (isinstance(child, Command) and child.word == "GOTO") or _has_goto(child)
        for child in _children(node)
    )


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Block):
        return node.body
    if isinstance(node, Routine):
        return (node.body,)
    if isinstance(node, If):
        return (node.then,) if node.otherwise is None else (node.then, node.otherwise)
    if isinstance(node, While):
        return (node.body,)
    if isinstance(node, TryCatch):
        return (node.body, node.handler)
    return ()
