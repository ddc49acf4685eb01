"""A whole ledger from one place to another: SQLite and PostgreSQL either way (DESIGN §17).

A copy is the TOML export of the source imported into the destination, so the two always
agree on what a ledger holds: afterwards both export the same bytes. The destination must
hold nothing yet (a new file, an empty database, or a ledger without rows), checked in the
import's own transaction, so that nothing is ever merged into or written over. Drafts stay
behind: they are one person's unsaved typing, never part of a ledger's content.
"""

from pathlib import Path

from daicho.data.errors import InputError
from daicho.data.ledger import close_ledger, open_ledger, shared_server
from daicho.data.models import LEDGER_MODELS, database
from daicho.data.transfer.export import export_ledger
from daicho.data.transfer.importer import import_text
from daicho.data.transfer.summary import ImportSummary
from daicho.i18n import _
from daicho.locations import shown_location

_SIDE_FILES = ("-wal", "-shm", "-journal")


def copy_ledger(source: Path | str, destination: Path | str) -> ImportSummary:
    """Copy the ledger at `source` (a file or a `postgresql://` URL) into `destination`."""
    if _same(source, destination):
        raise InputError(_("--from and --to name the same ledger"))
    if not ledger_exists(source):
        raise InputError(_("No ledger at {path}", path=shown_location(source)))
    open_ledger(source)
    try:
        text = export_ledger("toml")
    finally:
        close_ledger()
    new_file = isinstance(destination, Path) and not destination.exists()
    try:
        return _import_into_empty(text, destination)
    except BaseException:
        if new_file:
            _remove(destination)  # a failed copy leaves no half-made ledger behind
        raise


def ledger_exists(location: Path | str) -> bool:
    """Whether there is a ledger to read at `location`, found without creating one: a file,
    or a database holding Daicho's tables (LedgerError when its server cannot be used)."""
    if isinstance(location, Path):
        return location.exists()
    server = shared_server(location)
    try:
        found = server.execute_sql("SELECT to_regclass('daicho_schema')").fetchone()[0]
    finally:
        server.close()
    return found is not None


def _import_into_empty(text: str, destination: Path | str) -> ImportSummary:
    open_ledger(destination)
    try:
        with database.exclusive():
            if any(model.select().exists() for model in LEDGER_MODELS):
                raise InputError(
                    _(
                        "{location} is not empty: a ledger is copied only into a new file"
                        " or an empty database",
                        location=shown_location(destination),
                    )
                )
            return import_text(text)
    finally:
        close_ledger()


def _same(source: Path | str, destination: Path | str) -> bool:
    if isinstance(source, Path) and isinstance(destination, Path):
        return source.absolute() == destination.absolute() or (
            source.exists() and destination.exists() and source.samefile(destination)
        )
    return source == destination


def _remove(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + side) for side in _SIDE_FILES)):
        name.unlink(missing_ok=True)
