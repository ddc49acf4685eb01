"""Request detail: every field and the history shown; answer, re-date, close, note, edit by key."""

from datetime import date, datetime, timedelta

import pytest
from conftest import TODAY, settle, shown
from textual.widgets import Static, TextArea

from daicho.app import DaichoApp
from daicho.data import calls, requests, vendors
from daicho.data.records import FollowUp
from daicho.i18n import set_language
from daicho.screens.answer_prompt import AnswerPrompt
from daicho.screens.redate_prompt import RedatePrompt
from daicho.screens.request_detail import RequestDetailScreen


async def open_request(pilot, request_id: int) -> RequestDetailScreen:
    screen = RequestDetailScreen(request_id)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def outbound(subject: str = "Send the quote", **details):
    vendor = vendors.create_vendor("Acme")
    return requests.open_request(vendor.id, "outbound", subject, **details)


def event_kinds(request_id: int) -> list[str]:
    return [event.kind for event in requests.request_history(request_id)]


async def test_every_field_and_the_history_are_shown(ledger):
    vendor = vendors.create_vendor("Acme")
    call = calls.log_call(
        vendor_id=vendor.id,
        contact_name="Tanaka",
        started_at=datetime(2026, 11, 18, 12),
        subject="Router down",
        follow_ups=[FollowUp("[bold]Quote[/]", due=TODAY - timedelta(days=2), body="Two lines")],
    )
    request = call.follow_ups[0]
    requests.add_request_note(request.id, "Chased by mail")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        facts = shown(screen.query_one("#request-title")) + shown(
            screen.query_one("#request-fields")
        )
        assert "[bold]Quote[/]" in facts
        assert "→ waiting on them" in facts and "Acme" in facts and "Tanaka" in facts
        assert "2026-11-18" in facts and "11/18 ‼2d late · 2026-11-18" in facts
        assert "Router down" in facts and "Two lines" in facts
        history = shown(screen.query_one("#history-lines"))
        assert history.index("created") < history.index("note")
        assert "Chased by mail" in history


@pytest.mark.parametrize(
    "language, heading", [("en", "Internal memo"), ("ja", "社内メモ")], ids=["en", "ja"]
)
async def test_the_internal_memo_is_shown_under_its_own_heading(ledger, language, heading):
    set_language(language)
    request = outbound(body="10 units, please", internal_notes="[bold]社長オーダー[/]\nCompare")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        fields = shown(screen.query_one("#request-fields"))
    assert heading in fields
    assert fields.index("10 units, please") < fields.index(heading)
    assert fields.index(heading) < fields.index("[bold]社長オーダー[/]")
    assert "Compare" in fields


async def test_x_then_enter_marks_an_outbound_request_answered(ledger):
    request = outbound()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, AnswerPrompt)
        assert "Mark as answered" in shown(app.screen.query_one(".dialog"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "answered" in shown(screen.query_one("#request-fields"))
        assert "open → answered" in shown(screen.query_one("#history-lines"))
        assert screen.check_action("answer", ()) is False  # x is gone from the footer
    assert requests.get_request(request.id).status == "answered"
    assert event_kinds(request.id) == ["created", "status_changed"]


async def test_enter_saves_a_typed_answer_and_ctrl_j_starts_a_new_line_as_the_hint_says(ledger):
    request = outbound()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("x")
        await pilot.pause()
        hint = app.screen.query_one("#answer", TextArea).placeholder
        assert "enter saves" in hint and "ctrl+j" in hint
        await pilot.press(*"Yes", "ctrl+j", *"from Monday", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert "from Monday" in shown(screen.query_one("#request-fields"))
    assert requests.get_request(request.id).answer == "Yes\nfrom Monday"


async def test_an_inbound_request_is_marked_done(ledger):
    vendor = vendors.create_vendor("Acme")
    request = requests.open_request(vendor.id, "inbound", "Return the old router")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_request(pilot, request.id)
        await pilot.press("x")
        await pilot.pause()
        assert "Mark as done" in shown(app.screen.query_one(".dialog"))
        await pilot.press("escape")
        await pilot.pause()
    assert requests.get_request(request.id).status == "open"


async def redate(pilot, typed: str) -> None:
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RedatePrompt)
    await pilot.press(*typed, "enter")
    await settle(pilot)


async def test_t_plus_3_enter_moves_the_due_date(ledger):
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await redate(pilot, "+3")
        assert app.screen is screen
        assert "2026-11-20 → 2026-11-23" in shown(screen.query_one("#history-lines"))
    assert requests.get_request(request.id).due == TODAY + timedelta(days=3)


async def test_t_raishuu_kinyou_moves_it_to_friday_next_week(ledger):
    request = outbound()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_request(pilot, request.id)
        await redate(pilot, "来週金曜")
    assert requests.get_request(request.id).due == date(2026, 11, 27)


async def test_t_keeps_the_reason_for_the_delay_in_the_history(ledger):
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("t", *"+3", "tab", *"Sato at Acme asked for a week", "enter")
        await settle(pilot)
        assert app.screen is screen
        history = shown(screen.query_one("#history-lines"))
        assert "2026-11-20 → 2026-11-23" in history
        assert "Sato at Acme asked for a week" in history
    [*_, moved] = requests.request_history(request.id)
    assert (moved.kind, moved.note) == ("due_changed", "Sato at Acme asked for a week")


async def test_an_invalid_date_shows_an_error_and_changes_nothing(ledger):
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_request(pilot, request.id)
        await redate(pilot, "someday")
        prompt = app.screen
        assert isinstance(prompt, RedatePrompt)
        assert shown(prompt.query_one("#form-error", Static))
        assert prompt.query_one("#due").text == "someday"
    assert requests.get_request(request.id).due == TODAY
    assert event_kinds(request.id) == ["created"]


async def test_an_empty_date_saves_nothing_and_ctrl_r_removes_it(ledger):
    request = outbound(due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await redate(pilot, "")
        assert "ctrl+r to remove" in shown(app.screen.query_one("#form-error", Static))
        assert requests.get_request(request.id).due == TODAY
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen is screen
        assert "2026-11-20 → none" in shown(screen.query_one("#history-lines"))
    assert requests.get_request(request.id).due is None


async def test_close_reopen_cancel_note_and_edit_each_leave_a_history_line(ledger):
    request = outbound()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_request(pilot, request.id)
        await pilot.press("c")
        await settle(pilot)
        assert requests.get_request(request.id).status == "closed"
        await pilot.press("k")  # cancelling a closed request is not offered
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert requests.get_request(request.id).status == "cancelled"
        await pilot.press("m", *"Called twice", "ctrl+s")
        await settle(pilot)
        await pilot.press("e", "ctrl+a", "ctrl+k", *"Send the new quote", "ctrl+s")
        await settle(pilot)
        history = shown(screen.query_one("#history-lines"))
        assert "Called twice" in history and "edited" in history and "Subject" in history
        assert "Send the new quote" in shown(screen.query_one("#request-title"))
    assert event_kinds(request.id) == [
        "created",
        "status_changed",
        "status_changed",
        "status_changed",
        "note_added",
        "edited",
    ]
    assert requests.get_request(request.id).subject == "Send the new quote"
