"""The package's layers (docs/architecture.md, "Layers"): lint-imports checks that every import
points down and that no two modules or packages import each other (pyproject.toml,
[tool.importlinter]; run by .ci/run). These tests check what that leaves open: no cycle at run
time, not even through the imports the contracts ignore, and an import inside a function only
with a comment that says why (imports sit at module top unless a measured start-up cost says
otherwise)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[1] / "lsmitoitus"


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components of more than one module: each is a cycle (or several)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back_at_run_time() -> None:
    """The import graph without the type-only imports (``if TYPE_CHECKING``) has no cycle."""
    grimp = pytest.importorskip("grimp")  # comes with import-linter (the test extra)

    graph = grimp.build_graph("lsmitoitus", exclude_type_checking_imports=True)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _strongly_connected(edges) == []


def _in_function_imports(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if in_function and isinstance(child, ast.Import | ast.ImportFrom):
                found.append((child.lineno, ast.unparse(child)))
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def _says_why(lines: list[str], lineno: int) -> bool:
    """A ``# lazy:`` comment on the import's line or above it (over the other imports of its block)."""
    row = lineno - 1
    if "# lazy:" in lines[row]:
        return True
    row -= 1
    while row >= 0 and lines[row].strip().startswith(("from ", "import ")):
        row -= 1
    return row >= 0 and "# lazy:" in lines[row]


def test_an_import_inside_a_function_says_why() -> None:
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        for lineno, statement in _in_function_imports(path):
            if not _says_why(lines, lineno):
                unexplained.append(f"{name}:{lineno}: {statement}")
    assert unexplained == [], "\n".join(unexplained)


def test_the_check_sees_an_unexplained_import(tmp_path: Path) -> None:
    """The check can fail: a function's import without a comment is found."""
    path = tmp_path / "m.py"
    path.write_text("def f():\n    import json\n\n    return json\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [(n, s) for n, s in _in_function_imports(path) if not _says_why(lines, n)] == [(2, "import json")]
