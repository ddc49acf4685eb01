"""The Daicho application: start-up, global bindings, configuration and screens."""

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding

from daicho.config import Config
from daicho.i18n import N_, _
from daicho.screens.main_screen import MainScreen


class DaichoApp(App):
    """The ledger in a terminal. The ledger must already be open (see data.ledger)."""

    CSS_PATH = "styles.tcss"
    BINDINGS: ClassVar = [Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True)]
    TITLE = "Daicho"

    def __init__(self, ledger_path: Path, config: Config | None = None) -> None:
        super().__init__()
        self.ledger_path = ledger_path
        self.config = config or Config()
        self.sub_title = _("Ledger: {path}", path=ledger_path)

    def get_default_screen(self) -> MainScreen:
        return MainScreen()
