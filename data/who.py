"""Who is using the ledger: the `[user] name` that records and history events are stamped
with, set once at start (several people may share a PostgreSQL ledger, DESIGN §17)."""

_name = ""


def set_user_name(name: str) -> None:
    """Stamp what is written from now on with `name` ("" when nobody was named)."""
    global _name
    _name = name.strip()


def user_name() -> str:
    return _name
