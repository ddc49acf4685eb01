"""A damaged ledger is never backed up (DESIGN §10): the copy would pass for a good one
and pruning would delete the last good backups to make room for it. The daily backup at
start says so on the screen, `daicho backup` in one line, and the good backups stay."""

import os
import sqlite3
import subprocess
import sys

import pytest
from terminal import start_daicho

from daicho.data import vendors
from daicho.data.backup import automatic_backups, backup_ledger, daily_backup
from daicho.data.errors import LedgerError
from daicho.data.ledger import close_ledger, open_ledger

ROWS, COLUMNS = 34, 110
GOOD_BACKUPS = ("daicho-20261101-090000.db", "daicho-20261102-090000.db")


@pytest.fixture
def damaged(tmp_path):
    """A ledger with a page of an index the main screen does not read overwritten, as a
    failing disk leaves it, and two good backups from earlier days beside it."""
    path = tmp_path / "daicho.db"
    open_ledger(path)
    try:
        vendors.create_vendor("NTT東日本")
        (path.parent / "backups").mkdir(mode=0o700)
        for name in GOOD_BACKUPS:
            backup_ledger(path.parent / "backups" / name)
    finally:
        close_ledger()
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        page = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'request_event_request_id'"
        ).fetchone()[0]
    connection.close()
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xff" * 16)
    return path


def test_the_daily_backup_of_a_damaged_ledger_is_refused_and_prunes_nothing(damaged):
    backups = damaged.parent / "backups"
    open_ledger(damaged)
    try:
        with pytest.raises(LedgerError, match=r"daicho\.db is damaged: Page \d+"):
            daily_backup(keep=1)
    finally:
        close_ledger()
    assert [p.name for p in automatic_backups(backups, damaged)] == list(GOOD_BACKUPS)
    assert sorted(p.name for p in backups.iterdir()) == list(GOOD_BACKUPS)


def test_daicho_backup_of_a_damaged_ledger_is_one_line_and_exit_2(damaged, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAICHO_")}
    env.update(DAICHO_CONFIG=str(tmp_path / "config.toml"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run(
        [sys.executable, "-m", "daicho.cli", "--db", str(damaged), "backup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"daicho: {damaged} is damaged: Page ")
    assert result.stdout == ""
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == list(GOOD_BACKUPS)


def test_the_app_on_a_damaged_ledger_says_on_its_screen_that_no_backup_was_taken(damaged, tmp_path):
    terminal = start_daicho(damaged, tmp_path, ROWS, COLUMNS)
    terminal.wait_for("No backup taken today")
    terminal.child.sendcontrol("q")
    terminal.wait_for_exit()
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == list(GOOD_BACKUPS)
