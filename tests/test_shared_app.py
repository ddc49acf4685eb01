"""The app on a shared ledger (DESIGN §17): its name without a password, a connection the
server drops while in use, the listener for others' changes dropping, and drafts that stay
on this machine. Every test here runs on a fresh PostgreSQL database."""

import sqlite3
import threading
import time
from contextlib import contextmanager

import psycopg
import pytest
from conftest import Notices, settle, shown, until
from postgres import SERVER
from terminal import start_daicho
from test_write_failures import NOTES, assert_still_typed, type_a_call

from daicho.app import DaichoApp
from daicho.config import Config
from daicho.data import drafts, requests, vendors
from daicho.data.ledger import close_ledger, in_own_connection, ledger_name, open_ledger
from daicho.data.models import Call, database
from daicho.locations import shared_ledger_drafts
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.search_screen import SearchScreen
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.widgets.call_form import CallForm
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.search_results import SearchResults
from daicho.widgets.vendor_list import VendorRows

SIZE = (160, 45)
PASSWORD = "s3cret-9"
OTHERS = "pid <> pg_backend_pid() AND datname = current_database()"


@pytest.fixture
def engine():
    return "postgres"


def with_password(url: str) -> str:
    """The same ledger named with a password (trust authentication ignores it), which no
    message, header or notice may show."""
    return url.replace("postgres@", f"postgres:{PASSWORD}@")


def shared_app(location: str) -> DaichoApp:
    """The app of someone who has told it their name (a shared ledger asks it at the start)."""
    return DaichoApp(ledger_path=location, config=Config(user_name="Aoki"))


def end_connections(url: str, which: str = OTHERS) -> int:
    """What an administrator (or a restarted server) does: end the ledger's connections."""
    with psycopg.connect(url, autocommit=True) as admin:
        ended = admin.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {which}"
        )
        return len(ended.fetchall())


async def test_the_app_names_a_shared_ledger_by_its_url_without_the_password(ledger):
    close_ledger()
    open_ledger(with_password(ledger))
    app = shared_app(with_password(ledger))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sub_title == f"Ledger: {ledger.replace('postgres@', 'postgres:***@')}"
        header = shown(app.screen.query_one(LedgerHeader))
        where = ledger.split("://", 1)[1].replace("postgres@", "postgres:***@")
        assert f"shared: {where}" in header
        assert PASSWORD not in header


async def test_a_connection_ended_mid_save_keeps_the_call_and_the_next_save_connects_again(
    ledger,
):
    """The backend saving the call is ended while the save waits on a lock: the form keeps
    every letter, one line says the connection was lost, and ctrl+s again saves it."""
    vendors.create_vendor("Acme Devices")
    close_ledger()
    open_ledger(with_password(ledger))
    app = shared_app(with_password(ledger))
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
        assert "\n" not in said and "Traceback" not in said and PASSWORD not in said
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


async def test_a_ledger_that_cannot_be_reached_keeps_the_call_until_it_can(ledger):
    """The ledger's database stops taking connections (as a server that is down): the save
    says so in one line and keeps the call, the watch says nothing, and once the database
    takes connections again the same ctrl+s saves it."""
    vendors.create_vendor("Acme Devices")
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        form = await type_a_call(pilot)
        with taking_no_connections(ledger):
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert_still_typed(form)
            [said] = notices.said("error")
            assert said.startswith(f"Cannot reach the ledger {ledger}: ")
            assert "not currently accepting connections" in said and "\n" not in said
            await pilot.pause(2.5)  # the watch looks twice, and cannot listen
            assert notices.said("error") == [said]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.is_blank()
    assert [call.subject for call in Call.select()] == ["Line down"]


async def test_what_is_typed_while_the_ledger_cannot_be_reached_is_kept_as_a_draft(ledger):
    """Drafts are this person's own file: a ledger out of reach does not stop them."""
    vendors.create_vendor("Acme Devices")
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        with taking_no_connections(ledger):
            await type_a_call(pilot)
            assert notices.said("warning") == []
            assert len(notices.said("error")) == 1  # not once per key typed
    [draft] = kept_drafts(ledger)
    assert draft[0] == drafts.CALL_FORM and "Line down" in draft[1] and NOTES in draft[1]


def kept_drafts(ledger: str) -> list[tuple[str, str]]:
    """The drafts in this person's own file beside the shared ledger (form, content)."""
    with sqlite3.connect(shared_ledger_drafts(ledger_name())) as kept:
        return kept.execute("SELECT form, content FROM draft").fetchall()


@contextmanager
def taking_no_connections(url: str):
    """The database at `url` refuses new connections and its open ones are ended, for the
    block (asked of the server's own database, which still takes them)."""
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )
            yield
        finally:
            admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")


