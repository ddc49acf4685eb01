"""Mails made from the ledger (DESIGN §8): a call confirmed, a request's state (or the
reminder or answer it calls for), a vendor's open items, and the queue as a status report.
The week for management is in data/mail/weekly_report.py.

Each reads the ledger, writes its values in the template's language and date style, then
fills the template once (`data.templates`): ledger text goes in as values, never as a template.
Dates are written as of `today`: the app's, handed down by the caller (the clock's when none is).
"""

from datetime import date

from daicho.data.calls import get_call
from daicho.data.dates import clock
from daicho.data.dates.deadlines import Deadline
from daicho.data.mail.addressing import addressee, recipients
from daicho.data.mail.compose import NOBODY, Mail, compose
from daicho.data.mail.format import (
    LONGEST_LIST,
    aside,
    bullets,
    day_text,
    due_parts,
    due_phrase,
    joined,
    moment_text,
    queue_line,
)
from daicho.data.mail.occasion import occasion
from daicho.data.mail.outside import without_priority_words
from daicho.data.mail.sender import Sender
from daicho.data.mail.templates import (
    choose_template,
    kind_of,
)
from daicho.data.models import Vendor
from daicho.data.queue import QueueFilters, open_queue
from daicho.data.records import ContactRecord, RequestRecord
from daicho.data.requests import get_request
from daicho.data.vendors import get_contact, get_vendor, list_contacts
from daicho.i18n import N_, _
from daicho.i18n.labels import label

_PAGE = 100  # requests read at a time while listing the queue
REQUEST_KINDS = ("request", "reminder", "chase", "answer")  # the mails a request may call for
# What a call without a subject is called in its mail, by its channel.
_UNNAMED_CALLS = {
    "phone": N_("our call"),
    "mobile": N_("our call"),
    "meeting": N_("our meeting"),
    "visit": N_("our meeting"),
    "email": N_("your email"),
    "chat": N_("our chat"),
}


