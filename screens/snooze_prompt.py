"""Snoozing an item of the day's list (`z`): it leaves the list until the date typed, and
comes back on that day. The date is typed as anywhere else (DESIGN §4); the field starts on
the next business day, so that `z` then `enter` puts it off until then.

A request's snooze keeps its typing as a draft, like every request prompt; a contract's is
the same field alone."""

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from daicho.data.chasing import snooze_request
from daicho.data.contracts.store import snooze_contract
from daicho.data.dates.settings import business_calendar
from daicho.data.records import ContractRecord, RequestRecord
from daicho.i18n import _
from daicho.screens.bases.form import FieldError, FieldsModal, row
from daicho.screens.bases.request_prompt import RequestPrompt
from daicho.widgets.date_field import DateField


class SnoozePrompt(RequestPrompt):
    """Dismisses with the snoozed RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#until Input"
    DRAFT_FORM = "snooze"

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Snooze"), request)

    def compose_prompt(self) -> ComposeResult:
        yield from _until_row(self.today)

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def save(self) -> RequestRecord:
        until = _until(self.query_one("#until", DateField), self.today)
        return snooze_request(self.request.id, until, expected_version=self.read_version)


class ContractSnoozePrompt(FieldsModal):
    """Snoozes a contract's decision; dismisses with the ContractRecord, or None."""

    AUTO_FOCUS = "#until Input"

    def __init__(self, contract: ContractRecord) -> None:
        super().__init__(_("Snooze"))
        self.contract = contract
        self.read_version = contract.version

    def compose_fields(self) -> ComposeResult:
        yield Label(_("Contract name"), classes="form-label")
        yield Static(Text(f"{self.contract.title} · {self.contract.vendor_name}"))
        yield from _until_row(self.today)

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def save(self) -> ContractRecord:
        until = _until(self.query_one("#until", DateField), self.today)
        return snooze_contract(self.contract.id, until, expected_version=self.read_version)


def _until_row(today: date) -> ComposeResult:
    day = business_calendar().add(today, 1)
    placeholder = _("back on: +3, fri, 12/1, 来週月曜")
    yield from row(_("Back on"), DateField(day.isoformat(), id="until", placeholder=placeholder))


def _until(field: DateField, today: date) -> date:
    """The day typed, after today; FieldError otherwise."""
    if not field.text.strip():
        raise FieldError(_("Type the day it comes back"), "until")
    if field.error:
        raise FieldError(field.error, "until")
    if field.date <= today:
        raise FieldError(_("Snooze to a day after today"), "until")
    return field.date
