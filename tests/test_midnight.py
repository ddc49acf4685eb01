"""One today for the whole app, moved at local midnight: the app stays open for days, and the
queue, the header and the details must not be a day behind after the night."""

from datetime import date, datetime

import pytest
from conftest import settle, shown, until

from daicho.app import DaichoApp
from daicho.data import requests, vendors
from daicho.data.dates import clock
from daicho.data.records import RequestRecord
from daicho.screens.redate_prompt import RedatePrompt
from daicho.screens.request_detail import RequestDetailScreen
from daicho.widgets.date_field import DateField
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.queue_table import QueueTable

BEFORE_MIDNIGHT = datetime(2026, 11, 20, 23, 59, 58)  # a Friday


@pytest.fixture
def wall_clock():
    """The wall clock at a time the test sets, instead of a frozen today."""
    clock.freeze_today(None)
    yield clock.set_wall_clock
    clock.set_wall_clock(None)


def three_requests() -> list[RequestRecord]:
    """Due the day before, on the day and the day after Friday 20 November."""
    acme = vendors.create_vendor("Acme Devices")
    return [
        requests.open_request(acme.id, "outbound", subject, due=date(2026, 11, day))
        for day, subject in ((19, "Late quote"), (20, "Due on Friday"), (21, "Due on Saturday"))
    ]


def row(table: QueueTable, subject: str) -> str:
    return next(line for line in shown(table).splitlines() if subject in line)


async def test_the_queue_and_the_header_move_to_the_new_day_at_midnight(ledger, wall_clock):
    wall_clock(BEFORE_MIDNIGHT, running=False)  # still while the app starts, however slowly
    three_requests()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        header, table = app.screen.query_one(LedgerHeader), app.screen.query_one(QueueTable)
        assert "2026-11-20 (Fri)" in shown(header)
        assert "overdue 1" in shown(header) and "due today 1" in shown(header)
        assert "11/19 ‼1d late" in row(table, "Late quote")
        assert "11/20 today" in row(table, "Due on Friday")
        assert "11/21 in 1d" in row(table, "Due on Saturday")

        wall_clock(BEFORE_MIDNIGHT)  # and now the seconds tick
        await until(pilot, lambda: "2026-11-21 (Sat)" in shown(header), "the header's new day")
        await until(pilot, lambda: "11/21 today" in row(table, "Due on Saturday"), "the queue")
        assert "11/19 ‼2d late" in row(table, "Late quote")
        assert "11/20 ‼1d late" in row(table, "Due on Friday")
        await until(pilot, lambda: "overdue 2" in shown(header), "the new overdue count")
        assert "due today 1" in shown(header)
        assert app.today == date(2026, 11, 21)


async def test_a_machine_that_slept_through_midnight_shows_the_new_day_on_waking(
    ledger, wall_clock
):
    """The midnight timer runs on a clock that stops while the machine sleeps: the ledger
    check every second notices the date instead."""
    wall_clock(datetime(2026, 11, 20, 17, 30), running=False)
    three_requests()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        header, table = app.screen.query_one(LedgerHeader), app.screen.query_one(QueueTable)
        assert "11/20 today" in row(table, "Due on Friday")
        wall_clock(datetime(2026, 11, 21, 8, 45), running=False)  # the lid opens next morning
        await until(pilot, lambda: "2026-11-21 (Sat)" in shown(header), "the header's new day")
        await until(pilot, lambda: "11/21 today" in row(table, "Due on Saturday"), "the queue")


async def test_a_request_and_its_re_date_prompt_move_to_the_new_day(ledger, wall_clock):
    """The detail's due line and the date field's hint, under a modal, without a restart;
    the date typed as `+4` stays the day it meant."""
    wall_clock(BEFORE_MIDNIGHT, running=False)  # still while the app starts, however slowly
    saturday = three_requests()[-1]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        detail = RequestDetailScreen(saturday.id)
        await app.push_screen(detail)
        await settle(pilot)
        assert "11/21 in 1d · 2026-11-21" in shown(detail.query_one("#request-fields"))
        await pilot.press("t", *"+4")
        prompt = app.screen
        assert isinstance(prompt, RedatePrompt)
        hint = prompt.query_one("#due .hint")
        assert "Tue 2026-11-24 (in 4 days" in shown(hint)

        wall_clock(BEFORE_MIDNIGHT)
        await until(pilot, lambda: "Tue 2026-11-24 (in 3 days" in shown(hint), "the hint")
        assert "11/21 today · 2026-11-21" in shown(prompt.query_one("#due-now"))
        assert prompt.query_one("#due", DateField).date == date(2026, 11, 24)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is detail, "the detail again")
        fields = detail.query_one("#request-fields")
        await until(pilot, lambda: "11/21 today · 2026-11-21" in shown(fields), "the due line")
