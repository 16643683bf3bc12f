"""Foreign keys for each shift's series and host (ON DELETE SET NULL).

0003 added shifts.series_id and shifts.host_id without them, as SQLite can't add a foreign key
without rebuilding the table; batch mode rebuilds it here (storage.migrate turns SQLite's
foreign keys off around the migration, and checks them before it commits).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nothing deletes series or hosts today; a stray id would only block the constraint.
    op.execute("UPDATE shifts SET series_id = NULL WHERE series_id NOT IN (SELECT id FROM series)")
    op.execute("UPDATE shifts SET host_id = NULL WHERE host_id NOT IN (SELECT id FROM volunteers)")
    with op.batch_alter_table("shifts") as batch:
        batch.create_foreign_key(
            op.f("fk_shifts_series_id_series"),
            "series",
            ["series_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_foreign_key(
            op.f("fk_shifts_host_id_volunteers"),
            "volunteers",
            ["host_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("shifts") as batch:
        batch.drop_constraint(op.f("fk_shifts_host_id_volunteers"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_shifts_series_id_series"), type_="foreignkey")
