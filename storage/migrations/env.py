"""Alembic environment: runs on the live connection that storage.migrate hands over.

There is no alembic.ini: storage.migrate builds the configuration in code and passes the
connection (already inside a transaction) through `config.attributes["connection"]`.
"""

from alembic import context

from storage.tables import metadata


def run_migrations() -> None:
    """Apply pending revisions on the connection given by storage.migrate."""
    connection = context.config.attributes.get("connection")
    if connection is None or context.is_offline_mode():
        raise RuntimeError(
            "Turnout's migrations run on a live connection: use `turnout migrate`, or call "
            "storage.migrate.migrate(engine)."
        )
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite can't ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
