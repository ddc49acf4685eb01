"""The app on a shared ledger (DESIGN §17): its name without a password, a connection the
server drops while in use, the listener for others' changes dropping, and drafts that stay
on this machine. Every test here runs on a fresh PostgreSQL database."""

import sqlite3
import threading
import time

import psycopg
import pytest
from conftest import Notices, settle, shown, until
from test_write_failures import NOTES, assert_still_typed, type_a_call

from daicho.app import DaichoApp
from daicho.data import drafts, vendors
from daicho.data.ledger import close_ledger, ledger_name, open_ledger
from daicho.data.models import Call
from daicho.locations import shared_ledger_drafts
from daicho.widgets.call_form import CallForm
from daicho.widgets.vendor_list import VendorRows

SIZE = (160, 45)
OTHERS = "pid <> pg_backend_pid() AND datname = current_database()"


@pytest.fixture
def engine():
    return "postgres"


def end_connections(url: str, which: str = OTHERS) -> int:
    """What an administrator (or a restarted server) does: end the ledger's connections."""
    with psycopg.connect(url, autocommit=True) as admin:
        ended = admin.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {which}"
        )
        return len(ended.fetchall())


async def test_the_app_names_a_shared_ledger_by_its_url_without_the_password(ledger):
    close_ledger()
    with_password = ledger.replace("postgres@", "postgres:s3cret@")  # trust: any password
    open_ledger(with_password)
    app = DaichoApp(ledger_path=with_password)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sub_title == f"Ledger: {ledger.replace('postgres@', 'postgres:***@')}"
        assert "s3cret" not in app.sub_title


async def test_a_connection_ended_mid_save_keeps_the_call_and_the_next_save_connects_again(
    ledger,
):
    """The backend saving the call is ended while the save waits on a lock: the form keeps
    every letter, one line says the connection was lost, and ctrl+s again saves it."""
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        form = await type_a_call(pilot)
        with psycopg.connect(ledger) as admin:
            admin.execute("LOCK TABLE call IN ACCESS EXCLUSIVE MODE")  # held until the end
            ender = threading.Thread(target=_end_the_waiting_save, args=(ledger,))
            ender.start()
            await pilot.press("ctrl+s")  # waits on the lock until its connection is ended
            ender.join()
        await settle(pilot)
        assert_still_typed(form)
        [said] = notices.said("error")
        assert "connection to the ledger" in said and "was lost" in said
        assert "\n" not in said and "Traceback" not in said
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.is_blank()
        assert notices.said("error") == [said]
    assert [(c.subject, c.internal_notes) for c in Call.select()] == [("Line down", NOTES)]


def _end_the_waiting_save(url: str) -> None:
    """End the backend that waits for the lock on `call` (the app's save), once it waits."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if end_connections(url, OTHERS + " AND wait_event_type = 'Lock'"):
            return
        time.sleep(0.02)
    raise AssertionError("the save never waited on the lock")


async def test_a_connection_the_server_dropped_while_idle_is_replaced_at_the_next_save(ledger):
    """A restarted server or an ended backend between two saves is nothing to tell: nothing
    was under way, so the next save goes through on a new connection."""
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await type_a_call(pilot, "Line down")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert end_connections(ledger) == 2  # the one the save used, and the listener
        form = await type_a_call(pilot, "Line down again")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.is_blank()
        assert notices.said("error") == []
    assert [call.subject for call in Call.select()] == ["Line down", "Line down again"]


async def test_others_changes_still_show_after_the_listener_was_dropped(ledger):
    """The listening connection ended: the watch says nothing, listens again, and what was
    saved meanwhile shows within two seconds."""
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        end_connections(ledger, OTHERS + " AND query LIKE 'LISTEN%'")
        await pilot.pause(1.5)  # a watch or more with nobody listening
        _save_as_another_client(ledger, "Nimbus Cloud")
        saved_at = time.monotonic()
        rows = app.screen.query_one(VendorRows)
        await until(pilot, lambda: "Nimbus Cloud" in shown(rows), "the new vendor to show")
        assert time.monotonic() - saved_at <= 2.0
        assert notices.said("error") == []


def _save_as_another_client(url: str, vendor: str) -> None:
    """A vendor saved by another person's Daicho: its own connection, in its own thread."""
    saver = threading.Thread(target=lambda: _in_own_connection(url, vendor))
    saver.start()
    saver.join()


def _in_own_connection(url: str, vendor: str) -> None:
    from daicho.data.models import database

    with database.connection_context():
        vendors.create_vendor(vendor)


async def test_a_call_being_typed_is_kept_in_a_local_file_not_in_the_shared_database(ledger):
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_a_call(pilot)
    local = shared_ledger_drafts(ledger_name())
    with sqlite3.connect(local) as kept:
        [(form, content)] = kept.execute("SELECT form, content FROM draft").fetchall()
    assert form == drafts.CALL_FORM and "Line down" in content
    with psycopg.connect(ledger) as shared:
        tables = shared.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%draft%'"
        ).fetchall()
    assert tables == []
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        assert_still_typed(app.screen.query_one(CallForm))
        assert any("Restored the call you were typing" in note for note in notices.said())
