"""Drafts of the modal forms (DESIGN §10): kept while typing, reopened after a stop,
brought back after escape, discarded only with ctrl+d (twice), dropped by a save."""

from datetime import timedelta

from conftest import TODAY, Notices, settle
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea

from daicho.app import DaichoApp
from daicho.data import drafts, queue, requests, vendors
from daicho.data.dates import clock
from daicho.data.dates.kept import kept_date
from daicho.data.queue import QueueFilters
from daicho.screens.bases.form import FormModal
from daicho.screens.contact_form import ContactForm
from daicho.screens.note_prompt import NotePrompt
from daicho.screens.request_form import NewRequestForm
from daicho.screens.support.draft_keeping import DRAFT_PAUSE_S, DraftKeeper
from daicho.screens.vendor_form import VendorForm
from daicho.widgets.call_form import CallForm
from daicho.widgets.date_field import DateField
from daicho.widgets.follow_up_row import FollowUpRow


async def typed_and_paused(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause(DRAFT_PAUSE_S + 0.3)
    await settle(pilot)


async def test_a_new_vendor_being_typed_is_reopened_after_the_app_stops(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await typed_and_paused(pilot, *"Nimbus", "tab", *"にんばす")
        [draft] = drafts.load_drafts()
        assert (draft.form, draft.key) == ("vendor", "")
        assert draft.content["fields"]["name"] == "Nimbus"
    # Stopped with the form open, as after a crash or a closed terminal.
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, VendorForm)
        assert app.screen.query_one("#name", Input).value == "Nimbus"
        assert app.screen.query_one("#reading", Input).value == "にんばす"
        assert any("Restored what you typed" in note for note in notices.said())
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert vendors.find_vendor("Nimbus").reading == "にんばす"
    assert drafts.load_drafts() == []


async def test_escape_keeps_the_draft_for_the_same_form_and_nothing_reopens_at_start(ledger):
    acme = vendors.create_vendor("Acme", notes="old")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 34), message_hook=notices) as pilot:
        await settle(pilot)
        app.push_screen(VendorForm(vendors.get_vendor(acme.id)))
        await settle(pilot)
        await pilot.press(*"-edited")  # typed at the end of the name
        await pilot.press("escape")  # before the pause: escape itself keeps it
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
        assert any("Kept as a draft" in note for note in notices.said())
    [draft] = drafts.load_drafts()
    assert (draft.form, draft.key, draft.content["open"]) == ("vendor", str(acme.id), False)
    assert vendors.get_vendor(acme.id).name == "Acme"

    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 34), message_hook=notices) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)  # closed on purpose: not reopened
        form = VendorForm(vendors.get_vendor(acme.id))
        app.push_screen(form)
        await settle(pilot)
        assert form.query_one("#name", Input).value == "Acme-edited"
        assert form.query_one("#notes", TextArea).text == "old"
        # Another vendor's form, or a new one, does not get this draft.
        await pilot.press("ctrl+d", "ctrl+d")
        await settle(pilot)
        assert any("Draft discarded" in note for note in notices.said())
        new_form = VendorForm()
        app.push_screen(new_form)
        await settle(pilot)
        assert new_form.query_one("#name", Input).value == ""
    assert drafts.load_drafts() == []
    assert vendors.get_vendor(acme.id).name == "Acme"


async def test_opening_and_closing_a_form_untouched_keeps_no_draft(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 34), message_hook=notices) as pilot:
        await settle(pilot)
        app.push_screen(ContactForm(acme.id))
        await pilot.pause(DRAFT_PAUSE_S + 0.3)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not any("Kept as a draft" in note for note in notices.said())
    assert drafts.load_drafts() == []


async def test_a_contact_and_a_note_keep_their_drafts_by_record(ledger):
    acme = vendors.create_vendor("Acme")
    request = requests.open_request(acme.id, "outbound", "見積依頼")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        app.push_screen(ContactForm(acme.id))
        await settle(pilot)
        await typed_and_paused(pilot, *"Yamada")
        await pilot.press("escape")
        await settle(pilot)
        app.push_screen(NotePrompt(request))
        await settle(pilot)
        await typed_and_paused(pilot, *"電話で督促")
    kept = {(draft.form, draft.key): draft for draft in drafts.load_drafts()}
    assert kept.keys() == {("contact", f"new-at-{acme.id}"), ("note", str(request.id))}
    assert kept["note", str(request.id)].content["open"] is True

    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NotePrompt)  # the one open when the app stopped
        assert app.screen.query_one("#note", TextArea).text == "電話で督促"
        await pilot.press("ctrl+s")
        await settle(pilot)
        contact_form = ContactForm(acme.id)
        app.push_screen(contact_form)
        await settle(pilot)
        assert contact_form.query_one("#name", Input).value == "Yamada"
    history = requests.request_history(request.id)
    assert any(event.note == "電話で督促" for event in history)
    assert [(d.form, d.key) for d in drafts.load_drafts()] == [("contact", f"new-at-{acme.id}")]


