"""The ledger's PostgreSQL database: how a client connects, notices what others save, and
tells the user about a server it cannot reach.

Each thread has its own connection (Peewee's, opened when first used), taken from a pool
and handed back when the thread is done with it: a screen's read in a worker thread would
otherwise connect anew each time (about 20 ms here, more over a network with TLS). A
connection the server dropped (restarted, or the backend killed) is let go of when the
error is seen, with the idle ones in the pool (dropped too, most likely), so that the next
use connects again: the app goes on once the server is back. What others
save is announced by the database itself (NOTIFY at commit, data/postgres/schema.py) to a
connection of its own that listens in a thread of its own; `change_count` says how many
arrived, without ever waiting on the server.
"""

import contextlib
import threading

import peewee
import psycopg
from playhouse.pool import _PooledPostgresqlDatabase

from daicho.data.ledger_guard import LedgerWriteError
from daicho.data.postgres.url import canonical_url, shown_url
from daicho.i18n import _

CONNECT_TIMEOUT_S = 5
_LISTEN_AGAIN_S = 1.0  # how soon a dropped listener connects again
_WAKE_S = 0.5  # how often the listener looks whether it is to stop
# Every connection: a server that cannot be reached is said within CONNECT_TIMEOUT_S, and
# one that stopped answering on a connection in use (the network gone) within ~25 s, not
# after TCP's own quarter of an hour.
_CONNECTING = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
_IDLE_S = 300  # a pooled connection older than this is closed rather than used again
_CHANNEL = "daicho_ledger"
_LEDGER_TABLES = (
    *("vendor", "contact", "call", "decision", "request", "request_event"),
    *("contract", "contract_event", "contract_reminder"),
)


class LedgerPostgres(_PooledPostgresqlDatabase, peewee.PostgresqlDatabase):
    """A ledger on PostgreSQL, named by its URL."""

    refusal: str | None = None  # never set: a server is not a file that can be replaced

    def __init__(self, url: str) -> None:
        super().__init__(
            canonical_url(url), max_connections=None, stale_timeout=_IDLE_S, **_CONNECTING
        )
        self.url = url
        self.shown_name = shown_url(url)
        self._listener: _Listener | None = None

    # --- what the screens ask of either engine -------------------------------------------

    def check_file(self) -> str | None:
        return None

    def read_only_notice(self) -> str | None:
        return None

    def change_count(self) -> int | None:
        """How many changes were announced since the ledger was opened (by anyone, this
        client included); None while nobody listens (the server cannot be reached). The
        first call starts listening."""
        if self._listener is None:
            self._listener = _Listener(self.database)
        return self._listener.count if self._listener.listening else None

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

    def begin(self, isolation_level=None) -> None:
        """Begin on a live connection: one the server dropped while it sat idle (restarted,
        or its backend ended) is only found out by using it, and nothing was sent on it yet,
        so it is replaced and the transaction begins on a new one. A server still down says
        so (`unreachable`)."""
        self._drop_if_broken()
        try:
            super().begin(isolation_level)
        except (peewee.OperationalError, peewee.InterfaceError):
            if not self._broken():
                raise
            self._forget_broken()
            super().begin(isolation_level)

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
        """Close this thread's connection (the listener stays: `shut`)."""
        if self._broken():
            self._forget_broken()  # nothing to close on the server's side
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
            self._forget_broken()

    def _forget_broken(self) -> None:
        """Let go of this thread's dropped connection, never to hand it out again, and of
        the pool's idle ones: what dropped one (a restart) dropped them too."""
        with self._pool_lock:
            self._in_use.pop(self.conn_key(self._state.conn), None)
        self._state.reset()
        self.close_idle()

    # --- listening for others' changes ---------------------------------------------------

    def shut(self) -> None:
        """Stop listening and close every connection (the ledger is being closed)."""
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.close_all()


class _Listener:
    """A connection of its own, in a daemon thread, that hears the NOTIFY each commit sends
    and counts them, and connects again when it is dropped. The screens only read the count:
    they never wait on the server, not even on one that stopped answering."""

    def __init__(self, url: str) -> None:
        self.count = 0
        self.listening = False
        self._url = url
        self._stopped = threading.Event()
        threading.Thread(target=self._run, name="daicho-listener", daemon=True).start()

    def stop(self) -> None:
        """The thread ends, closing its connection, within `_WAKE_S`."""
        self._stopped.set()

    def _run(self) -> None:
        while not self._stopped.is_set():
            with contextlib.suppress(psycopg.Error):
                self._listen()
            self.listening = False
            self._stopped.wait(_LISTEN_AGAIN_S)

    def _listen(self) -> None:
        with psycopg.connect(self._url, autocommit=True, **_CONNECTING) as connection:
            connection.execute(f"LISTEN {_CHANNEL}")
            self.count += 1  # what was saved while nobody listened is to be read again
            self.listening = True
            while not self._stopped.is_set():
                for _announced in connection.notifies(timeout=_WAKE_S):
                    self.count += 1


def _reason(error: BaseException) -> str:
    """The first line of what the driver said (its later lines are hints in English)."""
    cause = error.__cause__ if isinstance(error, peewee.PeeweeException) else error
    text = str(cause or error).strip()
    return text.splitlines()[0] if text else type(error).__name__
