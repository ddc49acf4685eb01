"""Mails made from the ledger (DESIGN §8): a call confirmed, a request's state, a vendor's open
items, the queue as a status report, and the week for management.

Each reads the ledger, writes its values in the template's language and date style, then
fills the template once (`data.templates`): ledger text goes in as values, never as a template.
Dates are written as of `today`: the app's, handed down by the caller (the clock's when none is).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from daicho.data.calls import get_call
from daicho.data.dates import clock
from daicho.data.dates.settings import date_style
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
from daicho.data.mail.sender import Sender
from daicho.data.mail.templates import (
    Styled,
    Template,
    TemplateProblem,
    choose_template,
    fill,
    signature,
    styles_asked,
)
from daicho.data.mail.weekly import overdue_requests, week_figures
from daicho.data.models import Vendor
from daicho.data.queue import QueueFilters, open_queue
from daicho.data.records import ContactRecord, RequestRecord
from daicho.data.requests import get_request
from daicho.data.vendors import get_contact, get_vendor, list_contacts
from daicho.i18n import _, current_language, language
from daicho.i18n.labels import label

_PAGE = 100  # requests read at a time while listing the queue
NOBODY = Sender()
_HEADER_FIELDS = ("To:", "Cc:")


@dataclass(frozen=True)
class Mail:
    """A plain-text email: `text` is the subject line, a line break, then the body."""

    kind: str
    template: str  # the name of the template that made it
    text: str
    problems: tuple[TemplateProblem, ...] = ()

    @property
    def subject(self) -> str:
        return subject_of(self.text)


def subject_of(text: str) -> str:
    """The subject line of a mail's text: the first line after its `To:` and `Cc:` lines."""
    lines = [line for line in text.strip().split("\n") if not line.startswith(_HEADER_FIELDS)]
    return lines[0].strip() if lines else ""


