"""The two-way request queue's items: open, answer, close, cancel, re-date, note.

Every change writes its history event, and the search index, in the same transaction as
the change itself.
"""

from datetime import date, datetime

from peewee import JOIN, fn

from daicho.data.dates import clock
from daicho.data.engines import stored_time
from daicho.data.errors import EditConflict, InputError, NotFound
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
from daicho.data.versions import created, edit_conflict, moment, write_change
from daicho.data.who import user_name
from daicho.i18n import _
from daicho.i18n.labels import label


def request_query():
    """Requests with their vendor's and contact's names and how often and when they were
    chased, ready for `request_record`."""
    return (
        Request.select(
            Request,
            Vendor.name.alias("vendor_name"),
            Contact.name.alias("contact_name"),
            *chase_columns(),
        )
        .join(Vendor)
        .switch(Request)
        .join(Contact, JOIN.LEFT_OUTER)
        .switch(Request)
        .objects()
    )


def chase_columns() -> tuple:
    """How often and when a request was chased (`times_chased`, `last_chased`), as columns of
    a query of requests: read from its history's chase events."""
    chases = RequestEvent.alias("chases")
    chased = chases.select().where((chases.request == Request.id) & (chases.kind == "chase"))
    return (
        chased.select(fn.COUNT(chases.id)).alias("times_chased"),
        chased.select(fn.MAX(chases.at)).alias("last_chased"),
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
        version=row.version,
        next_chase=row.next_chase,
        snoozed_until=row.snoozed_until,
        times_chased=row.times_chased,
        last_chased=stored_time(row.last_chased),
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
        **created(),
    )
    record_event(request.id, now, "created", new_value="open")
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
        vendor_id = vendor_id_of(vendor)
        if contact_name := clean_line(contact_name):
            details["contact_id"] = _contact_id(vendor_id, contact_name)
        request_id = insert_request(vendor_id, direction, subject, **details)
    return get_request(request_id)


def vendor_id_of(vendor: int | str) -> int:
    """A vendor named by its id, or by its name as the user typed it; NotFound (field
    "vendor") when there is none."""
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


def _change_status(
    request_id: int,
    status: str,
    note: str,
    expected_version: int | None,
    answer: str | None = None,
) -> RequestRecord:
    """A request made `status`; refused when it already is, saying who made it so and when."""
    note = clean_block(note)
    with database.atomic(), reindexing("request", request_id):
        row = request_row(request_id)
        if row.status == status:
            raise _already(row)
        values = {"status": status} if answer is None else {"status": status, "answer": answer}
        try:
            at = write_request_change(row, values, expected_version)
        except EditConflict:  # someone else's change came first: the same one, maybe
            if (now := request_row(request_id)).status == status:
                raise _already(now) from None
            raise
        record_event(
            row.id, at, "status_changed", old_value=row.status, new_value=status, note=note
        )
    return get_request(request_id)


def _already(row: Request) -> EditConflict:
    """The refusal to make a request the status it has: who made it so, and when."""
    made = (
        RequestEvent.select()
        .where(
            (RequestEvent.request == row.id)
            & (RequestEvent.kind.in_(["created", "status_changed"]))
            & (RequestEvent.new_value == row.status)
        )
        .order_by(RequestEvent.id.desc())
        .first()
    )
    by, at = (made.created_by, made.at) if made else (row.changed_by, row.updated_at)
    status, time = label(row.status), moment(at)
    if by:
        message = _(
            "This request is already {status}: {name} did it at {time}",
            status=status,
            name=by,
            time=time,
        )
    else:
        message = _("This request is already {status} (since {time})", status=status, time=time)
    return EditConflict(message, by, at, row.version)


def answer_request(
    request_id: int, answer: str = "", *, expected_version: int | None = None
) -> RequestRecord:
    """Outbound: they answered us. Inbound: we did what they asked (shown as done).

    Like every change of a request, it may name the version it was read at (None: whatever
    it is now): EditConflict when someone changed the request since, saying who, when and
    what, as the history has it."""
    answer = clean_block(answer)
    return _change_status(request_id, "answered", answer, expected_version, answer=answer)


