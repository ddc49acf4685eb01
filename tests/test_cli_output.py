"""`-o` and `--db` typed wrong: commands that read the ledger never create one, and an
output replaces no existing file without `--force`, nor ever the ledger's own files."""

import subprocess
import sys

import pytest
import test_cli
from test_cli import _one_line_error, daicho

from daicho.data import vendors

home = test_cli.home  # the fixture: a private config and data directory

READERS = (
    ("export", "-o", "{out}"),
    ("backup", "-o", "{out}"),
    ("report", "--week"),
    ("report", "--contracts"),
    ("search", "ACME"),
)


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c[:2]) for c in READERS])
def test_a_mistyped_ledger_is_refused_and_nothing_is_written(home, tmp_path, ledger, command):
    good = tmp_path / "existing.toml"
    good.write_text("the good export")
    mistyped = tmp_path / "a.bd"
    args = [arg.format(out=good) for arg in command]
    line = _one_line_error(daicho(home, "--db", mistyped, *args))
    assert line == f"daicho: No ledger at {mistyped}"
    assert good.read_text() == "the good export"
    assert not mistyped.exists()


def test_o_replaces_an_existing_file_only_with_force(home, tmp_path, ledger):
    vendors.create_vendor("ACME")
    export, copy, csv = tmp_path / "out.toml", tmp_path / "copy.db", tmp_path / "csv"
    csv.mkdir()
    for path in (export, copy, csv / "calls.csv"):
        path.write_text("keep me")
    for args in (
        ("export", "-o", export),
        ("backup", "-o", copy),
        ("export", "--format", "csv", "-o", csv),
    ):
        assert "--force" in _one_line_error(daicho(home, "--db", ledger, *args))
    assert {p.read_text() for p in (export, copy, csv / "calls.csv")} == {"keep me"}
    assert sorted(p.name for p in csv.iterdir()) == ["calls.csv"]

    for args in (
        ("export", "-o", export),
        ("backup", "-o", copy),
        ("export", "--format", "csv", "-o", csv),
    ):
        result = daicho(home, "--db", ledger, *args, "--force")
        assert result.returncode == 0, result.stderr
    assert 'name = "ACME"' in export.read_text()
    assert "ACME" in daicho(home, "--db", copy, "export").stdout
    assert (csv / "calls.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


@pytest.mark.parametrize("side", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize("command", ["export", "backup"])
def test_o_never_writes_the_ledger_or_its_side_files(home, ledger, side, command):
    vendors.create_vendor("ACME")  # the test's own connection keeps -wal and -shm in use
    target = ledger.with_name(ledger.name + side)
    before = target.stat().st_ino if target.exists() else None  # a replaced file is a new one
    line = _one_line_error(daicho(home, "--db", ledger, command, "-o", target, "--force"))
    assert "open ledger" in line
    assert (target.stat().st_ino if target.exists() else None) == before
    assert vendors.find_vendor("ACME") is not None


@pytest.mark.parametrize("command", [("export",), ("today",), ("report", "--week")])
def test_a_reader_that_stops_early_ends_the_output_quietly(home, tmp_path, command):
    """`daicho export | head -1`: once the reader has closed the pipe, the rest is not
    wanted; nothing is said on stderr and the exit code is 0."""
    ledger = tmp_path / "seeded.db"
    assert daicho(home, "--db", ledger, "seed", "--size", "demo").returncode == 0
    reader = subprocess.Popen(
        [sys.executable, "-m", "daicho.cli", "--db", str(ledger), *command],
        env=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert reader.stdout.read(1)  # the first byte, then the pipe is closed
    reader.stdout.close()
    _, stderr = reader.communicate(timeout=120)
    assert (reader.returncode, stderr) == (0, b"")
