"""Backups of the open ledger, and pruning of the automatic ones (DESIGN §5, §10).

SQLite's online backup API copies the ledger from one read snapshot, so a backup taken
while another window saves holds all of that save or none of it. A backup is itself a
Daicho ledger: `open_ledger` opens it as it is.
"""

import re
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from daicho.data.dates.clock import to_local, utcnow
from daicho.data.drafts import load_drafts, put_back_drafts
from daicho.data.errors import LedgerError
from daicho.data.ledger import check_ledger_file, close_ledger, open_ledger
from daicho.data.ledger_use import restoring
from daicho.data.migrations import APPLICATION_ID
from daicho.data.models import database
from daicho.data.private_files import new_private_file, private_directory, private_file
from daicho.i18n import _
from daicho.locations import backup_dir

# Named for the ledger and the local time they were taken (`daicho-20261120-093000.db`
# for `daicho.db`), so that ledgers sharing a folder share no backups; a second backup in
# the same second gets `-2`.
_STAMP_PATTERN = r"-(\d{8}-\d{6})(?:-(\d+))?\.db"


def backup_ledger(destination: Path | None = None) -> Path:
    """Copy the open ledger to `destination`, a file or a directory to put the copy in.

    Without a destination the copy goes to `backups/<ledger>-YYYYmmdd-HHMMSS.db` beside
    the ledger, where `prune_backups` finds it. A copy put in a directory never takes
    the name of a file already there. A damaged ledger is refused (LedgerError).
    """
    _check_open_ledger()
    return _copy_to(destination)


def _check_open_ledger() -> None:
    """Refuse a backup of a damaged ledger: it would pass for a good one, and pruning
    would then delete the last good backups to make room for it."""
    ledger = database.database
    try:
        verdict = database.connection().execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        verdict = str(error)
    if verdict != "ok":
        # SQLite's report may span lines and name the schema first; ours is one line.
        reason = " ".join(verdict.removeprefix("*** in database main ***").split())
        raise LedgerError(_("{path} is damaged: {reason}", path=ledger, reason=reason))


def _copy_to(destination: Path | None) -> Path:
    ledger = Path(database.database)
    if destination is None:
        destination = private_directory(backup_dir(ledger))
    if destination.is_dir():
        prefix = f"{ledger.stem}-{_now():%Y%m%d-%H%M%S}"
        return new_private_file(destination, lambda n: _backup_name(prefix, n), _copy_ledger)
    with private_file(destination) as temporary:
        _copy_ledger(temporary)
    return destination


def _backup_name(prefix: str, number: int) -> str:
    return f"{prefix}.db" if number == 1 else f"{prefix}-{number}.db"


def _now() -> datetime:
    """Local time, from the clock tests can freeze."""
    return to_local(utcnow())


def _copy_ledger(path: Path) -> None:
    copy = sqlite3.connect(path)
    try:
        database.connection().backup(copy)
    finally:
        copy.close()


def write_backup(stream: BinaryIO) -> None:
    """Copy the open ledger to an open binary stream, such as standard output into a pipe.

    The online backup API writes to a database file, so the copy is taken into a private
    temporary directory first and streamed from there.
    """
    with (
        tempfile.TemporaryDirectory(prefix="daicho-backup-") as scratch,
        backup_ledger(Path(scratch) / "copy.db").open("rb") as copy,
    ):
        shutil.copyfileobj(copy, stream)


def automatic_backups(directory: Path, ledger: Path) -> list[Path]:
    """The backups of `ledger` that `backup_ledger` named itself in `directory`, oldest first."""
    pattern = re.compile(re.escape(ledger.stem) + _STAMP_PATTERN)
    found = {}
    for path in directory.glob("*.db"):
        if match := pattern.fullmatch(path.name):
            found[path] = (match[1], int(match[2] or 1))
    return sorted(found, key=found.__getitem__)


def prune_backups(directory: Path, ledger: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups of `ledger` in `directory`;
    return the deleted.

    Files named otherwise, such as a copy the user made with `-o` or another ledger's
    backups, are never touched.
    """
    if keep < 0:
        raise ValueError(f"keep must be 0 or more, not {keep}")
    backups = automatic_backups(directory, ledger)
    deleted = backups[: max(0, len(backups) - keep)]
    for path in deleted:
        path.unlink()
    return deleted


def daily_backup(keep: int) -> Path | None:
    """On the first start of a day, a backup beside the open ledger; the newest `keep` stay.

    Returns the new backup, or None when today's was already taken. A damaged ledger is
    not backed up (LedgerError) and its backups are left as they are.
    """
    ledger = Path(database.database)
    directory = backup_dir(ledger)
    today = f"{ledger.stem}-{_now():%Y%m%d}-"
    if any(path.name.startswith(today) for path in automatic_backups(directory, ledger)):
        return None
    taken = backup_ledger()
    prune_backups(directory, ledger, keep)
    return taken


def check_backup(source: Path) -> None:
    """Refuse a file that is not a whole, readable Daicho ledger, without writing to it."""
    if not source.is_file():
        raise LedgerError(_("{path} is not a file", path=source))
    check_ledger_file(source)
    connection = sqlite3.connect(f"file:{quote(str(source))}?mode=ro", uri=True)
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise LedgerError(_("{path} is damaged: {reason}", path=source, reason=error)) from error
    finally:
        connection.close()
    if app_id != APPLICATION_ID:
        raise LedgerError(_("{path} is not a Daicho ledger", path=source))
    if verdict != "ok":
        raise LedgerError(_("{path} is damaged: {reason}", path=source, reason=_first(verdict)))


def _first(verdict: str) -> str:
    """quick_check's first problem, for a one-line error: it lists up to a hundred, one a
    line, under a heading naming the database."""
    problems = [line for line in verdict.splitlines() if not line.startswith("***")]
    return problems[0] if problems else verdict


def restore_ledger(source: Path, ledger: Path) -> Path | None:
    """Replace the ledger with the backup `source`, once `source` is checked.

    The ledger being replaced is backed up first; that backup is returned (None when
    there was no ledger yet). Its drafts stay: they are what was being typed now. The
    restored ledger is migrated as any older one is. Refused while a window has the ledger
    open: the ledger would change under it.
    """
    check_backup(source)
    with restoring(ledger):
        return _restore(source, ledger)


def _restore(source: Path, ledger: Path) -> Path | None:
    saved, drafts = None, []
    if ledger.exists() and ledger.stat().st_size:
        open_ledger(ledger)
        try:
            drafts = load_drafts()
            saved = _copy_to(None)  # even of a damaged ledger: restoring is its remedy
        finally:
            close_ledger()
    backup = sqlite3.connect(f"file:{quote(str(source))}?mode=ro", uri=True)
    try:
        open_ledger(ledger)
        backup.backup(database.connection())
    finally:
        backup.close()
        close_ledger()
    open_ledger(ledger)  # migrations and the search index for an older backup
    try:
        put_back_drafts(drafts)
    finally:
        close_ledger()
    return saved
