"""A due date that deserves a second look, in every form that takes one: a date in the past
is saved only on the second save, and a date on a closed day offers the business day before
(ctrl+b). Keys pressed as a user does."""

from datetime import date

from conftest import TODAY, settle, shown
from test_call_form import FormApp
from test_request_detail import open_request, outbound
from test_request_form import open_form
from textual.widgets import Static

from daicho.app import DaichoApp
from daicho.data import requests, vendors
from daicho.data.dates import clock
from daicho.i18n import set_language
from daicho.screens.redate_prompt import RedatePrompt
from daicho.screens.request_form import NewRequestForm
from daicho.widgets.call_form import CallForm
from daicho.widgets.date_field import DateField
from daicho.widgets.follow_up_row import FollowUpRow

SUNDAY = date(2026, 11, 22)


def hint(field: DateField) -> str:
    """What the hint beside the date says (on as many lines as its width takes)."""
    return str(field.query_one(".hint", Static).render())


def form_error(app) -> str:
    return shown(app.screen.query_one("#form-error", Static))


async def test_a_past_due_date_in_the_request_form_asks_once_then_saves(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = NewRequestForm(acme.id, acme.name)
        results = await open_form(pilot, form)
        await pilot.press(*"Send the quote", "tab", *"yesterday", "ctrl+s")
        await pilot.pause()
        assert app.screen is form and results == []
        assert "Thu 2026-11-19 is in the past: ctrl+s again saves it anyway" in form_error(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = results
    assert requests.get_request(saved.id).due == date(2026, 11, 19)


async def test_a_past_date_typed_in_the_redate_prompt_asks_once_in_japanese_too(ledger):
    set_language("ja")
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("t", *"-1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RedatePrompt)
        assert "2026-11-19(木) は過去の日付です" in form_error(app)
        assert requests.get_request(request.id).due == TODAY
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
    assert requests.get_request(request.id).due == date(2026, 11, 19)


async def test_a_past_follow_up_in_the_call_form_asks_once_and_a_new_past_date_asks_again():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        row = form.query_one(FollowUpRow)
        row.subject.focus()
        await pilot.press(*"Renewal price", "tab", "tab", *"-2", "ctrl+s")
        await pilot.pause()
        message = form.query_one("#message", Static)
        assert "Wed 2026-11-18 is in the past" in shown(message)
        assert app.received(CallForm.SaveRequested) == []
        await pilot.press("backspace", *"3", "ctrl+s")  # another past date: asked again
        await pilot.pause()
        assert "Tue 2026-11-17 is in the past" in shown(message)
        assert app.received(CallForm.SaveRequested) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = app.received(CallForm.SaveRequested)
        assert saved.values.follow_ups[0].due == date(2026, 11, 17)


async def test_a_due_date_today_or_later_saves_at_once(ledger):
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("t", *"+1", "enter")
        await settle(pilot)
        assert app.screen is screen
    assert requests.get_request(request.id).due == date(2026, 11, 21)


async def test_a_date_on_a_closed_day_says_so_and_ctrl_b_takes_the_business_day_before(ledger):
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("t", *"来月末")  # Thursday 12/31, in the New Year closure
        await pilot.pause()
        field = app.screen.query_one("#due", DateField)
        assert "closed day: the business day before is Mon 2026-12-28" in hint(field)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert field.text == "2026-12-28"
        assert "closed day" not in hint(field)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
    assert requests.get_request(request.id).due == date(2026, 12, 28)


async def test_this_weeks_friday_typed_on_a_sunday_is_the_coming_friday(ledger):
    clock.freeze_today(SUNDAY)
    request = outbound(due=SUNDAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("t", *"今週金曜")
        await pilot.pause()
        assert "Fri 2026-11-27 (in 5 days)" in hint(app.screen.query_one("#due", DateField))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen  # saved at once: nothing in the past to ask about
    assert requests.get_request(request.id).due == date(2026, 11, 27)
