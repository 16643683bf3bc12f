"""The console in-process (tests/adapters/console/conftest.py) for the stories told here too."""

from tests.adapters.console.conftest import console

__all__ = ["console"]
