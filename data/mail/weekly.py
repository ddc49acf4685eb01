"""A week of the desk's work, for the weekly report: calls per vendor, the decisions taken,
requests that moved, what falls due soon and what is late, most pressing first; and the vendors
slowest to answer."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import fn

from daicho.data.answer_times import ENOUGH_ANSWERS, AnswerTime, answer_times
from daicho.data.dates import clock
from daicho.data.mail.outside import has_priority_word
from daicho.data.models import Call, Decision, Request, RequestEvent, Vendor
from daicho.data.records import RequestRecord
from daicho.data.requests import request_query, request_record

_VENDOR_ORDER = (fn.COALESCE(fn.NULLIF(Vendor.reading, ""), Vendor.name), Vendor.id)


@dataclass(frozen=True)
class WeekFigures:
    """What happened from `first` to `last` (local dates, both included)."""

    first: date
    last: date
    calls: tuple[tuple[str, int], ...]  # (vendor name, calls), most calls first
    opened: int
    answered: int
    closed: int


@dataclass(frozen=True)
class WeekDecision:
    """One decision of a call: the vendor's name, the call's local date and subject, the text."""

    vendor: str
    day: date
    subject: str
    text: str


def week_figures(first: date, last: date) -> WeekFigures:
    since, until = _utc_bounds(first, last)
    count = fn.COUNT(Call.id)
    calls = (
        Call.select(Vendor.name, count)
        .join(Vendor)
        .where((Call.started_at >= since) & (Call.started_at < until))
        .group_by(Vendor.id)
        .order_by(count.desc(), *_VENDOR_ORDER)
    )
    opened = Request.select().where((Request.created_at >= since) & (Request.created_at < until))
    return WeekFigures(
        first=first,
        last=last,
        calls=tuple(calls.tuples()),
        opened=opened.count(),
        answered=_changed_to("answered", since, until),
        closed=_changed_to("closed", since, until),
    )


def week_decisions(first: date, last: date, most: int) -> tuple[list[WeekDecision], int]:
    """Up to `most` decisions of the calls from `first` to `last`, by vendor (in reading order),
    then as the calls came and as they were typed; and how many there are."""
    since, until = _utc_bounds(first, last)
    in_week = (Call.started_at >= since) & (Call.started_at < until)
    query = (
        Decision.select(Vendor.name, Call.started_at, Call.subject, Decision.text)
        .join(Call)
        .join(Vendor)
        .where(in_week)
        .order_by(*_VENDOR_ORDER, Call.started_at, Call.id, Decision.position)
    )
    decisions = [
        WeekDecision(vendor, clock.to_local(at).date(), subject, text)
        for vendor, at, subject, text in query.limit(most).tuples()
    ]
    return decisions, query.count()


def due_between(
    first: date, last: date, direction: str, most: int
) -> tuple[list[RequestRecord], int]:
    """Up to `most` open requests one way due from `first` to `last`, by due date; and how many."""
    due = (
        (Request.status == "open")
        & (Request.direction == direction)
        & (Request.due >= first)
        & (Request.due <= last)
    )
    query = request_query().where(due).order_by(Request.due, Request.id)
    return [request_record(row) for row in query.limit(most)], Request.select().where(due).count()


def overdue_requests(today: date, most: int) -> tuple[list[RequestRecord], int]:
    """Up to `most` open requests due before `today`, and how many there are: urgent ones and
    those whose subject carries a priority word (社長オーダー) first, then high, then the rest;
    the longest overdue first within each."""
    late = (Request.status == "open") & (Request.due < today)
    ranked = sorted(
        Request.select(Request.id, Request.subject, Request.priority, Request.due)
        .where(late)
        .tuples(),
        key=lambda row: (_rank(row[1], row[2]), row[3], row[0]),
    )
    chosen = [row[0] for row in ranked[:most]]
    rows = {row.id: row for row in request_query().where(Request.id.in_(chosen))}
    return [request_record(rows[request_id]) for request_id in chosen], len(ranked)


def slowest_vendors(today: date, most: int) -> list[tuple[str, AnswerTime]]:
    """Up to `most` vendors by their median answer time, slowest first, of those answered at
    least ENOUGH_ANSWERS times in the 12 months to `today` (fewer say little); among equals
    the one with more answers first, then in reading order."""
    times = {
        vendor: found
        for vendor, found in answer_times(today).items()
        if found.answers >= ENOUGH_ANSWERS
    }
    named = Vendor.select(Vendor.id, Vendor.name).where(Vendor.id.in_(list(times)))
    in_order = named.order_by(*_VENDOR_ORDER).tuples() if times else []
    ranked = sorted(
        ((name, times[vendor]) for vendor, name in in_order),
        key=lambda pair: (-pair[1].median_days, -pair[1].answers),
    )
    return ranked[:most]


def _rank(subject: str, priority: str) -> int:
    """0 for what is pressing (urgent, or a priority word in the subject), 1 high, 2 the rest."""
    if priority == "urgent" or has_priority_word(subject):
        return 0
    return 1 if priority == "high" else 2


def _changed_to(status: str, since: datetime, until: datetime) -> int:
    """How many requests were set to `status` in the time (each once, however often)."""
    return (
        RequestEvent.select(fn.COUNT(fn.DISTINCT(RequestEvent.request)))
        .where(
            (RequestEvent.kind == "status_changed")
            & (RequestEvent.new_value == status)
            & (RequestEvent.at >= since)
            & (RequestEvent.at < until)
        )
        .scalar()
    )


def _utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The stored (UTC) times from local midnight starting `first` to the one ending `last`."""
    since = datetime.combine(first, time())
    until = datetime.combine(last + timedelta(days=1), time())
    return clock.to_utc(since), clock.to_utc(until)
