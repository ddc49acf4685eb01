"""Renewal reminders into the queue (DESIGN §13): once per contract, term and lead time,
across restarts; caught up after days closed; re-armed when a contract's dates move; safe
when two windows catch up at once."""

import threading
from datetime import date

import pytest

from daicho.data import vendors
from daicho.data.contracts.reminders import catch_up, reminding_contract
from daicho.data.contracts.store import add_contract, contract_history, edit_contract
from daicho.data.ledger import close_ledger, in_own_connection, open_ledger
from daicho.data.models import ContractReminder, Request
from daicho.data.queue import QueueFilters, open_queue
from daicho.data.requests import get_request
from daicho.i18n import set_language

pytestmark = pytest.mark.both_engines


@pytest.fixture
def vendor(ledger):
    return vendors.create_vendor("㈱東都ビジネス機器")


def copier(vendor, **changes):
    """The issue's contract: renews by itself unless cancelled by Monday 2026-12-28; added on
    the tests' today, 2026-11-20, inside its 90-day lead time."""
    fields = dict(
        title="複合機保守契約",
        start=date(2026, 4, 1),
        term_months=12,
        renewal="auto",
        notice_months=3,
    )
    return add_contract(vendor.id, **(fields | changes))


def reminders_of(contract_id: int) -> list[tuple[int, int, int | None]]:
    rows = ContractReminder.select().where(ContractReminder.contract == contract_id)
    return sorted((r.term_no, r.lead_days, r.request_id) for r in rows)


def test_adding_a_contract_inside_a_lead_time_puts_one_we_owe_request_in_the_queue(vendor):
    contract = copier(vendor)
    [(term, lead, request_id)] = reminders_of(contract.id)
    assert (term, lead) == (1, 90)
    request = get_request(request_id)
    assert request.subject == "Renewal decision: 複合機保守契約 — cancel by 12/28 (Mon)"
    assert (request.direction, request.vendor_id, request.due) == (
        "inbound",
        vendor.id,
        date(2026, 12, 28),
    )
    assert reminding_contract(request_id) == (contract.id, "複合機保守契約")
    [event] = [e for e in contract_history(contract.id) if e.kind == "reminder"]
    assert (event.new_value, event.note) == (str(request_id), "90")
    queue = open_queue(QueueFilters()).rows
    assert request.subject in [row.subject for row in queue]


def test_the_subject_is_in_the_users_language_and_names_the_end_without_auto_renewal(vendor):
    set_language("ja")
    copier(vendor)
    copier(vendor, title="回線契約", start=date(2026, 2, 1), renewal="agreement")
    subjects = sorted(r.subject for r in Request.select())
    assert subjects == [
        "更新判断: 回線契約 — 契約満了 1/31(日)",
        "更新判断: 複合機保守契約 — 解約期限 12/28(月)",
    ]


def test_a_reminder_fires_once_per_term_and_lead_time_across_restarts(vendor, ledger):
    contract = copier(vendor)
    assert catch_up(date(2026, 11, 20)) == []
    close_ledger()
    open_ledger(ledger)
    assert catch_up(date(2026, 11, 21)) == []
    [thirty] = catch_up(date(2026, 11, 28))
    close_ledger()
    open_ledger(ledger)
    assert catch_up(date(2026, 11, 29)) == []
    assert [lead for _t, lead, _r in reminders_of(contract.id)] == [30, 90]
    assert get_request(thirty).due == date(2026, 12, 28)
    assert Request.select().count() == 2


def test_days_closed_are_caught_up_with_one_request_for_the_nearest_lead_time(vendor):
    contract = copier(vendor, start=date(2026, 6, 1), renewal="none", notice_months=None)
    assert reminders_of(contract.id) == []
    [made] = catch_up(date(2027, 5, 28))
    assert get_request(made).subject == "Renewal decision: 複合機保守契約 — ends 5/31 (Mon)"
    assert reminders_of(contract.id) == [(1, 7, made), (1, 30, None), (1, 90, None)]
    kept = [(e.new_value, e.note) for e in contract_history(contract.id) if e.kind == "reminder"]
    assert sorted(kept) == [("", "30"), ("", "90"), (str(made), "7")]
    assert catch_up(date(2027, 5, 31)) == []


def test_moving_the_dates_rearms_what_has_not_fired_and_never_fires_twice(vendor):
    contract = copier(vendor)  # 90 fired for the cancel-by 12/28
    [(_term, _lead, first)] = reminders_of(contract.id)
    edit_contract(contract.id, start=date(2026, 3, 1))  # ends 2027-02-28: cancel by Fri 11/27
    [moved] = [r for r in Request.select() if r.id != first]
    assert moved.subject == "Renewal decision: 複合機保守契約 — cancel by 11/27 (Fri)"
    assert moved.due == date(2026, 11, 27)
    assert reminders_of(contract.id) == [(1, 7, moved.id), (1, 30, None), (1, 90, first)]
    edit_contract(contract.id, start=date(2026, 4, 1))  # back: every lead of the term fired
    assert catch_up(date(2026, 12, 21)) == []
    assert Request.select().count() == 2


def test_a_decision_date_already_past_fires_nothing_for_its_term(vendor):
    contract = copier(vendor, start=date(2026, 1, 5))  # cancel by 2026-10-02: passed
    assert reminders_of(contract.id) == []
    assert catch_up(date(2027, 1, 4)) == []  # its last day: renewed by itself
    assert Request.select().count() == 0


def test_the_next_term_of_an_automatic_renewal_fires_again(vendor):
    contract = copier(vendor)
    [next_year] = catch_up(date(2027, 9, 29))  # the term from 2027-04-01: cancel by 12/28
    assert get_request(next_year).due == date(2027, 12, 28)
    assert (2, 90, next_year) in reminders_of(contract.id)


def test_two_windows_catching_up_at_once_make_one_request(vendor):
    contract = copier(vendor, reminder_days=(7,))
    both = threading.Barrier(2)
    made: list[list[int]] = []

    def window() -> None:
        both.wait()
        made.append(in_own_connection(lambda: catch_up(date(2026, 12, 21))))

    threads = [threading.Thread(target=window) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(len, made)) == [0, 1]
    assert [lead for _t, lead, _r in reminders_of(contract.id)] == [7]
