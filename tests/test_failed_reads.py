"""A read of the ledger that fails in a thread (DESIGN §10): the user is told in words, never
a traceback, and the app runs on: once the ledger can be read again, the screen shows it."""

import sqlite3
from pathlib import Path

from conftest import Notices, settle, shown, until

from daicho.app import DaichoApp
from daicho.data import requests, vendors
from daicho.screens.main_screen import MainScreen
from daicho.widgets.queue_table import QueueTable


def another_program(ledger: Path, *statements: str) -> None:
    """What another program could do to the file while the app has it open."""
    other = sqlite3.connect(ledger)
    try:
        for statement in statements:
            other.execute(statement)
        other.commit()
    finally:
        other.close()


async def test_a_read_that_fails_on_the_main_screen_is_told_and_the_app_runs_on(ledger):
    acme = vendors.create_vendor("Acme Devices")
    requests.open_request(acme.id, "outbound", "Quote for 40 routers")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(140, 40), message_hook=notices) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QueueTable)
        assert "Quote for 40 routers" in shown(table)

        # Another window's write makes the main screen read everything again, in threads:
        # with the requests' table gone, those reads fail.
        another_program(ledger, "ALTER TABLE request RENAME TO request_elsewhere")
        told = "The ledger could not be read: no such table: request"
        await until(pilot, lambda: told in notices.said("error"), "the failed read told")
        assert not any("Traceback" in said for said in notices.said())
        assert app.is_running and isinstance(app.screen, MainScreen)

        another_program(
            ledger,
            "ALTER TABLE request_elsewhere RENAME TO request",
            "UPDATE request SET subject = 'Quote for 42 routers'",
        )
        await until(pilot, lambda: "Quote for 42 routers" in shown(table), "the queue again")
