"""When no clipboard takes the text: show it, say why, and let the user copy it by hand."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoModal
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.text_fields import TextBox


class ManualCopyModal(DaichoModal):
    """The text read-only, selectable with the terminal's own mouse selection."""

    DEFAULT_CSS = """
    ManualCopyModal #why { color: $text-warning; margin-bottom: 1; }
    ManualCopyModal TextArea { height: auto; max-height: 24; }
    """
    BINDINGS: ClassVar = [
        Binding("escape", "close", N_("Close"), id="manual_copy.close"),
    ]
    AUTO_FOCUS = "#manual-text"

    def __init__(self, text: str, reason: str) -> None:
        super().__init__()
        self.text = text
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = _("Copy by hand")
            why = _(
                "The text could not be copied ({reason}). Select it below with the mouse "
                "(in most terminals, hold Shift while dragging) and copy it with the terminal.",
                reason=self.reason,
            )
            yield Static(why, id="why", markup=False)
            yield TextBox(self.text, id="manual-text", read_only=True, soft_wrap=True)
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
