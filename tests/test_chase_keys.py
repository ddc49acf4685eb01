"""Chasing a vendor by key (DESIGN §12): `u` in the queue and the request detail, `w` for the
next chase date, a call about a request counting as a chase, and what the queue and the
history then say."""

from datetime import timedelta

from conftest import TODAY, run_command, settle, shown, until
from test_copying import ME, FakeClipboard, app_with
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import chasing, drafts, requests, vendors
from daicho.data.dates import clock
from daicho.data.mail import summaries
from daicho.data.models import Call
from daicho.i18n import set_language
from daicho.screens.chase_prompt import ChasePrompt
from daicho.screens.mail_preview import MailPreview
from daicho.screens.main_screen import MainScreen
from daicho.screens.next_chase_prompt import NextChasePrompt
from daicho.screens.request_detail import RequestDetailScreen
from daicho.widgets.call_form import CallForm
from daicho.widgets.call_form_chase import ChaseLine
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.queue_table import QueueTable

SIZE = (160, 45)


def waiting_and_owed() -> dict:
    """A request we wait on (overdue: first in the queue) and one we owe."""
    acme = vendors.create_vendor("Acme Devices")
    hikari = vendors.create_vendor("ひかり通信", reading="ひかりつうしん")
    asked = requests.open_request(
        acme.id, "outbound", "Quote for 10 laptops", due=TODAY - timedelta(days=2)
    )
    owed = requests.open_request(hikari.id, "inbound", "回線の利用数を回答", due=TODAY)
    return {"acme": acme, "asked": asked, "owed": owed}


def chases(request_id: int) -> list:
    return [event for event in requests.request_history(request_id) if event.kind == "chase"]


async def open_request(pilot, request_id: int) -> RequestDetailScreen:
    screen = RequestDetailScreen(request_id)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def test_u_then_enter_chases_and_the_queue_and_history_say_so(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "u")
        await settle(pilot)
        assert isinstance(app.screen, ChasePrompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        table = app.screen.query_one(QueueTable)
        await until(pilot, lambda: "1× · today" in shown(table), "the chase in the queue")
        await pilot.press("u", "enter")  # the second chase, by the channel last used
        await settle(pilot)
        await until(pilot, lambda: "2× · today" in shown(table), "two chases in the queue")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, RequestDetailScreen)
        await settle(pilot)
        history = shown(screen.query_one("#history-lines"))
        assert history.count("chase") == 2 and history.count("phone") == 2
        assert "2× · today" in shown(screen.query_one("#request-fields"))
    assert [(event.new_value, event.note) for event in chases(asked.id)] == [("phone", "")] * 2
    assert requests.get_request(asked.id).times_chased == 2


