"""Vendors and their contacts: create, edit, and the vendor list with open and overdue counts."""

import operator
from contextlib import ExitStack
from datetime import date, datetime
from functools import reduce

from peewee import JOIN, Case, fn

from daicho.data.dates import clock
from daicho.data.engines import holds
from daicho.data.errors import EditConflict, NotFound
from daicho.data.models import Contact, Contract, Request, Vendor, database
from daicho.data.names.folding import legal_forms_apart
from daicho.data.names.keys import match_key, matching_part, name_keys
from daicho.data.records import (
    VENDOR_CATEGORIES,
    VENDOR_STATUSES,
    ContactRecord,
    VendorRecord,
    VendorRow,
)
from daicho.data.search.index import index_new, reindexing
from daicho.data.search.text import fold
from daicho.data.text import clean_block, clean_line, split_tags
from daicho.data.validate import choice, required_line
from daicho.data.versions import changed, created, edit_conflict, write_change
from daicho.i18n import _

_VENDOR_LINES = ("reading", "phone", "website")
_CONTACT_LINES = ("reading", "role", "department", "phone", "mobile", "email")


def vendor_record(row: Vendor) -> VendorRecord:
    return VendorRecord(
        id=row.id,
        name=row.name,
        reading=row.reading,
        category=row.category,
        status=row.status,
        phone=row.phone,
        website=row.website,
        notes=row.notes,
        tags=tuple(row.tags.split()),
        created_at=row.created_at,
        updated_at=row.updated_at,
        created_by=row.created_by,
        changed_by=row.changed_by,
        version=row.version,
    )


def contact_record(row: Contact) -> ContactRecord:
    return ContactRecord(
        id=row.id,
        vendor_id=row.vendor_id,
        name=row.name,
        reading=row.reading,
        role=row.role,
        department=row.department,
        phone=row.phone,
        mobile=row.mobile,
        email=row.email,
        notes=row.notes,
        is_primary=row.is_primary,
        created_by=row.created_by,
        changed_by=row.changed_by,
        version=row.version,
    )


def _vendor_fields(changes: dict) -> dict:
    """Cleaned and checked column values from what the user typed."""
    fields = {}
    for key, value in changes.items():
        if key == "name":
            fields[key] = required_line(value, _("Vendor name"))
        elif key == "category":
            fields[key] = choice(value, VENDOR_CATEGORIES, _("Category"))
        elif key == "status":
            fields[key] = choice(value, VENDOR_STATUSES, _("Status"))
        elif key == "tags":
            fields[key] = " ".join(split_tags(value))
        elif key == "notes":
            fields[key] = clean_block(value)
        elif key in _VENDOR_LINES:
            fields[key] = clean_line(value)
        else:
            raise TypeError(f"unknown vendor field {key!r}")
    return fields


def create_vendor(name: str, **details) -> VendorRecord:
    """Add a vendor; only the name is required (category other, status active)."""
    fields = _vendor_fields({"name": name, **details})
    keys = name_keys(fields["name"], fields.get("reading", ""))
    now = clock.utcnow()
    with database.atomic():
        row = Vendor.create(**fields, **keys, **created(), created_at=now, updated_at=now)
        index_new("vendor", row.id)
    return vendor_record(row)


def update_vendor(
    vendor_id: int, *, expected_version: int | None = None, **changes
) -> VendorRecord:
    """Change a vendor read at `expected_version` (None: whatever it is now); EditConflict
    when someone changed it since, naming no fields (the form knows what it read)."""
    fields = _vendor_fields(changes)
    with database.atomic(), ExitStack() as reindexed:
        reindexed.enter_context(reindexing("vendor", vendor_id))
        if "name" in fields:  # a contract is found by its vendor's name too
            contracts = Contract.select(Contract.id).where(Contract.vendor == vendor_id)
            for (contract_id,) in contracts.tuples():
                reindexed.enter_context(reindexing("contract", contract_id))
        row = _vendor_row(vendor_id)
        if not write_change(row, _with_keys(row, fields), clock.utcnow(), expected_version):
            raise _conflict("vendor", _vendor_row(vendor_id))
    return get_vendor(vendor_id)


