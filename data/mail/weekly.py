"""A week of the desk's work, for the weekly report: calls per vendor, requests that moved."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import fn

from daicho.data.dates import clock
from daicho.data.models import Call, Request, RequestEvent, Vendor
from daicho.data.records import RequestRecord
from daicho.data.requests import request_query, request_record


@dataclass(frozen=True)
class WeekFigures:
    """What happened from `first` to `last` (local dates, both included)."""

    first: date
    last: date
    calls: tuple[tuple[str, int], ...]  # (vendor name, calls), most calls first
    opened: int
    answered: int
    closed: int


def week_figures(first: date, last: date) -> WeekFigures:
    since, until = _utc_bounds(first, last)
    count = fn.COUNT(Call.id)
    calls = (
        Call.select(Vendor.name, count)
        .join(Vendor)
        .where((Call.started_at >= since) & (Call.started_at < until))
        .group_by(Vendor.id)
        .order_by(count.desc(), fn.COALESCE(fn.NULLIF(Vendor.reading, ""), Vendor.name), Vendor.id)
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


def overdue_requests(today: date, most: int) -> tuple[list[RequestRecord], int]:
    """Up to `most` open requests due before `today`, oldest due first, and how many there are."""
    late = (Request.status == "open") & (Request.due < today)
    query = request_query().where(late).order_by(Request.due, Request.id).limit(most)
    return [request_record(row) for row in query], Request.select().where(late).count()


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
