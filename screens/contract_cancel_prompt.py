"""Cancelling a contract (`k` in its detail): the day notice was given, today unless typed
otherwise (any date form of DESIGN §4); enter or ctrl+s records it."""

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from daicho.data.contracts.store import cancel_contract
from daicho.data.records import ContractRecord
from daicho.i18n import _
from daicho.screens.bases.form import FieldError, FieldsModal, row
from daicho.widgets.date_field import DateField


class ContractCancelPrompt(FieldsModal):
    """Dismisses with the cancelled ContractRecord, or None when left."""

    AUTO_FOCUS = "#notice_given Input"

    def __init__(self, contract: ContractRecord) -> None:
        super().__init__(_("Cancel the contract"))
        self.contract = contract
        self.read_version = contract.version

    def compose_fields(self) -> ComposeResult:
        yield Label(_("Contract"), classes="form-label")
        yield Static(f"{self.contract.vendor_name} · {self.contract.title}", markup=False)
        field = DateField(
            self.today.isoformat(), id="notice_given", placeholder=_("today, 12/1, 昨日")
        )
        yield from row(_("Notice given on"), field)

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def save(self) -> ContractRecord:
        field = self.query_one("#notice_given", DateField)
        if field.error:
            raise FieldError(field.error, "notice_given")
        if field.date is None:
            raise FieldError(_("Type the day notice was given"), "notice_given")
        if field.date > self.today:
            raise FieldError(_("Notice cannot be given after today"), "notice_given")
        return cancel_contract(self.contract.id, field.date, expected_version=self.read_version)
