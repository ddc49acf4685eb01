"""The one place that opens a ledger file: checks it, creates it safely, migrates it, and
builds its search index when a migration asked for that. Also what the screens ask of the
open ledger without touching its database object: a connection for a worker, its version
(another window's writes), and whether its file can still be used.

A file that is not ours, is damaged, or comes from a newer Daicho is refused before
anything writes to it, so a refused file stays byte-for-byte as it was.
"""

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import peewee

from daicho.data.drafts_file import open_drafts_file
from daicho.data.engines import on_postgres
from daicho.data.errors import LedgerError
from daicho.data.ledger_guard import LedgerDatabase, read_only_uri
from daicho.data.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, migrate_to_latest
from daicho.data.models import database, drafts_database
from daicho.data.postgres.schema import migrate_postgres
from daicho.data.postgres.url import is_postgres_url
from daicho.data.private_files import create_private_file
from daicho.data.search.index import ensure_index
from daicho.i18n import _
from daicho.locations import shared_ledger_drafts

# What a use of the ledger raises besides DaichoError: SQLite's errors, and Peewee's (it
# re-raises sqlite3's errors as its own classes).
LEDGER_ERRORS = (sqlite3.Error, peewee.PeeweeException)

T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a saved call survives a power cut
    "busy_timeout": BUSY_TIMEOUT_S * 1000,
}


def open_ledger(
    location: Path | str, *, announce_build: Callable[[], None] | None = None
) -> Path | str:
    """Bind the models to the ledger at `location`, creating or migrating it as needed: an
    SQLite file's path, or a shared ledger's `postgresql://` URL. Returns the path made
    absolute, or the URL.

    `announce_build` is called before the search index is built (after an upgrade: a
    minute on a large ledger), so that a user is told why the start takes long.
    """
    close_ledger()
    if is_postgres_url(str(location)):
        _open_postgres(str(location), announce_build)
        return str(location)
    path = Path(location).expanduser().absolute()
    if path.exists():
        check_ledger_file(path)
    else:
        create_private_file(path)
        announce_build = None  # a new ledger has nothing to index
    sqlite = LedgerDatabase(
        str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, read_only_uri=read_only_uri(path)
    )
    database.initialize(sqlite)
    drafts_database.initialize(sqlite)
    try:
        sqlite.connect()
        sqlite.watch_file(path)
        migrate_to_latest(sqlite)
        ensure_index(announce_build)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as error:
        close_ledger()
        raise LedgerError(
            _("Cannot use the ledger {path}: {reason}", path=path, reason=error)
        ) from error
    return path


def shared_server(url: str):
    """The `LedgerPostgres` of a shared ledger's URL, not yet connected. Its driver, psycopg,
    comes with `daicho[postgres]`: a file ledger never needs it, so it is imported here."""
    try:
        from daicho.data.postgres.database import LedgerPostgres
    except ImportError as error:
        raise LedgerError(
            _(
                "A shared ledger on PostgreSQL needs its driver: pip install 'daicho[postgres]'"
                " ({reason})",
                reason=error,
            )
        ) from error
    return LedgerPostgres(url)


def _open_postgres(url: str, announce_build: Callable[[], None] | None) -> None:
    """Connect to a shared ledger, creating or migrating its tables, and open this person's
    own drafts file beside it."""
    server = shared_server(url)
    database.initialize(server)
    try:
        server.connect()
        migrate_postgres(server, MIGRATIONS, LATEST_VERSION)
        ensure_index(announce_build)
        server.change_count()  # listening from now on
        drafts_database.initialize(open_drafts_file(shared_ledger_drafts(server.shown_name)))
    except peewee.DatabaseError as error:
        close_ledger()
        raise LedgerError(server.unreachable(error)) from error
    except LedgerError:
        close_ledger()
        raise


def in_own_connection(use: Callable[[], T]) -> T:
    """`use()` on a connection of the calling thread's own, closed after it: how a thread
    worker reads or writes (an SQLite connection stays in the thread that opened it)."""
    with database.connection_context():
        return use()


def in_own_drafts_connection(use: Callable[[], T]) -> T:
    """`use()` on a connection of the calling thread's own to the drafts, closed after it:
    the ledger's file, or beside a shared ledger this person's local file, so that a draft
    is kept even while the shared ledger's server cannot be reached."""
    with drafts_database.connection_context():
        return use()


def ledger_version() -> int | None:
    """A count of the ledger's changes, by other windows and people and our own workers:
    two values read on the same thread tell whether anything changed. None when the ledger
    cannot be read."""
    return database.change_count()


def ledger_file_problem() -> str | None:
    """Why the open ledger file can no longer be used (deleted or replaced under the app),
    said once, the first time it is found."""
    return database.check_file()


def ledger_refusal() -> str | None:
    """Why every use of the ledger is refused from now on, or None while it can be used."""
    return database.refusal


def read_only_notice() -> str | None:
    """What to say at start when the open ledger can be read but not written here."""
    return database.read_only_notice()


def close_ledger() -> None:
    for bound in (drafts_database, database):
        if bound.obj is not None and not bound.is_closed():
            bound.close()
    if on_postgres():
        database.obj.shut()
    database.initialize(None)
    drafts_database.initialize(None)


def ledger_name() -> str:
    """The open ledger as the user names it: its file, or its URL without a password."""
    return database.shown_name


def check_ledger_file(path: Path) -> None:
    """Refuse, without writing, a file that is not a Daicho ledger this version can use."""
    if path.is_dir():
        raise LedgerError(_("{path} is a directory, not a ledger file", path=path))
    if not path.is_file():  # a device such as /dev/null, or a FIFO that a read would wait on
        raise LedgerError(_("{path} is not a Daicho ledger (not a regular file)", path=path))
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LedgerError(
            _("Cannot read {path}: {reason}", path=path, reason=error.strerror)
        ) from error
    if not header:
        return  # an empty file: SQLite treats it as a new database
    if header != SQLITE_HEADER:
        raise LedgerError(_("{path} is not a Daicho ledger (not an SQLite file)", path=path))
    try:
        uri = read_only_uri(path) or f"file:{quote(str(path))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise LedgerError(_("{path} is damaged: {reason}", path=path, reason=error)) from error
    if app_id != APPLICATION_ID and (app_id or tables):
        raise LedgerError(_("{path} is an SQLite file of another program", path=path))
    if version > LATEST_VERSION:
        raise LedgerError(
            _(
                "{path} was written by a newer Daicho (schema {found}; this one knows {known})",
                path=path,
                found=version,
                known=LATEST_VERSION,
            )
        )
