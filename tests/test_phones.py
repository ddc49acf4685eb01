"""Phone numbers: kept as typed, shown in one normal form, found whatever form is searched."""

import tomllib

import pytest
from conftest import settle, shown
from textual.widgets import OptionList

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.names.phones import display_phone
from daicho.data.search.find import search
from daicho.data.transfer.export import export_ledger
from daicho.screens.vendor_detail import VendorDetailScreen

FORMS = ["0312345678", "03-1234-5678", "０３－１２３４－５６７８"]


@pytest.mark.parametrize(
    "typed, displayed",
    [
        ("03-1234-5678", "03-1234-5678"),
        ("０３－１２３４－５６７８", "03-1234-5678"),
        ("03ー1234ー5678", "03-1234-5678"),  # the long-vowel mark typed for a hyphen
        ("03‐1234−5678", "03-1234-5678"),  # a hyphen and a minus sign
        ("03 1234 5678", "03-1234-5678"),
        ("0312345678", "0312345678"),  # the grouping stays the user's
        ("03(1234)5678", "03(1234)5678"),
        ("＋81 3 1234 5678", "+81-3-1234-5678"),
        ("090-1234-5678 (内線 12)", "090-1234-5678 (内線 12)"),
        ("", ""),
    ],
)
def test_a_phone_number_is_shown_half_width_with_ascii_hyphens(typed, displayed):
    assert display_phone(typed) == displayed


@pytest.mark.both_engines
@pytest.mark.parametrize("stored", FORMS)
@pytest.mark.parametrize("query", FORMS)
def test_a_vendors_phone_is_found_in_any_form(ledger, stored, query):
    vendor = vendors.create_vendor("Acme", phone=stored)
    vendors.create_vendor("Other", phone="03-9999-0000")
    assert [(hit.kind, hit.id) for hit in search(query)] == [("vendor", vendor.id)]


MOBILE_FORMS = ["09012345678", "090-1234-5678", "０９０－１２３４－５６７８"]


@pytest.mark.both_engines
@pytest.mark.parametrize("stored", range(3))
@pytest.mark.parametrize("query", range(3))
def test_a_contacts_phone_and_mobile_are_found_in_any_form(ledger, stored, query):
    vendor = vendors.create_vendor("Acme")
    at_desk = vendors.create_contact(vendor.id, "Sato", phone=FORMS[stored])
    on_the_move = vendors.create_contact(vendor.id, "Tanaka", mobile=MOBILE_FORMS[stored])
    assert [(hit.kind, hit.id) for hit in search(FORMS[query])] == [("contact", at_desk.id)]
    found = [(hit.kind, hit.id) for hit in search(MOBILE_FORMS[query])]
    assert found == [("contact", on_the_move.id)]


@pytest.mark.both_engines
def test_the_start_of_a_number_finds_vendors_and_contacts(ledger):
    acme = vendors.create_vendor("Acme", phone="０９０－１１１１－２２２２")
    sato = vendors.create_contact(acme.id, "Sato", mobile="090-3333-4444")
    vendors.create_vendor("Other", phone="03-1111-2222")
    found = {(hit.kind, hit.id) for hit in search("090")}
    assert found == {("vendor", acme.id), ("contact", sato.id)}


@pytest.mark.both_engines
def test_a_hit_on_a_phone_number_shows_it_normalised_and_highlighted(ledger):
    vendors.create_vendor("Acme", phone="０３－１２３４－５６７８")
    (hit,) = search("0312345678")
    assert hit.snippet == "03-1234-5678"
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["03-1234-5678"]


@pytest.mark.both_engines
def test_the_number_is_kept_and_exported_as_typed(ledger):
    typed = "０３－１２３４－５６７８"
    vendor = vendors.create_vendor("Acme", phone=typed)
    contact = vendors.create_contact(vendor.id, "Sato", phone="03ー1111ー2222", mobile=typed)
    assert vendors.get_vendor(vendor.id).phone == typed
    assert (vendors.get_contact(contact.id).phone, vendors.get_contact(contact.id).mobile) == (
        "03ー1111ー2222",
        typed,
    )
    exported = tomllib.loads(export_ledger("toml"))
    assert exported["vendors"][0]["phone"] == typed
    assert exported["contacts"][0]["phone"] == "03ー1111ー2222"


async def test_vendor_detail_shows_the_numbers_normalised(ledger):
    vendor = vendors.create_vendor("Acme", phone="０３－１２３４－５６７８")
    vendors.create_contact(vendor.id, "Sato", phone="03ー1111ー2222", mobile="090 3333 4444")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = VendorDetailScreen(vendor.id)
        await app.push_screen(screen)
        await settle(pilot)
        assert "03-1234-5678" in shown(screen.query_one("#vendor-fields"))
        (contact,) = screen.query_one("#contacts", OptionList).options
        assert "03-1111-2222  090-3333-4444" in contact.prompt.plain
    assert vendors.get_vendor(vendor.id).phone == "０３－１２３４－５６７８"
