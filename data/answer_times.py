"""How fast each vendor answers (DESIGN §12): the median business days from asking to the
answer, over the answers of the last 12 months, and how many answers that is.

Asking is the day a request we wait on was opened; the answer is the first time it was marked
answered (a request reopened and answered again counts once, by its first answer). Both are the
user's local dates; business days as `BusinessCalendar.count` counts them (an answer the next
business day is 1, the same day 0). The window is the 365 local days ending today, both ends
included, so that an answer "a year ago today" still counts and one written after today not.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median

from daicho.data.dates import clock
from daicho.data.dates.settings import business_calendar
from daicho.data.engines import execute, stored_time
from daicho.i18n import _

WINDOW = timedelta(days=365)
ENOUGH_ANSWERS = 3
"""A vendor's history suggests a due date once it holds this many answers."""


@dataclass(frozen=True)
class AnswerTime:
    median_days: float  # business days, a half when the middle falls between two
    answers: int  # how many answers the median is of

    @property
    def days(self) -> int:
        """The median rounded up: the whole business days to expect."""
        return math.ceil(self.median_days)


def days_shown(days: float) -> str:
    """A median as people write it: `4`, or `3.5` when it falls between two."""
    return f"{days:g}"


def business_days_words(days: float) -> str:
    """An answer time in words, for every place that shows one: `4 business days`, `3.5
    business days`, `1 business day` (`4営業日`)."""
    if days == 1:
        return _("1 business day")
    return _("{days} business days", days=days_shown(days))


def answer_times(today: date, vendor_id: int | None = None) -> dict[int, AnswerTime]:
    """Each vendor's answer time as of `today` (only `vendor_id`'s when given); vendors with
    no answer in the last 12 months are left out."""
    calendar = business_calendar()
    days: dict[int, list[int]] = {}
    for vendor, asked, answered in _answers(today, vendor_id):
        count = calendar.count(asked, answered)
        days.setdefault(vendor, []).append(max(count, 0))
    return {vendor: AnswerTime(median(spans), len(spans)) for vendor, spans in days.items()}


def suggested_due(vendor_id: int, today: date) -> tuple[AnswerTime, date] | None:
    """The due date a new request to the vendor may take from its history: its answer time
    in business days from today, once it has answered ENOUGH_ANSWERS times; else None."""
    found = answer_times(today, vendor_id).get(vendor_id)
    if found is None or found.answers < ENOUGH_ANSWERS:
        return None
    return found, business_calendar().add(today, found.days)


def _answers(today: date, vendor_id: int | None):
    """(vendor id, day asked, day first answered) of the outbound requests first answered
    within the window, as the user's local dates: the window's answers found by time, each
    kept when no answer of its request came before it."""
    since = clock.to_utc(datetime.combine(today - WINDOW, time()))
    until = clock.to_utc(datetime.combine(today + timedelta(days=1), time()))
    sql = (
        "SELECT r.vendor_id, r.created_at, e.at FROM request_event AS e"
        " JOIN request AS r ON r.id = e.request_id"
        " WHERE e.kind = 'status_changed' AND e.at >= ? AND e.at < ?"
        " AND e.new_value = 'answered' AND r.direction = 'outbound'"
        " AND NOT EXISTS (SELECT 1 FROM request_event AS earlier"
        " WHERE earlier.request_id = e.request_id AND earlier.kind = 'status_changed'"
        " AND earlier.new_value = 'answered' AND earlier.at < e.at)"
    )
    parameters: list = [str(since), str(until)]  # as the ledger writes times
    if vendor_id is not None:
        sql += " AND r.vendor_id = ?"
        parameters.append(vendor_id)
    local_day = _local_days()
    for vendor, asked, answered in execute(sql, parameters).fetchall():
        yield vendor, local_day(stored_time(asked)), local_day(stored_time(answered))


def _local_days():
    """The user's local date of a stored UTC time, the zone's offset looked up once per UTC
    day where it is the same at both ends of the day, else for the time itself."""
    offsets: dict[date, timedelta | None] = {}

    def local_day(stored: datetime) -> date:
        day = stored.date()
        if day not in offsets:
            start = datetime.combine(day, time())
            first, last = (clock.to_local(start + timedelta(days=n)).utcoffset() for n in (0, 1))
            offsets[day] = first if first == last else None
        if (offset := offsets[day]) is None:
            offset = clock.to_local(stored).utcoffset()
        return (stored + offset).date()

    return local_day
