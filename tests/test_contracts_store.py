"""Contracts kept and their dates (DESIGN §13): the example the issue gives, renewals kept in
the history, and a change checked whole before anything is written."""

from datetime import date

import pytest

from daicho.data import vendors
from daicho.data.contracts.store import (
    add_contract,
    cancel_contract,
    contract_history,
    dates_on,
    edit_contract,
    get_contract,
    renew_contract,
)
from daicho.data.errors import InputError

pytestmark = pytest.mark.both_engines


@pytest.fixture
def copier(ledger):
    vendor = vendors.create_vendor("㈱東都ビジネス機器")
    return add_contract(
        "(株)東都ビジネス機器",
        title="複合機保守契約",
        start=date(2026, 4, 1),
        term_months=12,
        renewal="auto",
        notice_months=3,
    ), vendor


def test_cancel_by_moves_back_out_of_the_new_year_closure(copier):
    contract, _vendor = copier
    dates = dates_on(contract, date(2026, 12, 7))
    assert (dates.term.start, dates.term.end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert dates.cancel_by == dates.decision_date == date(2026, 12, 28)


def test_an_automatic_renewal_runs_on_into_its_next_term(copier):
    contract, _vendor = copier
    dates = dates_on(contract, date(2027, 4, 1))
    assert (dates.term.number, dates.term.end) == (2, date(2028, 3, 31))
    assert dates.cancel_by == date(2027, 12, 28)


def test_renewing_keeps_the_earlier_term_in_the_history(copier):
    contract, _vendor = copier
    new = renew_contract(contract.id, date(2026, 12, 7))
    assert (new.number, new.start, new.end) == (2, date(2027, 4, 1), date(2028, 3, 31))
    renewed = [e for e in contract_history(contract.id) if e.kind == "renewed"]
    assert [(e.old_value, e.new_value) for e in renewed] == [
        ("2026-04-01..2027-03-31", "2027-04-01..2028-03-31")
    ]
    assert get_contract(contract.id).term_no == 2


def test_a_notice_longer_than_the_term_is_refused_and_nothing_changes(copier):
    contract, _vendor = copier
    with pytest.raises(InputError) as refused:
        edit_contract(contract.id, notice_days=400, title="別の名前")
    assert refused.value.field == "notice"
    assert get_contract(contract.id) == contract


def test_cancelling_records_the_day_notice_was_given(copier):
    contract, _vendor = copier
    cancelled = cancel_contract(contract.id, date(2026, 12, 20))
    assert (cancelled.status, cancelled.notice_given) == ("cancelled", date(2026, 12, 20))
    assert contract_history(contract.id)[-1].new_value == "2026-12-20"
    assert dates_on(cancelled, date(2027, 5, 1)).term.end == date(2027, 3, 31)


def test_cancelling_a_contract_that_renewed_by_itself_ends_it_with_the_running_term(copier):
    contract, _vendor = copier
    cancelled = cancel_contract(contract.id, date(2027, 5, 10))  # in its second term
    assert (cancelled.term_no, cancelled.start) == (2, date(2027, 4, 1))
    assert dates_on(cancelled, date(2028, 6, 1)).term.end == date(2028, 3, 31)
    renewed = [e for e in contract_history(contract.id) if e.kind == "renewed"]
    assert [e.old_value for e in renewed] == ["2026-04-01..2027-03-31"]
