"""The layers and rooms keep to what DESIGN.md lets them import, and stay small enough to read."""

import ast
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_AND_SQL = ("slack_bolt", "slack_sdk", "discord", "sqlalchemy", "aiosqlite", "asyncpg")
# The one start-up module: it reads settings and wires storage and adapters in.
STARTUP = "bot.app.cli"
PRODUCTION = ("bot", "storage", "adapters")
# `bot/` beside its packages: `__init__`, the catalogue, nothing else loose.
ROOT_MODULES_AT_MOST = 3
MODULE_LINES_AT_MOST = 400
FUNCTION_LINES_AT_MOST = 60
LAZY_IMPORTS_AT_MOST = 12
# Packages of the core that are not features: they may not import a feature.
NOT_FEATURES = ("domain", "ports", "kernel", "app")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: Path) -> str:
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (lazy imports and TYPE_CHECKING too)."""
    return imports_in(path.read_text(), package_of(path), str(path))


def imports_in(source: str, package: str, filename: str = "<test>") -> set[str]:
    """The modules `source` imports, with relative imports resolved against `package`."""
    here = package.split(".") if package else []
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            # `from bot.kernel import timefmt` imports the module bot.kernel.timefmt.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def path_of(module: str) -> Path | None:
    for candidate in (
        ROOT.joinpath(*module.split(".")).with_suffix(".py"),
        ROOT.joinpath(*module.split("."), "__init__.py"),
    ):
        if candidate.exists():
            return candidate
    return None


def modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "versions" not in p.parts)


def top(name: str) -> str:
    return name.split(".")[0]


@cache
def reached_from(module: str) -> frozenset[str]:
    """What importing `module` imports, following the core's own modules (not the start-up)."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        path = path_of(todo.pop())
        if path is None:
            continue
        for name in imports_of(path):
            if name in seen:
                continue
            seen.add(name)
            if top(name) == "bot" and name != STARTUP:
                todo.append(name)
    return frozenset(seen)


def our_modules() -> list[str]:
    return [module_name(p) for top_ in PRODUCTION for p in modules(top_)]


@cache
def import_graph() -> dict[str, frozenset[str]]:
    """Each of our modules and the modules of ours that loading it runs.

    Importing `bot.signups.seats` from outside `bot.signups` first runs `bot/signups/__init__`,
    so that package counts too; a module's own package does not (it is already running).
    """
    ours = set(our_modules())
    graph: dict[str, frozenset[str]] = {}
    for name in ours:
        path = path_of(name)
        assert path is not None
        own = package_of(path)
        targets: set[str] = set()
        for imported in imports_of(path):
            parts = imported.split(".")
            for end in range(1, len(parts) + 1):
                prefix = ".".join(parts[:end])
                # A package the importer is inside of is running already: nothing new runs.
                inside = own == prefix or own.startswith(prefix + ".")
                if prefix in ours and prefix != name and not inside:
                    targets.add(prefix)
        graph[name] = frozenset(targets)
    return graph


def cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def lazy_imports(path: Path) -> Iterator[tuple[int, bool]]:
    """Each import inside a function: its line, and whether a comment says why."""
    lines = path.read_text().splitlines()
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    line = inner.lineno
                    said = "#" in lines[line - 1] or lines[line - 2].strip().startswith("#")
                    yield line, said


def features() -> list[str]:
    return sorted(
        p.parent.name
        for p in (ROOT / "bot").glob("*/__init__.py")
        if p.parent.name not in NOT_FEATURES
    )


# The checks check


def test_relative_and_lazy_imports_count_too() -> None:
    source = "from .. import storage\nfrom .slack import app\ndef f():\n    import sqlalchemy\n"
    found = imports_in(source, "bot.kernel")
    assert {"bot.storage", "bot.kernel.slack.app", "sqlalchemy"} <= found


def test_a_cycle_through_a_package_s_init_is_found() -> None:
    graph = {
        "bot.a": frozenset({"bot.b.inner"}),
        "bot.b.inner": frozenset(),
        "bot.b": frozenset({"bot.b.inner", "bot.a"}),
    }
    assert cycles(graph) == []
    assert cycles({**graph, "bot.a": frozenset({"bot.b.inner", "bot.b"})}) == [["bot.a", "bot.b"]]


# Layers


