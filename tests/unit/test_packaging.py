"""What `pip install .` installs: every package of the project, none forgotten."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_in_the_tree_is_listed_for_installation():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("bot", "adapters", "storage")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert listed == found