def close_request(
    request_id: int, note: str = "", *, expected_version: int | None = None
) -> RequestRecord:
    return _change_status(request_id, "closed", note, expected_version)


def cancel_request(
    request_id: int, note: str = "", *, expected_version: int | None = None
) -> RequestRecord:
    return _change_status(request_id, "cancelled", note, expected_version)


def reopen_request(
    request_id: int, note: str = "", *, expected_version: int | None = None
) -> RequestRecord:
    return _change_status(request_id, "open", note, expected_version)


def redate_request(
    request_id: int, due: date | None, note: str = "", *, expected_version: int | None = None
) -> RequestRecord:
    """Move the due date (None removes it), keeping the old date in the history."""
    with database.atomic(), reindexing("request", request_id):
        row = request_row(request_id)
        at = write_request_change(row, {"due": due}, expected_version)
        record_event(
            row.id,
            at,
            "due_changed",
            old_value=row.due.isoformat() if row.due else "",
            new_value=due.isoformat() if due else "",
            note=clean_block(note),
        )
    return get_request(request_id)


def add_request_note(
    request_id: int, note: str, *, expected_version: int | None = None
) -> RequestRecord:
    note = clean_block(note)
    if not note:
        raise InputError(_("{what} cannot be empty", what=_("Note")))
    with database.atomic(), reindexing("request", request_id):
        row = request_row(request_id)
        at = write_request_change(row, {}, expected_version)
        record_event(row.id, at, "note_added", note=note)
    return get_request(request_id)


def edit_request(
    request_id: int, *, expected_version: int | None = None, **changes
) -> RequestRecord:
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
        at = write_request_change(request_row(request_id), fields, expected_version)
        record_event(request_id, at, "edited", new_value=", ".join(changes))
    return get_request(request_id)


def write_request_change(row: Request, values: dict, expected_version: int | None) -> datetime:
    """Write a change of `row` (see data/versions.py) and return its time; EditConflict when
    the request moved on since `expected_version` (or since `row` was read)."""
    at = clock.utcnow()
    if not write_change(row, values, at, expected_version):
        raise _conflict(row.id, row.version if expected_version is None else expected_version)
    return at


def _conflict(request_id: int, version: int) -> EditConflict:
    """The refusal of a change made from `version`: who changed the request since, when, and
    what, read from its history. Each change writes an event (a chase that moves the next
    chase date, two) and raises the version by one, so the changes since `version` are among
    its newest events, at least as many as versions passed."""
    row = request_row(request_id)
    newer = list(
        RequestEvent.select()
        .where(RequestEvent.request == request_id)
        .order_by(RequestEvent.id.desc())
        .limit(max(row.version - version, 1))
    )
    if not newer:
        return edit_conflict("request", row.changed_by, row.updated_at, row.version)
    changed = [name for event in reversed(newer) for name in _changed_by_event(event)]
    return edit_conflict("request", newer[0].created_by, newer[0].at, row.version, changed)


def _changed_by_event(event: RequestEvent) -> list[str]:
    """The request's fields an event of its history changed, by their stored names."""
    if event.kind == "edited":
        return [name.strip() for name in event.new_value.split(",")]
    return {
        "status_changed": ["status"],
        "due_changed": ["due"],
        "note_added": ["note"],
        "chase": ["chase"],
        "next_chase_changed": ["next_chase"],
        "snoozed": ["snoozed_until"],
    }.get(event.kind, [])


def record_event(request_id: int, at: datetime, kind: str, **values: str) -> None:
    """Add an event to the request's history, stamped with who made it."""
    RequestEvent.create(request=request_id, at=at, kind=kind, created_by=user_name(), **values)


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


def request_row(request_id: int) -> Request:
    row = Request.get_or_none(Request.id == request_id)
    if row is None:
        raise NotFound(_("No request with id {id}", id=request_id))
    return row
