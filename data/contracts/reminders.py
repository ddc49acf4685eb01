"""Renewal reminders (DESIGN §13): at each lead time before a contract's decision date, one
"we owe" request in the queue, once per contract, term and lead time.

`catch_up(today)` fires what is due: at start-up, at midnight, by `daicho today`, and after a
contract is added or its dates change. A lead time is due from `decision − lead` up to the
decision date itself, so a day the app was closed is caught up at the next start. When
several lead times of one term are due at once (the app closed for weeks), ONE request is
made, for the smallest of them, and the larger ones are recorded as fired without a request:
the user needs one reminder, the nearest (and none when a nearer one already fired, as after
lead times are added to a contract). Once the decision date has passed, nothing fires for
that term.

The ContractReminder row, unique per (contract, term, lead), is the memory: nothing fires
twice for one term across restarts, windows or people (a row another window claimed first is
skipped, and only a row actually inserted makes a request), and moving a contract's dates
re-arms exactly the lead times of the term that have not fired yet. What fired is read
before any write, so that a start with nothing new (the usual one) takes no write lock.
"""

from datetime import date, timedelta

from daicho.data.contracts.due import DueContract, coming
from daicho.data.contracts.events import record_event
from daicho.data.contracts.terms import ContractDates
from daicho.data.contracts.words import reminder_subject
from daicho.data.dates import clock
from daicho.data.models import Contract, ContractReminder, database
from daicho.data.requests import insert_request


def catch_up(today: date, contract_id: int | None = None) -> list[int]:
    """Fire the reminders due on `today` (of every active contract, or just `contract_id`);
    the ids of the requests made. Two reads when nothing is new (a start-up's usual case);
    the writes, if any, in one transaction."""
    due = {
        contract.id: (contract, dates, leads)
        for contract, dates in coming(today, contract_id)
        if (leads := _due_leads(contract, dates, today))
    }
    if not due:
        return []
    fired = set(
        ContractReminder.select(
            ContractReminder.contract, ContractReminder.term_no, ContractReminder.lead_days
        )
        .where(ContractReminder.contract.in_(list(due)))
        .tuples()
    )
    unfired = [
        (contract, dates, lead, lead == leads[0])
        for contract, dates, leads in due.values()
        for lead in leads
        if (contract.id, dates.term.number, lead) not in fired
    ]
    if not unfired:
        return []
    with database.atomic():
        at = clock.utcnow()
        made = [_fire(*reminder, at) for reminder in unfired]
    return [request_id for request_id in made if request_id is not None]


def _fire(contract: DueContract, dates: ContractDates, lead: int, nearest: bool, at) -> int | None:
    """Record the lead time as fired, with its request when it is the nearest one due; the
    request's id, None when none was made (or another window fired it first)."""
    if not _claimed(contract.id, dates.term.number, lead, dates.decision_date, at):
        return None
    request_id = _ask(contract, dates, lead) if nearest else None
    record_event(contract.id, at, "reminder", new_value=str(request_id or ""), note=str(lead))
    return request_id


def reminding_contract(request_id: int) -> tuple[int, str] | None:
    """The contract (id, title) whose reminder made request `request_id`, if one did."""
    row = (
        Contract.select(Contract.id, Contract.title)
        .join(ContractReminder)
        .where(ContractReminder.request == request_id)
        .tuples()
        .first()
    )
    return tuple(row) if row else None


def _due_leads(contract: DueContract, dates: ContractDates, today: date) -> list[int]:
    """The lead times whose day has come and whose decision date has not passed, smallest
    first."""
    decision = dates.decision_date
    if today > decision:
        return []
    return sorted(lead for lead in contract.leads if decision - timedelta(days=lead) <= today)


def _claimed(contract_id: int, term: int, lead: int, decision: date, at) -> bool:
    """Record the reminder as fired; False when it already was (another window, just now)."""
    inserted = (
        ContractReminder.insert(
            contract=contract_id, term_no=term, lead_days=lead, decision_date=decision, fired_at=at
        )
        .on_conflict_ignore()
        .as_rowcount()
        .execute()
    )
    return inserted == 1


def _ask(contract: DueContract, dates: ContractDates, lead: int) -> int:
    """The "we owe" request of the reminder, due on the decision date, linked to its row."""
    subject = reminder_subject(contract.title, contract.renewal, dates.decision_date)
    request_id = insert_request(contract.vendor_id, "inbound", subject, due=dates.decision_date)
    ContractReminder.update(request=request_id).where(
        (ContractReminder.contract == contract.id)
        & (ContractReminder.term_no == dates.term.number)
        & (ContractReminder.lead_days == lead)
    ).execute()
    return request_id
