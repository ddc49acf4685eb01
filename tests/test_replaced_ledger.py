"""A ledger file replaced under the running app (DESIGN §10): once the app has noticed, it
opens nothing at that path again, so the new file keeps its own rows and is never mixed with
the old ledger's `-wal`; what is typed stays in the form and is kept aside, not in it."""

import sqlite3
from pathlib import Path

import pytest
from conftest import Notices, settle, shown, until
from textual.widgets import Input, Static, TextArea

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.ledger_guard import LedgerWriteError
from daicho.data.models import database
from daicho.screens.main_screen import MainScreen
from daicho.widgets.call_form import CallForm

NOTES = "Router swapped; 回線は復旧しました"  # typed as a decision


def rows(path: Path) -> dict[str, object]:
    """What a fresh connection finds in the file at `path` (with whatever lies beside it)."""
    connection = sqlite3.connect(path)
    try:
        return {
            "check": connection.execute("PRAGMA integrity_check").fetchall(),
            "vendors": [name for (name,) in connection.execute("SELECT name FROM vendor")],
            "calls": connection.execute("SELECT count(*) FROM call").fetchone()[0],
            "drafts": connection.execute("SELECT count(*) FROM draft").fetchone()[0],
        }
    finally:
        connection.close()


def kept_text(folder: Path) -> str:
    """The drafts kept aside in `folder`, as one text."""
    files = sorted(folder.glob("*.json")) if folder.exists() else []
    return "".join(file.read_text("utf-8") for file in files)


async def done(pilot) -> None:
    """Let every worker end: the reads refused end in an error, which `settle` would raise."""
    await until(pilot, lambda: all(w.is_finished for w in pilot.app.workers), "the workers")
    await pilot.pause()


async def test_a_replaced_ledger_is_never_opened_again_and_the_new_file_stays_whole(
    ledger, tmp_path
):
    other = tmp_path / "other" / "daicho.db"
    open_ledger(other)
    vendors.create_vendor("Kumo Cloud")
    close_ledger()  # its WAL is emptied into the file and removed: a file as a sync tool brings
    open_ledger(ledger)
    vendors.create_vendor("Acme Devices")

    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Acme Devices", "tab", "tab", "tab", "tab", *"First call")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert Path(f"{ledger}-wal").stat().st_size > 0  # the old ledger's pages wait there

        other.replace(ledger)  # as a sync tool or `mv backup.db daicho.db` would
        await until(pilot, lambda: notices.said("error"), "the ledger to be looked at")
        [replaced] = notices.said("error")
        assert "was replaced by another file" in replaced

        await pilot.press("n", *"Acme Devices", "tab", "tab", "tab", "tab", *"Line down")
        await pilot.press("tab", *NOTES)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        form = screen.query_one(CallForm)
        kept = tmp_path / "kept-drafts"  # beside the config
        await until(pilot, lambda: NOTES in kept_text(kept), "the draft to be kept aside")
        assert any(str(kept) in text for text in notices.said("warning"))
        screen.refresh_ledger()
        await pilot.press("ctrl+s")
        await done(pilot)
        assert form.query_one("#subject", Input).value == "Line down"
        assert form.query_one("#decisions", TextArea).text == NOTES

        assert notices.said("error") == [replaced, replaced]  # noticed, and said by the save

        await pilot.press("escape", "escape", "down", "e")  # reading the vendor is refused
        await done(pilot)
        assert notices.said("error") == [replaced] * 3
        await pilot.press("v", *"Kumo Cloud", "ctrl+s")
        await done(pilot)
        assert " ".join(shown(app.screen.query_one("#form-error", Static)).split()) == replaced
        assert app.screen.query_one("#name", Input).value == "Kumo Cloud"
        await pilot.press("escape")  # closing the form keeps what it holds aside, too
        await until(pilot, lambda: "Kumo Cloud" in kept_text(kept), "the form's draft")
        with pytest.raises(LedgerWriteError) as refused:
            database.execute_sql("SELECT 1")  # reads too: nothing is opened at the path
        assert str(refused.value) == replaced
    close_ledger()

    wal = Path(f"{ledger}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing old waits beside the new file
    assert rows(ledger) == {"check": [("ok",)], "vendors": ["Kumo Cloud"], "calls": 0, "drafts": 0}
