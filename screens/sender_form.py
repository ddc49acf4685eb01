"""Who sends the mails (DESIGN §8): company, department, name, phone and mail, kept as
`[sender]` in config.toml for every mail's 名乗り and signature.

Asked before the first mail of a session while none is set (screens/support/copying.py), and
opened from the command palette as "Sender details". Saving keeps the rest of the file.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding

from daicho.config import save_config
from daicho.data.mail.sender import SENDER_FIELDS, Sender
from daicho.data.text import clean_line
from daicho.i18n import N_, _
from daicho.locations import config_path
from daicho.screens.bases.form import FieldsModal, line, row

SENDER_DETAILS = N_("Sender details")
"""The form's title, and the palette command the notices point to."""

_LABELS = {
    "company": N_("Company"),
    "department": N_("Department"),
    "name": N_("Your name"),
    "phone": N_("Phone"),
    "mail": N_("Email"),
}


class SenderForm(FieldsModal):
    """`[sender]`, filled in from the config; dismisses with the saved Sender, or None.

    `first`: asked before a mail, which goes whatever the answer, so the form says so.
    """

    BINDINGS: ClassVar = [
        # Instead of "Close" while a mail waits on the form: escape sends it without a sender.
        Binding("escape", "skip", N_("Send without"), id="sender.skip"),
    ]
    AUTO_FOCUS = "#company"

    def __init__(self, *, first: bool = False) -> None:
        intro = ""
        if first:
            intro = _(
                "Your mails say who sends them. Set it once here; it is kept in {path}, "
                "and “{command}” in the command palette (ctrl+p) changes it. "
                "Escape sends this mail without it.",
                path=config_path(),
                command=_(SENDER_DETAILS),
            )
        super().__init__(_(SENDER_DETAILS), intro)
        self.first = first

    def compose_fields(self) -> ComposeResult:
        sender = self.app.config.sender
        for part in SENDER_FIELDS:
            yield from row(_(_LABELS[part]), line(getattr(sender, part), id=part))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("cancel", "skip"):
            return self.first == (action == "skip")
        return True

    def action_skip(self) -> None:
        self.dismiss(None)

    def save(self) -> Sender:
        """Write `[sender]`; a file that cannot be written raises ConfigError, shown in the
        form with what was typed still in it."""
        typed = self.snapshot()
        sender = Sender(**{part: clean_line(typed[part]) for part in SENDER_FIELDS})
        config = self.app.config.with_sender(sender)
        save_config(config)
        self.app.config = config
        self.notify(_("Sender details saved in {path}", path=config_path()), markup=False)
        return sender
