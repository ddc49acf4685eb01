"""The ledger's PostgreSQL database: how a client connects, notices what others save, and
tells the user about a server it cannot reach.

Each thread has its own connection (Peewee's, opened when first used). A connection the
server dropped (restarted, or the backend killed) is let go of when the error is seen, so
that the next use connects again: the app goes on once the server is back. What others
save is announced by the database itself (NOTIFY at commit, data/postgres/schema.py) to a
connection of its own that listens; `change_count` counts what arrived.
"""

import contextlib

import peewee
import psycopg

from daicho.data.ledger_guard import LedgerWriteError
from daicho.data.postgres.url import canonical_url, shown_url
from daicho.i18n import _

CONNECT_TIMEOUT_S = 5
_CHANNEL = "daicho_ledger"
_LEDGER_TABLES = ("vendor", "contact", "call", "decision", "request", "request_event")


class LedgerPostgres(peewee.PostgresqlDatabase):
    """A ledger on PostgreSQL, named by its URL."""

    refusal: str | None = None  # never set: a server is not a file that can be replaced

    def __init__(self, url: str) -> None:
        super().__init__(canonical_url(url), connect_timeout=CONNECT_TIMEOUT_S)
        self.url = url
        self.shown_name = shown_url(url)
        self._listener: psycopg.Connection | None = None
        self._changes = 0

    # --- what the screens ask of either engine -------------------------------------------

    def check_file(self) -> str | None:
        return None

    def read_only_notice(self) -> str | None:
        return None

    def change_count(self) -> int | None:
        """How many changes were announced since the ledger was opened (by anyone, this
        client included); None while the server cannot be reached."""
        try:
            if self._listener is None or self._listener.closed:
                self._listen()
            self._listener.execute("SELECT 1")  # delivers what arrived to `_heard`
        except psycopg.Error:
            self.stop_listening()
            return None
        return self._changes

    def snapshot(self):
        """A read transaction that sees one moment of the ledger (an export)."""
        return self.atomic("REPEATABLE READ")

    @contextlib.contextmanager
    def exclusive(self):
        """A write transaction no other client writes beside (an import handing out ids)."""
        with self.atomic():
            tables = ", ".join(_LEDGER_TABLES)
            self.execute_sql(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")
            yield

    # --- connecting and failing ----------------------------------------------------------

    def _connect(self):
        try:
            return super()._connect()
        except psycopg.OperationalError as error:
            raise LedgerWriteError(self.unreachable(error)) from error

    def unreachable(self, error: BaseException) -> str:
        """One line saying why the server cannot be used, without the URL's password."""
        return _(
            "Cannot reach the ledger {url}: {reason}", url=self.shown_name, reason=_reason(error)
        )

    def execute_sql(self, sql, params=None):
        if self.in_transaction() is False and not self.is_closed():
            self._drop_if_broken()
        try:
            return super().execute_sql(sql, params)
        except (peewee.OperationalError, peewee.InterfaceError) as error:
            self._explain_lost(error)
            raise

    def commit(self) -> None:
        try:
            super().commit()
        except (peewee.OperationalError, peewee.InterfaceError) as error:
            self._explain_lost(error)
            raise

    def rollback(self) -> None:
        """Nothing to roll back on a connection the server dropped: the error that found it
        is the one to report."""
        if self._broken():
            return
        super().rollback()

    def close(self):
        """Close this thread's connection (the listener stays: `stop_listening`)."""
        if self._broken():
            self._state.reset()  # nothing to close on the server's side
            return True
        return super().close()

    def _explain_lost(self, error: BaseException) -> None:
        if not self._broken():
            return
        raise LedgerWriteError(
            _(
                "The connection to the ledger {url} was lost ({reason}): nothing was saved."
                " Daicho connects again when the server is back",
                url=self.shown_name,
                reason=_reason(error),
            )
        ) from error

    def _broken(self) -> bool:
        connection = self._state.conn
        return connection is not None and connection.closed

    def _drop_if_broken(self) -> None:
        if self._broken():
            self._state.reset()

    # --- listening for others' changes ---------------------------------------------------

    def _listen(self) -> None:
        self.stop_listening()
        self._listener = psycopg.connect(
            self.database, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
        )
        self._listener.add_notify_handler(self._heard)
        self._listener.execute(f"LISTEN {_CHANNEL}")
        self._changes += 1  # what was saved while nobody listened is to be read again

    def _heard(self, _notify) -> None:
        self._changes += 1

    def stop_listening(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(psycopg.Error):
                self._listener.close()
            self._listener = None


def _reason(error: BaseException) -> str:
    """The first line of what the driver said (its later lines are hints in English)."""
    cause = error.__cause__ if isinstance(error, peewee.PeeweeException) else error
    text = str(cause or error).strip()
    return text.splitlines()[0] if text else type(error).__name__
