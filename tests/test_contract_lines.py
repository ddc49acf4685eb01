"""The contracts screen's reads (DESIGN §13): every contract with its dates in one query, a
contract in full with the reminders that fired, and the list's filters and sorts."""

from datetime import date

import pytest
from conftest import TODAY

from daicho.data import requests, vendors
from daicho.data.contracts.detail import contract_in_full
from daicho.data.contracts.lines import ContractFilters, shown_lines
from daicho.data.contracts.listing import contract_lines
from daicho.data.contracts.store import add_contract, renew_contract

pytestmark = pytest.mark.both_engines


@pytest.fixture
def two_vendors(ledger):
    acme, nimbus = vendors.create_vendor("Acme"), vendors.create_vendor("Nimbus")
    copier = add_contract(
        acme.id, title="Copier", kind="maintenance", start=date(2026, 4, 1), term_months=12,
        notice_months=3,
    )  # fmt: skip
    line = add_contract(
        nimbus.id, title="Line", kind="line", start=date(2024, 6, 1), term_months=12,
        renewal="none",
    )  # fmt: skip
    return acme, nimbus, copier, line


def test_every_contract_comes_with_its_vendor_and_dates(two_vendors):
    acme, nimbus, _copier, _line = two_vendors
    lines = contract_lines(TODAY)
    assert [(x.contract.vendor_id, x.contract.vendor_name) for x in lines] == [
        (acme.id, "Acme"),
        (nimbus.id, "Nimbus"),
    ]
    assert lines[0].dates.cancel_by == date(2026, 12, 28)
    assert lines[1].dates.term.end == date(2025, 5, 31)  # no renewal: the stored term stays
    assert [x.contract.title for x in contract_lines(TODAY, nimbus.id)] == ["Line"]


def test_the_filters_keep_what_they_name_and_a_fiscal_year_what_runs_in_it(two_vendors):
    acme, _nimbus, _copier, _line = two_vendors
    lines = contract_lines(TODAY)

    def titles(filters: ContractFilters) -> list[str]:
        return [x.contract.title for x in shown_lines(lines, filters, "vendor")]

    assert titles(ContractFilters(vendor_id=acme.id)) == ["Copier"]
    assert titles(ContractFilters(kind="line")) == ["Line"]
    assert titles(ContractFilters(renewal="auto")) == ["Copier"]
    assert titles(ContractFilters(fiscal_year=2024)) == ["Line"]  # 2024-04-01..2025-03-31
    assert titles(ContractFilters(fiscal_year=2026)) == ["Copier"]
    assert titles(ContractFilters(fiscal_year=2030)) == ["Copier"]  # it renews by itself


def test_the_sorts(two_vendors):
    lines = contract_lines(TODAY)

    def by(sort: str) -> list[str]:
        return [x.contract.title for x in shown_lines(lines, ContractFilters(), sort)]

    assert by("decision") == ["Line", "Copier"]
    assert by("term_end") == ["Line", "Copier"]
    assert by("vendor") == ["Copier", "Line"]


def test_a_contract_in_full_has_its_history_and_the_reminders_that_fired(two_vendors):
    _acme, _nimbus, copier, _line = two_vendors  # its 90 days' reminder fired when added
    renew_contract(copier.id, TODAY)
    full = contract_in_full(copier.id, TODAY)
    assert full.dates.term.number == 2
    assert [event.kind for event in full.history] == ["created", "reminder", "renewed"]
    [fired] = full.reminders
    assert (fired.term_no, fired.lead_days) == (1, 90)
    reminder = requests.get_request(fired.request_id)
    subject = "Renewal decision: Copier — cancel by 12/28 (Mon)"
    assert (reminder.direction, reminder.subject) == ("inbound", subject)
