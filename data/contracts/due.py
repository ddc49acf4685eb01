"""The active contracts whose decision is coming, as the reminders and the day's list read
them: one query of raw rows, a cheap bound on each current term's end, and the business-day
maths only for the few near their decision (2,000 contracts in a few milliseconds, where
full records and every cancel-by date would take tens: this runs at every start)."""

from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from daicho.data.contracts.terms import (
    ContractDates,
    current_term,
    decision_date,
    notice_day,
    parse_lead_days,
)
from daicho.data.dates.settings import business_calendar
from daicho.data.engines import stored_date
from daicho.data.models import Contract, Vendor, database

CLOSED_RUN = timedelta(days=31)
"""Longer than any run of days off a cancel-by date is moved back over."""


class DueContract(NamedTuple):
    """What a contract's decision needs: the fields terms.py reads, and what to say."""

    id: int
    vendor_id: int
    vendor_name: str
    title: str
    start: date
    term_no: int
    term_months: int
    renewal: str
    renewal_term_months: int | None
    notice_months: int | None
    notice_days: int | None
    reminder_days: str  # as stored: "90 30 7"
    status: str
    snoozed_until: date | None

    @property
    def leads(self) -> tuple[int, ...]:
        """The lead times, largest first."""
        return _leads(self.reminder_days)


_COLUMNS = (
    Contract.id,
    Contract.vendor,
    Vendor.name,
    Contract.title,
    Contract.start,
    Contract.term_no,
    Contract.term_months,
    Contract.renewal,
    Contract.renewal_term_months,
    Contract.notice_months,
    Contract.notice_days,
    Contract.reminder_days,
    Contract.status,
    Contract.snoozed_until,
)


def coming(today: date, contract_id: int | None = None) -> list[tuple[DueContract, ContractDates]]:
    """Each active contract (or just `contract_id`) from its largest lead time before its
    decision date until its current term ends, with its dates as of `today`."""
    query = Contract.select(*_COLUMNS).join(Vendor).where(Contract.status == "active")
    if contract_id is not None:
        query = query.where(Contract.id == contract_id)
    calendar, found = business_calendar(), []
    for row in database.execute(query).fetchall():  # raw: peewee's conversions cost more
        contract = DueContract(*row[:4], stored_date(row[4]), *row[5:13], stored_date(row[13]))
        term = current_term(contract, today)
        farthest = timedelta(days=contract.leads[0] if contract.leads else 0)
        raw = notice_day(term.end, contract.notice_months, contract.notice_days)
        latest = raw if contract.renewal == "auto" else term.end  # the decision's latest day
        if not latest - farthest - CLOSED_RUN <= today <= term.end:
            continue
        cancel = calendar.on_or_before(raw)
        decision = decision_date(contract.renewal, term.end, cancel)
        if decision - farthest <= today:
            found.append((contract, ContractDates(term, cancel, decision)))
    return found


@lru_cache(maxsize=64)
def _leads(stored: str) -> tuple[int, ...]:
    return parse_lead_days(stored)
