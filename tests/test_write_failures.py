"""Writes the ledger cannot take (DESIGN §10): a full disk, a read-only file, a file deleted
or replaced under the app, a lock held too long. Each time the form keeps what was typed,
says why, and the app goes on showing the ledger; never a traceback."""

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import Notices, settle, shown, until
from textual.widgets import Input, Static, TextArea

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.ledger_guard import LedgerWriteError
from daicho.data.models import Call, Vendor, database
from daicho.screens.main_screen import MainScreen
from daicho.screens.support.draft_keeping import DRAFT_PAUSE_S
from daicho.widgets.call_form import CallForm
from daicho.widgets.vendor_list import VendorRows

NOTES = "Router swapped; 回線は復旧しました"


async def type_a_call(pilot, subject: str = "Line down") -> CallForm:
    """A call to Acme Devices, typed key by key; its draft is written (or tried) before going
    on."""
    await pilot.press("n", *"Acme Devices", "tab", "tab", "tab", "tab", *subject)
    await pilot.press("tab", "tab", *NOTES)
    return await draft_written(pilot)


async def draft_written(pilot) -> CallForm:
    """Once typing has paused, the screen writes the form's draft: wait for that write."""
    screen = pilot.app.screen
    form = screen.query_one(CallForm)
    await until(pilot, lambda: screen.call_draft.kept == form.snapshot(), "the draft to be written")
    await settle(pilot)
    return form


def assert_still_typed(form: CallForm, subject: str = "Line down") -> None:
    assert form.query_one("#subject", Input).value == subject
    assert form.query_one("#internal_notes", TextArea).text == NOTES


