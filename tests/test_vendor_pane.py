"""The vendors pane as the user meets it: typing on the list filters it, the keys that act
there still act, and an empty ledger says how to add the first vendor."""

import pytest
from conftest import settle
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.widgets.call_form import CallForm
from daicho.widgets.vendor_list import VendorList, VendorRows


def three_vendors() -> None:
    vendors.create_vendor("Acme Devices")
    hikari = vendors.create_vendor("ひかり通信", reading="ひかりつうしん")
    vendors.create_contact(hikari.id, "佐藤 健一", reading="さとう けんいち")
    vendors.create_vendor("Bluebird Systems")


def listed(app) -> list[str]:
    return [row.name for row in app.screen.query_one(VendorRows).rows]


def filter_text(app) -> str:
    return app.screen.query_one(VendorList).query_one(Input).value


async def test_typing_on_the_list_filters_it_and_n_still_starts_a_call(ledger):
    """`f` was needed first, and a letter could start `n`, `v`, `r`, `e` or `h` instead."""
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Blu")
        await settle(pilot)
        assert filter_text(app) == "Blu"
        assert isinstance(app.focused, VendorRows)  # the keys that act there still act
        assert listed(app) == ["Bluebird Systems"]
        assert app.screen.query_one(VendorList).current.name == "Bluebird Systems"
        await pilot.press("n")
        assert app.focused.id == "subject"
        assert app.screen.query_one(CallForm).values().vendor_name == "Bluebird Systems"


async def test_japanese_and_the_full_width_space_filter_too(ledger):
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("\u3000")  # a space alone filters nothing
        assert filter_text(app) == ""
        await pilot.press(*"佐藤\u3000健")  # a contact's name, as an input method types it
        await settle(pilot)
        assert filter_text(app) == "佐藤\u3000健"
        assert listed(app) == ["ひかり通信"]


async def test_backspace_edits_the_filter_and_escape_clears_it(ledger):
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Acmz")
        await settle(pilot)
        assert listed(app) == []
        await pilot.press("backspace")
        await settle(pilot)
        assert filter_text(app) == "Acm"
        assert listed(app) == ["Acme Devices"]
        await pilot.press("escape")
        await settle(pilot)
        assert filter_text(app) == ""
        assert len(listed(app)) == 3
        assert isinstance(app.focused, VendorRows)


@pytest.mark.parametrize("key", ["v", "e", "h", "f", "y", "question_mark", "slash"])
async def test_keys_that_act_on_the_vendors_are_not_typed_into_the_filter(ledger, key):
    """On "All vendors" too, where `e` has no vendor to edit: one key, one meaning."""
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press(key)
        await settle(pilot)
        assert main.query_one(VendorList).query_one(Input).value == ""
