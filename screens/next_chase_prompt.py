"""Naming the day to chase the vendor next (`w`, DESIGN §12): on that day the request is due
for a chase, however recently it moved. Any date form of §4 works, business days included.

As with the due date, removing the day is its own key (ctrl+r: screens/bases/date_prompt.py).
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static

from daicho.data.chasing import set_next_chase
from daicho.data.records import RequestRecord
from daicho.i18n import N_, _
from daicho.screens.bases.date_prompt import DatePrompt
from daicho.screens.bases.form import FieldError, row
from daicho.screens.support.rendering import stored_day
from daicho.widgets.date_field import DateField


class NextChasePrompt(DatePrompt):
    """Dismisses with the RequestRecord as saved, or None when cancelled."""

    AUTO_FOCUS = "#next-chase Input"
    DRAFT_FORM = "next_chase"
    BINDINGS: ClassVar = [
        Binding("ctrl+r", "remove", N_("Remove next chase date"), id="next_chase.remove"),
    ]

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Next chase"), request)

    def compose_prompt(self) -> ComposeResult:
        upcoming = self.request.next_chase
        now = stored_day(upcoming.isoformat()) if upcoming else _("none")
        yield Label(_("Next chase now"), classes="form-label")
        yield Static(now, markup=False)
        placeholder = _("+3, fri, 11/30, 来週金曜")
        yield from row(_("Next chase"), DateField(id="next-chase", placeholder=placeholder))

    def has_date(self) -> bool:
        return self.request.next_chase is not None

    def save(self) -> RequestRecord:
        if self.removing:
            return set_next_chase(self.request.id, None, expected_version=self.read_version)
        field = self.query_one("#next-chase", DateField)
        if not field.text.strip():
            if self.request.next_chase is None:
                raise FieldError(_("Type a date"), "next-chase")
            raise FieldError(_("Type a date, or ctrl+r to remove the next chase"), "next-chase")
        if field.error:
            raise FieldError(field.error, "next-chase")
        if field.date <= self.today:
            raise FieldError(_("The next chase is a day after today"), "next-chase")
        return set_next_chase(self.request.id, field.date, expected_version=self.read_version)