def call_mail(
    call_id: int,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """The confirmation after a call: when and how we talked, what was decided and who does
    what next; to the call's contact, copied to those of its follow-ups."""
    call = get_call(call_id)
    contact = _contact(call.contact_id)
    follow_ups = [request for request in call.follow_ups if request.status != "cancelled"]
    to = recipients(contact, [_contact(request.contact_id) for request in follow_ups])
    template = choose_template("call", name, templates)
    today = today or clock.today()

    def values() -> dict[str, str]:
        day = clock.to_local(call.started_at).date()
        on_day = _("earlier today") if day == today else _("on {date}", date=day_text(day, today))
        subject = without_priority_words(call.subject) or _(
            _UNNAMED_CALLS.get(call.channel, "our call")
        )
        return {
            "vendor": call.vendor_name,
            "contact": call.contact_name or _("Sir or Madam"),
            "addressee": addressee(call.vendor_name, contact),
            "subject": subject,
            "date": day_text(day, today),
            "time": f"{clock.to_local(call.started_at):%H:%M}",
            "when": moment_text(call.started_at),
            "occasion": occasion(call.channel, call.direction, day, today),
            "on_day": on_day,
            "channel": label(call.channel),
            "decisions": bullets(call.decisions),
            "follow_ups": bullets([_follow_up(request, today) for request in follow_ups]),
        }

    return compose(template, values, templates, today, sender, to)


def request_mail(
    request_id: int,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
    soon_days: int = 3,
) -> Mail:
    """A request's mail to its contact, copied to the contact of the call it came from: with
    `name` None the one the moment calls for (`request_kind`), else the template `name`."""
    request = get_request(request_id)
    contact = _contact(request.contact_id)
    call = get_call(request.call_id) if request.call_id is not None else None
    to = recipients(contact, [_contact(call.contact_id) if call else None])
    today = today or clock.today()
    kind = kind_of(name) if name else request_kind(request, today, soon_days)
    template = choose_template(kind if kind in REQUEST_KINDS else "request", name, templates)

    def values() -> dict[str, str]:
        outbound = request.direction == "outbound"
        return {
            "vendor": request.vendor_name,
            "contact": request.contact_name or _("Sir or Madam"),
            "addressee": addressee(request.vendor_name, contact),
            "subject": without_priority_words(request.subject),
            "body": request.body,
            "direction": _("from us to you") if outbound else _("from you to us"),
            "due": due_phrase(request, today, outside=True),
            "due_date": _due_date(request, kind, today),
            "status": label(request.status),
            "priority": label(request.priority),
            "answer": request.answer,
            "opened": day_text(clock.to_local(request.created_at).date(), today),
        }

    return compose(template, values, templates, today, sender, to)


def request_kind(request: RequestRecord, today: date, soon_days: int = 3) -> str:
    """The mail a request calls for: the answer to one asked of us that is answered, for one
    we wait on the chase mail once it was chased (DESIGN §12), else a reminder when it is late
    or due within `soon_days` (the queue's "soon"), else the request's state (`request`)."""
    if request.direction == "inbound":
        answered = request.status in ("answered", "closed") and request.answer.strip()
        return "answer" if answered else "request"
    if request.status == "open" and request.times_chased:
        return "chase"
    band = Deadline.of(request.due, request.status, today, soon_days).band
    return "reminder" if band in ("overdue", "today", "soon") else "request"


def _due_date(request: RequestRecord, kind: str, today: date) -> str:
    """The due date in words; a chase mail leaves it out when there is none (its sentence
    about the date goes too), where the others say "none"."""
    if request.due is not None:
        return day_text(request.due, today)
    return "" if kind == "chase" else _("none")


def vendor_mail(
    vendor_id: int,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """Every open item with a vendor, both ways, overdue first, then by due date, undated last;
    to its primary (first) contact, copied to the contacts of those items."""
    vendor = get_vendor(vendor_id)
    contacts = list_contacts(vendor_id)
    first = contacts[0] if contacts else None
    rows, _total = _queue_rows(QueueFilters(vendor_id=vendor_id), most=None)
    by_id = {contact.id: contact for contact in contacts}
    to = recipients(first, [by_id.get(row.contact_id) for row in rows])
    template = choose_template("vendor", name, templates)
    today = today or clock.today()

    def values() -> dict[str, str]:
        def items(direction: str) -> list[str]:
            return [
                aside(without_priority_words(row.subject), due_parts(row, today, outside=True))
                for row in rows
                if row.direction == direction
            ]

        waiting, owed = items("outbound"), items("inbound")
        return {
            "vendor": vendor.name,
            "contact": first.name if first else _("Sir or Madam"),
            "addressee": addressee(vendor.name, first),
            "waiting": bullets(waiting),
            "owed": bullets(owed),
            "waiting_count": str(len(waiting)),
            "owed_count": str(len(owed)),
        }

    return compose(template, values, templates, today, sender, to)


def queue_mail(
    filters: QueueFilters,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """The queue as it is filtered and sorted now, as a status report (the first 200 items)."""
    rows, total = _queue_rows(filters, most=LONGEST_LIST)
    template = choose_template("queue", name, templates)
    today = today or clock.today()

    def values() -> dict[str, str]:
        return {
            "filters": _filters_text(filters),
            "count": str(total),
            "items": bullets([queue_line(r, today) for r in rows], more=total - len(rows)),
        }

    return compose(template, values, templates, today, sender)


def _follow_up(request: RequestRecord, today: date) -> str:
    """A follow-up as the vendor reads it: what, whose side, by when."""
    who = _("your side") if request.direction == "outbound" else _("our side")
    finished = [label(request.status)] if request.status != "open" else []
    return aside(
        without_priority_words(request.subject),
        [who, *due_parts(request, today, outside=True), *finished],
    )


def _contact(contact_id: int | None) -> ContactRecord | None:
    return get_contact(contact_id) if contact_id is not None else None


def _filters_text(filters: QueueFilters) -> str:
    """What the queue shows, in words: `open, waiting on them, ACME, urgent`."""
    parts = ["/".join(label(status) for status in filters.statuses) or _("none")]
    if filters.direction:
        parts.append(label(filters.direction))
    if filters.vendor_id is not None:
        vendor = Vendor.get_or_none(Vendor.id == filters.vendor_id)
        parts.append(vendor.name if vendor else f"#{filters.vendor_id}")
    if filters.priority:
        parts.append(label(filters.priority))
    return joined(parts)


def _queue_rows(filters: QueueFilters, most: int | None) -> tuple[list[RequestRecord], int]:
    """The queue's rows in its order, up to `most` (None: all), and how many there are."""
    rows: list[RequestRecord] = []
    while True:
        limit = _PAGE if most is None else min(_PAGE, most - len(rows))
        page = open_queue(filters, offset=len(rows), limit=limit)
        rows.extend(page.rows)
        if len(page.rows) < limit or len(rows) >= page.total or len(rows) == most:
            return rows, page.total
