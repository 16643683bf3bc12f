"""The one MetaData every table of Turnout joins, and the mark of a personal column."""

from sqlalchemy import MetaData

# Deterministic constraint names let migrations (and SQLite's batch mode, which rebuilds
# tables) refer to constraints by name.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Column.info key: the column holds a person's data with no foreign key to them.
PERSONAL = "personal"


def personal(what: str) -> dict[str, str]:
    """Column.info for a column holding a person's data (their name, an account, their own
    words) without a key to them: forget-me needs a rule for it (storage/erasure.py)."""
    return {PERSONAL: what}
