"""What an import did, as the command reports it."""

from dataclasses import dataclass

from daicho.i18n import _


@dataclass(frozen=True)
class ImportSummary:
    """How many rows of each kind came in, how many were already there, and whether the
    ids were kept."""

    vendors: int
    contacts: int
    calls: int
    decisions: int
    requests: int
    request_events: int
    contracts: int
    contract_events: int
    contract_reminders: int
    already_there: int
    kept_ids: bool

    @property
    def added(self) -> int:
        return (
            self.vendors
            + self.contacts
            + self.calls
            + self.requests
            + self.request_events
            + self.contracts
            + self.contract_events
            + self.contract_reminders
        )

    def __str__(self) -> str:
        if not self.added and self.already_there:
            return _(
                "nothing new: all {count} rows are already in the ledger",
                count=self.already_there,
            )
        counts = _(
            "{vendors} vendors, {contacts} contacts, {calls} calls with {decisions} decisions,"
            " {requests} requests, {request_events} history events",
            vendors=self.vendors,
            contacts=self.contacts,
            calls=self.calls,
            decisions=self.decisions,
            requests=self.requests,
            request_events=self.request_events,
        )
        if self.contracts:
            counts = _(
                "{counts}, {contracts} contracts with {contract_events} history events and"
                " {contract_reminders} reminders",
                counts=counts,
                contracts=self.contracts,
                contract_events=self.contract_events,
                contract_reminders=self.contract_reminders,
            )
        if not self.already_there:
            return counts
        return _("{counts}; {count} rows already there", counts=counts, count=self.already_there)
