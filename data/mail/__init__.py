"""Mails made from the ledger (DESIGN §8): templates, their formatting, what `y` copies."""
