"""Errors a user can cause, met by the `daicho` command: one line, exit 2, whatever the cause."""

import os
import resource
import sqlite3
import subprocess
import sys
from contextlib import closing

import test_cli
from test_cli import _one_line_error, daicho

from daicho.data import vendors
from daicho.data.ledger import close_ledger, open_ledger

home = test_cli.home  # the fixture: a private config and data directory


def _damage(path, first_page=3, offset=100):
    """Overwrite part of every other page after the schema's: a disk that lost sectors.
    From offset 0 the pages' headers go, which SQLite meets as a malformed page whatever
    the rows on it."""
    with path.open("r+b") as file:
        for page in range(first_page, path.stat().st_size // 4096, 2):
            file.seek(page * 4096 + offset)
            file.write(b"\xff" * 200)


def test_a_damaged_page_met_by_reindex_or_import_is_one_line(home, tmp_path):
    ledger, export = tmp_path / "daicho.db", tmp_path / "out.toml"
    assert daicho(home, "seed", "--db", ledger).returncode == 0
    assert daicho(home, "--db", ledger, "export", "-o", export).returncode == 0
    _damage(ledger, offset=0)
    for args in (("reindex",), ("import", export)):
        line = _one_line_error(daicho(home, "--db", ledger, *args))
        assert "malformed" in line


def test_restoring_a_damaged_file_is_one_line_and_changes_nothing(home, tmp_path):
    damaged, ledger = tmp_path / "damaged.db", tmp_path / "daicho.db"
    assert daicho(home, "seed", "--db", damaged).returncode == 0
    _damage(damaged)
    line = _one_line_error(daicho(home, "--db", ledger, "restore", damaged))
    assert line.startswith(f"daicho: {damaged} is damaged: ") and "page" in line
    assert not ledger.exists()


def _small_disk():
    """In the child: no file may grow past 64 KiB, as on a nearly full disk (SIGXFSZ is
    ignored by Python, so a write past the limit fails with EFBIG)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))


def test_a_backup_on_a_full_disk_says_the_disk_not_the_ledger(home, tmp_path):
    ledger, copy = tmp_path / "daicho.db", tmp_path / "copy.db"
    assert daicho(home, "seed", "--db", ledger).returncode == 0
    assert ledger.stat().st_size > 64 * 1024
    result = subprocess.run(
        [sys.executable, "-m", "daicho.cli", "--db", ledger, "backup", "-o", copy],
        env=home,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_small_disk,
    )
    line = _one_line_error(result)
    assert "disk" in line and "cannot be used" not in line
    assert not copy.exists()


def test_a_device_or_a_fifo_given_as_the_ledger_is_not_a_ledger(home, tmp_path):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    for path in ("/dev/null", fifo):
        for args in (("export",), ("reindex",)):
            line = _one_line_error(daicho(home, "--db", path, *args))
            assert line == f"daicho: {path} is not a Daicho ledger (not a regular file)"


def test_a_file_name_with_escape_characters_is_shown_escaped(home, tmp_path):
    hostile = tmp_path / "a\x1b[2J\x1b]0;owned\x07\nb.db"
    result = daicho(home, "--db", hostile, "export")
    assert _one_line_error(result) == f"daicho: No ledger at {str(hostile)!r}"
    assert not {"\x1b", "\x07"} & set(result.stderr)
    plain = tmp_path / "台帳 2026.db"
    assert _one_line_error(daicho(home, "--db", plain, "export")) == f"daicho: No ledger at {plain}"


def test_a_write_to_a_damaged_ledger_is_one_line(home, tmp_path):
    """A page of the ledger damaged (a disk error, or another ledger's `-wal` laid over it):
    SQLite finds the file malformed when the import writes there, and says so in one line.
    The vendor table's first page is damaged by hand: which pages a stale `-wal` overwrites
    depends on both files' layouts, which every schema or seed change moves."""
    other, ledger, export = tmp_path / "other.db", tmp_path / "daicho.db", tmp_path / "out.toml"
    assert daicho(home, "seed", "--db", other).returncode == 0
    assert daicho(home, "--db", other, "export", "-o", export).returncode == 0
    open_ledger(ledger)
    vendors.create_vendor("Acme")
    close_ledger()
    with closing(sqlite3.connect(ledger)) as connection:
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'vendor'"
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    with ledger.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\x00" * 8)  # no kind of b-tree page starts so
    # --as-new: the import writes rather than stopping at the ids the two ledgers share.
    line = _one_line_error(daicho(home, "--db", ledger, "import", "--as-new", export))
    assert "malformed" in line


def test_an_id_beyond_what_sqlite_holds_in_an_import_is_one_line(home, tmp_path):
    export = tmp_path / "big.toml"
    export.write_text(
        f'format = "daicho"\nschema_version = 1\n[[vendors]]\nid = {2**63}\nname = "Acme"\n'
    )
    line = _one_line_error(daicho(home, "--db", tmp_path / "daicho.db", "import", export))
    assert f"id must be at most {2**31 - 1}" in line
