"""Use cases: one plain async function per command, run inside one unit of work."""