def _conflict(kind: str, now: Vendor | Contact) -> EditConflict:
    return edit_conflict(kind, now.changed_by, now.updated_at, now.version)


def _with_keys(row: Vendor | Contact, fields: dict) -> dict:
    """The changes to a row, with its name keys when its name or reading changes."""
    if "name" not in fields and "reading" not in fields:
        return fields
    name, reading = fields.get("name", row.name), fields.get("reading", row.reading)
    return {**fields, **name_keys(name, reading)}


def get_vendor(vendor_id: int) -> VendorRecord:
    return vendor_record(_vendor_row(vendor_id))


def find_vendor(name: str) -> VendorRecord | None:
    """The vendor with this name, if any: exactly (ignoring case and surrounding space), else
    the same name as matched (data/names/keys.match_key: `㈱東和` is 株式会社東和)."""
    name = clean_line(name)  # no NUL or lone surrogate reaches the database
    row = Vendor.get_or_none(fn.lower(Vendor.name) == name.lower())
    if row is None and name:
        key = match_key(name)
        part = matching_part(name)
        candidates = (
            Vendor.select()
            .where(holds(fn.replace(Vendor.filter_key, " ", ""), part))
            .order_by(Vendor.id)
        )
        row = next((v for v in candidates if match_key(v.name) == key), None)
    return vendor_record(row) if row else None


def _vendor_row(vendor_id: int) -> Vendor:
    row = Vendor.get_or_none(Vendor.id == vendor_id)
    if row is None:
        raise NotFound(_("No vendor with id {id}", id=vendor_id))
    return row


def list_vendors(
    text: str = "",
    *,
    include_hidden: bool = False,
    also: int | None = None,
    offset: int = 0,
    limit: int | None = None,
    today: date | None = None,
) -> list[VendorRow]:
    """Vendors in あいうえお order of their reading (data/names/keys.py), with counts of open
    and overdue requests.

    `text` narrows to vendors whose name or reading, or a contact's, contains it as search
    folds text (カ, か and ｶ alike). Prospects and inactive vendors show only with
    `include_hidden`. The vendor `also` is listed whatever the filter says: one just saved,
    shown to the user until they move on. Overdue is as of `today` (the app's; else the
    clock's).
    """
    text = clean_line(text)  # no NUL or lone surrogate reaches the database
    today = today or clock.today()
    is_open = Request.status == "open"
    open_count = fn.COUNT(Request.id)
    overdue = fn.SUM(Case(None, [((Request.due < today), 1)], 0))
    query = (
        Vendor.select(
            Vendor.id,
            Vendor.name,
            Vendor.reading,
            Vendor.category,
            Vendor.status,
            open_count.alias("open_count"),
            overdue.alias("overdue_count"),
        )
        .join(Request, JOIN.LEFT_OUTER, on=((Request.vendor == Vendor.id) & is_open))
        .group_by(Vendor.id)
        .order_by(Vendor.sort_key, Vendor.id)
    )
    wanted = [] if include_hidden else [Vendor.status == "active"]
    words = legal_forms_apart(fold(text))  # `東和(株)` finds 株式会社東和
    if words:
        in_vendor = reduce(operator.and_, [holds(Vendor.filter_key, w) for w in words])
        in_contact = reduce(operator.and_, [holds(Contact.filter_key, w) for w in words])
        by_contact = Contact.select(Contact.id).where((Contact.vendor == Vendor.id) & in_contact)
        wanted.append(in_vendor | fn.EXISTS(by_contact))
    if wanted:
        condition = reduce(operator.and_, wanted)
        query = query.where(condition if also is None else condition | (Vendor.id == also))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [
        VendorRow(id_, name, reading, category, status, open_count, overdue or 0)
        for id_, name, reading, category, status, open_count, overdue in query.tuples()
    ]


