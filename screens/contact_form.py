"""The contact form (`a` new, `e` edit on vendor detail): only the name is required."""

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Label, Static

from daicho.data import vendors
from daicho.data.records import ContactRecord
from daicho.data.text import clean_line
from daicho.i18n import _
from daicho.screens.bases.form import FieldError, block, line, row
from daicho.screens.bases.reading_form import ReadingForm
from daicho.widgets.tick_box import TickBox

_NEW_AT = "new-at-"  # a new contact's draft key: this and the vendor's id
_TEXT_FIELDS = ("name", "reading", "role", "department", "phone", "mobile", "email", "notes")


class ContactForm(ReadingForm):
    """New contact at `vendor_id`, or edit `contact`; dismisses with the saved ContactRecord.
    The reading is suggested as the name is typed (screens/bases/reading_form.py)."""

    AUTO_FOCUS = "#name"
    DRAFT_FORM = "contact"

    def __init__(self, vendor_id: int, contact: ContactRecord | None = None) -> None:
        super().__init__(_("Edit contact") if contact else _("New contact"))
        self.vendor_id = vendor_id
        self.contact = contact
        self.read_version = contact.version if contact else None
        self._other_primary: ContactRecord | None = None

    def draft_key(self) -> str:
        return str(self.contact.id) if self.contact else f"{_NEW_AT}{self.vendor_id}"

    @classmethod
    def for_draft(cls, key: str) -> "ContactForm":
        if key.startswith(_NEW_AT):
            return cls(vendors.get_vendor(int(key.removeprefix(_NEW_AT))).id)
        contact = vendors.get_contact(int(key))
        return cls(contact.vendor_id, contact)

    def compose_fields(self) -> ComposeResult:
        yield from row(_("Contact name"), line(id="name"))
        yield from row(_("Reading"), line(id="reading"))
        yield from row(_("Role"), line(id="role"))
        yield from row(_("Department"), line(id="department"))
        yield from row(_("Phone"), line(id="phone"))
        yield from row(_("Mobile"), line(id="mobile"))
        yield from row(_("Email"), line(id="email"))
        yield from row(_("Notes"), block(id="notes"))
        primary = self.contact.is_primary if self.contact else False
        yield from row("", TickBox(_("Primary contact"), primary, compact=True, id="is_primary"))
        yield Label("", classes="primary-note")  # the note's row has no label
        yield Static("", id="primary-note", classes="primary-note", markup=False)

    def on_mount(self) -> None:
        if self.contact:
            self.load({name: getattr(self.contact, name) for name in _TEXT_FIELDS})
        self._other_primary = self._read_other_primary()
        self._show_primary_note()

    def _read_other_primary(self) -> ContactRecord | None:
        """The vendor's primary contact when it is someone else: ticking takes it from them."""
        primary = vendors.primary_contact(self.vendor_id)
        is_this = primary is not None and self.contact is not None and primary.id == self.contact.id
        return None if is_this else primary

    @on(Checkbox.Changed, "#is_primary")
    def _show_primary_note(self) -> None:
        """Who is primary now, and that saving with the box ticked moves it here."""
        note = self.query_one("#primary-note", Static)
        other = self._other_primary
        self.query(".primary-note").set(display=other is not None)
        if other is not None:
            if self.query_one("#is_primary", TickBox).value:
                note.update(_("Primary now: {name}; saving moves it here", name=other.name))
            else:
                note.update(_("Primary now: {name}", name=other.name))

    def save(self) -> ContactRecord:
        fields = self.snapshot()
        name = fields.pop("name")
        if not clean_line(name):
            raise FieldError(_("{what} cannot be empty", what=_("Contact name")), "name")
        other = self._read_other_primary()
        if self.contact is None:
            saved = vendors.create_contact(self.vendor_id, name, **fields)
        else:
            before = {key: getattr(self.contact, key) for key in (*_TEXT_FIELDS, "is_primary")}
            saved = self.write_changes(
                "contact",
                self.contact,
                before,
                {"name": name, **fields},
                vendors.update_contact,
                vendors.get_contact,
            )
        if saved.is_primary and other is not None:
            self.notify(
                _(
                    "{name} is now the primary contact, instead of {other}",
                    name=saved.name,
                    other=other.name,
                ),
                markup=False,
            )
        return saved
