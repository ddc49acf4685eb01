"""The call form, driven with keys as during a live call; the form never touches the ledger."""

from datetime import datetime, timedelta

import pytest
from conftest import settle, shown
from rich.cells import cell_len
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Input, Static, TextArea

from daicho.app import DaichoApp
from daicho.data.dates import clock
from daicho.data.records import FollowUp
from daicho.i18n import set_language
from daicho.widgets.call_form import CallForm
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.follow_up_row import FollowUpRow


class FormApp(App):
    """A bare app around the form that keeps every message the form sends up."""

    def __init__(self) -> None:
        super().__init__()
        self.messages = []

    def compose(self) -> ComposeResult:
        yield CallForm()

    @on(CallForm.SaveRequested)
    @on(CallForm.VendorChanged)
    @on(CallForm.Edited)
    @on(CallForm.Left)
    def keep(self, message: Message) -> None:
        self.messages.append(message)

    def received(self, kind: type) -> list:
        return [message for message in self.messages if isinstance(message, kind)]


def focused_id(app: App) -> str | None:
    return app.focused.id if app.focused else None


async def test_logging_a_call_with_two_decisions_and_a_follow_up():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        await pilot.pause()
        assert focused_id(app) == "subject"
        await pilot.press(*"Router swap")
        await pilot.press("tab")
        assert focused_id(app) == "decisions"
        await pilot.press(*"Swap on Monday")
        await pilot.press("enter")
        await pilot.press(*"We pay shipping")
        await pilot.press("tab")
        assert focused_id(app) == "internal_notes"
        await pilot.press(*"Line down since 9")
        await pilot.press("enter")
        await pilot.press(*"Spare in stock")
        await pilot.press("tab")
        row = form.query_one(FollowUpRow)
        assert app.focused is row.subject
        await pilot.press(*"Send the quote")
        await pilot.press("tab")
        assert app.focused is row.direction
        await pilot.press("right")
        await pilot.press("tab")
        assert app.focused is row.due_field.input
        await pilot.press(*"+3")
        await pilot.press("ctrl+s")
        await pilot.pause()

        [saved] = app.received(CallForm.SaveRequested)
        values = saved.values
        assert values.vendor_name == "Acme"
        assert values.contact_name == ""
        assert (values.direction, values.channel) == ("incoming", "phone")
        assert values.subject == "Router swap"
        assert values.internal_notes == "Line down since 9\nSpare in stock"
        assert values.decisions == ["Swap on Monday", "We pay shipping"]
        assert values.follow_ups == [
            FollowUp("Send the quote", direction="inbound", due=clock.today() + timedelta(days=3))
        ]
        assert values.started_at.tzinfo is not None
        assert 0 <= values.duration_s < 60


async def test_an_invalid_due_date_blocks_the_save_and_is_shown():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        await pilot.press(*"Licences")
        row = form.query_one(FollowUpRow)
        row.subject.focus()
        await pilot.press(*"Renewal price")
        row.due_field.focus()
        await pilot.press(*"zzz")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.received(CallForm.SaveRequested) == []
        assert row.error
        assert row.error in str(form.query_one("#message", Static).render())
        assert app.focused is row.due_field.input

        row.due_field.text = "+1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = app.received(CallForm.SaveRequested)
        assert saved.values.follow_ups[0].due == clock.today() + timedelta(days=1)
        assert str(form.query_one("#message", Static).render()) == ""


async def test_a_call_without_a_vendor_is_not_saved_and_the_vendor_field_is_focused():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start()
        assert focused_id(app) == "vendor"
        await pilot.press("tab", "tab", "tab", "tab")
        assert focused_id(app) == "subject"
        await pilot.press(*"Who was that")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.received(CallForm.SaveRequested) == []
        assert focused_id(app) == "vendor"
        assert "Vendor name cannot be empty" in str(form.query_one("#message", Static).render())


async def test_ctrl_o_adds_a_follow_up_row_and_an_emptied_row_is_ignored():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        await pilot.press("ctrl+o")  # the form's blank row first: no second blank one
        [first] = form.query(FollowUpRow)
        assert app.focused is first.subject
        await pilot.press(*"Check the invoice")
        await pilot.press("ctrl+o")
        rows = list(form.query(FollowUpRow))
        assert len(rows) == 2 and app.focused is rows[1].subject
        await pilot.press(*"x")
        await pilot.press("backspace")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = app.received(CallForm.SaveRequested)
        assert saved.values.follow_ups == [FollowUp("Check the invoice")]


async def test_escape_leaves_the_form_and_keeps_what_was_typed():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        await pilot.press(*"Quote")
        await pilot.press("escape")
        await pilot.press("tab")
        await pilot.press(*"a decision")
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.received(CallForm.Left)) == 2
        assert form.values().subject == "Quote"
        assert form.values().decisions == ["a decision"]


