"""What differs between the engines a ledger lives in (SQLite, the default; PostgreSQL for a
shared ledger, DESIGN §17), asked of the open ledger in one place."""

from datetime import date, datetime

from peewee import Expression, PostgresqlDatabase, fn

from daicho.data.models import database


def on_postgres() -> bool:
    """Whether the open ledger is a shared one on PostgreSQL."""
    return isinstance(database.obj, PostgresqlDatabase)


def execute(sql: str, parameters=()):
    """Run our own SQL, written with `?` placeholders, on either engine."""
    if on_postgres():
        sql = sql.replace("?", "%s")
    return database.execute_sql(sql, parameters)


def holds(column, text: str) -> Expression:
    """`text` occurs in `column`, exactly (no wildcards, case as stored)."""
    position = fn.strpos if on_postgres() else fn.instr
    return position(column, text) > 0


def ids_written(*models) -> None:
    """After rows were written with their own ids (an import, a seed): make the next ids
    follow them. PostgreSQL hands out ids from a sequence that such rows do not move on;
    SQLite takes the highest id plus one by itself."""
    if not on_postgres():
        return
    for model in models:
        table = model._meta.table_name
        execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")


def stored_date(value: date | str | None) -> date | None:
    """A date column read raw: a date (PostgreSQL) or its ISO text (SQLite)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def stored_time(value: datetime | str | None) -> datetime | None:
    """A time an aggregate (MAX) read back: SQLite gives it as the text it stores."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value
