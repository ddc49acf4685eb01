"""Backups of the open ledger, and pruning of the automatic ones (DESIGN §5, §10, §17).

SQLite's online backup API copies the ledger from one read snapshot, so a backup taken
while another window saves holds all of that save or none of it. A backup is itself a
Daicho ledger: `open_ledger` opens it as it is.

A shared ledger on PostgreSQL is copied by `pg_dump` (custom format, for `pg_restore`) when
it is on PATH, else as a TOML export, itself read in one snapshot. Its automatic daily
backup is always the export: it needs nothing installed, and it is what `daicho import`
reads back into an empty database. Each person's computer keeps its own, named for the
database and its server, never for the password.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, urlsplit

from daicho.data.dates.clock import to_local, utcnow
from daicho.data.drafts import load_drafts, put_back_drafts
from daicho.data.engines import on_postgres
from daicho.data.errors import LedgerError
from daicho.data.ledger import check_ledger_file, close_ledger, open_ledger
from daicho.data.ledger_use import restoring
from daicho.data.migrations import APPLICATION_ID
from daicho.data.models import database
from daicho.data.private_files import new_private_file, private_directory, private_file
from daicho.data.transfer.export import write_export
from daicho.i18n import N_, _
from daicho.locations import backup_dir

# Named for the ledger and the local time they were taken (`daicho-20261120-093000.db`
# for `daicho.db`), so that ledgers sharing a folder share no backups; a second backup in
# the same second gets `-2`.
_STAMP_PATTERN = r"-(\d{8}-\d{6})(?:-(\d+))?"
# How a backup is taken: the file ending it is named with.
SQLITE, PG_DUMP, TOML = "sqlite", "pg_dump", "toml"
_SUFFIXES = {SQLITE: ".db", PG_DUMP: ".dump", TOML: ".toml"}
_SAID = {
    PG_DUMP: N_("Backed up with pg_dump (custom format; pg_restore reads it back)"),
    TOML: N_(
        "Backed up as a TOML export (no pg_dump on PATH; daicho import reads it back into"
        " an empty database)"
    ),
}


def backup_way() -> str:
    """How `backup_ledger` copies the open ledger: SQLITE for a file; for a shared ledger,
    PG_DUMP when `pg_dump` is on PATH, else TOML (its export)."""
    if not on_postgres():
        return SQLITE
    return PG_DUMP if shutil.which("pg_dump") else TOML


def way_said(way: str) -> str | None:
    """How a shared ledger's backup was taken, to tell the user; None for a file's."""
    return _(_SAID[way]) if way in _SAID else None


def backup_ledger(destination: Path | None = None, *, way: str | None = None) -> Path:
    """Copy the open ledger to `destination`, a file or a directory to put the copy in, the
    `way` given (default: `backup_way()`).

    Without a destination the copy goes to `backups/<ledger>-YYYYmmdd-HHMMSS.db` beside
    the ledger (a shared ledger's to the user data directory's `backups/`), where
    `prune_backups` finds it. A copy put in a directory never takes the name of a file
    already there. A damaged ledger is refused (LedgerError).
    """
    way = way or backup_way()
    if way == SQLITE:
        _check_open_ledger()
    return _copy_to(destination, way)


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


def _copy_to(destination: Path | None, way: str) -> Path:
    ledger = _open_ledger()
    write = _WRITERS[way]
    if destination is None:
        destination = private_directory(backup_dir(ledger))
    if destination.is_dir():
        prefix = f"{_stem(ledger)}-{_now():%Y%m%d-%H%M%S}"
        name = partial(_backup_name, prefix, suffix=_SUFFIXES[way])
        return new_private_file(destination, name, write)
    with private_file(destination) as temporary:
        write(temporary)
    return destination


def _open_ledger() -> Path | str:
    """The open ledger's file, or a shared ledger's URL."""
    return database.obj.url if on_postgres() else Path(database.database)


def _stem(ledger: Path | str) -> str:
    """What a ledger's backups are named for: a file's name without its ending; a shared
    ledger's database and server (`daicho@db.example.com_5432`), never its password."""
    if isinstance(ledger, Path):
        return ledger.stem
    parts = urlsplit(ledger)
    server = parts.netloc.rpartition("@")[2] or "localhost"
    name = f"{parts.path.strip('/') or parts.username or 'postgres'}@{server}"
    return re.sub(r"[^\w.@-]", "_", name)


def _backup_name(prefix: str, number: int, suffix: str) -> str:
    return f"{prefix}{suffix}" if number == 1 else f"{prefix}-{number}{suffix}"


def _now() -> datetime:
    """Local time, from the clock tests can freeze."""
    return to_local(utcnow())


def _copy_ledger(path: Path) -> None:
    copy = sqlite3.connect(path)
    try:
        database.connection().backup(copy)
    finally:
        copy.close()


def _dump(path: Path) -> None:
    """`pg_dump` of the shared ledger into `path`; the password goes in its environment,
    never on its command line, where other users of the computer could read it."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo  # only with daicho[postgres]

    settings = conninfo_to_dict(database.obj.url)
    password = settings.pop("password", None)
    environment = {**os.environ, "PGPASSWORD": password} if password else None
    command = ["pg_dump", "--format=custom", "--no-password", f"--file={path}"]
    result = subprocess.run(
        [*command, f"--dbname={make_conninfo(**settings)}"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[0]
        reason = reason.removeprefix("pg_dump: ")
        raise LedgerError(
            _(
                "pg_dump failed: {reason} (daicho export -o FILE writes the TOML backup)",
                reason=reason,
            )
        )


def _export(path: Path) -> None:
    with path.open("w", encoding="utf-8") as file:
        write_export("toml", file)


_WRITERS: dict[str, Callable[[Path], None]] = {SQLITE: _copy_ledger, PG_DUMP: _dump, TOML: _export}


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


def automatic_backups(directory: Path, ledger: Path | str) -> list[Path]:
    """The daily backups of `ledger` (a file, or a shared ledger's URL) that `backup_ledger`
    named itself in `directory`, oldest first."""
    suffix = _SUFFIXES[_daily_way(ledger)]
    pattern = re.compile(re.escape(_stem(ledger)) + _STAMP_PATTERN + re.escape(suffix))
    found = {}
    for path in directory.glob(f"*{suffix}"):
        if match := pattern.fullmatch(path.name):
            found[path] = (match[1], int(match[2] or 1))
    return sorted(found, key=found.__getitem__)


def _daily_way(ledger: Path | str) -> str:
    return SQLITE if isinstance(ledger, Path) else TOML


def prune_backups(directory: Path, ledger: Path | str, keep: int) -> list[Path]:
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
    """On the first start of a day, a backup beside the open ledger (of a shared ledger: its
    TOML export, in the user data directory); the newest `keep` stay.

    Returns the new backup, or None when today's was already taken. A damaged ledger is
    not backed up (LedgerError) and its backups are left as they are.
    """
    ledger = _open_ledger()
    directory = backup_dir(ledger)
    today = f"{_stem(ledger)}-{_now():%Y%m%d}-"
    if any(path.name.startswith(today) for path in automatic_backups(directory, ledger)):
        return None
    taken = backup_ledger(way=_daily_way(ledger))
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
            saved = _copy_to(None, SQLITE)  # even of a damaged ledger: restoring is its remedy
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
