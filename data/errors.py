"""Errors a user can cause; each carries a one-line message fit to show as it is."""


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
