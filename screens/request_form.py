"""The request form (`r`): one item for the two-way queue, for a vendor already in the ledger."""

from textual import work
from textual.app import ComposeResult
from textual.widgets import Input

from daicho.data import requests, vendors
from daicho.data.models import REQUEST_DIRECTIONS, REQUEST_PRIORITIES, database
from daicho.data.records import RequestRecord, VendorRow
from daicho.data.text import clean_line
from daicho.i18n import _
from daicho.screens.bases.form import FieldError, FormModal, block, choice, line, required, row
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
        yield from row(_("Details"), block(id="body"))

    def on_mount(self) -> None:
        self.query_one("#subject" if self.vendor_id is not None else "#vendor").focus()
        self.load_vendor_names()
        if self.vendor_id is not None:
            self._load_contacts(self.vendor_id)

    @work(thread=True, exclusive=True, group="request-form-vendors", exit_on_error=False)
    def load_vendor_names(self) -> None:
        with database.connection_context():
            rows = vendors.list_vendors(include_hidden=True)
        self.app.call_from_thread(self._vendor_names_loaded, rows)

    def _vendor_names_loaded(self, rows: list[VendorRow]) -> None:
        if not self.is_attached:
            return
        self._vendor_ids = {row.name.casefold(): row.id for row in rows}
        vendor = self.query_one("#vendor", CompletingInput)
        vendor.set_names([(row.name, row.reading) for row in rows])
        self._follow_vendor(vendor.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "vendor":
            self._follow_vendor(event.value)

    def _follow_vendor(self, name: str) -> None:
        """A vendor name that matches one in the ledger brings its contacts to completion."""
        vendor_id = self._vendor_ids.get(clean_line(name).casefold())
        if vendor_id is not None:
            self._load_contacts(vendor_id)

    def _load_contacts(self, vendor_id: int) -> None:
        if vendor_id != self._contacts_of:
            self._contacts_of = vendor_id
            self.load_contact_names(vendor_id)

    @work(thread=True, exclusive=True, group="request-form-contacts", exit_on_error=False)
    def load_contact_names(self, vendor_id: int) -> None:
        with database.connection_context():
            names = [(c.name, c.reading) for c in vendors.list_contacts(vendor_id)]
        self.app.call_from_thread(self._contact_names_loaded, vendor_id, names)

    def _contact_names_loaded(self, vendor_id: int, names: list[tuple[str, str]]) -> None:
        if self.is_attached and vendor_id == self._contacts_of:
            self.query_one("#contact", CompletingInput).set_names(names)

    def save(self) -> RequestRecord | None:
        fields = self.snapshot()
        vendor_id = self._vendor_id(required(fields["vendor"], "vendor", _("Vendor")))
        contact_id = self._contact_id(vendor_id, clean_line(fields["contact"]))
        subject = required(fields["subject"], "subject", _("Subject"))
        due_field = self.query_one("#due", DateField)
        if due_field.error:
            raise FieldError(due_field.error, "due")
        if self.asks_about_past_due(due_field.due):
            return None
        return requests.open_request(
            vendor_id,
            fields["direction"],
            subject,
            body=fields["body"],
            due=due_field.due,
            priority=fields["priority"],
            contact_id=contact_id,
        )

    def _vendor_id(self, name: str) -> int:
        """The vendor given to the form while its name is unchanged, else the one named."""
        if self.vendor_id is not None and name.casefold() == self.vendor_name.casefold():
            return self.vendor_id
        vendor = vendors.find_vendor(name)
        if vendor is None:
            raise FieldError(_("No vendor named {name}", name=name), "vendor")
        return vendor.id

    def _contact_id(self, vendor_id: int, name: str) -> int | None:
        if not name:
            return None
        contact = vendors.find_contact(vendor_id, name)
        if contact is None:
            raise FieldError(_("No contact named {name} at this vendor", name=name), "contact")
        return contact.id
