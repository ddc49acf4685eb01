"""The contract form (DESIGN §13), driven with keys against a real ledger: the dates worked
out as they are typed, what is saved, and bad input shown at its field with nothing saved."""

from datetime import date

import pytest
from conftest import settle, shown
from textual.widgets import Static

from daicho.app import DaichoApp
from daicho.data import drafts, vendors
from daicho.data.contracts.store import add_contract, get_contract, list_contracts
from daicho.i18n import set_language
from daicho.screens.contract_form import ContractForm

SIZE = (100, 40)


async def open_form(pilot, form: ContractForm) -> list:
    results = []
    pilot.app.push_screen(form, callback=results.append)
    await settle(pilot)
    return results


def dates_line(form: ContractForm) -> str:
    return " ".join(shown(form.query_one("#contract-dates", Static)).split())


async def type_into(pilot, form: ContractForm, field: str, text: str) -> None:
    """Put the cursor in `field` (as the mouse would) and type `text` over what it holds."""
    target = form.query_one(f"#{field}")
    target.focus()
    await pilot.pause()
    await pilot.press("ctrl+u", *text) if text else await pilot.press("ctrl+u")


async def test_a_copier_contract_with_three_months_notice_shows_and_saves_its_cancel_by(ledger):
    toto = vendors.create_vendor("東都ビジネス機器")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(toto.id, toto.name)
        results = await open_form(pilot, form)
        assert app.focused.id == "title"
        await pilot.press(*"複合機保守契約", "tab", "tab", *"K-1234", "tab")
        await pilot.press(*"2026-04-01", "tab", "ctrl+u", *"1年", "tab", "tab", "tab")
        assert app.focused.id == "notice"
        await pilot.press(*"3か月前")
        await pilot.pause()
        assert dates_line(form) == (
            "term ends Wed 2027-03-31 · cancel by Mon 2026-12-28 · decide by Mon 2026-12-28"
        )
        await type_into(pilot, form, "cost", "¥12,000")
        await pilot.press("ctrl+s")
        await settle(pilot)
    [saved] = results
    stored = get_contract(saved.id)
    assert (stored.vendor_id, stored.title, stored.number) == (toto.id, "複合機保守契約", "K-1234")
    assert (stored.start, stored.term_months, stored.renewal) == (date(2026, 4, 1), 12, "auto")
    assert (stored.notice_months, stored.notice_days, stored.cost) == (3, None, 12000)
    assert stored.reminder_days == (90, 30, 7)
    assert drafts.load_draft("contract", f"v{toto.id}") is None  # the save dropped it


async def test_a_term_typed_as_its_last_day_is_whole_months(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(acme.id, acme.name)
        results = await open_form(pilot, form)
        await pilot.press(*"Line", "tab", "tab", "tab", *"2026-01-31", "tab")
        await pilot.press("ctrl+u", *"2026-02-28")
        await pilot.pause()
        assert dates_line(form).startswith("term ends Sat 2026-02-28")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert results[0].term_months == 1


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("notice", "13か月前", "The notice period is longer than the term"),
        ("term_months", "2026-03-31", "The term must end after it starts"),
        ("cost", "twelve thousand", "The cost must be a whole number of yen"),
    ],
)
async def test_bad_input_is_shown_at_its_field_and_nothing_is_saved(ledger, field, typed, message):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(acme.id, acme.name)
        results = await open_form(pilot, form)
        await pilot.press(*"Support", "tab", "tab", "tab", *"2026-04-01")
        await type_into(pilot, form, field, typed)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert shown(form.query_one("#form-error")) == message
        assert app.focused is form.query_one(f"#{field}") or app.focused.parent.id == field
        assert form.snapshot()[field] == typed  # the typed text stays
    assert results == [] and list_contracts() == []


async def test_editing_changes_only_what_was_typed_and_the_history_names_it(ledger):
    acme = vendors.create_vendor("Acme")
    contract = add_contract(
        acme.id, title="Router support", start=date(2026, 4, 1), term_months=12, notice_days=30
    )
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(contract=contract)
        results = await open_form(pilot, form)
        assert form.query_one("#vendor").disabled
        assert form.snapshot()["notice"] == "30 days"
        await type_into(pilot, form, "notice", "2 months")
        await pilot.press("ctrl+s")
        await settle(pilot)
    [saved] = results
    assert (saved.notice_months, saved.notice_days, saved.title) == (2, None, "Router support")


async def test_an_edit_after_someone_elses_change_is_refused_once_and_names_it(ledger):
    acme = vendors.create_vendor("Acme")
    contract = add_contract(acme.id, title="Lease", start=date(2026, 4, 1), term_months=36)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(contract=contract)
        results = await open_form(pilot, form)
        from daicho.data.contracts.store import edit_contract

        edit_contract(contract.id, number="L-9")
        await type_into(pilot, form, "cost", "5000")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Contract number" in shown(form.query_one("#form-error"))
        await pilot.press("ctrl+s")
        await settle(pilot)
    [saved] = results
    assert (saved.number, saved.cost) == ("L-9", 5000)


async def test_a_new_contracts_draft_is_kept_per_vendor_and_restored(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot, ContractForm(acme.id, acme.name))
        await pilot.press(*"Half typed", "escape")
        await settle(pilot)
        form = ContractForm(acme.id, acme.name)
        await open_form(pilot, form)
        assert form.snapshot()["title"] == "Half typed"
        await pilot.press("escape")
        other = ContractForm()
        await open_form(pilot, other)
        assert other.snapshot()["title"] == ""


async def test_the_form_in_japanese_says_cancel_by_as_解約期限(ledger):
    set_language("ja")
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(acme.id, acme.name)
        await open_form(pilot, form)
        await pilot.press(*"保守", "tab", "tab", "tab", *"2026-04-01", "tab", "tab", "tab", "tab")
        await pilot.press(*"3か月前")
        await pilot.pause()
        assert "解約期限 2026-12-28(月)" in dates_line(form)


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("notice", "99999か月前", "The notice period is longer than the term"),
        ("notice", "13か月前", "The notice period is longer than the term"),
        ("term_months", "99999", "A term is at most 1200 months"),
        ("term_months", "0", "The term must end after it starts"),
        ("term_months", "2026-05-15", "2026-05-15 is not the end of a term in whole months"),
    ],
)
async def test_the_dates_line_says_what_keeps_the_fields_from_giving_dates(
    ledger, field, typed, said
):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        form = ContractForm(acme.id, acme.name)
        await open_form(pilot, form)
        await pilot.press(*"Support", "tab", "tab", "tab", *"2026-04-01")
        await type_into(pilot, form, field, typed)
        await pilot.pause()
        assert dates_line(form).startswith(said)
        assert form.query_one("#contract-dates").has_class("-error")
