"""Starting the app from the command line: the ledger opened and held, today's backup taken
(beside the app for a shared ledger), a demo ledger made first when asked for."""

import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import peewee

from daicho import exit_codes
from daicho.cli.commands import open_announced, seed
from daicho.data.errors import DaichoError
from daicho.i18n import _


def run_app(ledger: Path | str, config, *, demo: bool) -> int:
    from daicho.app import DaichoApp
    from daicho.data.ledger import close_ledger
    from daicho.data.ledger_use import hold_ledger

    """The app on `ledger` (`demo`: on a fresh one of sample data), after today's backup."""
    with tempfile.TemporaryDirectory(prefix="daicho-demo-") as scratch:
        if demo:
            ledger = Path(scratch) / "demo.db"
            seed(ledger, "demo")
        open_announced(ledger)
        if isinstance(ledger, Path):
            hold_ledger(ledger)  # a restore now refuses to replace it under this window
        backing_up = config.backup_enabled and not demo
        shared = isinstance(ledger, str)
        try:
            notices = _said(_daily_backup(config.backup_keep)) if backing_up and not shared else []
            with _backup_aside(config.backup_keep if backing_up and shared else None):
                DaichoApp(ledger_path=ledger, config=config, start_notices=notices).run()
        finally:
            close_ledger()
    return exit_codes.OK


@contextmanager
def _backup_aside(keep: int | None) -> Iterator[None]:
    """A shared ledger's daily backup is its export, seconds long on a large ledger: it is
    taken beside the app, on a connection of its own, and waited for when the app ends;
    what went wrong is said then, on stderr. Nothing is taken when `keep` is None."""
    if keep is None:
        yield
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="daily-backup") as pool:
        taking = pool.submit(_daily_backup, keep, aside=True)
        try:
            yield
        finally:
            if not taking.done():
                print("daicho: " + _("Finishing today's backup…"), file=sys.stderr)
    _said(taking.result())


def _daily_backup(keep: int, *, aside: bool = False) -> list[str]:
    """Today's backup, if not taken yet (`aside`: from a thread, on a connection of its
    own). What went wrong is returned, for stderr and for the app to show (its screen hides
    stderr); the app starts anyway."""
    from daicho.data.backup import daily_backup
    from daicho.data.ledger import in_own_connection

    try:
        if aside:
            in_own_connection(partial(daily_backup, keep))
        else:
            daily_backup(keep)
    except (OSError, sqlite3.Error, peewee.PeeweeException, DaichoError) as error:
        return [_("No backup taken today: {reason}", reason=error)]
    return []


def _said(problems: list[str]) -> list[str]:
    """`problems`, each said on stderr as a line of its own."""
    for problem in problems:
        print("daicho: " + problem, file=sys.stderr)
    return problems
