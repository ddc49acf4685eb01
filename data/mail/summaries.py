"""Mails made from the ledger (DESIGN §8): a call confirmed, a request's state, a vendor's open
items, the queue as a status report, and the week for management.

Each reads the ledger, writes its values in the template's language and date style, then
fills the template once (`data.templates`): ledger text goes in as values, never as a template.
Dates are written as of `today`: the app's, handed down by the caller (the clock's when none is).
"""

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from daicho.data.calls import get_call
from daicho.data.dates import clock
from daicho.data.dates.deadlines import Deadline
from daicho.data.dates.settings import date_style
from daicho.data.mail.addressing import Recipients, addressee, recipients
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
from daicho.data.mail.sender import SENDER_FIELDS, Sender, introduction
from daicho.data.mail.templates import (
    Styled,
    Template,
    TemplateProblem,
    choose_template,
    fill,
    kind_of,
    signature,
    styles_asked,
)
from daicho.data.mail.weekly import (
    WeekDecision,
    due_between,
    overdue_requests,
    week_decisions,
    week_figures,
)
from daicho.data.models import Vendor
from daicho.data.queue import QueueFilters, open_queue
from daicho.data.records import ContactRecord, RequestRecord
from daicho.data.requests import get_request
from daicho.data.text import clean_line
from daicho.data.vendors import get_contact, get_vendor, list_contacts
from daicho.i18n import N_, _, language
from daicho.i18n.labels import label

_PAGE = 100  # requests read at a time while listing the queue
NOBODY = Sender()
NOBODY_ELSE = Recipients()
REQUEST_KINDS = ("request", "reminder", "answer")  # the mails a request may call for
# What a call without a subject is called in its mail, by its channel.
_UNNAMED_CALLS = {
    "phone": N_("our call"),
    "mobile": N_("our call"),
    "meeting": N_("our meeting"),
    "visit": N_("our meeting"),
    "email": N_("your email"),
    "chat": N_("our chat"),
}
_HEADER_FIELDS = ("To:", "Cc:")
_COMING_DAYS = 7  # the weekly report lists what falls due from today to a week later
_COMING_HEADINGS = {"outbound": N_("Waiting on them: {count}"), "inbound": N_("We owe: {count}")}


@dataclass(frozen=True)
class Mail:
    """A plain-text email: `text` is its `To:` and `Cc:` lines when known, the subject line,
    then the body; `to` and `cc` are those addresses alone."""

    kind: str
    template: str  # the name of the template that made it
    text: str
    problems: tuple[TemplateProblem, ...] = ()
    to: str = ""
    cc: str = ""

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

    return _mail(template, values, templates, today, sender, to)


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
            "due_date": day_text(request.due, today) if request.due else _("none"),
            "status": label(request.status),
            "priority": label(request.priority),
            "answer": request.answer,
            "opened": day_text(clock.to_local(request.created_at).date(), today),
        }

    return _mail(template, values, templates, today, sender, to)


def request_kind(request: RequestRecord, today: date, soon_days: int = 3) -> str:
    """The mail a request calls for: the answer to one asked of us that is answered, a reminder
    for one we wait on that is late or due within `soon_days` (the queue's "soon"), else the
    request's state (`request`)."""
    if request.direction == "inbound":
        answered = request.status in ("answered", "closed") and request.answer.strip()
        return "answer" if answered else "request"
    band = Deadline.of(request.due, request.status, today, soon_days).band
    return "reminder" if band in ("overdue", "today", "soon") else "request"


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

    return _mail(template, values, templates, today, sender, to)


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
    """The seven days ending `today` for management: the counts, the decisions of the week's
    calls per vendor, what is overdue (most pressing first, with how many calendar days late)
    and what falls due in the seven days after today, both ways."""
    today = today or clock.today()
    first, until = today - timedelta(days=6), today + timedelta(days=_COMING_DAYS)
    week = week_figures(first, today)
    decided, decided_total = week_decisions(first, today, LONGEST_LIST)
    late, late_total = overdue_requests(today, LONGEST_LIST)
    coming = {way: due_between(today, until, way, LONGEST_LIST) for way in ("outbound", "inbound")}
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
            "decisions": _decisions_text(decided, decided_total, today),
            "overdue_count": str(late_total),
            "overdue": bullets(
                _told_apart(late, lambda r, opened: _late_line(r, today, opened)),
                more=late_total - len(late),
            ),
            "due_until": day_text(until, today),
            "due_next_week_count": str(sum(total for _rows, total in coming.values())),
            "due_next_week": _coming_text(coming, today),
        }

    return _mail(template, values, templates, today, sender)


