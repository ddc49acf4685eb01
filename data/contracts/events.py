"""A contract's history (append-only, CONTRACT_EVENT_KINDS): one home for writing its events,
shared by the contracts kept and the reminders they fire."""

from daicho.data.models import ContractEvent
from daicho.data.who import user_name


def record_event(contract_id: int, at, kind: str, **values: str) -> None:
    """Add an event to the contract's history, stamped with who made it."""
    ContractEvent.create(contract=contract_id, at=at, kind=kind, created_by=user_name(), **values)
