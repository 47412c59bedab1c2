"""Find test functions that cannot fail: no ``assert``, no ``pytest.raises`` and no helper that
asserts. CI runs ``python -m etlcheck.devtools.assertless tests suites examples``.

A test passes when it asserts something. Calls count as asserting when they are
``pytest.raises``/``pytest.warns``/``pytest.fail``/``pytest.skip``, a method or function whose
name starts with ``assert`` (``result.assert_outcomes``), or a function of the same module that
itself asserts (followed transitively).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from etlcheck.wording import counted

ASSERTING_PYTEST = frozenset({"raises", "warns", "fail", "skip", "xfail", "deprecated_call"})


@dataclass(frozen=True)
class Assertless:
    """A test function in ``path`` at ``line`` whose body asserts nothing."""

    path: Path
    line: int
    name: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.name} asserts nothing "
            "(add an assert, pytest.raises, or call a helper that asserts)"
        )


def _called_name(call: ast.Call) -> tuple[str | None, str]:
    """(object name or None, called name) of a call: ``pytest.raises`` -> ("pytest", "raises")."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return None, ""


def _asserts_directly(node: ast.AST, helpers: set[str]) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Assert):
            return True
        if isinstance(child, ast.Call):
            owner, name = _called_name(child)
            if owner == "pytest" and name in ASSERTING_PYTEST:
                return True
            if name.startswith("assert") or (owner is None and name in helpers):
                return True
    return False


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    found: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.setdefault(node.name, node)
    return found


def _asserting_helpers(functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> set[str]:
    """Names of this module's functions that assert, directly or through each other."""
    helpers: set[str] = set()
    while True:
        grown = {
            name
            for name, node in functions.items()
            if name not in helpers and _asserts_directly(node, helpers)
        }
        if not grown:
            return helpers
        helpers |= grown


def assertless_tests(path: Path) -> Iterator[Assertless]:
    """Test functions of one module that assert nothing."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    functions = _functions(tree)
    helpers = _asserting_helpers(functions)
    for name, node in functions.items():
        if name.startswith("test") and name not in helpers:
            yield Assertless(path, node.lineno, name)


def test_modules(roots: list[Path]) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from sorted(
                p
                for p in root.rglob("*.py")
                if p.name.startswith("test_") or p.name.endswith("_test.py")
            )


def main(argv: list[str] | None = None) -> int:
    roots = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])] or [Path("tests")]
    found = [item for module in test_modules(roots) for item in assertless_tests(module)]
    for item in found:
        print(item)
    if found:
        verb = "asserts" if len(found) == 1 else "assert"
        print(f"{counted(len(found), 'test function')} {verb} nothing")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
