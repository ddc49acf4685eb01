"""PostgreSQL ledgers are named by URL (`postgresql://user@host/dbname`); a URL's password
is never shown, logged or put in a message."""

import re

_SCHEMES = ("postgresql://", "postgres://")
_PASSWORD = re.compile(r"^(postgres(?:ql)?://[^:/?#@]*):[^@/?#]*@")


def is_postgres_url(text: str) -> bool:
    return str(text).startswith(_SCHEMES)


def canonical_url(url: str) -> str:
    """The URL as psycopg and Peewee take it (`postgres://` is the same scheme)."""
    return "postgresql://" + url.split("://", 1)[1]


def shown_url(url: str) -> str:
    """The URL to show: its password, if any, as `***`."""
    return _PASSWORD.sub(r"\1:***@", url)
