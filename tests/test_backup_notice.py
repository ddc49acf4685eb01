"""A daily backup that fails is said on the app's screen, not only on stderr behind it."""

import os
import sys

from terminal import Terminal

from daicho.data.ledger import close_ledger, open_ledger


def test_a_failed_daily_backup_is_shown_in_the_app(tmp_path):
    ledger = tmp_path / "daicho.db"
    open_ledger(ledger)
    close_ledger()
    (tmp_path / "backups").write_text("a file where the backups folder should be\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAICHO_")}
    env.update(
        DAICHO_CONFIG=str(tmp_path / "config.toml"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    command = [sys.executable, "-m", "daicho.cli", "--db", str(ledger)]
    terminal = Terminal(command, env, 34, 110)
    terminal.wait_for("Vendors")  # the main screen is up, over what went to stderr
    terminal.wait_for("No backup taken today")
    terminal.child.sendcontrol("q")
    terminal.wait_for_exit()
