"""Alembic migrations for Turnout's schema; storage.migrate.migrate() applies them.

To change the schema, edit storage/tables/ (the module of the table's feature area) and add the
next module in versions/ (0002_….py, with `down_revision` naming the previous one), spelling
types out as 0001 does. The integration tests migrate an empty database and compare the result
with storage.tables.metadata.
"""