async def test_a_snapshot_loads_back_exactly_with_its_rows_and_start_time():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme", "Sato")
        await pilot.press(*"Outage")
        form.query_one("#channel", ChoiceField).value = "visit"
        form.query_one("#internal_notes", TextArea).text = "one\ntwo"
        form.query_one("#decisions", TextArea).text = "A\nB"
        first = form.query_one(FollowUpRow)
        first.subject.value = "Send logs"
        first.due_field.text = "+2"
        await pilot.press("ctrl+o")
        await pilot.press(*"Call back")
        await pilot.pause()
        snapshot = form.snapshot()
        due = (clock.today() + timedelta(days=2)).isoformat()
        assert snapshot["follow_ups"][0]["due"] == {"date": due, "text": "+2"}

        await form.clear()
        assert form.is_blank()
        await form.load(snapshot)
        await pilot.pause()
        assert form.snapshot() == snapshot
        assert form.values().started_at.isoformat() == snapshot["started_at"]


async def test_a_draft_kept_before_the_memo_was_split_off_brings_its_notes_back_as_the_memo():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        await form.load({"vendor": "Acme", "notes": "old notes\nsecond line", "decisions": "A"})
        await pilot.pause()
        assert form.values().internal_notes == "old notes\nsecond line"
        assert form.values().decisions == ["A"]
        assert "notes" not in form.snapshot()


async def test_a_restored_draft_keeps_its_clock_running_from_the_original_start():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        started = datetime.now().astimezone() - timedelta(minutes=3)
        await form.load({"vendor": "Acme", "started_at": started.isoformat()})
        await pilot.pause()
        assert 175 <= form.values().duration_s <= 200
        assert str(form.query_one("#clock", Static).render()).startswith("⏱ 03:")


async def test_right_arrow_accepts_a_vendor_or_contact_suggestion():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.vendor_names = [("Acme Networks", ""), ("Bravo Telecom", "")]
        form.start()
        await pilot.press(*"acm")
        await pilot.pause()
        await pilot.press("right")
        assert form.query_one("#vendor", Input).value == "Acme Networks"
        assert app.received(CallForm.VendorChanged)[-1].name == "Acme Networks"
        form.contact_names = [("佐藤 一郎", "さとう いちろう"), ("Suzuki", "")]
        await pilot.press("tab", *"佐")
        await pilot.pause()
        await pilot.press("right")
        assert form.values().contact_name == "佐藤 一郎"


@pytest.mark.parametrize("typed", ["Ac", "あく"])
async def test_tab_takes_a_suggestion_and_stays_a_second_tab_moves_on(typed):
    """Taking a name with Tab used to move on too, so the subject typed next landed a field
    further on: Tab takes the name and stays; with no suggestion showing, Tab moves on."""
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.vendor_names = [("Acme Networks", "あくめ")]
        form.start()
        await pilot.press(*typed)
        await pilot.pause()
        await pilot.press("tab")
        assert focused_id(app) == "vendor"
        assert form.values().vendor_name == "Acme Networks"
        await pilot.press("tab")
        assert focused_id(app) == "contact"
        await pilot.press(*"Sato")
        assert form.values().vendor_name == "Acme Networks"
        assert form.values().contact_name == "Sato"


async def test_right_arrow_takes_a_name_found_by_its_reading_too():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.vendor_names = [("銀河通信工業株式会社", "ぎんがつうしん")]
        form.start()
        await pilot.press(*"ぎんが", "right")
        assert form.values().vendor_name == "銀河通信工業株式会社"
        assert focused_id(app) == "vendor"


async def test_an_unknown_vendor_is_announced_as_a_new_prospect():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        hint = form.query_one("#vendor-hint")
        assert not hint.display
        form.start()
        await pilot.press(*"Newco")
        assert hint.display
        form.known_vendor = True
        assert not hint.display


@pytest.mark.parametrize("typed", ["ぎんがつ", "ギンガツ", "ｷﾞﾝｶﾞﾂ", "ぎ"])
async def test_a_vendor_is_found_by_its_reading_and_tab_takes_it(typed):
    """During a call the reading is quicker than converting to kanji: the name it finds is
    shown beside the field, and Tab takes it; 株式会社 never has to be typed."""
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.vendor_names = [
            ("株式会社アクメ", "あくめ"),
            ("銀河通信工業株式会社", "ぎんがつうしん"),
        ]
        form.start()
        await pilot.press(*typed)
        await pilot.pause()
        vendor = form.query_one("#vendor", Input)
        assert f"{typed} → 銀河通信工業株式会社" in shown(vendor)  # the cursor, then the name
        assert not form.query_one("#vendor-hint").display  # not a new prospect
        await pilot.press("tab")
        assert form.values().vendor_name == "銀河通信工業株式会社"
        assert focused_id(app) == "vendor"


async def test_a_name_typed_without_its_kind_of_company_is_found_and_new_names_are_not():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.vendor_names = [("株式会社アクメ", "あくめ")]
        form.start()
        await pilot.press(*"アク", "tab")
        assert form.values().vendor_name == "株式会社アクメ"
        await pilot.press("ctrl+u", *"ベータ")
        assert form.query_one("#vendor-hint").display  # a new prospect
        assert "→" not in shown(form.query_one("#vendor", Input))
        await pilot.press("tab")
        assert form.values().vendor_name == "ベータ"


