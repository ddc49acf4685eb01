"""Which database engine holds the open ledger (DESIGN §17)."""

from peewee import PostgresqlDatabase

from daicho.data.models import database


def on_postgres() -> bool:
    """Whether the open ledger is on PostgreSQL: a ledger several people share."""
    return isinstance(getattr(database, "obj", database), PostgresqlDatabase)
