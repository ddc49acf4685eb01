"""The two-way request queue's items: open, answer, close, cancel, re-date, note.

Every change writes its history event, and the search index, in the same transaction as
the change itself.
"""

from datetime import date

from peewee import JOIN

from daicho.data.dates import clock
from daicho.data.errors import InputError, NotFound
from daicho.data.models import Contact, Request, RequestEvent, Vendor, database
from daicho.data.records import (
    REQUEST_DIRECTIONS,
    REQUEST_PRIORITIES,
    RequestEventRecord,
    RequestRecord,
)
from daicho.data.search.index import index_new, reindexing
from daicho.data.text import clean_block, clean_line
from daicho.data.validate import choice, required_line
from daicho.data.vendors import find_contact, find_vendor
from daicho.i18n import _
from daicho.i18n.labels import label


def request_query():
    """Requests with their vendor's and contact's names, ready for `request_record`."""
    return (
        Request.select(
            Request, Vendor.name.alias("vendor_name"), Contact.name.alias("contact_name")
        )
        .join(Vendor)
        .switch(Request)
        .join(Contact, JOIN.LEFT_OUTER)
        .switch(Request)
        .objects()
    )


def request_record(row: Request) -> RequestRecord:
    return RequestRecord(
        id=row.id,
        direction=row.direction,
        vendor_id=row.vendor_id,
        vendor_name=row.vendor_name,
        contact_id=row.contact_id,
        contact_name=row.contact_name or "",
        call_id=row.call_id,
        subject=row.subject,
        body=row.body,
        internal_notes=row.internal_notes,
        due=row.due,
        priority=row.priority,
        status=row.status,
        answer=row.answer,
        created_at=row.created_at,
        updated_at=row.updated_at,
        assignee=row.assignee,
        created_by=row.created_by,
        changed_by=row.changed_by,
    )


def get_request(request_id: int) -> RequestRecord:
    row = request_query().where(Request.id == request_id).get_or_none()
    if row is None:
        raise NotFound(_("No request with id {id}", id=request_id))
    return request_record(row)


def insert_request(
    vendor_id: int,
    direction: str,
    subject: str,
    *,
    body: str = "",
    internal_notes: str = "",
    due: date | None = None,
    priority: str = "normal",
    contact_id: int | None = None,
    call_id: int | None = None,
    assignee: str = "",
) -> int:
    """Insert a request and its `created` event; the caller holds the transaction.

    `assignee` (担当) is the [user] name of who takes care of it, "" for nobody in particular.
    """
    now = clock.utcnow()
    request = Request.create(
        direction=choice(direction, REQUEST_DIRECTIONS, _("Direction")),
        vendor=vendor_id,
        contact=contact_id,
        call=call_id,
        subject=required_line(subject, _("Subject")),
        body=clean_block(body),
        internal_notes=clean_block(internal_notes),
        due=due,
        priority=choice(priority, REQUEST_PRIORITIES, _("Priority")),
        assignee=clean_line(assignee),
        created_at=now,
        updated_at=now,
    )
    RequestEvent.create(request=request, at=now, kind="created", new_value="open")
    index_new("request", request.id)
    return request.id


def open_request(
    vendor: int | str, direction: str, subject: str, *, contact_name: str = "", **details
) -> RequestRecord:
    """Put a new item in the queue: `outbound` we wait on them, `inbound` we owe them.

    `vendor` is its id, or its name as the user typed it (found as `find_vendor` finds it);
    `contact_name`, as typed, names one of its contacts (instead of `contact_id`). Names are
    looked up inside the transaction; one that names nothing is an InputError whose `field`
    is "vendor" or "contact".
    """
    with database.atomic():
        vendor_id = _vendor_id(vendor)
        if contact_name := clean_line(contact_name):
            details["contact_id"] = _contact_id(vendor_id, contact_name)
        request_id = insert_request(vendor_id, direction, subject, **details)
    return get_request(request_id)


def _vendor_id(vendor: int | str) -> int:
    if isinstance(vendor, str):
        name = required_line(vendor, _("Vendor"))
        if (found := find_vendor(name)) is None:
            raise NotFound(_("No vendor named {name}", name=name), "vendor")
        return found.id
    if Vendor.get_or_none(Vendor.id == vendor) is None:
        raise NotFound(_("No vendor with id {id}", id=vendor))
    return vendor