async def test_a_draft_whose_record_is_gone_does_not_stop_the_start(ledger):
    acme = vendors.create_vendor("Acme")
    drafts.save_draft("vendor", {"fields": {"name": "x"}, "open": True}, str(acme.id + 99))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
        assert app.screen.query("VendorRows")


class CallDraftApp(App):
    """A bare call form whose draft the engine keeps, as the main screen does; counts the
    writes that reached the ledger."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def compose(self) -> ComposeResult:
        yield CallForm()

    def on_mount(self) -> None:
        values = self.query_one(CallForm).draft_values
        self.draft = DraftKeeper(self, drafts.CALL_FORM, values, written=self._written)

    def _written(self) -> None:
        self.writes += 1

    def on_call_form_edited(self) -> None:
        self.draft.changed()


async def paused(pilot) -> None:
    await pilot.pause(DRAFT_PAUSE_S + 0.3)
    await settle(pilot)


async def test_a_draft_is_written_once_typing_pauses_and_only_when_it_changed(ledger):
    app = CallDraftApp()
    async with app.run_test(size=(100, 40)) as pilot:
        form = app.query_one(CallForm)
        form.start("Acme")
        await paused(pilot)
        assert app.writes == 0  # a prefilled vendor alone is no draft
        await pilot.press(*"abc")
        assert app.writes == 0  # typing on: not yet
        await paused(pilot)
        assert app.writes == 1
        assert drafts.load_draft(drafts.CALL_FORM).content["subject"] == "abc"
        await pilot.press("x", "backspace")  # back to what was written: nothing to write
        await paused(pilot)
        assert app.writes == 1
        app.draft.drop()  # saved: the draft goes, and emptying the form writes nothing more
        await form.clear()
        await paused(pilot)
        assert app.writes == 2
        assert drafts.load_draft(drafts.CALL_FORM) is None


# --- dates: a draft keeps the date typed, not only the text (`+3` tomorrow is another day)


def queue_dues() -> dict[str, object]:
    return {row.subject: row.due for row in queue.open_queue(QueueFilters()).rows}


def due_text(app) -> str:
    return app.screen.query_one("#due", DateField).text


async def test_a_request_due_in_three_days_keeps_its_date_when_restored_a_day_later(ledger):
    vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("1", "f", *"Acme", "enter")
        await settle(pilot)
        await pilot.press("r")  # for the vendor selected
        await settle(pilot)
        assert app.focused.id == "subject"
        await typed_and_paused(pilot, *"Send the quote", "tab", *"+3")
        [draft] = drafts.load_drafts()
        assert draft.content["fields"]["due"] == {"date": "2026-11-23", "text": "+3"}
    # Stopped with the form open; started again the next day, when `+3` means the 24th.
    clock.freeze_today(TODAY + timedelta(days=1))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NewRequestForm)
        assert due_text(app) == "2026-11-23"  # the date meant, no longer `+3`
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert queue_dues() == {"Send the quote": TODAY + timedelta(days=3)}
    assert drafts.load_drafts() == []


async def test_a_date_that_still_means_the_same_day_comes_back_as_typed(ledger):
    vendors.create_vendor("Acme")
    drafts.save_draft(
        "request",
        {"fields": {"vendor": "Acme", "subject": "Quote", "due": kept_date("11/30", TODAY)}},
    )
    clock.freeze_today(TODAY + timedelta(days=1))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        form = NewRequestForm()
        app.push_screen(form)
        await settle(pilot)
        assert due_text(app) == "11/30"


async def test_a_follow_up_due_in_three_days_keeps_its_date_when_restored_a_day_later(ledger):
    vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("1", "f", *"Acme", "enter")
        await settle(pilot)
        await pilot.press("n")
        assert app.focused.id == "subject"
        await pilot.press(*"Laptops", "tab", "tab", "tab", *"Send the PO", "tab", "tab")
        await typed_and_paused(pilot, *"+3")
        [draft] = drafts.load_drafts()
        [row] = draft.content["follow_ups"]
        assert row["due"] == {"date": "2026-11-23", "text": "+3"}
    clock.freeze_today(TODAY + timedelta(days=1))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        [row] = app.screen.query_one(CallForm).query(FollowUpRow)
        assert row.due_field.text == "2026-11-23"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert queue_dues() == {"Send the PO": TODAY + timedelta(days=3)}
    assert drafts.load_drafts() == []


async def test_drafts_kept_before_dates_were_kept_restore_their_text(ledger):
    vendors.create_vendor("Acme")
    drafts.save_draft(
        "call",
        {
            "vendor": "Acme",
            "subject": "Old call",
            "follow_ups": [
                {"subject": "Ship", "direction": "outbound", "due": "+2"},
                {"subject": "Bill", "direction": "inbound", "due": "2026-11-30"},
            ],
        },
    )
    fields = {"vendor": "Acme", "subject": "Old request", "due": "+3"}
    drafts.save_draft("request", {"fields": fields, "open": True})
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NewRequestForm)
        assert due_text(app) == "+3"
        rows = app.screen_stack[0].query_one(CallForm).query(FollowUpRow)
        assert [row.due_field.text for row in rows] == ["+2", "2026-11-30"]
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert queue_dues() == {"Old request": TODAY + timedelta(days=3)}
