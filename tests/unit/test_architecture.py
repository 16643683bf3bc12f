"""The layers keep to what DESIGN.md lets them import."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_AND_SQL = ("slack_bolt", "slack_sdk", "discord", "sqlalchemy", "aiosqlite", "asyncpg")


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(package: str, *, except_: tuple[str, ...] = ()) -> list[Path]:
    return [p for p in sorted((ROOT / package).rglob("*.py")) if p.name not in except_]


def top(name: str) -> str:
    return name.split(".")[0]


# The one start-up module (bot/cli.py) wires storage and adapters in; nothing else in bot/ may.
@pytest.mark.parametrize("path", modules("bot", except_=("cli.py",)), ids=lambda p: p.name)
def test_the_core_imports_no_platform_sql_storage_or_adapter_code(path):
    forbidden = {
        name for name in imports_of(path)
        if top(name) in (*PLATFORM_AND_SQL, "storage", "adapters")
    }
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize("path", modules("bot/domain"), ids=lambda p: p.name)
def test_the_domain_imports_only_the_standard_library_and_itself(path):
    import sys

    outside = {
        name for name in imports_of(path)
        if top(name) not in sys.stdlib_module_names and not name.startswith("bot.domain")
    }
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize("path", modules("adapters"), ids=lambda p: p.name)
def test_adapters_do_not_reach_into_storage(path):
    assert not {n for n in imports_of(path) if top(n) in ("storage", "sqlalchemy")}

