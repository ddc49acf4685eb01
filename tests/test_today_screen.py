"""Today (今日やること): the day's list on screen, opened with T or at start, each line saying
why it is there; enter opens an item, z snoozes it until a day it comes back on, u chases it."""

import re
import threading
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest
from conftest import TODAY, settle, shown, until
from textual.widgets import Input, Static
from textual.worker import Worker

from daicho.app import DaichoApp
from daicho.config import Config
from daicho.data import requests, vendors
from daicho.data.dates import clock
from daicho.data.ledger import in_own_connection
from daicho.i18n import set_language
from daicho.screens.help_screen import HelpScreen
from daicho.screens.main_screen import MainScreen
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.snooze_prompt import SnoozePrompt
from daicho.screens.today_screen import TodayScreen
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.today_list import TodayList
from daicho.widgets.vendor_list import VendorRows

SIZE = (100, 30)
HOLIDAY = date(2026, 11, 23)  # 勤労感謝の日, the Monday after TODAY (a Friday)


@contextmanager
def made_at(moment: datetime):
    """Write as if the local wall clock said `moment` (the rows keep that time)."""
    clock.freeze_now(clock.to_utc(moment))
    try:
        yield
    finally:
        clock.freeze_now(None)


def three_reasons() -> dict[str, int]:
    """An overdue request we owe, one we wait on due today, and a quiet one we wait on (made
    a week ago, nothing since): one of each reason, made in the opposite order."""
    acme = vendors.create_vendor("Acme")
    with made_at(datetime(2026, 11, 13, 10)):
        quiet = requests.open_request(acme.id, "outbound", "Quote for the router")
    with made_at(datetime(2026, 11, 20, 9)):
        today = requests.open_request(acme.id, "outbound", "Send the [bold]invoice[/]", due=TODAY)
        late = requests.open_request(
            acme.id, "inbound", "Fill in the survey", due=TODAY - timedelta(days=3)
        )
    return {"overdue": late.id, "due_today": today.id, "chase": quiet.id}


def screen_text(app) -> str:
    return shown(app.screen.query_one(TodayList))


async def open_today(pilot) -> TodayScreen:
    await settle(pilot)
    await pilot.press("T")
    await until(pilot, lambda: isinstance(pilot.app.screen, TodayScreen), "the Today screen")
    screen = pilot.app.screen
    await until(pilot, lambda: screen.items is not None, "the day's list read")
    await settle(pilot)
    return screen


IN_ORDER = {
    "en": [
        "Overdue (1)",
        "← 3 days overdue",
        "Fill in the survey",
        "Due today (1)",
        "→ due today",
        "Send the [bold]invoice[/]",  # user text as typed, never markup
        "Due for a chase (1)",
        "→ quiet 5 workdays",
        "Quote for the router",
    ],
    "ja": [
        "期限超過 (1)",
        "← 3日超過",
        "Fill in the survey",
        "今日が期限 (1)",
        "→ 本日期限",
        "Send the [bold]invoice[/]",
        "催促 (1)",
        "→ 5営業日 動きなし",
        "Quote for the router",
    ],
}
HEADER = {"en": ("Today", "Today 3"), "ja": ("今日やること", "今日 3")}


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_today_lists_overdue_due_today_and_chase_items_in_that_order_with_reasons(
    ledger, language
):
    set_language(language)
    three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        text = screen_text(app)
        header = shown(screen.query_one(LedgerHeader))
        title = screen.query_one("#today-pane").border_title
    where = [text.find(part) for part in IN_ORDER[language]]
    assert -1 not in where, text
    assert where == sorted(where), text
    assert (title, HEADER[language][1] in header) == (HEADER[language][0], True)


async def test_a_wide_screen_adds_the_due_date_and_the_priority(ledger):
    three_reasons()
    acme = vendors.find_vendor("Acme")
    with made_at(datetime(2026, 11, 13, 11)):
        due = date(2026, 11, 25)
        requests.open_request(acme.id, "outbound", "Renew the licence", due=due, priority="high")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_today(pilot)
        lines = screen_text(app).splitlines()
    late = next(line for line in lines if "Fill in the survey" in line)
    chase = next(line for line in lines if "Renew the licence" in line)
    assert "11/17" in late and "late" not in late  # the reason says how late already
    assert "11/25 in " in chase and "!high" in chase


async def test_enter_opens_the_item_and_escape_comes_back_to_today(ledger):
    ids = three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("down", "enter")  # the second line: the one due today
        await until(pilot, lambda: isinstance(app.screen, RequestDetailScreen), "the request")
        assert app.screen.request_id == ids["due_today"]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen), "Today again")


async def test_a_snoozed_item_leaves_the_list_and_comes_back_on_the_day(ledger):
    ids = three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await pilot.press("z")
        await until(pilot, lambda: isinstance(app.screen, SnoozePrompt), "the snooze prompt")
        field = app.screen.query_one("#until Input", Input)
        assert field.value == "2026-11-24"  # the next business day: Monday is a holiday
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "the prompt closed")
        await until(pilot, lambda: "Fill in the survey" not in screen_text(app), "it left")
        assert requests.get_request(ids["overdue"]).snoozed_until == date(2026, 11, 24)
        assert "Today 2" in shown(screen.query_one(LedgerHeader))
        for day in (date(2026, 11, 21), HOLIDAY):
            clock.freeze_today(day)
            app.check_today()
            await until(pilot, lambda day=day: screen.today == day, "the new day")
            await settle(pilot)
            assert "Fill in the survey" not in screen_text(app)
        clock.freeze_today(date(2026, 11, 24))
        app.check_today()
        await until(pilot, lambda: "Fill in the survey" in screen_text(app), "it came back")
        assert "← 7 days overdue" in screen_text(app)


