"""Errors a user can cause; each carries a one-line message fit to show as it is."""


class DaichoError(Exception):
    """Base of every error whose message is meant for the user."""


class LedgerError(DaichoError):
    """The ledger file cannot be used: missing rights, not SQLite, damaged, or too new."""


class InputError(DaichoError):
    """What the user typed or imported cannot be stored as it is."""


class NotFound(InputError):
    """The vendor, contact, request or call asked for is not in the ledger."""
