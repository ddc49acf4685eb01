"""Two copies of the app on one ledger (DESIGN §10, §17): both work, each shows what the
other saved within two seconds without a key press, and waiting for the other is not an
error. The copies are real processes (tests/app_driver.py), each pressing real keys, on one
SQLite file or on one PostgreSQL database (two people at a shared desk).

Measured with this exchange (ctrl+s in one copy until the follow-up shows in the other's
queue), ten times each: 0.2-1.0 s on SQLite, 0.3-1.2 s on PostgreSQL (the commit's NOTIFY
heard by the listener): the watch's one-second beat plus a read of the queue."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import Notices, settle

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.models import Call
from daicho.widgets.call_form import CallForm

DRIVER = Path(__file__).with_name("app_driver.py")
CALLS_EACH = 5


def start(ledger: Path, *arguments: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(ledger), *arguments],
        cwd=DRIVER.parent,
        env={**os.environ, "LANG": "C.UTF-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> dict:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, out + err
    assert "Traceback" not in err, err
    return json.loads(out.splitlines()[-1])


@pytest.fixture
def named(tmp_path):
    """Both copies read the same settings (DAICHO_CONFIG): someone's name, which a shared
    ledger asks for at the start when it is missing."""
    (tmp_path / "config.toml").write_text('[user]\nname = "Aoki"\n', encoding="utf-8")


@pytest.mark.both_engines
def test_two_copies_logging_calls_at_once_both_save_everything(ledger, named):
    vendors.create_vendor("Acme Devices")
    first, second = (
        start(ledger, "log", "A", str(CALLS_EACH)),
        start(ledger, "log", "B", str(CALLS_EACH)),
    )
    outcomes = [finish(first), finish(second)]
    assert [outcome["saved"] for outcome in outcomes] == [CALLS_EACH, CALLS_EACH]
    assert [outcome["errors"] for outcome in outcomes] == [[], []]
    logged = {(call.subject, call.internal_notes) for call in Call.select()}
    assert logged == {
        (f"{name}{number}", f"from {name} #{number}")
        for name in "AB"
        for number in range(1, CALLS_EACH + 1)
    }


@pytest.mark.both_engines
def test_each_copy_shows_the_others_call_within_two_seconds_without_a_key(ledger, named, tmp_path):
    vendors.create_vendor("Acme Devices")
    """A saves while B only watches; then B saves while A only watches."""
    first = start(ledger, "exchange", "A", "B", str(tmp_path), "first")
    second = start(ledger, "exchange", "B", "A", str(tmp_path), "second")
    a, b = finish(first), finish(second)
    assert b["seen_at"] - a["saved_at"] <= 2.0
    assert a["seen_at"] - b["saved_at"] <= 2.0


async def test_a_save_waits_for_another_windows_write_instead_of_failing(ledger):
    """Another window is in the middle of a write: the save waits for it (the busy timeout)
    and goes through, rather than saying the ledger is locked."""
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Acme Devices", "tab", "tab", "tab", "tab", *"Line down")
        other = sqlite3.connect(ledger, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE vendor SET notes = 'typed in the other window'")
        commit = threading.Timer(0.5, other.execute, ("COMMIT",))
        commit.start()
        await pilot.press("ctrl+s")
        await settle(pilot)
        commit.join()
        other.close()
        assert notices.said("error") == []
        assert app.screen.query_one(CallForm).is_blank()
    assert [call.subject for call in Call.select()] == ["Line down"]
    assert vendors.find_vendor("Acme Devices").notes == "typed in the other window"
