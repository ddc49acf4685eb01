"""Opening a ledger file: safe creation, and refusal without writing of files we cannot use."""

import os
import sqlite3
import stat

import pytest

from daicho.data import vendors
from daicho.data.errors import LedgerError
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.ledger_guard import LedgerWriteError
from daicho.data.migrations import LATEST_VERSION
from daicho.data.models import database


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_ledger_is_private_and_durable(ledger):
    assert _mode(ledger) == 0o600
    assert _mode(ledger.parent) == 0o700
    pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") >= 5000
    assert pragma("user_version") == LATEST_VERSION


def test_the_wal_files_are_private_too(ledger):
    vendors.create_vendor("A")
    for suffix in ("-wal", "-shm"):
        assert _mode(f"{ledger}{suffix}") == 0o600


def test_reopening_keeps_the_data(ledger):
    vendors.create_vendor("A")
    close_ledger()
    open_ledger(ledger)
    assert [v.name for v in vendors.list_vendors()] == ["A"]


def _refused_untouched(path, message):
    before = path.read_bytes()
    with pytest.raises(LedgerError, match=message) as caught:
        open_ledger(path)
    assert path.read_bytes() == before
    assert "\n" not in str(caught.value)


def test_a_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a ledger\n" * 100)
    _refused_untouched(path, "not a Daicho ledger")


def test_a_damaged_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    _refused_untouched(path, "damaged")


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE song (title TEXT)")
    connection.commit()
    connection.close()
    _refused_untouched(path, "another program")


def test_a_ledger_from_a_newer_daicho_is_refused_and_left_alone(ledger):
    close_ledger()
    connection = sqlite3.connect(ledger)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    connection.close()
    _refused_untouched(ledger, "newer Daicho")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(LedgerError, match="is a directory"):
        open_ledger(tmp_path)


def test_a_path_below_a_file_is_refused_with_the_reason(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LedgerError, match="Cannot create"):
        open_ledger(blocker / "daicho.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "secret.db"
    path.write_bytes(b"")
    path.chmod(0)
    with pytest.raises(LedgerError, match="Cannot read"):
        open_ledger(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes every file")
@pytest.mark.parametrize("folder_mode", [0o700, 0o500], ids=["folder open", "folder read-only"])
def test_a_read_only_ledger_opens_for_reading_and_says_why_it_is_not_saved_to(ledger, folder_mode):
    """A read-only folder too: SQLite cannot make the WAL's `-shm` file, yet the ledger reads."""
    vendors.create_vendor("A")
    close_ledger()
    ledger.chmod(0o400)
    ledger.parent.chmod(folder_mode)
    try:
        open_ledger(ledger)
        assert [v.name for v in vendors.list_vendors()] == ["A"]
        assert f"The ledger {ledger} is read-only" in database.read_only_notice()
        with pytest.raises(LedgerWriteError, match="The ledger is read-only"):
            vendors.create_vendor("B")
        close_ledger()
    finally:
        ledger.parent.chmod(0o700)
        ledger.chmod(0o600)


def test_an_empty_file_becomes_a_ledger(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    open_ledger(path)
    try:
        assert vendors.list_vendors() == []
    finally:
        close_ledger()
