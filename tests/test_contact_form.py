"""The contact form's primary box: on and off look different, and taking primary from
another contact says whose it was."""

from conftest import Notices, settle, shown
from textual.widgets import Static

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.i18n import set_language
from daicho.screens.contact_form import ContactForm
from daicho.widgets.tick_box import TickBox

TO_PRIMARY = ["tab"] * 8  # from the name: reading, role, department, phones, email, notes


async def open_form(pilot, form: ContactForm) -> list:
    results = []
    pilot.app.push_screen(form, callback=results.append)
    await settle(pilot)
    return results


def primary_note(form: ContactForm) -> str:
    note = form.query_one("#primary-note", Static)
    return shown(note) if note.display else ""


async def test_the_primary_box_shows_a_tick_when_on_and_an_empty_box_when_off(ledger):
    vendor = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = ContactForm(vendor.id)
        await open_form(pilot, form)
        box = form.query_one("#is_primary", TickBox)
        assert shown(box).startswith("▐ ▌")
        await pilot.press(*TO_PRIMARY)
        assert app.focused is box
        await pilot.press("space")
        await pilot.pause()
        assert shown(box).startswith("▐✓▌")
        assert primary_note(form) == ""  # nobody else is primary


async def test_ticking_primary_names_the_contact_it_is_taken_from(ledger):
    vendor = vendors.create_vendor("Acme")
    vendors.create_contact(vendor.id, "Tanaka", is_primary=True)
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 34), message_hook=notices) as pilot:
        form = ContactForm(vendor.id)
        results = await open_form(pilot, form)
        assert primary_note(form) == "Primary now: Tanaka"
        await pilot.press(*"Suzuki", *TO_PRIMARY, "space")
        await pilot.pause()
        assert primary_note(form) == "Primary now: Tanaka; saving moves it here"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [saved.name for saved in results] == ["Suzuki"]
        assert "Suzuki is now the primary contact, instead of Tanaka" in notices.said()
    assert vendors.primary_contact(vendor.id).name == "Suzuki"
    assert [(c.name, c.is_primary) for c in vendors.list_contacts(vendor.id)] == [
        ("Suzuki", True),
        ("Tanaka", False),
    ]


async def test_the_primary_contact_edited_is_not_told_it_takes_primary_from_itself(ledger):
    vendor = vendors.create_vendor("Acme")
    tanaka = vendors.create_contact(vendor.id, "Tanaka", is_primary=True)
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 34), message_hook=notices) as pilot:
        form = ContactForm(vendor.id, tanaka)
        await open_form(pilot, form)
        assert shown(form.query_one("#is_primary", TickBox)).startswith("▐✓▌")
        assert primary_note(form) == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not any("instead of" in text for text in notices.said())


async def test_the_primary_note_is_in_japanese(ledger):
    set_language("ja")
    vendor = vendors.create_vendor("アクメ")
    vendors.create_contact(vendor.id, "田中", is_primary=True)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = ContactForm(vendor.id)
        await open_form(pilot, form)
        await pilot.press(*"鈴木", *TO_PRIMARY, "space")
        await pilot.pause()
        assert primary_note(form) == "現在の主担当: 田中（保存するとこの担当者に移ります）"


def test_primary_contact_is_the_one_marked(ledger):
    vendor = vendors.create_vendor("Acme")
    assert vendors.primary_contact(vendor.id) is None
    vendors.create_contact(vendor.id, "Sato")
    assert vendors.primary_contact(vendor.id) is None
    tanaka = vendors.create_contact(vendor.id, "Tanaka", is_primary=True)
    assert vendors.primary_contact(vendor.id) == tanaka
