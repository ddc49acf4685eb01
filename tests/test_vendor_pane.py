"""The vendors pane as the user meets it: typing on the list filters it, the keys that act
there still act, and an empty ledger says how to add the first vendor."""

import pytest
from conftest import settle, shown
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.i18n import _, set_language
from daicho.widgets.call_form import CallForm
from daicho.widgets.key_bar import KeyBar
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


async def test_the_first_match_is_selected_even_when_the_rows_come_after_a_key_that_acts(
    ledger,
):
    """A name typed fast and a key pressed before the filtered rows come back: the rows
    still put the cursor on the first match, so the `n` that follows calls that vendor."""
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        vendor_list = app.screen.query_one(VendorList)
        await pilot.press(*"Blu")
        await settle(pilot)
        rows = list(vendor_list.listing.rows)
        await pilot.press("1")  # acts (the vendors pane), moves nothing
        vendor_list.listing.cursor = 0
        vendor_list.set_rows(rows)  # the reply to "Blu", late
        assert vendor_list.current.name == "Bluebird Systems"
        await pilot.press("down", "up")  # the user moves the cursor: it stays theirs
        vendor_list.set_rows(rows)
        assert vendor_list.current is None  # "All vendors", where they put it


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


ADD_A_VENDOR = {"en": "Press v to add a vendor", "ja": "v で業者を追加"}
KEYS_FIRST = {
    "en": "n New call  r New request  v New vendor  / Search  ? Help",
    "ja": "n 新規通話  r 新規依頼  v 新規業者  / 検索  ? ヘルプ",
}


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_an_empty_ledger_says_how_to_add_the_first_vendor(ledger, language):
    set_language(language)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(VendorRows)
        assert ADD_A_VENDOR[language] in shown(rows)
        await pilot.press(*"zz")  # a filter that finds nothing is not an empty ledger
        await settle(pilot)
        assert ADD_A_VENDOR[language] not in shown(rows)
        await pilot.press("escape")
        vendors.create_vendor("Acme")
        app.screen.refresh_ledger()
        await settle(pilot)
        assert "Acme" in shown(rows)
        assert ADD_A_VENDOR[language] not in shown(rows)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("pane", ["1", "2"])
async def test_at_80_columns_the_key_bar_leads_with_the_keys_used_most(ledger, language, pane):
    """`v` (new vendor) was cut off at 80 columns: the most used keys come first."""
    set_language(language)
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(pane, "down")
        await settle(pilot)
        assert shown(app.screen.query_one(KeyBar)).startswith(KEYS_FIRST[language])


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_a_narrow_key_bar_leaves_out_whole_keys_never_half_of_one(ledger, language):
    """At 80 columns the bar showed `f  …`: a key cut off from what it does."""
    set_language(language)
    three_vendors()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        line = shown(bar)
        assert line.endswith("^p " + _("Commands"))
        kept = line.removesuffix("^p " + _("Commands")).rstrip()
        assert kept.endswith("…")
        for _key, active in app.screen.active_bindings.items():
            binding = active.binding
            if binding.show and binding.description:
                key = app.get_key_display(binding)
                both = f"{key} {binding.description}"
                assert both in kept or f" {key} " not in f" {kept} ", both
