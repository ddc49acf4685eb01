"""Backups of the open ledger, and pruning of the automatic ones (DESIGN §5, §10).

SQLite's online backup API copies the ledger from one read snapshot, so a backup taken
while another window saves holds all of that save or none of it. A backup is itself a
Daicho ledger: `open_ledger` opens it as it is.
"""

import re
import sqlite3
from datetime import datetime
from pathlib import Path

from daicho.data.models import database
from daicho.data.private_files import private_directory, private_file
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
