"""The main screen, driven by keys on a real ledger: the flows a user lives in all day."""

import gc
import sqlite3
from datetime import timedelta

from conftest import TODAY, Notices, calls_of, run_command, settle, shown, until
from rich.cells import cell_len
from textual import events
from textual.content import Content

from daicho.app import DaichoApp
from daicho.config import load_config
from daicho.data import drafts, requests, vendors
from daicho.data.models import Call, Request, Vendor
from daicho.i18n import set_language
from daicho.screens.main_screen import MainScreen
from daicho.screens.support.draft_keeping import DRAFT_PAUSE_S
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.screens.vendor_form import VendorForm
from daicho.widgets.call_form import CallForm
from daicho.widgets.call_status import CallStatus
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.vendor_list import VendorRows


def small_ledger() -> dict:
    """Two vendors, a contact, and one request each way."""
    acme = vendors.create_vendor("Acme Devices", category="hardware")
    vendors.create_contact(acme.id, "Tanaka Ichiro")
    hikari = vendors.create_vendor("ひかり通信", reading="ひかりつうしん", category="telecom")
    asked = requests.open_request(
        acme.id, "outbound", "Quote for 10 laptops", due=TODAY - timedelta(days=2)
    )
    owed = requests.open_request(hikari.id, "inbound", "回線の利用数を回答", due=TODAY)
    return {"acme": acme, "hikari": hikari, "asked": asked, "owed": owed}


async def select_vendor(pilot, name: str) -> None:
    """Filter the vendors pane down to `name` and put the cursor on it."""
    await pilot.press("1", "f", *name, "enter")
    await settle(pilot)


async def test_starts_on_the_vendor_list_with_the_counts_in_the_header(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, VendorRows)
        header = shown(app.screen.query_one(LedgerHeader))
        assert "2026-11-20 (Fri)" in header
        assert "overdue 1" in header and "due today 1" in header
        assert "we owe 1" in header and "waiting 1" in header
        vendors_shown = shown(app.focused)
        assert "Acme Devices" in vendors_shown and "ひかり通信" in vendors_shown


async def test_the_start_is_kept_out_of_full_collections_while_the_app_runs(ledger):
    """What the start made is frozen once the screen is up, and collectable again at exit."""
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


