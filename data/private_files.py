"""Files Daicho writes beside the ledger (exports, backups) are readable by the owner only.

The ledger holds personal phone numbers (DESIGN §6). Each file is written under a
temporary name that `mkstemp` creates 0600 with O_EXCL, then moved over its real name
(or, for a file that must be new, linked to a name no file has): it is never
world-readable, not even for a moment, an existing 0644 file it replaces leaves no
trace of its mode, and a failed write never leaves half a file behind.
"""

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from daicho.data.engines import on_postgres
from daicho.data.errors import InputError, LedgerError
from daicho.data.models import database
from daicho.i18n import _

_SIDE_FILES = ("-wal", "-shm", "-journal")


@contextmanager
def private_file(path: Path) -> Iterator[Path]:
    """An empty 0600 file beside `path` to write; it replaces `path` when the block succeeds.

    The open ledger and its side files are never replaced: `-o` pointed at them is a slip
    of the hand, and a `-wal` written over loses saved calls.
    """
    _refuse_ledger(path)
    with _temporary(path.parent, path.name, path) as temporary:
        try:
            yield temporary
            _sync(temporary)
            os.replace(temporary, path)
        except OSError as error:
            raise _cannot_write(path, error) from error


def new_private_file(
    directory: Path, name: Callable[[int], str], write: Callable[[Path], None]
) -> Path:
    """A 0600 file written by `write`, put in `directory` under the first `name(1)`,
    `name(2)`, ... that no file has yet; returns where it went.

    The name is taken with a hard link, which fails when the name exists: two writers
    that pick the same name in the same second each keep their file, and no file is ever
    written over.
    """
    with _temporary(directory, "new", directory) as temporary:
        try:
            write(temporary)
            _sync(temporary)
            number = 1
            while True:
                path = directory / name(number)
                try:
                    os.link(temporary, path)
                    return path
                except FileExistsError:
                    number += 1
        except OSError as error:
            raise _cannot_write(directory, error) from error


@contextmanager
def _temporary(directory: Path, label: str, shown: Path) -> Iterator[Path]:
    """A 0600 file in `directory` that is gone after the block; errors name `shown`."""
    try:
        descriptor, name = tempfile.mkstemp(dir=directory, prefix=f".{label}.")
    except OSError as error:
        raise _cannot_write(shown, error) from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def refuse_overwrite(paths: Iterable[Path], *, force: bool) -> None:
    """Refuse, before anything is written, to replace an existing file unless `force`;
    the open ledger and its side files even then."""
    for path in paths:
        _refuse_ledger(path)
        if path.exists() and not force:
            raise InputError(_("{path} exists: give --force to replace it", path=path))


def _refuse_ledger(path: Path) -> None:
    if path.resolve() in _ledger_files():
        raise InputError(_("{path} is the open ledger: it cannot be written over", path=path))


def _ledger_files() -> set[Path]:
    """The open ledger and the files SQLite keeps beside it (none for a shared ledger)."""
    if not database.database or on_postgres():
        return set()
    ledger = Path(database.database).resolve()
    return {ledger} | {ledger.with_name(ledger.name + side) for side in _SIDE_FILES}


def create_private_file(path: Path) -> None:
    """A new ledger is readable by its owner only: 0600 in a 0700 directory; SQLite gives its
    -wal and -shm the same mode."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(descriptor)
    except OSError as error:
        raise LedgerError(
            _("Cannot create {path}: {reason}", path=path, reason=error.strerror)
        ) from error


def private_directory(path: Path) -> Path:
    """`path` as a directory, created 0700 when missing."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise _cannot_write(path, error) from error
    return path


def _sync(path: Path) -> None:
    """Put the file's content on disk before its name points at it (a backup must survive)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _cannot_write(path: Path, error: OSError) -> InputError:
    return InputError(_("Cannot write {path}: {reason}", path=path, reason=error.strerror or error))
