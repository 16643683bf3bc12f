"""storage/ stays in small parts: short modules and functions, no import cycle, and the private
members of the libraries it drives left alone."""

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORAGE = ROOT / "storage"
# Migrations are history: written once, never edited, so their length is left as it was.
MIGRATIONS = STORAGE / "migrations" / "versions"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LIBRARIES = ("sqlalchemy", "aiosqlite", "asyncpg")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(STORAGE.rglob("*.py"))}
CODE = [path for path in MODULES.values() if MIGRATIONS not in path.parents]


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), str(path))


def imported(path: Path) -> set[str]:
    """The storage modules `path` imports, anywhere in it: inside functions and under
    TYPE_CHECKING too. `from storage import rows` is the module storage.rows."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            here = package.split(".")
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in MODULES else module)
    return {n for n in found if n in MODULES and n != name}


def cycles() -> list[list[str]]:
    """Each group of storage modules that import one another, round and round."""
    graph = {name: imported(path) for name, path in MODULES.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(name: str) -> None:  # Tarjan's strongly connected components
        index[name] = low[name] = len(index)
        stack.append(name)
        for other in graph[name]:
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            group = []
            while (member := stack.pop()) != name:
                group.append(member)
            if group:
                found.append(sorted([name, *group]))

    for name in graph:
        if name not in index:
            visit(name)
    return found


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_is_over_60_lines(path: Path) -> None:
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long


def test_no_storage_modules_import_each_other_in_a_cycle() -> None:
    assert cycles() == []


def test_a_cycle_is_found_even_inside_a_function() -> None:
    source = "def f():\n    from storage.unit_of_work import SqlUnitOfWork\n"
    path = STORAGE / "volunteers.py"
    assert "storage.unit_of_work" not in imported(path)
    tree.cache_clear()
    try:
        tree(path).body.extend(ast.parse(source).body)
        assert ["storage.unit_of_work", "storage.volunteers"] in cycles()
    finally:
        tree.cache_clear()


@cache
def ours() -> set[str]:
    """The private names storage defines itself."""
    names: set[str] = set()
    for path in CODE:
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return {name for name in names if name.startswith("_")}


def reaching(path: Path) -> list[str]:
    """Where `path` touches a private member it did not define, or a library's internals."""
    own = ours()
    found = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            mine = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if not mine and not node.attr.startswith("__") and node.attr not in own:
                found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
            module = node.module or ""
            private = [a.name for a in node.names if a.name.startswith("_")]
            if private or module.startswith("sqlalchemy.util") or "._" in module:
                found.append(f"line {node.lineno}: from {module} import {private or '…'}")
    return found


# The one module that may, and whose docstring names each private member it reads.
PRIVATE_ACCESS = STORAGE / "compiled_once.py"


@pytest.mark.parametrize(
    "path", [p for p in CODE if p != PRIVATE_ACCESS], ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_storage_module_reaches_into_the_libraries_private_members(path: Path) -> None:
    assert reaching(path) == []


def test_the_one_module_that_reads_private_members_names_each_in_its_docstring() -> None:
    docstring = ast.get_docstring(tree(PRIVATE_ACCESS)) or ""
    members = {found.split(": .")[1] for found in reaching(PRIVATE_ACCESS)}
    assert members, "nothing private is read there any more: drop the exemption"
    assert not [m for m in members if f"`{m}`" not in docstring and f".{m}`" not in docstring]
