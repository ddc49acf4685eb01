"""Moving a request's due date (`t`): type the new date as anywhere else, then enter.

The reason (who asked for the delay, and why) is optional and kept as the note of the
history's due-date line; enter in either field saves.

Removing the date is its own key (ctrl+r), never an empty field: `t` then a stray `enter`
saves nothing, and `-` stays free for the date field's own `-1` (yesterday).
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from daicho.data import requests
from daicho.data.records import RequestRecord
from daicho.i18n import N_, _
from daicho.screens.bases.date_prompt import DatePrompt
from daicho.screens.bases.form import FieldError, line, row
from daicho.screens.support.rendering import due_line
from daicho.widgets.date_field import DateField


class RedatePrompt(DatePrompt):
    """Dismisses with the re-dated RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#due Input"
    DRAFT_FORM = "redate"
    BINDINGS: ClassVar = [
        Binding("ctrl+r", "remove", N_("Remove due date"), id="redate.remove"),
    ]

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Re-date"), request)

    def compose_prompt(self) -> ComposeResult:
        yield Label(_("Due now"), classes="form-label")
        yield Static(id="due-now")
        yield from row(_("New due date"), DateField(id="due"))
        placeholder = _("optional: who asked for the delay, and why")
        yield from row(_("Reason"), line(id="reason", placeholder=placeholder))

    def on_mount(self) -> None:
        self._show_due_now()

    def watch_today(self, today) -> None:
        super().watch_today(today)
        self._show_due_now()

    def _show_due_now(self) -> None:
        """The due date as it stands, in words as of today (its colours need the screen)."""
        self.query_one("#due-now", Static).update(due_line(self.deadline(self.request), self))

    def has_date(self) -> bool:
        return self.request.due is not None

    def save(self) -> RequestRecord | None:
        reason = self.query_one("#reason", Input).value
        if self.removing:
            return requests.redate_request(
                self.request.id, None, reason, expected_version=self.read_version
            )
        field = self.query_one("#due", DateField)
        if not field.text.strip():
            if self.request.due is None:
                raise FieldError(_("Type a new date"), "due")
            raise FieldError(_("Type a new date, or ctrl+r to remove the due date"), "due")
        if field.error:
            raise FieldError(field.error, "due")
        if field.date == self.request.due:
            raise FieldError(_("That is already the due date"), "due")
        if self.asks_about_past_due(field.date):
            return None
        return requests.redate_request(
            self.request.id, field.date, reason, expected_version=self.read_version
        )