def _contact_fields(changes: dict) -> dict:
    fields = {}
    for key, value in changes.items():
        if key == "name":
            fields[key] = required_line(value, _("Contact name"))
        elif key == "notes":
            fields[key] = clean_block(value)
        elif key == "is_primary":
            fields[key] = bool(value)
        elif key in _CONTACT_LINES:
            fields[key] = clean_line(value)
        else:
            raise TypeError(f"unknown contact field {key!r}")
    return fields


def create_contact(vendor_id: int, name: str, **details) -> ContactRecord:
    """Add a contact at a vendor; marking it primary unmarks the vendor's other contacts."""
    fields = _contact_fields({"name": name, **details})
    keys = name_keys(fields["name"], fields.get("reading", ""))
    now = clock.utcnow()
    with database.atomic():
        _vendor_row(vendor_id)
        if fields.get("is_primary"):
            _unmark_primary(vendor_id, now)
        row = Contact.create(
            vendor=vendor_id, **fields, **keys, **created(), created_at=now, updated_at=now
        )
        index_new("contact", row.id)
    return contact_record(row)


def update_contact(
    contact_id: int, *, expected_version: int | None = None, **changes
) -> ContactRecord:
    """Change a contact read at `expected_version`, as `update_vendor` changes a vendor."""
    fields = _contact_fields(changes)
    now = clock.utcnow()
    with database.atomic(), reindexing("contact", contact_id):
        row = _contact_row(contact_id)
        if not write_change(row, _with_keys(row, fields), now, expected_version):
            raise _conflict("contact", _contact_row(contact_id))
        if fields.get("is_primary"):
            _unmark_primary(row.vendor_id, now, but=contact_id)
    return get_contact(contact_id)


def _unmark_primary(vendor_id: int, at: datetime, but: int | None = None) -> None:
    """The vendor's primary contact (but `but`) is primary no more: a change of that contact."""
    condition = (Contact.vendor == vendor_id) & Contact.is_primary
    if but is not None:
        condition &= Contact.id != but
    Contact.update({Contact.is_primary: False, **changed(Contact, at)}).where(condition).execute()


def get_contact(contact_id: int) -> ContactRecord:
    return contact_record(_contact_row(contact_id))


def _contact_row(contact_id: int) -> Contact:
    row = Contact.get_or_none(Contact.id == contact_id)
    if row is None:
        raise NotFound(_("No contact with id {id}", id=contact_id))
    return row


def list_contacts(vendor_id: int) -> list[ContactRecord]:
    """A vendor's contacts, the primary one first, then in あいうえお order of their reading."""
    query = (
        Contact.select()
        .where(Contact.vendor == vendor_id)
        .order_by(Contact.is_primary.desc(), Contact.sort_key, Contact.id)
    )
    return [contact_record(row) for row in query]


def primary_contact(vendor_id: int) -> ContactRecord | None:
    """The vendor's primary contact, if one is marked."""
    row = Contact.get_or_none((Contact.vendor == vendor_id) & Contact.is_primary)
    return contact_record(row) if row else None


def find_contact(vendor_id: int, name: str) -> ContactRecord | None:
    """The vendor's contact with exactly this name (ignoring case and surrounding space)."""
    row = Contact.get_or_none(
        (Contact.vendor == vendor_id) & (fn.lower(Contact.name) == clean_line(name).lower())
    )
    return contact_record(row) if row else None


def vendor_names_with_readings() -> list[tuple[str, str]]:
    """Every vendor's name and reading in あいうえお order, for completion as the user types."""
    query = Vendor.select(Vendor.name, Vendor.reading).order_by(Vendor.sort_key, Vendor.id)
    return list(query.tuples())
