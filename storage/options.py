"""Execution options storage sets on its connections and statements."""

from collections.abc import Mapping
from typing import Any

# READER marks a SQLite connection whose unit of work began as a reader (see
# SqlStorage.unit_of_work); HOLDS marks a read that holds rows for a change (FOR UPDATE).
READER = "turnout_reader"
HOLDS = "turnout_holds"
# Marks a read that may take many milliseconds (an export's page, a campaign's stats): on SQLite
# it runs on a worker thread rather than inline on the event loop (see storage/sqlite_driver.py).
ON_A_THREAD = "turnout_on_a_thread"


def begin_statement(connection_options: Mapping[str, Any]) -> str:
    """How a SQLite transaction begins on a connection with these options."""
    if connection_options.get(READER):
        # A reader never writes (storage/engine.py refuses it), so a deferred BEGIN is safe.
        return "BEGIN"
    # Take the write lock up front: a transaction that read under a deferred BEGIN and then
    # writes fails with "database is locked" at once instead of waiting its turn.
    return "BEGIN IMMEDIATE"