async def test_a_chase_with_a_channel_a_note_and_the_next_chase_in_three_days(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "u")
        await settle(pilot)
        await pilot.press("shift+tab", "e", "tab", *"Left a message", "tab", *"+3", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    chased = requests.get_request(asked.id)
    assert chased.next_chase == TODAY + timedelta(days=3)
    assert [(event.new_value, event.note) for event in chases(asked.id)] == [
        ("email", "Left a message")
    ]


async def test_the_next_chase_typed_in_japanese_in_the_detail_and_removed(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_request(pilot, asked.id)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, NextChasePrompt)
        await pilot.press(*"来週金曜", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert requests.get_request(asked.id).next_chase == TODAY + timedelta(days=7)
        fields = shown(screen.query_one("#request-fields"))
        assert "Next chase" in fields and "2026-11-27" in fields
        history = shown(screen.query_one("#history-lines"))
        assert "next chase" in history and "none → " in history
        await pilot.press("w", "ctrl+r")
        await settle(pilot)
    assert requests.get_request(asked.id).next_chase is None


async def test_the_chase_prompt_shows_a_next_chase_still_to_come_and_keeps_it(ledger):
    asked = waiting_and_owed()["asked"]
    chasing.set_next_chase(asked.id, TODAY + timedelta(days=4))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_request(pilot, asked.id)
        await pilot.press("u")
        await settle(pilot)
        assert "2026-11-24" in app.screen.query_one("#next-chase Input").value
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
    assert requests.get_request(asked.id).next_chase == TODAY + timedelta(days=4)
    assert len(chases(asked.id)) == 1


async def test_u_is_not_offered_on_a_request_we_owe(ledger):
    ids = waiting_and_owed()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "down")
        await settle(pilot)
        assert app.screen.query_one(QueueTable).current.id == ids["owed"].id
        assert app.screen.check_action("chase", ()) is None
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        screen = await open_request(pilot, ids["owed"].id)
        assert not screen.check_action("chase", ()) and not screen.check_action("next_chase", ())
        await pilot.press("u", "w")
        await settle(pilot)
        assert app.screen is screen
    assert chases(ids["owed"].id) == []


async def test_a_chase_note_like_markup_is_shown_as_typed(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_request(pilot, asked.id)
        await pilot.press("u", *"[red]x[/]", "enter")
        await settle(pilot)
        assert app.screen is screen
        history = shown(screen.query_one("#history-lines"))
    assert "[red]x[/]" in history
    assert chases(asked.id)[0].note == "[red]x[/]"


async def test_the_queue_says_how_long_ago_by_local_dates(ledger, now):
    asked = waiting_and_owed()["asked"]
    now(2026, 11, 17, 23, 50)
    chasing.chase_request(asked.id, "phone")
    now(2026, 11, 18, 0, 10)
    chasing.chase_request(asked.id, "email")
    clock.freeze_now(None)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "2× · 2d ago" in shown(app.screen.query_one(QueueTable))


async def test_y_on_a_chased_item_copies_the_chase_mail_and_Y_offers_it(ledger):
    asked = waiting_and_owed()["asked"]
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")  # not chased yet: overdue, so the reminder
        await settle(pilot)
        await pilot.press("u", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, MailPreview)
        chooser = preview.query_one(ChoiceField)
        assert chooser.value == "chase_en" and "chase_ja" in chooser.options
    reminder, chase = clipboard.copied
    assert reminder.splitlines()[0] == "Following up: Quote for 10 laptops"
    assert chase == summaries.request_mail(asked.id, {}, sender=ME).text
    assert chase.splitlines()[0] == "Checking in: Quote for 10 laptops"


def test_a_chase_mail_without_a_due_date_leaves_the_date_out(ledger):
    for language, sentence in (("en", "We asked for an answer by"), ("ja", "までのご回答を")):
        set_language(language)
        vendor = vendors.create_vendor(f"Beta {language}")
        undated = requests.open_request(vendor.id, "outbound", "Spare parts list")
        chasing.chase_request(undated.id, "email")
        mail = summaries.request_mail(undated.id, {})
        assert mail.kind == "chase" and mail.problems == ()
        assert sentence not in mail.text and "Spare parts list" in mail.text


async def test_a_call_started_with_n_on_a_queue_item_chases_it(ledger):
    ids = waiting_and_owed()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "n")
        await pilot.pause()
        form = app.screen.query_one(CallForm)
        assert form.query_one("#vendor", Input).value == "Acme Devices"
        line = form.query_one(ChaseLine)
        assert line.display and "#1 Quote for 10 laptops" in shown(line.query_one("#chasing"))
        await pilot.press(*"Asked about the quote", "ctrl+s")
        await settle(pilot)
        assert not line.display  # the next call chases nothing
        table = app.screen.query_one(QueueTable)
        await until(pilot, lambda: "1× · today" in shown(table), "the chase in the queue")
    [chase] = chases(ids["asked"].id)
    assert (chase.new_value, chase.note) == ("phone", "Asked about the quote")


async def test_a_call_from_the_queue_is_no_chase_after_ctrl_g_or_another_vendor(ledger):
    ids = waiting_and_owed()
    vendors.create_vendor("Beta Systems")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "n", *"Not about the quote", "ctrl+g", "ctrl+s")
        await settle(pilot)
        await pilot.press("2", "n")
        await pilot.pause()
        form = app.screen.query_one(CallForm)
        assert form.query_one(ChaseLine).display
        await pilot.press(*["shift+tab"] * 4)  # back past channel, direction and contact
        assert app.focused is form.query_one("#vendor")
        await pilot.press("ctrl+a", "ctrl+k", *"Beta Systems", "tab")
        await settle(pilot)
        assert not form.query_one(ChaseLine).display
        await pilot.press(*"Other call", "ctrl+s")
        await settle(pilot)
    assert chases(ids["asked"].id) == []
    assert Call.select().count() == 2


async def test_a_call_chasing_a_request_keeps_the_link_in_its_draft(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "n", *"Half typed")
        form = app.screen.query_one(CallForm)
        kept = form.draft_values()
        await form.clear()
        assert not form.query_one(ChaseLine).display
        await form.load(kept)
        await pilot.pause()
        assert "Quote for 10 laptops" in shown(form.query_one("#chasing"))
        assert form.values().chasing == (asked.id,)


async def test_the_new_keys_are_in_the_help_and_the_command_palette(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join(shown(widget) for widget in app.screen.query("*") if widget.display)
        assert "Chase" in text and "Not a chase" in text
        await pilot.press("escape", "2")
        await run_command(pilot, "Chase")
        await settle(pilot)
        assert isinstance(app.screen, ChasePrompt)
        await pilot.press("escape")
        await open_request(pilot, asked.id)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Chase", "Next chase date"} <= titles


async def test_the_detail_shows_a_snooze_and_its_history_old_to_new(ledger):
    asked = waiting_and_owed()["asked"]
    chasing.snooze_request(asked.id, TODAY + timedelta(days=3))
    chasing.snooze_request(asked.id, TODAY + timedelta(days=5))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_request(pilot, asked.id)
        fields = shown(screen.query_one("#request-fields"))
        history = shown(screen.query_one("#history-lines"))
    assert "Snoozed until" in fields and "2026-11-25" in fields
    assert "Chased" not in fields  # never chased: nothing to say
    assert "snoozed" in history and "2026-11-23 → 2026-11-25" in history


async def test_a_chase_being_typed_comes_back_after_the_app_stops(ledger):
    asked = waiting_and_owed()["asked"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "u")
        await settle(pilot)
        await pilot.press("shift+tab", "m", "tab", *"Asked Sato")
        await until(pilot, lambda: drafts.load_drafts() != [], "the chase's draft")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChasePrompt)  # the one open when the app stopped
        assert app.screen.query_one("#chase-note", Input).value == "Asked Sato"
        await pilot.press("enter")
        await settle(pilot)
    assert [(event.new_value, event.note) for event in chases(asked.id)] == [
        ("mobile", "Asked Sato")
    ]


async def test_a_subject_like_markup_is_shown_as_typed_in_the_call_form_s_chase_line(ledger):
    acme = vendors.create_vendor("Acme Devices")
    requests.open_request(acme.id, "outbound", "[red]x[/] quote", due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "n")
        await pilot.pause()
        line = app.screen.query_one(CallForm).query_one("#chasing")
        assert "#1 [red]x[/] quote" in shown(line)