def _contact_id(vendor_id: int, name: str) -> int:
    if (found := find_contact(vendor_id, name)) is None:
        raise NotFound(_("No contact named {name} at this vendor", name=name), "contact")
    return found.id


def _change_status(request_id: int, status: str, note: str, answer: str | None = None):
    note = clean_block(note)
    with database.atomic(), reindexing("request", request_id):
        row = _request_row(request_id)
        if row.status == status:
            raise InputError(_("The request is already {status}", status=label(status)))
        now = clock.utcnow()
        RequestEvent.create(
            request=row,
            at=now,
            kind="status_changed",
            old_value=row.status,
            new_value=status,
            note=note,
        )
        row.status = status
        if answer is not None:
            row.answer = answer
        row.updated_at = now
        row.save()
    return get_request(request_id)


def answer_request(request_id: int, answer: str = "") -> RequestRecord:
    """Outbound: they answered us. Inbound: we did what they asked (shown as done)."""
    answer = clean_block(answer)
    return _change_status(request_id, "answered", answer, answer=answer)


def close_request(request_id: int, note: str = "") -> RequestRecord:
    return _change_status(request_id, "closed", note)


def cancel_request(request_id: int, note: str = "") -> RequestRecord:
    return _change_status(request_id, "cancelled", note)


def reopen_request(request_id: int, note: str = "") -> RequestRecord:
    return _change_status(request_id, "open", note)


def redate_request(request_id: int, due: date | None, note: str = "") -> RequestRecord:
    """Move the due date (None removes it), keeping the old date in the history."""
    with database.atomic(), reindexing("request", request_id):
        row = _request_row(request_id)
        now = clock.utcnow()
        RequestEvent.create(
            request=row,
            at=now,
            kind="due_changed",
            old_value=row.due.isoformat() if row.due else "",
            new_value=due.isoformat() if due else "",
            note=clean_block(note),
        )
        row.due = due
        row.updated_at = now
        row.save()
    return get_request(request_id)


def add_request_note(request_id: int, note: str) -> RequestRecord:
    note = clean_block(note)
    if not note:
        raise InputError(_("{what} cannot be empty", what=_("Note")))
    with database.atomic(), reindexing("request", request_id):
        row = _request_row(request_id)
        now = clock.utcnow()
        RequestEvent.create(request=row, at=now, kind="note_added", note=note)
        row.updated_at = now
        row.save()
    return get_request(request_id)


def edit_request(request_id: int, **changes) -> RequestRecord:
    """Change subject, body, internal notes, priority, contact or assignee; the history records
    which fields changed."""
    fields = {}
    for key, value in changes.items():
        if key == "subject":
            fields[key] = required_line(value, _("Subject"))
        elif key == "assignee":
            fields[key] = clean_line(value)
        elif key in ("body", "internal_notes"):
            fields[key] = clean_block(value)
        elif key == "priority":
            fields[key] = choice(value, REQUEST_PRIORITIES, _("Priority"))
        elif key == "contact_id":
            fields["contact"] = value
        else:
            raise TypeError(f"unknown request field {key!r}")
    with database.atomic(), reindexing("request", request_id):
        row = _request_row(request_id)
        now = clock.utcnow()
        for key, value in fields.items():
            setattr(row, key, value)
        row.updated_at = now
        row.save()
        RequestEvent.create(request=row, at=now, kind="edited", new_value=", ".join(changes))
    return get_request(request_id)


def request_history(request_id: int) -> list[RequestEventRecord]:
    """The request's events, oldest first."""
    query = (
        RequestEvent.select()
        .where(RequestEvent.request == request_id)
        .order_by(RequestEvent.at, RequestEvent.id)
    )
    return [
        RequestEventRecord(e.at, e.kind, e.old_value, e.new_value, e.note, e.created_by)
        for e in query
    ]


def _request_row(request_id: int) -> Request:
    row = Request.get_or_none(Request.id == request_id)
    if row is None:
        raise NotFound(_("No request with id {id}", id=request_id))
    return row