@contextmanager
def disk_full():
    """From here on no file may grow: writes past a file's end fail as on a full disk.

    The WAL is emptied first (a checkpoint) so that a save must grow it; the size limit
    leaves it room for less than one page. SIGXFSZ is ignored, so the write fails with
    EFBIG, which SQLite reports as an I/O error, instead of the process being killed.
    """
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = f"{database.database}-wal"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (os.path.getsize(wal) + 1024, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


async def test_a_call_not_saved_on_a_full_disk_keeps_its_text_and_saves_once_there_is_room(
    ledger,
):
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        form = await type_a_call(pilot)
        with disk_full():
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert Call.select().count() == 0
        assert_still_typed(form)
        [error] = notices.said("error")
        assert "The disk did not take the write" in error and "nothing was saved" in error

        await pilot.press("ctrl+s")
        await settle(pilot)
        [call] = Call.select()
        assert (call.subject, call.internal_notes) == ("Line down", NOTES)
        assert form.is_blank()
        assert "Acme Devices" in shown(app.screen.query_one(VendorRows))


async def test_the_vendor_form_not_saved_on_a_full_disk_keeps_its_text(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("v", *"Kumo Cloud", "tab", *"くもくらうど")
        await pilot.pause(DRAFT_PAUSE_S + 0.2)  # its draft is written: the disk fills after
        await settle(pilot)
        form = app.screen
        with disk_full():
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert app.screen is form
        assert "The disk did not take the write" in shown(form.query_one("#form-error", Static))
        assert form.query_one("#name", Input).value == "Kumo Cloud"
        assert form.query_one("#reading", Input).value == "くもくらうど"
        assert Vendor.select().count() == 0

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Kumo Cloud" in shown(app.screen.query_one(VendorRows))
    assert vendors.find_vendor("Kumo Cloud").reading == "くもくらうど"


@contextmanager
def immutable(path):
    """The file made read-only at the OS level in a way root obeys too (`chattr +i`)."""
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", path], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here (needs CAP_LINUX_IMMUTABLE and ext4/xfs)")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", path], check=True)


async def test_a_read_only_ledger_opens_for_reading_and_every_save_says_why(ledger):
    """Tests run as root, whom file modes do not stop: the file is made immutable instead,
    which root obeys too, so SQLite opens it read-only as for a file the user may not write
    (the test below, as `nobody`, uses real permissions)."""
    vendors.create_vendor("Acme Devices")
    close_ledger()
    with immutable(ledger):
        open_ledger(ledger)
        app = DaichoApp(ledger_path=ledger)
        notices = Notices()
        async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
            await settle(pilot)
            assert "Acme Devices" in shown(app.screen.query_one(VendorRows))
            [notice] = notices.said("warning")
            assert f"The ledger {ledger} is read-only" in notice

            form = await type_a_call(pilot)
            await pilot.press(*" more")  # another pause in typing: another draft not kept
            await draft_written(pilot)
            kept_not = [text for text in notices.said("warning") if "draft could not be" in text]
            assert len(kept_not) == 1  # said once, not at every pause
            await pilot.press(*["backspace"] * 5, "ctrl+s")
            await pilot.pause()
            assert_still_typed(form)
            assert any("The ledger is read-only" in text for text in notices.said("error"))

            await pilot.press("escape", "v", *"Kumo Cloud", "ctrl+s")
            await pilot.pause()
            error = shown(app.screen.query_one("#form-error", Static))
            assert "The ledger is read-only" in error
            assert app.screen.query_one("#name", Input).value == "Kumo Cloud"
        close_ledger()
    open_ledger(ledger)
    assert [vendor.name for vendor in Vendor.select()] == ["Acme Devices"]


AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def skip_unless_nobody_can_run_the_app() -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("runs the app as the user nobody, which takes root and setpriv")
    probe = [*AS_NOBODY, sys.executable, "-c", "import daicho.app"]
    if subprocess.run(probe, capture_output=True).returncode:
        pytest.skip("the user nobody cannot run this Python")


@pytest.mark.parametrize("folder_mode", [0o755, 0o777], ids=["folder read-only", "folder open"])
def test_a_ledger_another_user_may_only_read_opens_for_reading(folder_mode):
    """Real file permissions: the app runs as `nobody` on a ledger owned by root (0644). In a
    folder it cannot write either, SQLite cannot make the WAL's `-shm` file beside it."""
    skip_unless_nobody_can_run_the_app()
    folder = Path(tempfile.mkdtemp(prefix="daicho-read-only-"))
    try:
        path = folder / "daicho.db"
        open_ledger(path)
        vendors.create_vendor("Acme Devices")
        close_ledger()
        path.chmod(0o644)
        folder.chmod(folder_mode)
        driver = Path(__file__).with_name("app_driver.py")
        result = subprocess.run(
            [*AS_NOBODY, sys.executable, str(driver), str(path), "read_only"],
            cwd=driver.parent,
            env={**os.environ, "DAICHO_CONFIG": str(folder / "config.toml"), "HOME": str(folder)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        seen = json.loads(result.stdout.splitlines()[-1])
        assert "Acme Devices" in seen["vendors"]
        assert any(f"The ledger {path} is read-only" in notice for notice in seen["notices"])
        assert seen["kept"] == ["Line down", "Router swapped"]
        assert any("The ledger is read-only" in error for error in seen["errors"])
    finally:
        shutil.rmtree(folder)


async def test_a_ledger_deleted_under_the_app_is_said_once_and_nothing_is_saved_into_it(ledger):
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        ledger.unlink()
        await until(
            pilot, lambda: notices.said("error"), "the ledger to be looked at (every second)"
        )
        [gone] = notices.said("error")
        assert f"The ledger file {ledger} was deleted" in gone

        form = await type_a_call(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_still_typed(form)
        assert notices.said("error")[1:] == [gone]
        with pytest.raises(LedgerWriteError) as refused:
            Call.select().count()  # nothing is read or saved at the path any more
        assert str(refused.value) == gone

        await pilot.press("escape", "v", *"Kumo Cloud", "ctrl+s")
        await pilot.pause()
        assert " ".join(shown(app.screen.query_one("#form-error", Static)).split()) == gone
        assert app.screen.query_one("#name", Input).value == "Kumo Cloud"
        await pilot.press("escape")
        await pilot.pause(1.2)
        assert notices.said("error").count(gone) == 2  # said once, and once by the save
        assert "Acme Devices" in shown(app.screen.query_one(VendorRows))


async def test_a_ledger_replaced_under_the_app_is_said_and_nothing_is_saved_here(ledger, tmp_path):
    other = tmp_path / "other.db"
    shutil.copy(ledger, other)
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        other.replace(ledger)  # as a sync tool or `mv backup.db daicho.db` would
        await until(
            pilot, lambda: notices.said("error"), "the ledger to be looked at (every second)"
        )
        [replaced] = notices.said("error")
        assert "was replaced by another file" in replaced
        await pilot.press("v", *"Kumo Cloud", "ctrl+s")
        await pilot.pause()
        assert "was replaced" in shown(app.screen.query_one("#form-error", Static))


async def test_a_lock_held_past_the_busy_timeout_says_the_ledger_is_busy(ledger):
    """The app waits 10 s for a lock; here its connection waits 0.3 s, to keep the test short."""
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        form = await type_a_call(pilot)
        database.execute_sql("PRAGMA busy_timeout = 300")
        other = sqlite3.connect(ledger, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("ctrl+s")
            await pilot.pause()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert_still_typed(form)
        assert any("The ledger is busy" in text for text in notices.said("error"))

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [call.subject for call in Call.select()] == ["Line down"]
