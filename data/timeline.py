"""A vendor's calls, requests and contracts' events as one timeline, newest first, a page at
a time.

Pages are cut by position (time, kind, id) rather than by offset, so the thousandth call is as
quick to reach as the first and a call logged meanwhile does not shift the next page.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from daicho.data.calls import call_record
from daicho.data.models import Call, Contact, Contract, ContractEvent, Decision, Request, Vendor
from daicho.data.records import CallRecord, RequestRecord
from daicho.data.requests import request_query, request_record

# Entries sort by (at, kind, id), newest first: at the same moment a request comes before
# the call it was opened from, since "request" > "call".
CALL = "call"
CONTRACT = "contract"
REQUEST = "request"
CONTRACT_EVENTS = ("created", "renewed", "ended", "cancelled")
"""A contract's events that are a vendor's history: not its edits and reminders (a reminder
is a request of its own)."""


@dataclass(frozen=True)
class ContractMoment:
    """An event of a contract's history, as the vendor's timeline shows it."""

    id: int  # the event's
    contract_id: int
    title: str
    kind: str  # CONTRACT_EVENTS
    old_value: str
    new_value: str
    created_by: str


@dataclass(frozen=True)
class TimelineEntry:
    """A call (at its start), a request (at its creation) or a contract's event; `at` is
    naive UTC."""

    at: datetime
    call: CallRecord | None = None
    request: RequestRecord | None = None
    contract: ContractMoment | None = None

    @property
    def kind(self) -> str:
        return CALL if self.call else CONTRACT if self.contract else REQUEST

    @property
    def key(self) -> tuple[datetime, str, int]:
        """The entry's place on the timeline; the next page starts after the last one's key."""
        return (self.at, self.kind, (self.call or self.contract or self.request).id)


def vendor_timeline(
    vendor_id: int, limit: int = 50, before: TimelineEntry | None = None
) -> list[TimelineEntry]:
    """Up to `limit` entries older than `before` (the newest when None); fewer means the end.

    Calls carry their decisions but no follow-ups: those are entries of their own.
    """
    entries = [
        *(TimelineEntry(call.started_at, call=call) for call in _calls(vendor_id, limit, before)),
        *(TimelineEntry(r.created_at, request=r) for r in _requests(vendor_id, limit, before)),
        *(TimelineEntry(at, contract=c) for at, c in _contract_events(vendor_id, limit, before)),
    ]
    entries.sort(key=lambda entry: entry.key, reverse=True)
    return entries[:limit]


def _older(at, id_, kind: str, before: TimelineEntry):
    """The condition for rows of `kind` that come after `before` in newest-first order."""
    before_at, before_kind, before_id = before.key
    if kind < before_kind:
        return at <= before_at
    if kind > before_kind:
        return at < before_at
    return (at < before_at) | ((at == before_at) & (id_ < before_id))


def _calls(vendor_id: int, limit: int, before: TimelineEntry | None) -> list[CallRecord]:
    condition = Call.vendor == vendor_id
    if before is not None:
        condition &= _older(Call.started_at, Call.id, CALL, before)
    rows = list(
        Call.select(Call, Vendor.name.alias("vendor_name"), Contact.name.alias("contact_name"))
        .join(Vendor)
        .switch(Call)
        .join(Contact, JOIN.LEFT_OUTER)
        .where(condition)
        .order_by(Call.started_at.desc(), Call.id.desc())
        .limit(limit)
        .objects()
    )
    decisions = defaultdict(list)
    query = (
        Decision.select(Decision.call, Decision.text)
        .where(Decision.call.in_([row.id for row in rows]))
        .order_by(Decision.call, Decision.position)
    )
    for decision in query:
        decisions[decision.call_id].append(decision.text)
    return [call_record(row, decisions=tuple(decisions[row.id])) for row in rows]


def _requests(vendor_id: int, limit: int, before: TimelineEntry | None) -> list[RequestRecord]:
    condition = Request.vendor == vendor_id
    if before is not None:
        condition &= _older(Request.created_at, Request.id, REQUEST, before)
    query = request_query().where(condition).order_by(Request.created_at.desc(), Request.id.desc())
    return [request_record(row) for row in query.limit(limit)]


def _contract_events(
    vendor_id: int, limit: int, before: TimelineEntry | None
) -> list[tuple[datetime, ContractMoment]]:
    condition = (Contract.vendor == vendor_id) & ContractEvent.kind.in_(CONTRACT_EVENTS)
    if before is not None:
        condition &= _older(ContractEvent.at, ContractEvent.id, CONTRACT, before)
    query = (
        ContractEvent.select(
            ContractEvent.at,
            ContractEvent.id,
            Contract.id,
            Contract.title,
            ContractEvent.kind,
            ContractEvent.old_value,
            ContractEvent.new_value,
            ContractEvent.created_by,
        )
        .join(Contract)
        .where(condition)
        .order_by(ContractEvent.at.desc(), ContractEvent.id.desc())
        .limit(limit)
        .tuples()
    )
    return [(at, ContractMoment(*moment)) for at, *moment in query]
