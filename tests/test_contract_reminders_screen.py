"""Contract reminders in the app (DESIGN §13): the start catches up the reminders due while
it was closed and the queue shows them; Today lists a contract's decision, `z` snoozes the
contract and `enter` opens it; the request a reminder made names its contract."""

from datetime import date

import pytest
from conftest import TODAY, settle, shown, until
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.contracts.store import add_contract, get_contract
from daicho.data.dates import clock
from daicho.data.models import Request
from daicho.i18n import set_language
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.snooze_prompt import ContractSnoozePrompt
from daicho.screens.today_screen import TodayScreen
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.today_list import TodayList

SIZE = (120, 36)


@pytest.fixture
def line_contract(ledger):
    """A line contract ending Fri 12/11 by agreement, added in the summer: its 90- and
    30-day reminders came due while the app was closed, its 7-day one comes on 12/4."""
    vendor = vendors.create_vendor("Acme回線")
    clock.freeze_today(date(2026, 8, 1))
    contract = add_contract(
        vendor.id,
        title="光回線契約",
        start=date(2025, 12, 12),
        term_months=12,
        renewal="agreement",
        reminder_days=(90, 30, 7),
    )
    clock.freeze_today(TODAY)
    return contract


async def open_today(pilot) -> TodayScreen:
    await settle(pilot)
    await pilot.press("T")
    await until(pilot, lambda: isinstance(pilot.app.screen, TodayScreen), "the Today screen")
    screen = pilot.app.screen
    await until(pilot, lambda: screen.items is not None, "the day's list read")
    await settle(pilot)
    return screen


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "Renewal decision: 光回線契約 — ends 12/11 (Fri)"),
        ("ja", "更新判断: 光回線契約 — 契約満了 12/11(金)"),
    ],
)
async def test_the_start_catches_up_a_reminder_and_the_queue_shows_it(
    line_contract, ledger, language, subject
):
    set_language(language)
    assert Request.select().count() == 0
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(200, 36)) as pilot:  # room for the whole subject
        table = app.screen.query_one(QueueTable)
        await until(pilot, lambda: subject in shown(table), "the reminder in the queue")
    [request] = Request.select()
    assert (request.subject, request.direction, request.due) == (
        subject,
        "inbound",
        date(2026, 12, 11),
    )


async def test_the_request_detail_names_the_contract_of_its_reminder(line_contract, ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: Request.select().count() == 1, "the reminder made")
        app.push_screen(RequestDetailScreen(Request.get().id))
        await until(pilot, lambda: app.screen.request is not None, "the request read")
        await settle(pilot)
        fields = shown(app.screen.query_one("#request-fields"))
    assert "From contract" in fields and "光回線契約" in fields


async def test_today_lists_the_decision_and_z_snoozes_the_contract(line_contract, ledger):
    clock.freeze_today(date(2026, 12, 4))  # from 7 days before Fri 12/11
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        listed = screen.query_one(TodayList)
        await until(pilot, lambda: "光回線契約" in shown(listed), "the contract's decision")
        text = shown(listed)
        assert "Contract decisions (1)" in text and "ends 12/11 (Fri), in 7 days" in text
        await pilot.press("z")
        await until(pilot, lambda: isinstance(app.screen, ContractSnoozePrompt), "the prompt")
        assert app.screen.query_one("#until Input", Input).value == "2026-12-07"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "the prompt closed")
        await until(pilot, lambda: "光回線契約" not in shown(listed), "it left")
    assert get_contract(line_contract.id).snoozed_until == date(2026, 12, 7)


async def test_enter_on_a_contract_s_decision_opens_the_contract(line_contract, ledger):
    detail = pytest.importorskip("daicho.screens.contract_detail")
    clock.freeze_today(date(2026, 12, 4))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, detail.ContractDetail), "the contract")
        assert app.screen.contract_id == line_contract.id


async def test_a_new_day_fires_the_reminder_that_comes_due_on_it(line_contract, ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(200, 36)) as pilot:
        await until(pilot, lambda: Request.select().count() == 1, "the 30-day reminder")
        clock.freeze_today(date(2026, 12, 4))
        app.check_today()  # midnight: 7 days before the end
        table = app.screen.query_one(QueueTable)
        await until(pilot, lambda: Request.select().count() == 2, "the 7-day reminder")
        await until(pilot, lambda: shown(table).count("光回線契約") == 2, "both in the queue")
