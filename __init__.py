"""Daicho (台帳): the vendor ledger for a one-person IT department."""

__version__ = "0.1.0"
