"""The one MetaData every table of Turnout joins."""

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
