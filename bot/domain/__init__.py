"""Campaign entities and their rules. Standard library only; no I/O and no clock."""