def call_mail(
    call_id: int,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """The confirmation after a call: when, with whom, what was decided and who does what next."""
    call = get_call(call_id)
    contact = get_contact(call.contact_id) if call.contact_id is not None else None
    template = choose_template("call", name, templates)
    today = today or clock.today()

    def values() -> dict[str, str]:
        day = clock.to_local(call.started_at).date()
        on_day = _("earlier today") if day == today else _("on {date}", date=day_text(day, today))
        follow_ups = [_follow_up(r, today) for r in call.follow_ups if r.status != "cancelled"]
        return {
            "vendor": call.vendor_name,
            "contact": call.contact_name or _("Sir or Madam"),
            "addressee": addressee(call.vendor_name, contact),
            "subject": call.subject or _("our call"),
            "date": day_text(day, today),
            "time": f"{clock.to_local(call.started_at):%H:%M}",
            "when": moment_text(call.started_at),
            "on_day": on_day,
            "channel": label(call.channel),
            "decisions": bullets(call.decisions),
            "follow_ups": bullets(follow_ups),
            "notes": call.notes,
        }

    return _mail(template, values, templates, today, sender)


def request_mail(
    request_id: int,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """Where a request stands: what is asked, by whom, by when, its status and any answer."""
    request = get_request(request_id)
    contact = get_contact(request.contact_id) if request.contact_id is not None else None
    template = choose_template("request", name, templates)
    today = today or clock.today()

    def values() -> dict[str, str]:
        outbound = request.direction == "outbound"
        return {
            "vendor": request.vendor_name,
            "contact": request.contact_name or _("Sir or Madam"),
            "addressee": addressee(request.vendor_name, contact),
            "subject": request.subject,
            "body": request.body,
            "direction": _("from us to you") if outbound else _("from you to us"),
            "due": due_phrase(request, today),
            "status": label(request.status),
            "priority": label(request.priority),
            "answer": request.answer,
            "opened": day_text(clock.to_local(request.created_at).date(), today),
        }

    return _mail(template, values, templates, today, sender)


def vendor_mail(
    vendor_id: int,
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """Every open item with a vendor, both ways, overdue first, then by due date, undated last."""
    vendor = get_vendor(vendor_id)
    contacts = list_contacts(vendor_id)
    rows, _total = _queue_rows(QueueFilters(vendor_id=vendor_id), most=None)
    template = choose_template("vendor", name, templates)
    today = today or clock.today()

    def values() -> dict[str, str]:
        waiting = [aside(r.subject, due_parts(r, today)) for r in rows if r.direction == "outbound"]
        owed = [aside(r.subject, due_parts(r, today)) for r in rows if r.direction == "inbound"]
        return {
            "vendor": vendor.name,
            "contact": contacts[0].name if contacts else _("Sir or Madam"),
            "addressee": addressee(vendor.name, contacts[0] if contacts else None),
            "waiting": bullets(waiting),
            "owed": bullets(owed),
            "waiting_count": str(len(waiting)),
            "owed_count": str(len(owed)),
        }

    return _mail(template, values, templates, today, sender)


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

    return _mail(template, values, templates, today, sender)


def weekly_report(
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """The seven days ending `today` for management: calls per vendor, requests, what is late."""
    today = today or clock.today()
    week = week_figures(today - timedelta(days=6), today)
    late, late_total = overdue_requests(today, LONGEST_LIST)
    template = choose_template("weekly", name, templates)

    def values() -> dict[str, str]:
        calls = [_calls_line(vendor, count) for vendor, count in week.calls[:LONGEST_LIST]]
        return {
            "start": day_text(week.first, today),
            "end": day_text(week.last, today),
            "call_count": str(sum(count for _vendor, count in week.calls)),
            "calls": bullets(calls, more=len(week.calls) - len(calls)),
            "opened": str(week.opened),
            "answered": str(week.answered),
            "closed": str(week.closed),
            "overdue_count": str(late_total),
            "overdue": bullets([queue_line(r, today) for r in late], more=late_total - len(late)),
        }

    return _mail(template, values, templates, today, sender)


def _mail(
    template: Template,
    values: Callable[[], dict[str, str]],
    templates: dict[str, str],
    today: date,
    sender: Sender,
) -> Mail:
    """Fill `template` with `values()` (and today and the signature) in its language, in the
    configured date style and in any other its placeholders ask for (`{due:wareki}`), then
    tidy the text into a Mail."""

    def in_style(style: str | None) -> dict[str, str]:
        with language(template.language), date_style(style):
            return {**values(), "today": day_text(today, today), "signature": signature(templates)}

    filled = in_style(None)
    if styles := styles_asked(template):
        other = {style: in_style(style) for style in styles}
        filled = {
            key: Styled(text, {s: other[s][key] for s in styles}) for key, text in filled.items()
        }
    used, text = fill(template, filled)
    lines = [line.rstrip() for line in text.split("\n")]
    return Mail(used.kind, used.name, "\n".join(lines).rstrip("\n"), used.problems)


def addressee(vendor: str, contact: ContactRecord | None) -> str:
    """The 宛名 that opens a mail, one part per line: in Japanese the company, the contact's
    department and their name with 様 (ご担当者様 when there is no contact); in English the
    name, the department and the company."""
    name = contact.name.removesuffix("様").rstrip() if contact else ""
    department = contact.department if contact else ""
    if current_language() == "ja":  # a Japanese form of address, not a translation
        return "\n".join(filter(None, (vendor, department, f"{name or _('Sir or Madam')}様")))
    return "\n".join(filter(None, (name, department, vendor)))


def _follow_up(request: RequestRecord, today: date) -> str:
    """A follow-up as the vendor reads it: what, whose side, by when."""
    who = _("your side") if request.direction == "outbound" else _("our side")
    finished = [label(request.status)] if request.status != "open" else []
    return aside(request.subject, [who, *due_parts(request, today), *finished])


def _calls_line(vendor: str, count: int) -> str:
    if count == 1:
        return _("{vendor}: 1 call", vendor=vendor)
    return _("{vendor}: {count} calls", vendor=vendor, count=count)


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
