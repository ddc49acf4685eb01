"""How the day's list says, in words, why each item is on it and how often it was chased:
one home for the Today screen and `daicho today`, so that the two never disagree."""

from datetime import date, datetime

from daicho.data.contracts.words import decision_words
from daicho.data.dates import clock
from daicho.data.dates.settings import business_calendar
from daicho.data.dates.style import cell_date, weekday_name
from daicho.data.records import TodayItem
from daicho.i18n import N_, _

REASON_HEADINGS = {
    "overdue": N_("Overdue"),
    "due_today": N_("Due today"),
    "chase": N_("Due for a chase"),
    "contract": N_("Contract decisions"),
}
"""A heading per reason, in the list's order (data/today.REASONS), marked for translation."""


def reason_words(item: TodayItem, today: date) -> str:
    """Why `item` is on the list as of `today`: `3 days overdue`, `due today`, `quiet 5
    workdays`, or the chase date it was given (`chase date Mon 12/7`); for a contract, its
    decision (`cancel by 12/28 (Mon), in 3 days`)."""
    if item.reason == "contract":
        return decision_words(item.renewal, item.due, today)
    if item.reason == "overdue":
        days = (today - item.due).days
        return _("1 day overdue") if days == 1 else _("{days} days overdue", days=days)
    if item.reason == "due_today":
        return _("due today")
    if item.next_chase is not None and item.next_chase <= today:
        return _("chase date {day}", day=day_with_weekday(item.next_chase))
    quiet = business_calendar().count(_local_day(item.moved), today) if item.moved else 0
    return _("quiet {days} workdays", days=quiet)


def chased_words(times_chased: int, last_chased: datetime | None, today: date) -> str:
    """How often and how long ago the vendor was chased: `2× · 3d ago`, `1× · today`; ""
    when never."""
    if not times_chased or last_chased is None:
        return ""
    return times_and_days(times_chased, (today - _local_day(last_chased)).days)


def times_and_days(times: int, days: int) -> str:
    """`2× · 3d ago` / `2× · 3日前`, `1× · today`: chased `times`, last `days` ago."""
    ago = _("today") if days <= 0 else _("{days}d ago", days=days)
    return f"{times}× · {ago}"


def day_with_weekday(day: date) -> str:
    """`Mon 12/7`, `12/7(月)`: a near date as a person names it."""
    return _("{weekday} {date}", weekday=weekday_name(day), date=cell_date(day))


def _local_day(stored: datetime) -> date:
    return clock.to_local(stored).date()
