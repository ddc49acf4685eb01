"""A person's own drafts beside a shared ledger: a small local SQLite file holding only the
drafts table, so that what one person is typing never reaches the shared database."""

import os
from pathlib import Path

import peewee

from daicho.data.models import Draft
from daicho.data.private_files import private_directory

_PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "busy_timeout": 10_000}


def open_drafts_file(path: Path) -> peewee.SqliteDatabase:
    private_directory(path.parent)
    # Readable by its owner only, as ledgers are; two windows may create it at once.
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    drafts = peewee.SqliteDatabase(str(path), pragmas=_PRAGMAS, timeout=10)
    drafts.connect()
    with drafts.bind_ctx([Draft]):  # Draft goes back to its proxy afterwards
        drafts.create_tables([Draft], safe=True)
    return drafts
