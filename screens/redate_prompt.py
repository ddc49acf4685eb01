"""Moving a request's due date (`t`): type the new date as anywhere else, then enter.

Removing the date is its own key (ctrl+r), never an empty field: `t` then a stray `enter`
saves nothing, and `-` stays free for the date field's own `-1` (yesterday).
"""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from daicho.data import requests
from daicho.data.records import RequestRecord
from daicho.i18n import N_, _
from daicho.screens.form_base import FieldError, row
from daicho.screens.rendering import due_line
from daicho.screens.request_prompt import RequestPrompt
from daicho.widgets.date_field import DateField


class RedatePrompt(RequestPrompt):
    """Dismisses with the re-dated RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#due Input"
    DRAFT_FORM = "redate"
    BINDINGS: ClassVar = [
        Binding("ctrl+r", "remove_due", N_("Remove due date"), id="redate.remove"),
    ]

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Re-date"), request)
        self.removing = False  # the save asked for is "no due date"

    def compose_prompt(self) -> ComposeResult:
        yield Label(_("Due now"), classes="form-label")
        yield Static(due_line(self.request, self.app.config.soon_days))
        yield from row(_("New due date"), DateField(id="due"))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "remove_due":
            return self.request.due is not None
        return True

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_remove_due(self) -> None:
        self.removing = True
        try:
            self.action_save()
        finally:
            self.removing = False

    def save(self) -> RequestRecord:
        if self.removing:
            return requests.redate_request(self.request.id, None)
        field = self.query_one("#due", DateField)
        if not field.text.strip():
            if self.request.due is None:
                raise FieldError(_("Type a new date"), "due")
            raise FieldError(_("Type a new date, or ctrl+r to remove the due date"), "due")
        if field.error:
            raise FieldError(field.error, "due")
        if field.due == self.request.due:
            raise FieldError(_("That is already the due date"), "due")
        return requests.redate_request(self.request.id, field.due)
