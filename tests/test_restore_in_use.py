"""A restore never takes a ledger from under a window, and keeps what was being typed."""

import subprocess
import sys

from daicho.data import vendors
from daicho.data.backup import backup_ledger, restore_ledger
from daicho.data.drafts import load_drafts, save_draft
from daicho.data.ledger import close_ledger, open_ledger

# A second process holding the ledger as an app window does, until its stdin closes.
_WINDOW = """
import sys
from pathlib import Path
from daicho.data.ledger_use import hold_ledger
hold_ledger(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.read()
"""


_CAPTURED = {"capture_output": True, "text": True, "timeout": 60}


def _ledger_and_backup(ledger_path, tmp_path):
    open_ledger(ledger_path)
    vendors.create_vendor("Acme")
    backup = backup_ledger(tmp_path / "backup.db")
    vendors.create_vendor("Added after the backup")
    close_ledger()
    return backup


def test_a_restore_is_refused_while_a_window_has_the_ledger_open(ledger_path, tmp_path):
    backup = _ledger_and_backup(ledger_path, tmp_path)
    command = [sys.executable, "-c", _WINDOW, str(ledger_path)]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as window:
        assert window.stdout.readline() == "open\n"
        restore = [sys.executable, "-m", "daicho.cli", "--db", str(ledger_path)]
        # Refused before any question: with --yes, and without it (no "give --yes").
        refused = [
            subprocess.run([*restore, "restore", *yes, str(backup)], **_CAPTURED)
            for yes in (["--yes"], [])
        ]
        window.stdin.close()
    for result in refused:
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"daicho: {ledger_path} is open in a Daicho window: close it, then restore"
        ]
    open_ledger(ledger_path)
    try:
        assert [v.name for v in vendors.list_vendors()] == ["Acme", "Added after the backup"]
    finally:
        close_ledger()


def test_a_restore_keeps_the_drafts_being_typed(ledger_path, tmp_path):
    backup = _ledger_and_backup(ledger_path, tmp_path)
    open_ledger(ledger_path)
    save_draft("call", {"subject": "見積の件", "notes": "折り返し"})
    close_ledger()
    restore_ledger(backup, ledger_path)
    open_ledger(ledger_path)
    try:
        kept = [(draft.form, draft.content) for draft in load_drafts()]
        assert kept == [("call", {"subject": "見積の件", "notes": "折り返し"})]
        assert [v.name for v in vendors.list_vendors()] == ["Acme"]
    finally:
        close_ledger()
