"""A shared ledger's schema on PostgreSQL (DESIGN §17): a new database is created at the
current version, once, however many clients start on it at the same moment; a database of
another program or of a newer Daicho is refused in one line and left as it was."""

import subprocess
import sys
import threading
import time

import psycopg
import pytest
from postgres import fresh_database

from daicho.data import vendors
from daicho.data.errors import LedgerError
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.migrations import LATEST_VERSION, MIGRATIONS
from daicho.data.models import database
from daicho.data.postgres.database import LedgerPostgres
from daicho.data.postgres.schema import (
    BASELINE_VERSION,
    MIGRATION_LOCK,
    migrate_postgres,
    schema_version,
)


@pytest.fixture
def url():
    with fresh_database() as url:
        yield url


def _tables(url: str) -> dict[str, list[tuple]]:
    """Every table of the database's own schema, with its rows."""
    with psycopg.connect(url) as connection:
        names = connection.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() ORDER BY table_name"
        ).fetchall()
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for (name,) in names
        }


def test_a_new_database_is_created_at_the_current_version(url):
    open_ledger(url)
    try:
        assert schema_version(database.obj) == LATEST_VERSION
        vendors.create_vendor("NTT東日本")
        assert [vendor.name for vendor in vendors.list_vendors()] == ["NTT東日本"]
    finally:
        close_ledger()
    assert _tables(url)["daicho_schema"] == [(LATEST_VERSION,)]


def test_a_ledger_opened_again_is_not_migrated_again(url):
    open_ledger(url)
    close_ledger()
    server = LedgerPostgres(url)
    try:
        assert migrate_postgres(server, MIGRATIONS, LATEST_VERSION) == []
    finally:
        server.close()


def _waiting_for_the_lock(url: str) -> int:
    """How many connections to this database wait on the migrations' lock."""
    with psycopg.connect(url) as connection:
        return connection.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            " AND objid = %s AND database = (SELECT oid FROM pg_database"
            " WHERE datname = current_database())",
            (MIGRATION_LOCK,),
        ).fetchone()[0]


def test_two_clients_starting_on_a_new_database_at_once_create_it_once(url):
    """Both clients are made to reach the schema at the same moment: each waits on the
    migrations' lock, held here until both do."""
    ran: dict[int, list[int]] = {}
    failed: list[BaseException] = []

    def start(client: int) -> None:
        server = LedgerPostgres(url)
        try:
            ran[client] = migrate_postgres(server, MIGRATIONS, LATEST_VERSION)
            server.execute_sql(
                "INSERT INTO vendor (name, created_at, updated_at) VALUES (%s, now(), now())",
                (f"client {client}",),
            )
        except BaseException as error:  # reported by the test's own thread below
            failed.append(error)
        finally:
            server.close()

    with psycopg.connect(url) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        clients = [threading.Thread(target=start, args=(n,)) for n in (1, 2)]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 20
        while _waiting_for_the_lock(url) < 2:
            assert time.monotonic() < deadline, "the clients never waited on the lock"
            time.sleep(0.05)
        holder.rollback()  # lets go of the lock: the clients go on
    for client in clients:
        client.join(timeout=30)
    assert failed == []
    assert sorted(ran.values()) == [[], list(range(BASELINE_VERSION, LATEST_VERSION + 1))]
    tables = _tables(url)
    assert tables["daicho_schema"] == [(LATEST_VERSION,)]
    assert sorted(row[1] for row in tables["vendor"]) == ["client 1", "client 2"]


_CLIENT = """
import sys
from daicho.data import vendors
from daicho.data.ledger import close_ledger, open_ledger
open_ledger(sys.argv[1])
vendors.create_vendor(sys.argv[2])
close_ledger()
"""


def test_two_app_processes_starting_on_a_new_database_at_once_both_work(url):
    """The whole open (schema, index, drafts file) in two processes held at the lock; they
    inherit the test's own data directory."""
    with psycopg.connect(url) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        clients = [
            subprocess.Popen(
                [sys.executable, "-c", _CLIENT, url, f"client {n}"],
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in (1, 2)
        ]
        deadline = time.monotonic() + 30
        while _waiting_for_the_lock(url) < 2:
            assert time.monotonic() < deadline, "the clients never waited on the lock"
            assert all(client.poll() is None for client in clients), "a client ended early"
            time.sleep(0.05)
        holder.rollback()
    for client in clients:
        _, errors = client.communicate(timeout=60)
        assert client.returncode == 0, errors
    tables = _tables(url)
    assert tables["daicho_schema"] == [(LATEST_VERSION,)]
    assert sorted(row[1] for row in tables["vendor"]) == ["client 1", "client 2"]


def _refusal(url: str) -> str:
    with pytest.raises(LedgerError) as refused:
        open_ledger(url)
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_a_database_holding_other_tables_is_refused_and_left_as_it_was(url):
    with psycopg.connect(url) as connection:
        connection.execute("CREATE TABLE invoices (id SERIAL PRIMARY KEY, total INTEGER)")
        connection.execute("INSERT INTO invoices (total) VALUES (1200)")
    before = _tables(url)
    assert "another program" in _refusal(url)
    assert _tables(url) == before == {"invoices": [(1, 1200)]}


def test_a_database_of_a_newer_daicho_is_refused_and_left_as_it_was(url):
    open_ledger(url)
    vendors.create_vendor("NTT東日本")
    close_ledger()
    with psycopg.connect(url) as connection:
        connection.execute("UPDATE daicho_schema SET version = %s", (LATEST_VERSION + 1,))
    before = _tables(url)
    message = _refusal(url)
    assert f"schema {LATEST_VERSION + 1}" in message and "newer Daicho" in message
    assert _tables(url) == before
