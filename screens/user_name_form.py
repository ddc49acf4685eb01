"""Who the user is (DESIGN §17): `[user] name` in config.toml, the name that what they write
is stamped with and that the queue's "mine" filter looks for.

Asked at the start while none is set on a shared ledger (PostgreSQL); opened from the command
palette as "User name" on any ledger. Saving keeps the rest of the file.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding

from daicho.config import save_config
from daicho.data import who
from daicho.data.text import clean_line
from daicho.i18n import N_, _
from daicho.locations import config_path
from daicho.screens.bases.form import FieldsModal, line, row

USER_NAME = N_("User name")
"""The form's title, and the palette command the notices point to."""


class UserNameForm(FieldsModal):
    """`[user] name`; dismisses with the saved name, or None.

    `first`: asked as the app starts on a shared ledger, which starts whatever the answer.
    """

    BINDINGS: ClassVar = [
        Binding("escape", "skip", N_("Start without"), id="user.skip"),
    ]
    AUTO_FOCUS = "#name"

    def __init__(self, *, first: bool = False) -> None:
        intro = ""
        if first:
            intro = _(
                "This ledger is shared: what you write shows who wrote it. Your name is kept "
                "in {path}; “{command}” in the command palette (ctrl+p) changes it. "
                "Escape starts without it.",
                path=config_path(),
                command=_(USER_NAME),
            )
        super().__init__(_(USER_NAME), intro)
        self.first = first

    def compose_fields(self) -> ComposeResult:
        yield from row(_("Your name"), line(self.app.config.user_name, id="name"))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("cancel", "skip"):
            return self.first == (action == "skip")
        return True

    def action_skip(self) -> None:
        self.notify(
            _(
                "Started without a name: records you write will not say who wrote them. "
                "“{command}” in the command palette (ctrl+p) sets it.",
                command=_(USER_NAME),
            ),
            markup=False,
        )
        self.dismiss(None)

    def save(self) -> str:
        """Write `[user] name` and stamp what is written from now on with it; a file that
        cannot be written raises ConfigError, shown in the form with the name still in it."""
        name = clean_line(self.snapshot()["name"])
        config = self.app.config.replace(user_name=name)
        save_config(config)
        self.app.config = config
        who.set_user_name(name)
        self.notify(_("User name saved in {path}", path=config_path()), markup=False)
        return name