async def test_the_cursor_keeps_its_place_when_its_item_leaves(ledger):
    ids = three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await pilot.press("down", "z")  # the one due today
        await until(pilot, lambda: isinstance(app.screen, SnoozePrompt), "the snooze prompt")
        await pilot.press("enter")
        await until(pilot, lambda: "Send the" not in screen_text(app), "it left")
        assert screen.current.id == ids["chase"]  # the next one, not back at the top


async def test_a_snooze_to_today_or_before_is_refused_in_the_prompt(ledger):
    ids = three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("z")
        await until(pilot, lambda: isinstance(app.screen, SnoozePrompt), "the snooze prompt")
        field = app.screen.query_one("#until Input", Input)
        field.value = ""
        await pilot.press(*"today", "enter")
        await settle(pilot)
        assert "Snooze to a day after today" in shown(app.screen.query_one("#form-error"))
    assert requests.get_request(ids["overdue"]).snoozed_until is None


async def test_quiet_across_a_weekend_and_a_holiday_is_due_for_a_chase_on_the_third_workday(
    ledger,
):
    """Made on Friday 11/20: Saturday, Sunday and Monday 11/23 (a holiday) are not business
    days, so three of them have gone by on Thursday 11/26, not before."""
    acme = vendors.create_vendor("Acme")
    with made_at(datetime(2026, 11, 20, 10)):
        requests.open_request(acme.id, "outbound", "Quote for the router")
    app = DaichoApp(ledger_path=ledger, config=Config(chase_after=3))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        for day in (21, 22, 23, 24, 25):
            clock.freeze_today(date(2026, 11, day))
            app.check_today()
            await until(pilot, lambda day=day: screen.today.day == day, "the new day")
            await settle(pilot)
            assert "Quote for the router" not in screen_text(app), day
            assert screen.query_one("#today-empty").display
        clock.freeze_today(date(2026, 11, 26))
        app.check_today()
        await until(pilot, lambda: "Quote for the router" in screen_text(app), "due for a chase")
        assert "→ quiet 3 workdays" in screen_text(app)


async def test_an_empty_day_says_so(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        empty = screen.query_one("#today-empty")
        assert empty.display and not screen.query_one(TodayList).display
        assert "nothing needs you today" in str(empty.render())
        await pilot.press("z", "u", "enter")  # keys about an item do nothing without one
        await settle(pilot)
        assert app.screen is screen


async def test_the_main_screen_header_counts_the_day_s_list_and_follows_a_snooze(ledger):
    three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        header = app.screen.query_one(LedgerHeader)
        assert "Today 3" in shown(header)
        await open_today(pilot)
        await pilot.press("z")
        await until(pilot, lambda: isinstance(app.screen, SnoozePrompt), "the snooze prompt")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen), "the prompt closed")
        await pilot.press("escape")
        await until(pilot, lambda: "Today 2" in shown(header), "the main screen's count")


async def test_the_app_can_start_on_today_and_escape_goes_to_the_main_screen(ledger):
    three_reasons()
    app = DaichoApp(ledger_path=ledger, config=Config(start_screen="today"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen), "Today first")
        await until(pilot, lambda: "Quote for the router" in screen_text(app), "its list")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert len(app.screen_stack) == 1
        rows = app.screen.query_one(VendorRows)  # its panes, read once Today closed
        await until(pilot, lambda: [row.name for row in rows.rows] == ["Acme"], "the vendors")
        table = app.screen.query_one(QueueTable)
        await until(pilot, lambda: table.total == 3, "the queue")


async def test_a_start_on_today_shows_its_list_at_once_without_a_read_of_its_own(ledger):
    """The day's list is read with the main screen's first view, before anything is drawn."""
    three_reasons()
    workers = []

    def hook(message) -> None:
        if isinstance(message, Worker.StateChanged):
            workers.append(message.worker.group)

    app = DaichoApp(ledger_path=ledger, config=Config(start_screen="today"))
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert [item.subject for item in screen.items or ()] == [
            "Fill in the survey",
            "Send the [bold]invoice[/]",
            "Quote for the router",
        ]
        await pilot.pause()
        assert "Quote for the router" in screen_text(app)
        assert "Today 3" in shown(screen.query_one(LedgerHeader))
        await settle(pilot)
    assert "ledger-today" not in workers


async def test_t_opens_today_once_and_is_typed_in_a_text_field(ledger):
    vendors.create_vendor("Tokyo Tsushin")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "T")  # f: the vendor filter, a text field
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.focused.value == "T"
        await pilot.press("escape")
        await open_today(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert sum(isinstance(s, TodayScreen) for s in app.screen_stack) == 1


async def test_today_is_in_help_and_in_the_command_palette(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Today" in titles
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        text = "\n".join(shown(section) for section in app.screen.query(Static))
        assert re.search(r"^T +Today *$", text, re.MULTILINE), text


async def test_u_chases_the_item_with_one_key_and_enter(ledger):
    pytest.importorskip("daicho.screens.chase_prompt")  # helper A's prompt (issue 18)
    ids = three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await pilot.press("down", "down", "u")  # the quiet one we wait on
        await until(pilot, lambda: app.screen is not screen, "the chase prompt")
        await pilot.press("enter")
        await until(pilot, lambda: "Quote for the router" not in screen_text(app), "chased")
    chased = requests.get_request(ids["chase"])
    assert chased.times_chased == 1


async def test_what_another_window_saves_shows_on_today(ledger):
    ids = three_reasons()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        answering = threading.Thread(
            target=in_own_connection, args=(lambda: requests.answer_request(ids["due_today"]),)
        )
        answering.start()
        answering.join()
        await until(pilot, lambda: "Send the" not in screen_text(app), "the answer to show")
        assert "Due today" not in screen_text(app)
