"""Import rules the package is held to: no import cycle, and no private name (``_x``) taken
from another module. CI runs ``python -m etlcheck.devtools.layers etlcheck tests``.

Every import counts, wherever it stands: at the top, inside a function, under
``TYPE_CHECKING``. ``from package import name`` is an edge to ``package.name`` when that is a
module, else to ``package``. Importing ``a.b.c`` also runs ``a/__init__`` and ``a/b/__init__``:
an edge to each of those packages that does not already hold the importing module (that one is
being imported anyway). A private name is one that starts with ``_`` and is not a dunder: imported
(``from m import _x``), a private module on the path (``import m._x``), or reached as an
attribute of an imported module (``import argparse`` then ``argparse._SubParsersAction``).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Module:
    """One source module: its dotted name, its file, and whether it is a package's ``__init__``."""

    name: str
    path: Path
    is_package: bool


@dataclass(frozen=True)
class Edge:
    """``source`` imports ``target`` at ``path:line``."""

    source: str
    target: str
    path: Path
    line: int


@dataclass(frozen=True)
class PrivateImport:
    """``path:line`` takes the private ``name`` from ``owner``."""

    path: Path
    line: int
    name: str
    owner: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: private name {self.name} taken from {self.owner} "
            "(make it public in its module, or move it to the module that uses it)"
        )


@dataclass(frozen=True)
class Cycle:
    """Modules that import each other in a ring: ``edges[i].target == edges[i+1].source``."""

    edges: tuple[Edge, ...]

    def __str__(self) -> str:
        chain = " -> ".join([self.edges[0].source, *(edge.target for edge in self.edges)])
        lines = [f"import cycle: {chain}"]
        lines += [f"    {e.path}:{e.line}: {e.source} imports {e.target}" for e in self.edges]
        return "\n".join(lines)


DOCUMENTED = frozenset({("os", "_exit")})
"""Names that start with ``_`` but are documented public API."""


def is_private(name: str, owner: str = "") -> bool:
    if (owner, name) in DOCUMENTED:
        return False
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def modules_under(roots: Iterable[Path]) -> dict[str, Module]:
    """Every ``.py`` file under each package directory in ``roots``, by dotted name."""
    found: dict[str, Module] = {}
    for root in roots:
        base = root.resolve().parent
        for path in sorted(root.resolve().rglob("*.py")):
            parts = list(path.relative_to(base).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            found[".".join(parts)] = Module(".".join(parts), path, is_package)
    return found


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    """The module an ``ImportFrom`` names, relative imports resolved against ``module``."""
    if not node.level:
        return node.module or ""
    package = module.name.split(".")
    if not module.is_package:
        package.pop()
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, node.module] if node.module else package)


def _import_sites(module: Module, tree: ast.Module) -> Iterator[tuple[int, str, str | None]]:
    """(line, module imported, name taken from it or None) for every import in the tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            owner = _absolute(module, node)
            for alias in node.names:
                yield node.lineno, owner, alias.name


def _module_aliases(module: Module, tree: ast.Module, known: dict[str, Module]) -> dict[str, str]:
    """Local names bound to modules: ``import a.b as m`` -> {"m": "a.b"}, ``import a.b`` ->
    {"a": "a"}, ``from pkg import mod`` -> {"mod": "pkg.mod"} when that is a known module."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                aliases[bound] = alias.name if alias.asname else bound
        elif isinstance(node, ast.ImportFrom):
            owner = _absolute(module, node)
            for alias in node.names:
                if f"{owner}.{alias.name}" in known:
                    aliases[alias.asname or alias.name] = f"{owner}.{alias.name}"
    return aliases


def _private_attributes(
    module: Module, tree: ast.Module, aliases: dict[str, str]
) -> Iterator[PrivateImport]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and is_private(node.attr, aliases[node.value.id])
        ):
            yield PrivateImport(module.path, node.lineno, node.attr, aliases[node.value.id])


