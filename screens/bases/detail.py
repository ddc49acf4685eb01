"""What the vendor and request detail screens share: copying, help, going back."""

from typing import ClassVar

from textual.binding import Binding

from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoScreen
from daicho.screens.support.copying import MailSource, copy_mail, preview_mail


class DetailScreen(DaichoScreen):
    """A full screen about one ledger item: escape goes back; it reads the ledger with
    screens/support/ledger_access.py."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", N_("Back"), id="detail.back"),
        Binding("y", "copy_mail", N_("Copy email"), id="detail.copy"),
        Binding("Y", "preview_mail", N_("Preview email"), id="detail.preview"),
        Binding("question_mark,f1", "help", N_("Help"), id="detail.help"),
    ]
    HELP_TITLE = ""  # the help section naming this screen's keys, marked with N_()

    def action_back(self) -> None:
        self.dismiss(None)

    def mail_source(self) -> MailSource:
        """What `y` copies here: the item the screen is about, or the one under its cursor."""
        raise NotImplementedError

    def action_copy_mail(self) -> None:
        copy_mail(self, self.mail_source())

    def action_preview_mail(self) -> None:
        preview_mail(self, self.mail_source())

    def action_help(self) -> None:
        from daicho.screens.help_screen import HelpScreen

        keys = [*type(self).BINDINGS, *DetailScreen.BINDINGS]
        sections = [(_(self.HELP_TITLE), keys), (_("Anywhere"), self.app.BINDINGS)]
        self.app.push_screen(HelpScreen(sections))