@pytest.mark.parametrize(
    "path",
    [p for p in modules("bot") if module_name(p) != STARTUP],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_core_reaches_no_platform_sql_storage_adapter_or_start_up_code(path: Path) -> None:
    forbidden = {
        name
        for name in reached_from(module_name(path))
        if top(name) in (*PLATFORM_AND_SQL, "storage", "adapters") or name == STARTUP
    }
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize("path", modules("bot/domain"), ids=lambda p: p.name)
def test_the_domain_imports_only_the_standard_library_and_itself(path: Path) -> None:
    outside = {
        name
        for name in imports_of(path)
        if top(name) not in sys.stdlib_module_names and not name.startswith("bot.domain")
    }
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize("path", modules("bot/ports"), ids=lambda p: p.name)
def test_ports_import_only_the_standard_library_the_domain_and_each_other(path: Path) -> None:
    outside = {
        name
        for name in imports_of(path)
        if top(name) not in sys.stdlib_module_names
        and not name.startswith(("bot.domain", "bot.ports"))
    }
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize("path", modules("bot/kernel"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_kernel_knows_no_feature(path: Path) -> None:
    allowed = ("bot.domain", "bot.ports", "bot.kernel")
    ours = {name for name in imports_of(path) if top(name) == "bot"}
    assert {name for name in ours if not name.startswith(allowed)} == set()


@pytest.mark.parametrize("path", modules("adapters"), ids=lambda p: p.name)
def test_adapters_do_not_reach_into_storage(path: Path) -> None:
    assert not {n for n in imports_of(path) if top(n) in ("storage", "sqlalchemy")}


CORE_TESTS = [
    *modules("tests/unit"),
    *modules("tests/integration"),
    *(ROOT / "tests" / name for name in ("conftest.py", "fakes.py", "render.py")),
]


@pytest.mark.parametrize("path", CORE_TESTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_s_tests_render_replies_without_any_adapter(path: Path) -> None:
    assert not {n for n in imports_of(path) if top(n) == "adapters"}


# Rooms


def test_bot_s_root_holds_packages_and_at_most_three_modules() -> None:
    loose = sorted(p.name for p in (ROOT / "bot").glob("*.py"))
    assert len(loose) <= ROOT_MODULES_AT_MOST, loose


def test_nothing_imports_itself_round_in_a_circle() -> None:
    assert cycles(import_graph()) == []


def test_features_import_each_other_only_through_what_their_init_offers() -> None:
    """`from bot.signups import seats` (named in `bot/signups/__init__`'s `__all__`), never
    `from bot.signups.seats import hold`: a feature's `__init__` says what it offers."""
    offered = {name: _all_of(ROOT / "bot" / name / "__init__.py") for name in features()}
    reaching_in = []
    for name in features():
        for path in modules(f"bot/{name}"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.ImportFrom) or not node.module:
                    continue
                parts = node.module.split(".")
                other = parts[1] if len(parts) > 1 and parts[0] == "bot" else ""
                if other not in offered or other == name:
                    continue
                names = {alias.name for alias in node.names}
                if len(parts) > 2 or not names <= offered[other]:
                    reaching_in.append(f"{path.relative_to(ROOT)}: from {node.module} {names}")
    assert reaching_in == []


def _all_of(init: Path) -> set[str]:
    for node in ast.parse(init.read_text()).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return set()


def test_every_feature_declares_itself() -> None:
    for name in features():
        assert "FEATURE" in _names_defined(ROOT / "bot" / name / "__init__.py"), name


def _names_defined(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return found


# Small parts


@pytest.mark.parametrize(
    "path",
    [p for top_ in PRODUCTION for p in modules(top_)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_module_is_too_long_to_read_top_to_bottom(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= MODULE_LINES_AT_MOST


@pytest.mark.parametrize(
    "path",
    [p for top_ in PRODUCTION for p in modules(top_)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_function_is_longer_than_a_screen(path: Path) -> None:
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES_AT_MOST
    ]
    assert long == []


def test_imports_inside_functions_are_few_and_each_says_why() -> None:
    found = [
        (f"{path.relative_to(ROOT)}:{line}", said)
        for top_ in PRODUCTION
        for path in modules(top_)
        for line, said in lazy_imports(path)
    ]
    assert len(found) <= LAZY_IMPORTS_AT_MOST, found
    assert [where for where, said in found if not said] == []
