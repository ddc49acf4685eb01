"""One contract in full, for its detail screen: the record, its dates on a day, its history
and the reminders that fired, read together."""

from dataclasses import dataclass
from datetime import date, datetime

from daicho.data.contracts.store import contract_history, dates_on, get_contract
from daicho.data.contracts.terms import ContractDates
from daicho.data.models import ContractReminder
from daicho.data.records import ContractRecord, RequestEventRecord


@dataclass(frozen=True)
class FiredReminder:
    """A reminder that put a "we owe" request in the queue (`request_id`, None once that
    request was deleted)."""

    term_no: int
    lead_days: int
    decision_date: date
    request_id: int | None
    fired_at: datetime


@dataclass(frozen=True)
class ContractInFull:
    contract: ContractRecord
    dates: ContractDates
    history: list[RequestEventRecord]
    reminders: list[FiredReminder]


def contract_in_full(contract_id: int, today: date) -> ContractInFull:
    contract = get_contract(contract_id)
    query = (
        ContractReminder.select()
        .where(ContractReminder.contract == contract_id)
        .order_by(ContractReminder.fired_at, ContractReminder.id)
    )
    reminders = [
        FiredReminder(row.term_no, row.lead_days, row.decision_date, row.request_id, row.fired_at)
        for row in query
    ]
    return ContractInFull(
        contract, dates_on(contract, today), contract_history(contract_id), reminders
    )