async def test_logging_a_call_with_two_decisions_and_a_dated_follow_up(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_vendor(pilot, "Acme")
        await pilot.press("n")
        assert app.focused.id == "subject"
        await pilot.press("shift+tab", "shift+tab", "shift+tab", *"Tan", "tab", "tab")
        await pilot.press("tab", "tab", *"Laptop order", "tab")
        assert app.focused.id == "decisions"
        await pilot.press(*"Deliver on 12/1", "enter", *"We pay on delivery", "tab")
        assert app.focused.id == "internal_notes"
        await pilot.press(*"Price agreed on the phone", "enter", *"社長オーダー", "tab")
        assert app.focused.has_class("subject")  # the first follow-up's
        await pilot.press(*"Send the PO", "tab", "right", "tab", *"+3")
        await pilot.press("ctrl+s")
        await settle(pilot)

        [call] = calls_of(ids["acme"].id)
        assert call.subject == "Laptop order"
        assert call.contact_name == "Tanaka Ichiro"
        assert call.decisions == ("Deliver on 12/1", "We pay on delivery")
        assert call.internal_notes == "Price agreed on the phone\n社長オーダー"
        [follow_up] = call.follow_ups
        assert (follow_up.subject, follow_up.direction) == ("Send the PO", "inbound")
        assert follow_up.due == TODAY + timedelta(days=3)
        form = app.screen.query_one(CallForm)
        assert form.is_blank()
        status = shown(form.query_one(CallStatus).query_one("#message"))
        assert "Saved" in status and "Laptop order" in status
        assert isinstance(app.focused, VendorRows)


async def test_an_unknown_vendor_typed_in_the_call_form_becomes_a_prospect(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert app.focused.id == "vendor"
        await pilot.press(*"Walk-in Networks", "tab")
        await settle(pilot)
        hint = app.screen.query_one("#vendor-hint")
        assert hint.display and "saved as a prospect" in str(hint.content)
        await pilot.press("tab", "tab", "tab", *"Cold call about Wi-Fi", "ctrl+s")
        await settle(pilot)
    vendor = vendors.find_vendor("Walk-in Networks")
    assert vendor.status == "prospect"
    assert [call.subject for call in calls_of(vendor.id)] == ["Cold call about Wi-Fi"]


async def test_a_call_that_cannot_be_saved_keeps_everything_typed(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", "tab", "tab", "tab", "tab", *"No vendor given", "ctrl+s")
        await settle(pilot)
        assert Call.select().count() == 0
        form = app.screen.query_one(CallForm)
        assert form.query_one("#subject").value == "No vendor given"
        await pilot.press("escape")
        assert isinstance(app.focused, VendorRows)
        assert form.query_one("#subject").value == "No vendor given"


async def test_answering_an_outbound_request_with_an_answer(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        table = app.screen.query_one(QueueTable)
        assert table.current.id == ids["asked"].id  # overdue first
        await pilot.press("x", *"120,000 yen per unit", "ctrl+s")
        await settle(pilot)
        assert "Quote for 10 laptops" not in shown(table)
    answered = requests.get_request(ids["asked"].id)
    assert (answered.status, answered.answer) == ("answered", "120,000 yen per unit")


async def test_finishing_an_inbound_request_in_two_keys(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "down", "x", "enter")
        await settle(pilot)
    assert requests.get_request(ids["owed"].id).status == "answered"
    assert requests.get_request(ids["asked"].id).status == "open"


async def test_queue_filters_are_one_key_each_and_named_in_the_title(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        table = app.screen.query_one(QueueTable)
        pane = app.screen.query_one("#queue-pane")
        assert "Quote for 10 laptops" in shown(table) and "回線の利用数を回答" in shown(table)

        await pilot.press("d")
        await settle(pilot)
        assert "waiting on them" in pane.border_title
        assert "Quote for 10 laptops" in shown(table)
        assert "回線の利用数を回答" not in shown(table)

        await pilot.press("d")
        await settle(pilot)
        assert "we owe" in pane.border_title
        assert "Quote for 10 laptops" not in shown(table)

        await pilot.press("d", "p")
        await settle(pilot)
        assert "urgent" in pane.border_title
        assert table.total == 0

        await pilot.press("p", "p", "p", "s")
        await settle(pilot)
        assert "answered" in pane.border_title and table.total == 0


async def test_an_empty_queue_says_what_its_filters_left_out(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QueueTable)
        said = []
        for keys in (("s",), ("s",), ("s", "s", "p")):
            await pilot.press("2", *keys)
            await settle(pilot)
            said.append(shown(table))
        assert said == [
            "Nothing answered yet.",
            "Nothing closed or cancelled.",
            "Nothing matches these filters.",
        ]
        await pilot.press("p", "p", "p", "x", "enter")
        await settle(pilot)
        await pilot.press("2", "x", "enter")
        await settle(pilot)
        assert shown(table) == "Nothing open — nice."
        await select_vendor(pilot, "Acme")
        assert shown(table) == "Nothing matches these filters."


async def test_an_empty_ledger_s_queue_says_there_are_no_requests_yet(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QueueTable)
        assert shown(table) == "Nothing open — nice."
        await pilot.press("2", "s", "s", "s")
        await settle(pilot)
        assert "all statuses" in app.screen.query_one("#queue-pane").border_title
        assert shown(table) == "No requests yet."


async def test_selecting_a_vendor_narrows_the_queue(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_vendor(pilot, "ひかり")
        table = app.screen.query_one(QueueTable)
        assert table.total == 1 and "回線の利用数を回答" in shown(table)
        assert "ひかり通信" in app.screen.query_one("#queue-pane").border_title
        await pilot.press("2", "a")
        await settle(pilot)
        assert table.total == 2


async def test_re_dating_with_japanese_and_relative_dates(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "t", *"来週金曜", "enter")
        await settle(pilot)
        assert requests.get_request(ids["asked"].id).due == TODAY + timedelta(days=7)
        await pilot.press("2", "home")
        assert app.screen.query_one(QueueTable).current.id == ids["owed"].id
        await pilot.press("t", *"+3", "enter")
        await settle(pilot)
        assert requests.get_request(ids["owed"].id).due == TODAY + timedelta(days=3)


async def test_a_new_vendor_from_v_needs_only_a_name(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("v", *"[bold]Quartz[/]", "ctrl+s")
        await settle(pilot)
        assert "[bold]Quartz[/]" in shown(app.screen.query_one(VendorRows))
    assert Vendor.get().name == "[bold]Quartz[/]"


async def test_a_new_request_for_the_selected_vendor(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_vendor(pilot, "Acme")
        await pilot.press("r")
        assert app.focused.id == "subject"
        await pilot.press(*"Spare toner", "ctrl+s")
        await settle(pilot)
    assert Request.get(Request.subject == "Spare toner").vendor_id == ids["acme"].id


async def test_a_pasted_right_to_left_override_is_not_stored_and_the_queue_stays_aligned(ledger):
    """U+202E pasted in a name or a subject turned the rest around, columns and all."""
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        app.focused.post_message(events.Paste("\u202eAcme\u202c \u2067Devices\u2069"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await select_vendor(pilot, "Acme")
        await pilot.press("r")
        app.focused.post_message(events.Paste("\u202eSpare toner\u200f"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("2")
        table = app.screen.query_one(QueueTable)
        header, row = (table.render_line(y).text for y in range(2))
        assert row.index("Acme Devices") == header.index("Vendor")
        assert cell_len(row[: row.index("Spare toner")]) == header.index("Subject")
    assert Vendor.get().name == "Acme Devices"
    assert Request.get().subject == "Spare toner"


async def test_escape_from_the_filter_returns_to_the_list(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"zz")
        assert not isinstance(app.focused, VendorRows)
        await pilot.press("escape")
        assert isinstance(app.focused, VendorRows)


async def test_at_80_columns_the_call_form_takes_the_queues_place(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        queue_pane, call_pane = (
            app.screen.query_one("#queue-pane"),
            app.screen.query_one("#call-pane"),
        )
        assert queue_pane.display and not call_pane.display
        await pilot.press("n")
        assert call_pane.display and not queue_pane.display
        assert call_pane.region.height >= 14
        await pilot.press("escape")
        assert queue_pane.display and not call_pane.display


async def test_help_lists_keys_by_pane(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join(shown(widget) for widget in app.screen.query("*") if widget.display)
        for words in ("Vendors", "Queue", "Call log", "Answered/done", "Save call"):
            assert words in text


async def test_everything_reads_in_japanese(ledger):
    small_ledger()
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert "期限切れ 1" in shown(app.screen.query_one(LedgerHeader))
        assert "業者" in app.screen.query_one("#vendors-pane").border_title
        assert "全業者" in shown(app.screen.query_one(VendorRows))


async def test_every_key_action_is_in_the_command_palette(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"New call", "New request", "New vendor", "Help", "Filter"} <= titles
        await pilot.press("2")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Answered/done", "Re-date", "Direction", "Status", "Priority"} <= titles
        await run_command(pilot, "New vendor")
        await pilot.pause()
        assert isinstance(app.screen, VendorForm)


async def test_a_theme_chosen_in_the_app_is_kept_in_the_config(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert load_config().theme == "nord"
    app = DaichoApp(ledger_path=ledger, config=load_config())
    async with app.run_test(size=(160, 45)):
        assert app.theme == "nord"


async def test_a_call_being_typed_survives_the_app_stopping_and_is_restored_ready_to_save(
    ledger,
):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_vendor(pilot, "Acme")
        await pilot.press("n", *"Line down", "tab", "tab", *"Router swapped")
        await pilot.pause(DRAFT_PAUSE_S + 0.3)
        await settle(pilot)
    # The app stopped without saving (as after a crash): the draft is in the ledger.
    [draft] = drafts.load_drafts()
    assert (draft.form, draft.content["subject"]) == ("call", "Line down")

    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await settle(pilot)
        form = app.screen.query_one(CallForm)
        assert form.query_one("#subject").value == "Line down"
        assert form.query_one("#internal_notes").text == "Router swapped"
        assert app.screen.query_one("#call-pane").display
        assert any("Restored the call" in note for note in notices.said())
        await pilot.press("ctrl+s")  # as the notice says, at once: the cursor is in the form
        await settle(pilot)
    assert [call.subject for call in calls_of(ids["acme"].id)] == ["Line down"]
    assert drafts.load_drafts() == []


async def test_discarding_a_call_takes_ctrl_d_twice_and_removes_its_draft(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Acme", "tab", "tab", "tab", "tab", "tab", *"Wrong number")
        await pilot.pause(DRAFT_PAUSE_S + 0.3)
        await settle(pilot)
        assert len(drafts.load_drafts()) == 1
        await pilot.press("ctrl+d", "ctrl+d")  # the first only asks (tests/test_discard_guard.py)
        await settle(pilot)
        assert app.screen.query_one(CallForm).is_blank()
        await until(pilot, lambda: drafts.load_drafts() == [], "the discarded draft to go")
        assert isinstance(app.focused, VendorRows)  # the call is over: n starts the next
        await pilot.press("n", *"Acme")
        assert app.focused.id == "vendor"
    # The next call's vendor may be kept as its own draft; the discarded call never comes back.
    assert not any("Wrong number" in str(draft.content) for draft in drafts.load_drafts())
    assert Call.select().count() == 0


async def test_another_windows_write_shows_within_two_seconds_without_a_key(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QueueTable)
        assert "Toner for the 3F printer" not in shown(table)
        # Another copy of the app is another connection to the same file.
        other = sqlite3.connect(ledger)
        with other:
            other.execute(
                "INSERT INTO request (direction, vendor_id, subject, body, due, priority,"
                " status, answer, created_at, updated_at)"
                " VALUES ('outbound', ?, 'Toner for the 3F printer', '', ?, 'normal', 'open',"
                " '', '2026-11-20 09:00:00', '2026-11-20 09:00:00')",
                (ids["acme"].id, (TODAY - timedelta(days=5)).isoformat()),
            )
        other.close()
        await pilot.pause(2.0)
        await settle(pilot)
        assert "Toner for the 3F printer" in shown(table)
        assert "overdue 2" in shown(app.screen.query_one(LedgerHeader))


async def test_a_vendor_named_like_markup_narrows_the_queue_and_shows_as_typed(ledger):
    vendor = vendors.create_vendor("[/]")
    requests.open_request(vendor.id, "outbound", "[b]Quote[/b]")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        title = Content.from_markup(app.screen.query_one("#queue-pane").border_title)
        assert "· [/] ·" in title.plain
        assert "[b]Quote[/b]" in shown(app.screen.query_one(QueueTable))


async def test_open_is_offered_dimmed_on_all_vendors_and_works_on_a_vendor(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        active = {a.binding.action: a for a in app.screen.active_bindings.values()}
        assert not active["open"].enabled
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("down")
        active = {a.binding.action: a for a in app.screen.active_bindings.values()}
        assert active["open"].enabled
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VendorDetailScreen)
