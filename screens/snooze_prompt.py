"""Snoozing an item of the day's list (`z`): it leaves the list until the date typed, and
comes back on that day. The date is typed as anywhere else (DESIGN §4); the field starts on
the next business day, so that `z` then `enter` puts it off until then."""

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from daicho.data.chasing import snooze_request
from daicho.data.dates.settings import business_calendar
from daicho.data.records import RequestRecord
from daicho.i18n import _
from daicho.screens.bases.form import FieldError, row
from daicho.screens.bases.request_prompt import RequestPrompt
from daicho.widgets.date_field import DateField


class SnoozePrompt(RequestPrompt):
    """Dismisses with the snoozed RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#until Input"
    DRAFT_FORM = "snooze"

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Snooze"), request)

    def compose_prompt(self) -> ComposeResult:
        day = business_calendar().add(self.today, 1)
        placeholder = _("back on: +3, fri, 12/1, 来週月曜")
        field = DateField(day.isoformat(), id="until", placeholder=placeholder)
        yield from row(_("Back on"), field)

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def save(self) -> RequestRecord:
        field = self.query_one("#until", DateField)
        if not field.text.strip():
            raise FieldError(_("Type the day it comes back"), "until")
        if field.error:
            raise FieldError(field.error, "until")
        if field.date <= self.today:
            raise FieldError(_("Snooze to a day after today"), "until")
        return snooze_request(self.request.id, field.date, expected_version=self.read_version)
