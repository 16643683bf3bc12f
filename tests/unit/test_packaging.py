"""What `pip install .` installs: every package of the project, none forgotten."""

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]
TOPS = ("bot", "adapters", "storage")


def test_every_folder_of_code_is_a_package_that_installation_finds() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    include = project["tool"]["setuptools"]["packages"]["find"]["include"]
    installed = set(find_packages(str(ROOT), include=include))
    # A folder of modules without an `__init__.py` would be left out of the wheel silently.
    with_code = {
        ".".join(module.parent.relative_to(ROOT).parts)
        for top in TOPS
        for module in (ROOT / top).rglob("*.py")
    }
    assert with_code <= installed
    assert {name for name in installed if name.split(".")[0] not in TOPS} == set()
