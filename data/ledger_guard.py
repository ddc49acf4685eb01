"""Writes the ledger cannot take, said in the user's words (DESIGN §10).

SQLite refuses a write when the file is read-only, the disk is full or failing, or another
window holds the ledger longer than the busy timeout; `LedgerDatabase` turns each of these
into a `LedgerWriteError` whose message can be shown as it is. SQLite cannot know that the
file was deleted or replaced under the running app: it would go on saving into a file no one
will see again, and a new connection would lay the old ledger's `-wal` over the new file.
`LedgerDatabase` notices (every second, and before each new connection); from then on it
opens nothing at the path and refuses every read and write with the reason.
"""

import contextlib
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

import peewee

from daicho.data.errors import LedgerError
from daicho.i18n import _

_LET_GO_WAIT_MS = 1000  # for a worker's read to end before the old `-wal` is emptied


class LedgerWriteError(LedgerError, peewee.OperationalError):
    """The ledger refused a write (or, once its file is gone, any use) for a reason the user
    can act on. Still a database error, so code that catches those catches this too, with a
    message fit to show."""


def why_not_written(error: BaseException) -> str | None:
    """What to tell the user about SQLite refusing a write; None when it is no such refusal."""
    if isinstance(error, LedgerWriteError):
        return str(error)
    # Peewee raises its own error while handling SQLite's.
    cause = error if isinstance(error, sqlite3.Error) else error.__context__
    code = getattr(cause, "sqlite_errorcode", None)
    if code is None:
        return None
    reason = str(cause)
    primary = code & 0xFF
    if primary == sqlite3.SQLITE_READONLY:
        return _("The ledger is read-only ({reason}): nothing can be saved to it", reason=reason)
    if primary == sqlite3.SQLITE_FULL:
        return _("The disk is full ({reason}): nothing was saved; free some space", reason=reason)
    if primary == sqlite3.SQLITE_IOERR:
        return _(
            "The disk did not take the write ({reason}): it may be full or failing;"
            " nothing was saved",
            reason=reason,
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return _(
            "The ledger is busy: another window or program is holding it ({reason});"
            " nothing was saved, try again in a moment",
            reason=reason,
        )
    return None


def read_only_uri(path: Path) -> str | None:
    """How to read a ledger that neither its file nor its folder lets us write, when SQLite
    could not otherwise read it at all (it needs to create `-shm` beside a WAL ledger).

    Read as an unchanging file: nothing here can write it, and nothing is waiting in a `-wal`.
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if os.access(path, os.W_OK) or os.access(path.parent, os.W_OK) or shm.exists():
        return None
    if wal.exists() and wal.stat().st_size:
        return None
    return f"file:{quote(str(path))}?mode=ro&immutable=1"


class LedgerDatabase(peewee.SqliteDatabase):
    """The ledger's SQLite database: explains refused writes, and refuses every use itself
    once the file it has open is no longer the one at its path (`refusal`: the one home of
    that state).

    Transactions begin IMMEDIATE: one that read first would otherwise fail at its first write,
    without waiting, whenever another window had written in between ("database is locked").
    """

    def __init__(self, database, **kwargs) -> None:
        self.refusal: str | None = None
        self._told = False
        self.read_only_uri: str | None = None
        self._file: tuple[Path, int, int] | None = None
        super().__init__(database, lock_type=kwargs.pop("lock_type", "IMMEDIATE"), **kwargs)

    def init(self, database, *, read_only_uri: str | None = None, **kwargs) -> None:
        super().init(database, **kwargs)
        self.refusal = None
        self._told = False
        self.read_only_uri = read_only_uri
        self._file = None

    @property
    def shown_name(self) -> str:
        """The ledger as the user names it: its file."""
        return str(self.database)

    def change_count(self) -> int | None:
        """SQLite's count of commits by other connections (other windows, or our own
        workers) as seen by this thread's connection: two values read on the same thread
        tell whether anything changed. None when the ledger cannot be read."""
        try:
            return self.execute_sql("PRAGMA data_version").fetchone()[0]
        except (sqlite3.Error, peewee.PeeweeException):
            return None

    def snapshot(self):
        """A read transaction that sees one moment of the ledger (an export)."""
        return self.atomic("DEFERRED")

    def exclusive(self):
        """A write transaction no other window writes beside (an import handing out ids)."""
        return self.atomic("IMMEDIATE")

    def watch_file(self, path: Path) -> None:
        """Remember which file is open, to notice when it is deleted or replaced."""
        found = os.stat(path)
        self._file = (path, found.st_dev, found.st_ino)

    def read_only_notice(self) -> str | None:
        """What to say at start when the open ledger can be read but not written here."""
        if self._file is None:
            return None
        path = self._file[0]
        if self.read_only_uri is None and os.access(path, os.W_OK):
            return None
        return _("The ledger {path} is read-only: it can be read, but not saved to", path=path)

    def check_file(self) -> str | None:
        """Why the open file is no longer the ledger at its path, the first time that is
        found here (one `os.stat`): this thread's connection is then let go of, so that from
        now on no connection to the path is open here."""
        if self._told:
            return None
        self._look()
        if self.refusal is None:
            return None
        self._told = True
        self._let_go()
        return self.refusal

    def _look(self) -> None:
        """Set `refusal` once the file at the path is not the one opened: from then on
        nothing is read or written through this object, and no connection is opened."""
        if self._file is None or self.refusal is not None:
            return
        path, device, inode = self._file
        try:
            found = os.stat(path)
        except FileNotFoundError:
            self.refusal = _(
                "The ledger file {path} was deleted while Daicho was open: nothing more can be"
                " saved. Restore it from a backup (daicho restore) and start Daicho again",
                path=path,
            )
        except OSError:
            return  # cannot look now (a network share's hiccup): look again next time
        else:
            if (found.st_dev, found.st_ino) != (device, inode):
                self.refusal = _(
                    "The ledger file {path} was replaced by another file while Daicho was open:"
                    " nothing more can be saved here. Start Daicho again to use the new file",
                    path=path,
                )

    def _let_go(self) -> None:
        """Close this thread's connection, its `-wal` emptied into the file it was opened on
        first: SQLite keeps the `-wal` of a moved file when closing, and the next connection
        to the path would lay those old pages over the new file."""
        if self.is_closed():
            return
        connection = self.connection()
        with contextlib.suppress(sqlite3.Error):
            connection.execute(f"PRAGMA busy_timeout = {_LET_GO_WAIT_MS}")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with contextlib.suppress(sqlite3.Error, peewee.PeeweeException):
            self.close()

    def execute_sql(self, sql, params=None):
        if self.refusal is not None:
            raise LedgerWriteError(self.refusal)
        try:
            return super().execute_sql(sql, params)
        except peewee.OperationalError as error:
            _explain(error)
            raise

    def begin(self, lock_type=None) -> None:
        try:
            super().begin(lock_type)
        except peewee.OperationalError as error:
            _explain(error)
            raise

    def commit(self) -> None:
        try:
            super().commit()
        except peewee.OperationalError as error:
            _explain(error)
            raise

    def rollback(self) -> None:
        """Nothing to roll back when SQLite already did (it does after a full disk or an I/O
        error): the error that caused it is the one to report."""
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()

    def _connect(self) -> sqlite3.Connection:
        self._look()
        if self.refusal is not None:
            raise LedgerWriteError(self.refusal)
        if self.read_only_uri is None:
            return super()._connect()
        connection = sqlite3.connect(
            self.read_only_uri, timeout=self._timeout, isolation_level=None, uri=True
        )
        try:
            self._add_conn_hooks(connection)
        except Exception:
            connection.close()
            raise
        return connection


def _explain(error: peewee.OperationalError) -> None:
    """Raise `error` again in the user's words, when SQLite's reason is one they can act on."""
    message = None if isinstance(error, LedgerWriteError) else why_not_written(error)
    if message is not None:
        raise LedgerWriteError(message) from error