def _run_by_importing(target: str, importer: str) -> list[str]:
    """The modules importing ``target`` runs: its packages that do not hold ``importer``,
    then ``target`` itself (unless that is ``importer``)."""
    parts = target.split(".")
    held = {".".join(importer.split(".")[:depth]) for depth in range(1, importer.count(".") + 2)}
    packages = [".".join(parts[:depth]) for depth in range(1, len(parts))]
    return [dotted for dotted in packages if dotted not in held] + (
        [target] if target != importer else []
    )


def scan(module: Module, known: dict[str, Module]) -> tuple[list[Edge], list[PrivateImport]]:
    """The package-internal import edges of one module and its private imports."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))
    edges: list[Edge] = []
    private: list[PrivateImport] = []
    for line, owner, name in _import_sites(module, tree):
        dotted = owner.split(".")
        for index, part in enumerate(dotted):
            if is_private(part):
                private.append(PrivateImport(module.path, line, part, ".".join(dotted[:index])))
        if name is not None and is_private(name, owner):
            private.append(PrivateImport(module.path, line, name, owner))
        target = f"{owner}.{name}" if name is not None and f"{owner}.{name}" in known else owner
        for imported in _run_by_importing(target, module.name):
            if imported in known:
                edges.append(Edge(module.name, imported, module.path, line))
    private += _private_attributes(module, tree, _module_aliases(module, tree, known))
    return list(dict.fromkeys(edges)), private


def strongly_connected(graph: dict[str, list[Edge]]) -> list[list[str]]:
    """Tarjan's components (iterative) with more than one module, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[Edge]]] = [(start, iter(graph[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, pending = work[-1]
            edge = next(pending, None)
            if edge is not None:
                target = edge.target
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph.get(target, []))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def _shortest_cycle(start: str, graph: dict[str, list[Edge]], inside: set[str]) -> tuple[Edge, ...]:
    """The shortest ring from ``start`` back to it, through modules of one component."""
    came_by: dict[str, Edge] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for edge in graph.get(node, []):
                if edge.target not in inside or edge.target in came_by:
                    continue
                came_by[edge.target] = edge
                if edge.target == start:
                    ring = [edge]
                    while ring[0].source != start:
                        ring.insert(0, came_by[ring[0].source])
                    return tuple(ring)
                following.append(edge.target)
        frontier = following
    return ()


def find_cycles(edges: Iterable[Edge]) -> list[Cycle]:
    """One shortest cycle through each module that is on one, without repeats."""
    graph: dict[str, list[Edge]] = {}
    for edge in edges:
        graph.setdefault(edge.source, []).append(edge)
        graph.setdefault(edge.target, [])
    cycles: dict[frozenset[tuple[str, str]], Cycle] = {}
    for component in strongly_connected(graph):
        for module in component:
            ring = _shortest_cycle(module, graph, set(component))
            key = frozenset((edge.source, edge.target) for edge in ring)
            if ring and key not in cycles:
                start = min(range(len(ring)), key=lambda i: ring[i].source)
                cycles[key] = Cycle(ring[start:] + ring[:start])
    return sorted(cycles.values(), key=lambda cycle: [edge.source for edge in cycle.edges])


def check(roots: Iterable[Path]) -> tuple[list[Cycle], list[PrivateImport]]:
    known = modules_under(roots)
    edges: list[Edge] = []
    private: list[PrivateImport] = []
    for module in known.values():
        found_edges, found_private = scan(module, known)
        edges += found_edges
        private += found_private
    return find_cycles(edges), private


def main(argv: list[str] | None = None) -> int:
    arguments = argv if argv is not None else sys.argv[1:]
    roots = [Path(arg) for arg in arguments] or [Path(__file__).resolve().parents[1]]
    missing = [str(root) for root in roots if not root.is_dir()]
    if missing:
        print(f"layers: not a package directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    cycles, private = check(roots)
    for cycle in cycles:
        print(cycle)
    for item in private:
        print(item)
    if cycles or private:
        print(f"{len(cycles)} import cycle(s), {len(private)} private import(s)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
