"""On SQLite a unit of work's statements run with no greenlet (storage/sqlite_driver.py's
InlineAsyncConnection); one that would have to wait goes through SQLAlchemy's asyncio API."""

import sqlite3
import threading

from sqlalchemy import text
from sqlalchemy.util.concurrency import in_greenlet

from storage import SqlStorage
from storage.engine import long_reads


async def test_a_statement_runs_straight_from_the_unit_of_work(sqlite_storage: SqlStorage) -> None:
    async with sqlite_storage.unit_of_work(write=False) as uow:
        raw = await uow.connection.get_raw_connection()
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.create_function("in_a_greenlet", 0, in_greenlet)
        assert await uow.connection.scalar(text("SELECT in_a_greenlet()")) == 0


async def test_a_long_read_still_goes_to_a_thread_through_the_asyncio_api(
    sqlite_storage: SqlStorage,
) -> None:
    async with sqlite_storage.unit_of_work(write=False) as uow:
        raw = await uow.connection.get_raw_connection()
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.create_function("where_am_i", 0, lambda: f"{threading.get_ident()} {in_greenlet()}")
        asked = text("SELECT where_am_i()")
        async with long_reads(uow.connection):
            away = await uow.connection.scalar(asked)
        here = await uow.connection.scalar(asked)
    assert here == f"{threading.get_ident()} False"
    assert not away.startswith(f"{threading.get_ident()} ")