async def test_a_contact_is_found_by_its_reading_too():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("銀河通信工業株式会社")
        form.contact_names = [("小林 誠", "こばやし まこと"), ("佐藤 一郎", "さとう いちろう")]
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # channel, direction, contact
        assert focused_id(app) == "contact"
        await pilot.press(*"コバ")
        await pilot.pause()
        assert "コバ → 小林 誠" in shown(form.query_one("#contact", Input))
        await pilot.press("tab")
        assert form.values().contact_name == "小林 誠"
        assert "→" not in shown(form.query_one("#contact", Input))


async def test_markup_typed_by_the_user_stays_literal():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("[red]Acme[/]")
        await pilot.press(*"[bold]x[/]")
        assert form.values().subject == "[bold]x[/]"
        assert form.values().vendor_name == "[red]Acme[/]"
        form.show_saved("Saved [bold]x[/]")
        assert "Saved [bold]x[/]" in str(form.query_one("#message", Static).render())


async def test_clear_empties_everything_and_stops_the_clock():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme", "Sato")
        await pilot.press(*"Subject")
        form.query_one("#direction", ChoiceField).value = "outgoing"
        form.query_one("#channel", ChoiceField).value = "email"
        await pilot.press("ctrl+o")
        await pilot.press(*"later")
        await form.clear()
        await pilot.pause()
        assert form.is_blank()
        snapshot = form.snapshot()
        assert (snapshot["direction"], snapshot["channel"]) == ("incoming", "phone")
        assert snapshot["started_at"] is None
        assert len(snapshot["follow_ups"]) == 1
        assert str(form.query_one("#clock", Static).render()) == "⏱ --:--"


async def test_starting_again_keeps_a_call_under_way_but_replaces_a_mere_prefill():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        form.start("Bravo")
        assert form.values().vendor_name == "Bravo"
        form.start()
        assert form.values().vendor_name == "Bravo"
        await pilot.press(*"Quote")
        started = form.snapshot()["started_at"]
        form.start("Charlie")
        assert form.values().vendor_name == "Bravo"
        assert form.snapshot()["started_at"] == started
        assert focused_id(app) == "subject"


async def test_typing_reports_edits_and_the_draft_values_leave_out_a_prefill_and_a_clear():
    """Only the values: when a draft is written is the screen's (tests/test_form_drafts.py)."""
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        await pilot.pause()
        assert form.draft_values() is None  # a prefilled vendor alone is no draft
        await pilot.press(*"abc")
        assert app.received(CallForm.Edited)
        assert form.draft_values()["subject"] == "abc"
        await form.clear()
        assert form.draft_values() is None


async def test_typing_into_an_unstarted_form_starts_the_clock():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.query_one("#subject", Input).focus()
        assert form.snapshot()["started_at"] is None
        await pilot.press(*"x")
        assert form.snapshot()["started_at"] is not None


async def test_a_choice_cycles_with_arrows_and_space_and_jumps_by_letter():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        channel = app.query_one("#channel", ChoiceField)
        channel.focus()
        await pilot.press("right")
        assert channel.value == "mobile"
        await pilot.press("left", "left")
        assert channel.value == "chat"
        await pilot.press("space")
        assert channel.value == "phone"
        await pilot.press("v")
        assert channel.value == "visit"
        await pilot.press("m")
        assert channel.value == "meeting"
        await pilot.press("m")
        assert channel.value == "mobile"


async def test_enter_in_a_one_line_field_moves_on():
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.query_one(CallForm).start("Acme")
        await pilot.press(*"Subject")
        await pilot.press("enter")
        assert focused_id(app) == "decisions"


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_the_form_fits_a_small_pane(language):
    set_language(language)
    app = FormApp()
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.query_one(CallForm)
        await pilot.pause()
        assert form.query_one("#follow-ups").region.bottom - form.region.y <= 16
        for field in form.query("Input, TextArea, ChoiceField"):
            assert field.region.width >= 6, field


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_follow_up_rows_at_80_by_24_show_their_subject_and_whole_date(ledger, language):
    """The call pane beside the vendor list is about 50 columns: each follow-up takes two
    lines, the date with its hint on a line of its own, nothing cut off."""
    set_language(language)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        row = app.screen.query_one(FollowUpRow)
        due = row.due_field
        assert row.has_class("-stacked")
        assert due.region.y == row.subject.region.y + 1
        assert due.input.region.width > cell_len(due.input.placeholder)
        assert row.subject.region.width >= 24
        due.input.focus()
        await pilot.press(*"+3")
        await pilot.pause()
        hint = due.query_one(".hint", Static)
        text = shown(hint)
        assert text and "…" not in text
        assert hint.region.right <= row.region.right
        assert cell_len(text) <= hint.region.width


async def test_a_wide_pane_puts_decisions_and_the_memo_side_by_side():
    app = FormApp()
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        decisions, memo = app.query_one("#decisions"), app.query_one("#internal_notes")
        assert memo.region.y == decisions.region.y
        assert decisions.region.x < memo.region.x
        assert memo.region.width >= 50
