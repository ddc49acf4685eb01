"""The vendor form (`v` new, `e` edit): only the name is required, the rest can wait."""

from textual.app import ComposeResult

from daicho.data import vendors
from daicho.data.records import VENDOR_CATEGORIES, VENDOR_STATUSES, VendorRecord
from daicho.i18n import _
from daicho.screens.bases.form import block, choice, line, required, row
from daicho.screens.bases.reading_form import ReadingForm


class VendorForm(ReadingForm):
    """New vendor, or edit `vendor`; dismisses with the saved VendorRecord, or None. The
    reading is suggested as the name is typed (screens/bases/reading_form.py)."""

    AUTO_FOCUS = "#name"
    DRAFT_FORM = "vendor"

    def __init__(self, vendor: VendorRecord | None = None) -> None:
        super().__init__(_("Edit vendor") if vendor else _("New vendor"))
        self.vendor = vendor
        self.read_version = vendor.version if vendor else None
        self._warned_name = ""  # a duplicate name saves on the second ctrl+s

    def draft_key(self) -> str:
        return str(self.vendor.id) if self.vendor else ""

    @classmethod
    def for_draft(cls, key: str) -> "VendorForm":
        return cls(vendors.get_vendor(int(key)) if key else None)

    def compose_fields(self) -> ComposeResult:
        yield from row(_("Vendor name"), line(id="name"))
        yield from row(_("Reading"), line(id="reading"))
        yield from row(_("Category"), choice(VENDOR_CATEGORIES, "other", id="category"))
        yield from row(_("Status"), choice(VENDOR_STATUSES, "active", id="status"))
        yield from row(_("Phone"), line(id="phone"))
        yield from row(_("Web"), line(id="website"))
        yield from row(_("Tags"), line(id="tags"))
        yield from row(_("Notes"), block(id="notes"))

    def on_mount(self) -> None:
        if self.vendor:
            self.load(_as_fields(self.vendor))

    def save(self) -> VendorRecord | None:
        fields = self.snapshot()
        name = required(fields.pop("name"), "name", _("Vendor name"))
        other = self._unwarned_duplicate(name)
        if other is not None:
            self._warned_name = name
            self.show_error(
                _(
                    "A vendor named {name} already exists: ctrl+s again saves another",
                    name=other.name,
                ),
                warning=True,
            )
            return None
        if self.vendor is None:
            return vendors.create_vendor(name, **fields)
        before, fields = _as_fields(self.vendor), {"name": name, **fields}
        return self.write_changes(
            "vendor", self.vendor, before, fields, vendors.update_vendor, vendors.get_vendor
        )

    def _unwarned_duplicate(self, name: str) -> VendorRecord | None:
        """Another vendor of this name (as names match: `㈱東和` is 株式会社東和), when the
        user has not been told yet and the name is new here."""
        if name.casefold() == self._warned_name.casefold():
            return None
        if self.vendor and name.casefold() == self.vendor.name.casefold():
            return None
        other = vendors.find_vendor(name)
        if other is None or (self.vendor is not None and other.id == self.vendor.id):
            return None
        return other


def _as_fields(vendor: VendorRecord) -> dict[str, str]:
    """The record as the form's fields hold it (tags as one line of words)."""
    return {
        "name": vendor.name,
        "reading": vendor.reading,
        "category": vendor.category,
        "status": vendor.status,
        "phone": vendor.phone,
        "website": vendor.website,
        "tags": " ".join(vendor.tags),
        "notes": vendor.notes,
    }
