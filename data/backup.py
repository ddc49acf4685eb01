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

from daicho.data.drafts import load_drafts, put_back_drafts
from daicho.data.errors import LedgerError
from daicho.data.ledger import check_ledger_file, close_ledger, open_ledger
from daicho.data.ledger_use import restoring
from daicho.data.migrations import APPLICATION_ID
from daicho.data.models import database
from daicho.data.private_files import private_directory, private_file
from daicho.i18n import _
from daicho.locations import backup_dir

# Named for the local time they were taken, so that names sort oldest first.
_NAME_FORMAT = "daicho-%Y%m%d-%H%M%S.db"
_NAME_PATTERN = re.compile(r"daicho-\d{8}-\d{6}\.db")


def backup_ledger(destination: Path | None = None) -> Path:
    """Copy the open ledger to `destination`, a file or a directory to put the copy in.

    Without a destination the copy goes to `backups/daicho-YYYYmmdd-HHMMSS.db` beside
    the ledger, where `prune_backups` finds it.
    """
    if destination is None:
        destination = private_directory(backup_dir(Path(database.database)))
    if destination.is_dir():
        destination = destination / datetime.now().strftime(_NAME_FORMAT)
    with private_file(destination) as temporary:
        copy = sqlite3.connect(temporary)
        try:
            database.connection().backup(copy)
        finally:
            copy.close()
    return destination


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


def automatic_backups(directory: Path) -> list[Path]:
    """The backups `backup_ledger` named itself in `directory`, oldest first."""
    return sorted(
        path for path in directory.glob("daicho-*.db") if _NAME_PATTERN.fullmatch(path.name)
    )


def prune_backups(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups in `directory`; return the deleted.

    Files named otherwise, such as a copy the user made with `-o`, are never touched.
    """
    if keep < 0:
        raise ValueError(f"keep must be 0 or more, not {keep}")
    backups = automatic_backups(directory)
    deleted = backups[: max(0, len(backups) - keep)]
    for path in deleted:
        path.unlink()
    return deleted


def daily_backup(keep: int) -> Path | None:
    """On the first start of a day, a backup beside the open ledger; the newest `keep` stay.

    Returns the new backup, or None when today's was already taken.
    """
    directory = backup_dir(Path(database.database))
    today = datetime.now().strftime("daicho-%Y%m%d-")
    if any(path.name.startswith(today) for path in automatic_backups(directory)):
        return None
    taken = backup_ledger()
    prune_backups(directory, keep)
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
        raise LedgerError(_("{path} is damaged: {reason}", path=source, reason=verdict))


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
            saved = backup_ledger()
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
