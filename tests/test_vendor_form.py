"""The vendor form (`v` new, `e` edit), driven with keys against a real ledger."""

from conftest import shown
from textual.widgets import Input, Static

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.models import database
from daicho.i18n import set_language
from daicho.screens.vendor_form import VendorForm


async def open_form(pilot, form: VendorForm) -> list:
    results = []
    pilot.app.push_screen(form, callback=results.append)
    await pilot.pause()
    return results


async def test_a_new_vendor_needs_only_a_name(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, VendorForm())
        assert app.focused.id == "name"
        await pilot.press(*"Acme", "ctrl+s")
        await pilot.pause()
    saved = vendors.find_vendor("Acme")
    assert results == [saved]
    assert (saved.category, saved.status) == ("other", "active")


async def test_a_name_with_markup_is_saved_and_shown_literally(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_form(pilot, VendorForm())
        await pilot.press(*"[bold]x[/]", "ctrl+s")
        await pilot.pause()
        assert vendors.find_vendor("[bold]x[/]") is not None
        form = VendorForm()
        await open_form(pilot, form)
        await pilot.press(*"[bold]x[/]", "ctrl+s")
        await pilot.pause()
        assert "[bold]x[/]" in shown(form.query_one("#form-error", Static))
        assert "[bold]x[/]" in shown(form.query_one("#name", Input))


async def test_a_duplicate_name_is_warned_about_once_then_saved(ledger):
    vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        results = await open_form(pilot, form)
        await pilot.press(*"acme", "ctrl+s")
        await pilot.pause()
        assert results == []
        assert "named Acme already" in shown(form.query_one("#form-error", Static))
        assert len(vendors.list_vendors(include_hidden=True)) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [record.name for record in results] == ["acme"]
    assert len(vendors.list_vendors(include_hidden=True)) == 2


async def test_a_name_that_is_an_existing_one_in_another_form_is_asked_about(ledger):
    vendors.create_vendor("株式会社東和総合サービス")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        results = await open_form(pilot, form)
        await pilot.press(*"東和総合サービス (株)", "ctrl+s")
        await pilot.pause()
        assert results == []
        warning = shown(form.query_one("#form-error", Static))
        assert "named 株式会社東和総合サービス already exists" in warning
        assert len(vendors.list_vendors(include_hidden=True)) == 1


async def test_editing_changes_one_field_and_keeps_the_others(ledger):
    vendor = vendors.create_vendor(
        "Acme",
        reading="あくめ",
        category="telecom",
        status="prospect",
        phone="03-1111-2222",
        website="acme.example",
        tags="vpn lan",
        notes="line one\nline two",
    )
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, VendorForm(vendors.get_vendor(vendor.id)))
        await pilot.press("tab", "tab", "tab", "tab")
        assert app.focused.id == "phone"
        await pilot.press(*"03-9999-0000", "ctrl+s")
        await pilot.pause()
    edited = vendors.get_vendor(vendor.id)
    assert results == [edited]
    assert edited.phone == "03-9999-0000"
    kept = ("name", "reading", "category", "status", "website", "tags", "notes")
    assert [getattr(edited, name) for name in kept] == [getattr(vendor, name) for name in kept]


async def test_an_empty_name_is_an_inline_error_and_nothing_is_saved(ledger):
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        results = await open_form(pilot, form)
        await pilot.press("tab", *"yomi", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "業者名" in shown(form.query_one("#form-error", Static))
        assert app.focused.id == "name"
        assert form.snapshot()["reading"] == "yomi"
    assert results == []
    assert vendors.list_vendors(include_hidden=True) == []


async def test_a_ledger_that_refuses_the_write_keeps_what_was_typed(ledger):
    database.execute_sql(
        "CREATE TRIGGER refuse BEFORE INSERT ON vendor BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        results = await open_form(pilot, form)
        await pilot.press(*"Acme", "ctrl+s")
        await pilot.pause()
        assert "disk full" in shown(form.query_one("#form-error", Static))
        assert form.snapshot()["name"] == "Acme"
    assert results == []


async def test_escape_closes_without_saving(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, VendorForm())
        await pilot.press(*"Acme", "escape")
        await pilot.pause()
    assert results == [None]
    assert vendors.find_vendor("Acme") is None


async def test_snapshot_and_load_carry_every_field(ledger):
    typed = {
        "name": "Acme",
        "reading": "あくめ",
        "category": "cloud",
        "status": "inactive",
        "phone": "03",
        "website": "acme.example",
        "tags": "vpn",
        "notes": "a\nb",
    }
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        form = VendorForm()
        await open_form(pilot, form)
        form.load(typed)
        assert form.snapshot() == typed
