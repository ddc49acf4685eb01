"""What the vendor and request detail screens share: reading in threads, writing, going back."""

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding
from textual.worker import Worker, WorkerState, get_current_worker

from daicho.data.models import database
from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoScreen
from daicho.screens.support.copying import MailSource, copy_mail, preview_mail


class DetailScreen(DaichoScreen):
    """A full screen about one ledger item: escape goes back, failures show as notices."""

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

    def read_ledger(self, read: Callable[[], object], show: Callable, *, group: str) -> None:
        """Run `read` in a thread on its own connection, then `show` its result on screen.

        A newer read in the same group replaces an older one; a result that arrives after the
        screen has gone, or after it was replaced, is dropped.
        """

        def work() -> None:
            with database.connection_context():
                result = read()
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._show_if_attached, show, result)

        self.run_worker(work, thread=True, group=group, exclusive=True, exit_on_error=False)

    def _show_if_attached(self, show: Callable, result: object) -> None:
        if self.is_attached:
            show(result)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error", markup=False)
