"""The call log: a call, its decisions and its follow-up requests, saved in one transaction."""

from dataclasses import replace
from datetime import datetime

from peewee import JOIN

from daicho.data.chasing import insert_chase
from daicho.data.dates import clock
from daicho.data.errors import InputError, NotFound
from daicho.data.models import Call, Contact, Decision, Request, Vendor, database
from daicho.data.names.readings import suggest_reading
from daicho.data.records import CALL_CHANNELS, CALL_DIRECTIONS, CallRecord, FollowUp
from daicho.data.requests import insert_request, request_query, request_record
from daicho.data.search.index import index_new
from daicho.data.text import clean_block, clean_line
from daicho.data.validate import LARGEST_COLUMN_INTEGER, choice, required_line
from daicho.data.vendors import create_contact, create_vendor, find_contact, find_vendor
from daicho.data.versions import created
from daicho.i18n import _


def log_call(
    *,
    vendor_id: int | None = None,
    vendor_name: str = "",
    contact_id: int | None = None,
    contact_name: str = "",
    direction: str = "incoming",
    channel: str = "phone",
    started_at: datetime | None = None,
    duration_s: int = 0,
    subject: str = "",
    internal_notes: str = "",
    decisions: list[str] | tuple[str, ...] = (),
    follow_ups: list[FollowUp] | tuple[FollowUp, ...] = (),
    chasing: tuple[int, ...] = (),
) -> CallRecord:
    """Save a call with its decisions and follow-ups, all or nothing.

    `chasing` names open requests we wait on that the call was about: each is chased by the
    call (its channel, its subject as the note), as if chased by hand (data/chasing.py).

    The vendor is `vendor_id`, else the one named `vendor_name` as the user typed it (found
    as `find_vendor` finds it), else a prospect of that name created in the same transaction
    (a cold call worth a line in the directory; the record's `new_vendor` says so). Likewise
    the contact is `contact_id`, else the vendor's contact named `contact_name`, else a new
    contact of that name. New ones get the reading the forms would suggest
    (data/names/readings.py). Names are looked up inside the transaction, so that what the
    call is saved with is what the ledger holds at that moment.
    """
    direction = choice(direction, CALL_DIRECTIONS, _("Direction"))
    channel = choice(channel, CALL_CHANNELS, _("Channel"))
    lines = [clean_line(d) for d in decisions]
    lines = [line for line in lines if line]
    now = clock.utcnow()
    with database.atomic():
        vendor_id, new_vendor = _call_vendor(vendor_id, vendor_name)
        contact_id = _call_contact(vendor_id, contact_id, contact_name)
        call = Call.create(
            vendor=vendor_id,
            contact=contact_id,
            direction=direction,
            channel=channel,
            started_at=started_at or now,
            duration_s=min(max(0, int(duration_s)), LARGEST_COLUMN_INTEGER),
            subject=clean_line(subject),
            internal_notes=clean_block(internal_notes),
            created_at=now,
            updated_at=now,
            **created(),
        )
        if lines:
            Decision.insert_many(
                [{"call": call.id, "position": i, "text": text} for i, text in enumerate(lines)]
            ).execute()
        index_new("call", call.id)
        for follow_up in follow_ups:
            insert_request(
                vendor_id,
                follow_up.direction,
                follow_up.subject,
                body=follow_up.body,
                due=follow_up.due,
                priority=follow_up.priority,
                contact_id=contact_id,
                call_id=call.id,
            )
        for request_id in chasing:
            insert_chase(request_id, channel, subject)
    return replace(get_call(call.id), new_vendor=new_vendor)


def _call_vendor(vendor_id: int | None, name: str) -> tuple[int, bool]:
    """The call's vendor, and whether the call made it; the caller holds the transaction."""
    if vendor_id is not None:
        if Vendor.get_or_none(Vendor.id == vendor_id) is None:
            raise NotFound(_("No vendor with id {id}", id=vendor_id))
        return vendor_id, False
    name = required_line(name, _("Vendor name"))
    if (found := find_vendor(name)) is not None:
        return found.id, False
    return create_vendor(name, status="prospect", reading=suggest_reading(name)).id, True


def _call_contact(vendor_id: int, contact_id: int | None, name: str) -> int | None:
    """The call's contact at `vendor_id`, found or made; the caller holds the transaction."""
    if contact_id is not None:
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None or contact.vendor_id != vendor_id:
            raise InputError(_("The contact does not work at this vendor"))
        return contact_id
    if not (name := clean_line(name)):
        return None
    if (found := find_contact(vendor_id, name)) is not None:
        return found.id
    return create_contact(vendor_id, name, reading=suggest_reading(name)).id


def call_record(row, decisions: tuple[str, ...] = (), follow_ups: tuple = ()) -> CallRecord:
    """A call row (selected with `vendor_name` and `contact_name`) as a record."""
    return CallRecord(
        id=row.id,
        vendor_id=row.vendor_id,
        vendor_name=row.vendor_name,
        contact_id=row.contact_id,
        contact_name=row.contact_name or "",
        direction=row.direction,
        channel=row.channel,
        started_at=row.started_at,
        duration_s=row.duration_s,
        subject=row.subject,
        internal_notes=row.internal_notes,
        decisions=decisions,
        follow_ups=follow_ups,
        created_by=row.created_by,
        changed_by=row.changed_by,
    )


def get_call(call_id: int) -> CallRecord:
    row = (
        Call.select(Call, Vendor.name.alias("vendor_name"), Contact.name.alias("contact_name"))
        .join(Vendor)
        .switch(Call)
        .join(Contact, JOIN.LEFT_OUTER)
        .where(Call.id == call_id)
        .objects()
        .get_or_none()
    )
    if row is None:
        raise NotFound(_("No call with id {id}", id=call_id))
    decisions = (
        Decision.select(Decision.text).where(Decision.call == call_id).order_by(Decision.position)
    )
    follow_ups = request_query().where(Request.call == call_id).order_by(Request.id)
    return call_record(
        row,
        decisions=tuple(d.text for d in decisions),
        follow_ups=tuple(request_record(r) for r in follow_ups),
    )
