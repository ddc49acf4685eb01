"""Errors a user can cause; each carries a one-line message fit to show as it is."""

from datetime import datetime


class DaichoError(Exception):
    """Base of every error whose message is meant for the user."""


class LedgerError(DaichoError):
    """The ledger file cannot be used: missing rights, not SQLite, damaged, or too new."""


class InputError(DaichoError):
    """What the user typed or imported cannot be stored as it is; `field` names what was
    typed wrong ("vendor", "contact"), for a form to put the cursor there."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(InputError):
    """The vendor, contact, request or call asked for is not in the ledger."""


class EditConflict(InputError):
    """Someone changed the vendor, contact or request after it was read, or already did what
    was asked: nothing was written. `by` ([user] name, "" when unnamed) and `at` (naive UTC)
    say who and when, `version` which version the record is at now; the message says so in
    the user's words (data/versions.py)."""

    def __init__(self, message: str, by: str, at: datetime, version: int) -> None:
        super().__init__(message)
        self.by = by
        self.at = at
        self.version = version
