"""Drafts of the modal forms (DESIGN §10): kept while typing, reopened after a stop,
brought back after escape, discarded only with ctrl+d (twice), dropped by a save."""

from conftest import Notices, settle
from textual.widgets import Input, TextArea

from daicho.app import DaichoApp
from daicho.data import drafts, requests, vendors
from daicho.screens.bases.form import DRAFT_PAUSE_S, FormModal
from daicho.screens.contact_form import ContactForm
from daicho.screens.note_prompt import NotePrompt
from daicho.screens.vendor_form import VendorForm


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
