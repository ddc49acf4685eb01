"""A daily backup that fails is said on the app's screen, not only on stderr behind it."""

from terminal import start_daicho

from daicho.data.ledger import close_ledger, open_ledger


def test_a_failed_daily_backup_is_shown_in_the_app(tmp_path):
    ledger = tmp_path / "daicho.db"
    open_ledger(ledger)
    close_ledger()
    (tmp_path / "backups").write_text("a file where the backups folder should be\n")
    terminal = start_daicho(ledger, tmp_path)  # its main screen up, over what went to stderr
    terminal.wait_for("No backup taken today")
    terminal.child.sendcontrol("q")
    terminal.wait_for_exit()
