"""The reading (よみ) suggested as a kanji name is typed, in the vendor and contact forms."""

from conftest import settle
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import drafts, vendors
from daicho.screens.contact_form import ContactForm
from daicho.screens.vendor_form import VendorForm


async def open_form(pilot, form) -> list:
    results = []
    pilot.app.push_screen(form, callback=results.append)
    await pilot.pause()
    return results


def reading(form) -> str:
    return form.query_one("#reading", Input).value


async def test_typing_a_kanji_name_suggests_its_reading_which_can_be_edited(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        results = await open_form(pilot, form)
        await pilot.press(*"日本")
        await settle(pilot)
        assert reading(form) == "にっぽん"
        await pilot.press(*"電気")
        await settle(pilot)
        assert reading(form) == "にっぽんでんき"  # it follows the name while untouched
        await pilot.press("tab", "end", *"ー")  # the user's own from here on
        await pilot.press("shift+tab", "end", *"株式会社")
        await settle(pilot)
        assert reading(form) == "にっぽんでんきー"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(v.name, v.reading) for v in results] == [("日本電気株式会社", "にっぽんでんきー")]


async def test_a_reading_typed_first_is_never_written_over(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        await open_form(pilot, form)
        await pilot.press("tab", *"にほんでんき", "shift+tab", *"日本電気")
        await settle(pilot)
        assert reading(form) == "にほんでんき"


async def test_company_words_are_left_out_and_a_latin_name_takes_the_suggestion_back(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm()
        results = await open_form(pilot, form)
        await pilot.press(*"株式会社ニンバス")
        await settle(pilot)
        assert reading(form) == "にんばす"
        form.query_one("#name", Input).value = ""
        await pilot.press(*"Acme")
        await settle(pilot)
        assert reading(form) == ""  # no kanji: nothing to suggest, and the old one is gone
        await pilot.press("ctrl+a", "ctrl+k", *"株式会社ニンバス", "ctrl+s")
        await settle(pilot)
    vendors.create_vendor("Acme")
    vendors.create_vendor("わかば商事", reading="わかばしょうじ")
    assert results[0].reading == "にんばす"
    assert [v.name for v in vendors.list_vendors()] == ["Acme", "株式会社ニンバス", "わかば商事"]


async def test_opening_a_vendor_to_edit_suggests_nothing_until_its_name_changes(ledger):
    vendor = vendors.create_vendor("日本電気")  # no reading yet
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = VendorForm(vendors.get_vendor(vendor.id))
        results = await open_form(pilot, form)
        await settle(pilot)
        assert reading(form) == ""
        await pilot.press("escape")  # nothing changed: nothing kept as a draft
        await pilot.pause()
        assert results == [None] and drafts.load_drafts() == []
        form = VendorForm(vendors.get_vendor(vendor.id))
        await open_form(pilot, form)
        await pilot.press("end", *"東京")
        await settle(pilot)
        assert reading(form) == "にっぽんでんきとうきょう"


async def test_a_contacts_reading_is_suggested_too(ledger):
    vendor = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = ContactForm(vendor.id)
        results = await open_form(pilot, form)
        await pilot.press(*"山田", "space", *"太郎")
        await settle(pilot)
        assert reading(form) == "やまだ たろう"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(c.name, c.reading) for c in results] == [("山田 太郎", "やまだ たろう")]
