"""The day's list (今日やること, DESIGN §12): what needs the user today, in this order: overdue
both ways, due today, due for a chase, a contract's decision coming (incidents and FAQ
reviews join as their issues add them). Each item is there once, for the first reason that
holds; an item snoozed to a later day is left out until that day.

Due for a chase: an open request we wait on whose next chase date has come, or, with no such
date set, with no movement for `chase_after` business days. Movement is what the vendor or
we did about it: its creation, a status change (an answer), a note, a chase, or any call
with its vendor.

A contract's decision is coming from its smallest reminder lead time before the decision
date, and stays on the list once that date has passed, until its term ends (a cancel-by
date missed is still worth a call to the vendor).
"""

from datetime import date, datetime, time, timedelta

from peewee import fn

from daicho.data.contracts.due import coming
from daicho.data.dates import clock
from daicho.data.dates.settings import business_calendar
from daicho.data.engines import stored_time
from daicho.data.models import Call, Request, RequestEvent, Vendor
from daicho.data.records import PRIORITY_RANK, TodayItem
from daicho.data.requests import chase_columns

REASONS = ("overdue", "due_today", "chase", "contract")
_MOVES = ("created", "status_changed", "note_added", "chase")


def today_list(today: date, chase_after: int = 3) -> list[TodayItem]:
    """The day's list as of `today` (the app's), `chase_after` business days of quiet making
    a request we wait on due for a chase."""
    items = [_item(row, today) for row in _rows(today, chase_after)] + _contracts(today)
    return sorted(items, key=lambda item: (REASONS.index(item.reason), *_order(item)))


def today_count(today: date, chase_after: int = 3) -> int:
    """How many items `today_list` holds, for the header."""
    return _candidates(Request.select(), today, chase_after).count() + len(_contracts(today))


def quiet_cutoff(today: date, chase_after: int) -> datetime | None:
    """The stored (UTC) time from which movement keeps a request off the chase list: local
    midnight of the `chase_after`th business day back from today (today itself counted when
    it is one). None when `chase_after` is 0: every request we wait on is due."""
    if chase_after <= 0:
        return None
    calendar = business_calendar()
    day = calendar.add(calendar.on_or_before(today), -(chase_after - 1))
    return clock.to_utc(datetime.combine(day, time()))


def _rows(today: date, chase_after: int):
    """The items' columns as tuples, in `_item`'s order: only what the list shows (a request's
    texts are long, and the list on a large ledger holds hundreds of items)."""
    events = RequestEvent.alias("moves")
    calls = Call.alias("vendor_calls")
    last_event = events.select(fn.MAX(events.at)).where(
        (events.request == Request.id) & events.kind.in_(_MOVES)
    )
    last_call = calls.select(fn.MAX(calls.started_at)).where(calls.vendor == Request.vendor)
    query = Request.select(
        Request.id,
        Request.vendor,
        Vendor.name,
        Request.subject,
        Request.due,
        Request.direction,
        Request.priority,
        Request.next_chase,
        *chase_columns(),
        last_event.alias("last_event"),
        last_call.alias("last_call"),
    ).join(Vendor)
    return _candidates(query, today, chase_after).tuples()


def _candidates(query, today: date, chase_after: int):
    """`query` narrowed to the open requests on the day's list."""
    awake = Request.snoozed_until.is_null() | (Request.snoozed_until <= today)
    chase = Request.next_chase <= today
    if (cutoff := quiet_cutoff(today, chase_after)) is None:
        chase |= Request.next_chase.is_null()
    else:
        events, calls = RequestEvent.alias("moved"), Call.alias("called")
        moved = events.select().where(
            (events.request == Request.id) & events.kind.in_(_MOVES) & (events.at >= cutoff)
        )
        called = calls.select().where(
            (calls.vendor == Request.vendor) & (calls.started_at >= cutoff)
        )
        chase |= Request.next_chase.is_null() & ~fn.EXISTS(moved) & ~fn.EXISTS(called)
    waiting = (Request.direction == "outbound") & chase
    return query.where((Request.status == "open") & awake & ((Request.due <= today) | waiting))


def _item(row: tuple, today: date) -> TodayItem:
    id_, vendor_id, vendor, subject, due, direction, priority, next_chase, *times = row
    times_chased, last_chased, last_event, last_call = times
    if due is not None and due < today:
        reason = "overdue"
    elif due == today:
        reason = "due_today"
    else:
        reason = "chase"
    moves = [stored_time(last_event), stored_time(last_call)]
    return TodayItem(
        kind="request",
        id=id_,
        reason=reason,
        vendor=vendor,
        subject=subject,
        due=due,
        last_chased=stored_time(last_chased),
        times_chased=times_chased,
        vendor_id=vendor_id,
        direction=direction,
        priority=priority,
        next_chase=next_chase,
        moved=max((move for move in moves if move), default=None),
    )


def _contracts(today: date) -> list[TodayItem]:
    """The active contracts, awake on `today`, whose decision is coming or passed while
    their term runs."""
    return [
        TodayItem(
            kind="contract",
            id=contract.id,
            reason="contract",
            vendor=contract.vendor_name,
            subject=contract.title,
            due=dates.decision_date,
            last_chased=None,
            times_chased=0,
            vendor_id=contract.vendor_id,
            priority="",
            renewal=contract.renewal,
        )
        for contract, dates in coming(today)
        if (contract.snoozed_until is None or contract.snoozed_until <= today)
        and dates.decision_date - timedelta(days=min(contract.leads, default=0))
        <= today
        <= dates.term.end
    ]


def _order(item: TodayItem) -> tuple:
    """Oldest first: by due date when late or due (a contract by its decision date), by the
    day the chase became due."""
    if item.reason == "contract":
        return (item.due, item.id)
    if item.reason == "chase":
        since = item.next_chase or (item.moved.date() if item.moved else date.min)
        return (since, item.id)
    return (item.due, PRIORITY_RANK.get(item.priority, len(PRIORITY_RANK)), item.id)
