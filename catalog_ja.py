"""Japanese for every user-facing English string (the message id)."""

JA: dict[str, str] = {}
