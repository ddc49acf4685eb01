"""Whether an app window has a ledger open (DESIGN §10): a restore must not replace the
ledger under a window, whose drafts and unsaved forms would silently go with it.

A window holds a shared `flock` on the ledger file while it runs; a restore takes an
exclusive one without waiting, and refuses when it cannot. `flock` locks are apart from
the POSIX locks SQLite takes, but closing any descriptor of the file drops a process's
POSIX locks: so a lock is released only when this process has no SQLite connection to
the ledger (`restoring`: after the restore closed it; `hold_ledger`: at exit).
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from daicho.data.errors import LedgerError
from daicho.i18n import _

try:
    import fcntl
except ImportError:  # Windows has no flock: there a restore cannot tell that a window is open
    fcntl = None


def hold_ledger(path: Path) -> None:
    """Mark the ledger as open in a window until this process ends (waiting out a restore
    under way). The descriptor is never closed: closing it while SQLite has the file open
    would drop SQLite's locks, and the end of the process releases the lock."""
    if fcntl is not None:
        fcntl.flock(os.open(path, os.O_RDONLY), fcntl.LOCK_SH)


@contextmanager
def restoring(path: Path) -> Iterator[None]:
    """Keep windows off the ledger for the block; LedgerError when one has it open."""
    if fcntl is None or not path.exists():  # no ledger yet: no window can have it
        yield
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = _("{ledger} is open in a Daicho window: close it, then restore", ledger=path)
            raise LedgerError(message) from None
        yield
    finally:
        os.close(descriptor)


def refuse_while_open(path: Path) -> None:
    """LedgerError when a window has the ledger open: checked before asking whether to
    replace it, so that the user is not asked in vain (`restoring` checks again)."""
    with restoring(path):
        pass