async def test_a_connection_the_server_dropped_while_idle_is_replaced_at_the_next_save(ledger):
    """A restarted server or an ended backend between two saves is nothing to tell: nothing
    was under way, so the next save goes through on a new connection."""
    vendors.create_vendor("Acme Devices")
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await type_a_call(pilot, "Line down")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # the one the save used, the pool's idle ones the reads handed back, the listener
        assert end_connections(ledger) >= 3
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
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        assert end_connections(ledger, OTHERS + " AND query LIKE 'LISTEN%'") == 1
        await pilot.pause(1.5)  # a watch or more with nobody listening
        as_another_client(lambda: vendors.create_vendor("Nimbus Cloud"))
        saved_at = time.monotonic()
        rows = app.screen.query_one(VendorRows)
        await until(pilot, lambda: "Nimbus Cloud" in shown(rows), "the new vendor to show")
        assert time.monotonic() - saved_at <= 2.0
        assert notices.said("error") == []


def as_another_client(save) -> None:
    """`save()` as another person's Daicho does it: on a connection of its own."""
    saver = threading.Thread(target=in_own_connection, args=(save,))
    saver.start()
    saver.join()


async def test_what_another_person_saves_shows_on_every_open_screen_within_two_seconds(ledger):
    """The main screen, a request's detail over it, its vendor's detail over that and a
    search on top: each shows what the other person saved, without a key pressed."""
    acme = vendors.create_vendor("Acme Devices")
    request = requests.open_request(acme.id, "outbound", "Send the quote")
    app = shared_app(ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        detail = RequestDetailScreen(request.id)
        await app.push_screen(detail)
        vendor = VendorDetailScreen(acme.id)
        await app.push_screen(vendor)
        searching = SearchScreen("licence")
        await app.push_screen(searching)
        await settle(pilot)

        def save() -> None:
            requests.add_request_note(request.id, "Chased by phone")
            vendors.create_contact(acme.id, "Suzuki Ichiro")
            requests.open_request(acme.id, "inbound", "Renew the licence")

        as_another_client(save)
        saved_at = time.monotonic()
        hits = searching.query_one(SearchResults)
        await until(pilot, lambda: "Renew the licence" in shown(hits), "the new request found")
        assert time.monotonic() - saved_at <= 2.0
        # The screens under it read the ledger again at the same moment: each shows the
        # change once it is uncovered (a hidden screen is laid out only then) and its read
        # is in.
        await uncover(pilot)
        contacts = vendor.query_one("#contacts")
        await until(pilot, lambda: "Suzuki Ichiro" in shown(contacts), "the new contact")
        await uncover(pilot)
        history = detail.query_one("#history-lines")
        await until(pilot, lambda: "Chased by phone" in shown(history), "the new note")
        await uncover(pilot)
        queue = main.query_one(QueueTable)
        await until(pilot, lambda: "Renew the licence" in shown(queue), "the new request")


async def uncover(pilot) -> None:
    """The screen on top goes, as escape takes it away, and the one under it is drawn."""
    await pilot.app.pop_screen()
    await settle(pilot)


def test_two_daicho_processes_on_one_shared_ledger_show_a_third_ones_save(ledger, tmp_path):
    """Real `daicho --db URL` processes in terminals, the URL with a password: another
    client's new vendor shows in both within two seconds, and no screen shows the password."""
    vendors.create_vendor("Acme Devices")
    (tmp_path / "config.toml").write_text('[user]\nname = "Aoki"\n', encoding="utf-8")
    terminals = [start_daicho(with_password(ledger), tmp_path) for _ in range(2)]
    try:
        for terminal in terminals:
            terminal.wait_for("Acme Devices")
        as_another_client(lambda: vendors.create_vendor("Nimbus Cloud"))
        saved_at = time.monotonic()
        for terminal in terminals:
            terminal.wait_for("Nimbus Cloud", timeout=10)
        assert time.monotonic() - saved_at <= 2.0
        assert not any(PASSWORD in terminal.text() for terminal in terminals)
    finally:
        for terminal in terminals:
            terminal.child.sendcontrol("q")
            terminal.wait_for_exit()


async def test_a_call_being_typed_is_kept_in_a_local_file_not_in_the_shared_database(ledger):
    vendors.create_vendor("Acme Devices")
    app = shared_app(ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_a_call(pilot)
    [(form, content)] = kept_drafts(ledger)
    assert form == drafts.CALL_FORM and "Line down" in content
    assert shared_ledger_drafts(ledger_name()).stat().st_mode & 0o777 == 0o600  # theirs alone
    with psycopg.connect(ledger) as shared:
        tables = shared.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%draft%'"
        ).fetchall()
    assert tables == []
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        assert_still_typed(app.screen.query_one(CallForm))
        assert any("Restored the call you were typing" in note for note in notices.said())


def test_reads_in_worker_threads_take_turns_on_the_pools_connections(ledger):
    """A screen reads in a thread of its own each time: the connection it used goes back to
    a pool for the next read, instead of a new one being made (and closed) per read."""

    def backend() -> int:
        return database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]

    def read_in_a_new_thread() -> int:
        read: list[int] = []
        thread = threading.Thread(target=lambda: read.append(in_own_connection(backend)))
        thread.start()
        thread.join()
        return read[0]

    backends = {read_in_a_new_thread() for _ in range(10)}
    assert len(backends) == 1