def _decisions_text(decided: list[WeekDecision], total: int, today: date) -> str:
    """The decisions under their vendors' names, each with its call's date and subject."""
    if not decided:
        return _("(none)")
    blocks = []
    for vendor, group in itertools.groupby(decided, key=lambda d: d.vendor):
        lines = [aside(d.text, [day_text(d.day, today), *filter(None, [d.subject])]) for d in group]
        blocks.append(_("{vendor}:", vendor=vendor) + "\n" + bullets(lines))
    more = [_("… and {count} more", count=total - len(decided))] if total > len(decided) else []
    return "\n".join([*blocks, *more])


def _coming_text(coming: dict[str, tuple[list[RequestRecord], int]], today: date) -> str:
    """Each way's count, then its requests by due date."""
    blocks = []
    for way, (rows, total) in coming.items():
        heading = _(_COMING_HEADINGS[way], count=total)
        lines = _told_apart(rows, lambda r, opened: _coming_line(r, today, opened))
        blocks.append(heading + ("\n" + bullets(lines, more=total - len(rows)) if rows else ""))
    return "\n".join(blocks)


def _told_apart(
    requests: list[RequestRecord], line: Callable[[RequestRecord, bool], str]
) -> list[str]:
    """`line(request, False)` for each request; `line(request, True)`, which adds the date it was
    opened, for those whose line reads the same as another's."""
    plain = [line(request, False) for request in requests]
    seen = Counter(plain)
    return [
        line(request, True) if seen[text] > 1 else text
        for request, text in zip(requests, plain, strict=True)
    ]


def _late_line(request: RequestRecord, today: date, opened: bool) -> str:
    """`[waiting on them, urgent] ACME: Quote (by Wed 18 Nov, 2 days late)`."""
    line = _named(request, [label(request.direction), *_priority_tags(request)])
    days = (today - request.due).days
    late = _("1 day late") if days == 1 else _("{days} days late", days=days)
    parts = [_("by {date}", date=day_text(request.due, today)), late]
    return aside(line, [*parts, *_opened_parts(request, today, opened)])


def _coming_line(request: RequestRecord, today: date, opened: bool) -> str:
    """`[urgent] ACME: Quote (by Fri 27 Nov)`; the tag only when its priority is not normal."""
    line = _named(request, _priority_tags(request))
    return aside(line, [*due_parts(request, today), *_opened_parts(request, today, opened)])


def _named(request: RequestRecord, tags: list[str]) -> str:
    """`[tags] ACME: Quote`, or `ACME: Quote` without tags: every item line names its vendor."""
    vendor, subject = request.vendor_name, request.subject
    if tags:
        return _("[{tags}] {vendor}: {subject}", tags=joined(tags), vendor=vendor, subject=subject)
    return _("{vendor}: {subject}", vendor=vendor, subject=subject)


def _priority_tags(request: RequestRecord) -> list[str]:
    return [label(request.priority)] if request.priority != "normal" else []


def _opened_parts(request: RequestRecord, today: date, opened: bool) -> list[str]:
    if not opened:
        return []
    return [_("opened {date}", date=day_text(clock.to_local(request.created_at).date(), today))]


def _mail(
    template: Template,
    values: Callable[[], dict[str, str]],
    templates: dict[str, str],
    today: date,
    sender: Sender,
    to: Recipients = NOBODY_ELSE,
) -> Mail:
    """Fill `template` with `values()` (and today, the sender and the signature) in its
    language, in the configured date style and in any other its placeholders ask for
    (`{due:wareki}`), then tidy the text into a Mail under its `To:` and `Cc:` lines."""

    def in_style(style: str | None) -> dict[str, str]:
        with language(template.language), date_style(style):
            return {
                **values(),
                "today": day_text(today, today),
                "signature": signature(templates, sender),
                "introduction": introduction(sender),
                **{f"sender_{part}": clean_line(getattr(sender, part)) for part in SENDER_FIELDS},
            }

    filled = in_style(None)
    if styles := styles_asked(template):
        other = {style: in_style(style) for style in styles}
        filled = {
            key: Styled(text, {s: other[s][key] for s in styles}) for key, text in filled.items()
        }
    used, text = fill(template, filled)
    lines = [*to.lines, *(line.rstrip() for line in text.split("\n"))]
    return Mail(used.kind, used.name, "\n".join(lines).rstrip("\n"), used.problems, to.to, to.cc)


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
