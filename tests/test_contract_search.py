"""Contracts in search (`type:contract`): found by their title, number, notes, their vendor's
name and their kind in either language, and kept up to date as they and their vendor change."""

from datetime import date

import pytest
from conftest import shown, until
from test_search_screen import hits_of, open_search, settle

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.contracts.store import add_contract, edit_contract
from daicho.data.search.find import search
from daicho.data.search.index import rebuild_index
from daicho.i18n import set_language
from daicho.screens.contract_detail import ContractDetail
from daicho.widgets.search_results import SearchResults

pytestmark = pytest.mark.both_engines


def found(query: str) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search(query, None)]


@pytest.fixture
def copier(ledger):
    vendor = vendors.create_vendor("東都ビジネス機器", reading="とうとびじねすきき")
    return add_contract(
        vendor.id,
        title="複合機保守契約",
        kind="maintenance",
        number="TB-2026-0042",
        start=date(2026, 4, 1),
        term_months=12,
        notice_months=3,
        notes="カウンター料金は別途",
        reminder_days=(30, 7),  # none due yet: a reminder's request would be found too
    )


@pytest.mark.parametrize(
    "query",
    [
        "複合機",
        "TB-2026-0042",
        "カウンター料金",
        "type:contract 東都",
        "type:契約 保守",
        "type:contract maintenance",
    ],
)
def test_a_contract_is_found_by_what_it_holds(copier, query):
    assert found(query) == [("contract", copier.id)]


def test_a_hit_names_the_contract_and_its_vendor(copier):
    (hit,) = search("複合機", None)
    assert (hit.title, hit.vendor_name, hit.vendor_id) == (
        "複合機保守契約",
        "東都ビジネス機器",
        copier.vendor_id,
    )


def test_type_contract_leaves_out_the_vendor_of_the_same_name(copier):
    assert found("東都") == [("contract", copier.id), ("vendor", copier.vendor_id)]
    assert found("type:vendor 東都") == [("vendor", copier.vendor_id)]


def test_an_edited_contract_is_found_by_its_new_words_only(copier):
    edit_contract(copier.id, title="プリンター保守契約", notes="")
    assert found("複合機") == []
    assert found("カウンター料金") == []
    assert found("プリンター") == [("contract", copier.id)]


def test_a_renamed_vendor_finds_its_contracts_by_the_new_name(copier):
    vendors.update_vendor(copier.vendor_id, name="西都オフィス")
    assert found("type:contract 西都") == [("contract", copier.id)]
    assert found("type:contract 東都") == []


def test_a_rebuilt_index_holds_the_contracts(copier):
    rebuild_index()
    assert found("type:contract 複合機") == [("contract", copier.id)]
    assert found("type:contract") == [("contract", copier.id)]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language, mark", [("en", "contract"), ("ja", "契約")])
async def test_the_search_screen_shows_a_contract_with_its_own_mark(ledger, copier, language, mark):
    set_language(language)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"type:契約 保守")
        await settle(pilot)
        assert hits_of(screen) == [("contract", copier.id)]
        heading = shown(screen.query_one(SearchResults)).splitlines()[0]
        assert heading.startswith(mark)
        assert "東都ビジネス機器" in heading and "複合機保守契約" in heading


@pytest.mark.sqlite_only
async def test_enter_on_a_contract_hit_opens_its_detail(ledger, copier):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"TB-2026-0042")
        await settle(pilot)
        await pilot.press("enter", "enter")  # into the hits, then open the one found
        await until(pilot, lambda: isinstance(app.screen, ContractDetail), "the contract")
        assert app.screen.contract_id == copier.id
        await until(pilot, lambda: app.screen.contract is not None, "the contract read")
        assert app.screen.contract.title == "複合機保守契約"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
