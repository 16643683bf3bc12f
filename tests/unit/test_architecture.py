"""The layers keep to what DESIGN.md lets them import."""

import ast
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_AND_SQL = ("slack_bolt", "slack_sdk", "discord", "sqlalchemy", "aiosqlite", "asyncpg")
# The one start-up module: it reads settings and wires storage and adapters in.
STARTUP = "bot.app.cli"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (lazy imports too)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(), package, str(path))


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
            # `from bot import timefmt` imports the module bot.timefmt.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def path_of(module: str) -> Path | None:
    for candidate in (ROOT.joinpath(*module.split(".")).with_suffix(".py"),
                      ROOT.joinpath(*module.split("."), "__init__.py")):
        if candidate.exists():
            return candidate
    return None


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


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


def test_relative_and_lazy_imports_count_too():
    source = "from .. import storage\nfrom .slack import app\ndef f():\n    import sqlalchemy\n"
    found = imports_in(source, "bot.usecases")
    assert {"bot.storage", "bot.usecases.slack.app", "sqlalchemy"} <= found


@pytest.mark.parametrize(
    "path",
    [p for p in modules("bot") if module_name(p) != STARTUP],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_core_reaches_no_platform_sql_storage_adapter_or_start_up_code(path):
    forbidden = {
        name for name in reached_from(module_name(path))
        if top(name) in (*PLATFORM_AND_SQL, "storage", "adapters") or name == STARTUP
    }
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize("path", modules("bot/domain"), ids=lambda p: p.name)
def test_the_domain_imports_only_the_standard_library_and_itself(path):
    outside = {
        name for name in imports_of(path)
        if top(name) not in sys.stdlib_module_names and not name.startswith("bot.domain")
    }
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize("path", modules("adapters"), ids=lambda p: p.name)
def test_adapters_do_not_reach_into_storage(path):
    assert not {n for n in imports_of(path) if top(n) in ("storage", "sqlalchemy")}


CORE_TESTS = [
    *modules("tests/unit"), *modules("tests/integration"),
    *(ROOT / "tests" / name for name in ("conftest.py", "fakes.py", "render.py")),
]


@pytest.mark.parametrize("path", CORE_TESTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_s_tests_render_replies_without_any_adapter(path):
    assert not {n for n in imports_of(path) if top(n) == "adapters"}
