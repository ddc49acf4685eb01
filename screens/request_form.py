"""The request form (`r`): one item for the two-way queue, for a vendor already in the ledger.

A request we wait on, to a vendor that has answered often enough, suggests its due date from
how fast that vendor answers (DESIGN §12); Tab in the empty due field takes it.
"""

from datetime import date
from functools import partial

from textual.app import ComposeResult
from textual.widgets import Input

from daicho.data import requests, vendors
from daicho.data.answer_times import AnswerTime, business_days_words, suggested_due
from daicho.data.records import (
    REQUEST_DIRECTIONS,
    REQUEST_PRIORITIES,
    ContactRecord,
    RequestRecord,
    VendorRow,
)
from daicho.data.text import clean_line
from daicho.i18n import _
from daicho.screens.bases.form import FieldError, FormModal, block, choice, line, required, row
from daicho.screens.support.ledger_access import read_ledger
from daicho.screens.support.people import assignee_field, suggest_people
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.completing_input import NAME_PLACEHOLDER, CompletingInput
from daicho.widgets.date_field import DateField


class NewRequestForm(FormModal):
    """Open a request; dismisses with the saved RequestRecord, or None.

    With a vendor given the cursor starts in the subject: the vendor is usually the one
    selected in the list. Vendor names for completion load in a worker, once.
    """

    AUTO_FOCUS = ""  # on_mount picks the subject or the vendor
    DRAFT_FORM = "request"

    def __init__(self, vendor_id: int | None = None, vendor_name: str = "") -> None:
        super().__init__(_("New request"))
        self.vendor_id = vendor_id
        self.vendor_name = clean_line(vendor_name)
        self._vendor_ids: dict[str, int] = {}  # casefolded name to id, once loaded
        self._contacts_of: int | None = None
        self._chosen: int | None = vendor_id  # the vendor the name typed names, when known

    @classmethod
    def for_draft(cls, key: str) -> "NewRequestForm":
        return cls()

    def compose_fields(self) -> ComposeResult:
        yield from row(_("Direction"), choice(REQUEST_DIRECTIONS, "outbound", id="direction"))
        yield from row(
            _("Vendor"),
            line(self.vendor_name, id="vendor", placeholder=_(NAME_PLACEHOLDER)),
        )
        yield from row(
            _("Contact"),
            line(id="contact", placeholder=_("optional")),
        )
        yield from row(_("Subject"), line(id="subject"))
        yield from row(_("Due"), DateField(id="due"))
        yield from row(_("Priority"), choice(REQUEST_PRIORITIES, "normal", id="priority"))
        yield from row(_("Details (goes into mails to the vendor)"), block(id="body"))
        yield from row(_("Internal memo (never in a mail)"), block(id="internal_notes"))
        yield from row(_("Assignee"), assignee_field())

    def on_mount(self) -> None:
        self.query_one("#subject" if self.vendor_id is not None else "#vendor").focus()
        self.load_vendor_names()
        suggest_people(self)
        if self.vendor_id is not None:
            self._load_contacts(self.vendor_id)
        self._suggest_due()

    def load_vendor_names(self) -> None:
        read = partial(vendors.list_vendors, include_hidden=True)
        read_ledger(self, read, self._vendor_names_loaded, kind="vendors")

    def _vendor_names_loaded(self, rows: list[VendorRow]) -> None:
        self._vendor_ids = {row.name.casefold(): row.id for row in rows}
        vendor = self.query_one("#vendor", CompletingInput)
        vendor.set_names([(row.name, row.reading) for row in rows])
        self._follow_vendor(vendor.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "vendor":
            self._follow_vendor(event.value)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if event.field.id == "direction":
            self._suggest_due()

    def _follow_vendor(self, name: str) -> None:
        """A vendor name that matches one in the ledger brings its contacts to completion and
        its due date suggestion; one that matches none takes the suggestion away."""
        if not self._vendor_ids:
            return  # the names are not read yet: the vendor given (if any) stands
        vendor_id = self._vendor_ids.get(clean_line(name).casefold())
        if vendor_id is not None:
            self._load_contacts(vendor_id)
        if vendor_id != self._chosen:
            self._chosen = vendor_id
            self._suggest_due()

    def _suggest_due(self) -> None:
        """Read the due date the chosen vendor's answers suggest, for a request we wait on."""
        vendor_id = self._chosen if self.query_one("#direction").value == "outbound" else None
        read = partial(suggested_due, vendor_id, self.today) if vendor_id is not None else None
        read_ledger(self, read or (lambda: None), self._show_suggestion, kind="suggested-due")

    def _show_suggestion(self, suggested: tuple[AnswerTime, date] | None) -> None:
        due = self.query_one("#due", DateField)
        if suggested is None:
            due.suggestion = None
            return
        found, day = suggested
        why = _("usually answers in {span}", span=business_days_words(found.days))
        due.suggestion = (day, why)

    def _load_contacts(self, vendor_id: int) -> None:
        if vendor_id != self._contacts_of:
            self._contacts_of = vendor_id
            self.load_contact_names(vendor_id)

    def load_contact_names(self, vendor_id: int) -> None:
        read = partial(vendors.list_contacts, vendor_id)
        read_ledger(self, read, self._contact_names_loaded, kind="contacts")

    def _contact_names_loaded(self, contacts: list[ContactRecord]) -> None:
        names = [(contact.name, contact.reading) for contact in contacts]
        self.query_one("#contact", CompletingInput).set_names(names)

    def save(self) -> RequestRecord | None:
        """The vendor and contact as typed: the service finds them as it saves (the vendor
        given to the form while its name is unchanged)."""
        fields = self.snapshot()
        vendor_name = required(fields["vendor"], "vendor", _("Vendor"))
        unchanged = (
            self.vendor_id is not None and vendor_name.casefold() == self.vendor_name.casefold()
        )
        required(fields["subject"], "subject", _("Subject"))
        due_field = self.query_one("#due", DateField)
        if due_field.error:
            raise FieldError(due_field.error, "due")
        if self.asks_about_past_due(due_field.date):
            return None
        return requests.open_request(
            self.vendor_id if unchanged else fields["vendor"],
            fields["direction"],
            fields["subject"],
            contact_name=fields["contact"],
            body=fields["body"],
            internal_notes=fields["internal_notes"],
            due=due_field.date,
            priority=fields["priority"],
            assignee=fields["assignee"],
        )
