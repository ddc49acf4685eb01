"""Business days (営業日): weekdays that are neither a Japanese public holiday nor a day the
company is closed.

Public holidays, substitute holidays (振替休日) and the "national holiday" between two others
(国民の休日) come from the `holidays` package, which follows the Cabinet Office's list; it knows
1949 to 2099, and outside those years only weekends and closed days count. Closed days are
the company's own: `12/29-01/03` (New Year, 年末年始, the default), `08/13-08/16` every
year, or `2027/08/12-2027/08/16` once. `~`, `〜` and full-width forms work as well as `-`.

The holidays of a year are read the first time a business day of it is asked about, from a
cache on disk (data/dates/holidays) when there; importing the package costs about a tenth of
a second, paid once per year and package version.
"""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from daicho.data.dates.holidays import cached_holidays, keep_holidays
from daicho.data.text import dashes_as_hyphens

DEFAULT_CLOSED_DAYS = ("12/29-01/03",)
_LEAP_YEAR = 2000  # where a yearly `02/29` is checked
_DAY = r"(?:(?P<{0}y>[0-9]{{4}})/)?(?P<{0}m>[0-9]{{1,2}})/(?P<{0}d>[0-9]{{1,2}})"
_SPAN = re.compile(_DAY.format("a") + r"(?:[-~〜](?P<to>" + _DAY.format("b") + "))?", re.ASCII)
_ONE_DAY = timedelta(days=1)


class ClosedDaysError(ValueError):
    """A closed-day entry that is not `MM/DD`, `MM/DD-MM/DD` or the same with years."""


@dataclass(frozen=True)
class ClosedSpan:
    """Closed from `first` to `last`, both included: (month, day) every year, or dates."""

    first: tuple[int, int] | date
    last: tuple[int, int] | date

    def days_in(self, year: int) -> list[date]:
        """The days of `year` in the span (a span over New Year gives both of its ends)."""
        if isinstance(self.first, date) and isinstance(self.last, date):
            start, end = max(self.first, date(year, 1, 1)), min(self.last, date(year, 12, 31))
        else:
            start, end = _yearly_start(self.first, year), _yearly_end(self.last, year)
            if self.first > self.last:  # over New Year: this year's end and this year's start
                return [*_days(date(year, 1, 1), end), *_days(start, date(year, 12, 31))]
        return _days(start, end)


def _yearly_start(month_day: tuple[int, int], year: int) -> date:
    """The day itself; a yearly 02/29 in a common year starts on 03/01."""
    month, day = month_day
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 3, 1)


def _yearly_end(month_day: tuple[int, int], year: int) -> date:
    """The day itself; a yearly 02/29 in a common year ends on 02/28."""
    month, day = month_day
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 2, 28)


def _days(start: date, end: date) -> list[date]:
    """Every day from `start` to `end`, both included (none when `end` is earlier)."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def parse_closed_day(text: str) -> ClosedSpan:
    """One `closed_days` entry; ClosedDaysError says what is wrong with it."""
    typed = dashes_as_hyphens("".join(unicodedata.normalize("NFKC", text).split()))
    match = _SPAN.fullmatch(typed)
    if match is None:
        raise ClosedDaysError(f"not a day or span such as 12/29-01/03: {text!r}")
    ends = [_end(match, "a"), _end(match, "b") if match["to"] else None]
    first, last = ends[0], ends[1] or ends[0]
    if isinstance(first, date) != isinstance(last, date):
        raise ClosedDaysError(f"give both ends with a year, or neither: {text!r}")
    if isinstance(first, date) and isinstance(last, date) and last < first:
        raise ClosedDaysError(f"ends before it starts: {text!r}")
    return ClosedSpan(first, last)


def _end(match: re.Match[str], end: str) -> tuple[int, int] | date:
    year, month, day = match[f"{end}y"], int(match[f"{end}m"]), int(match[f"{end}d"])
    try:
        checked = date(int(year) if year else _LEAP_YEAR, month, day)
    except ValueError:
        raise ClosedDaysError(f"no such date: {match[0]!r}") from None
    return checked if year else (month, day)


@dataclass(frozen=True)
class BusinessCalendar:
    """Which days are business days; frozen and hashable, so its years can be cached."""

    closed_days: tuple[str, ...] = DEFAULT_CLOSED_DAYS
    _spans: tuple[ClosedSpan, ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "closed_days", tuple(self.closed_days))
        object.__setattr__(self, "_spans", tuple(map(parse_closed_day, self.closed_days)))

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _closed_weekdays(self, day.year)

    def count(self, start: date, end: date) -> int:
        """Business days after `start` up to and including `end` (negative when `end` is
        earlier): from a Friday to the Monday after is 1 when that Monday is worked."""
        if end < start:
            return -self.count(end, start)
        total = _weekdays_after(start, end)
        for year in range(start.year, end.year + 1):
            closed = _closed_weekdays(self, year)
            total -= bisect_right(closed, end) - bisect_right(closed, start)
        return total

    def add(self, day: date, count: int) -> date:
        """The `count`th business day after `day` (before it when negative); for 0, `day`
        itself when it is a business day, else the next one. OverflowError past the calendar."""
        if count == 0:
            return day if self.is_business_day(day) else self.add(day, 1)
        step = _ONE_DAY if count > 0 else -_ONE_DAY
        remaining = abs(count)
        try:
            edge = _year_edge(day, step)
            left = self._beyond(day, edge, step)
            while left < remaining:  # whole years at a time while the rest lies beyond this one
                remaining -= left
                day, edge = edge, _year_edge(edge + step, step)
                left = self._beyond(day, edge, step)
            while remaining:
                day += step
                remaining -= self.is_business_day(day)
        except ValueError:  # date(10000, 1, 1): past the end, as date arithmetic says it
            raise OverflowError("date value out of range") from None
        return day

    def on_or_before(self, day: date) -> date:
        """`day` when it is a business day, else the last one before it: where a date that
        falls on a weekend, a holiday or a closed day is moved to keep its promise."""
        return day if self.is_business_day(day) else self.add(day, -1)

    def _beyond(self, day: date, edge: date, step: timedelta) -> int:
        """Business days from `day` (left out) to `edge` (counted), going by `step`."""
        return self.count(day, edge) if step > timedelta(0) else self.count(edge + step, day + step)


def _year_edge(day: date, step: timedelta) -> date:
    """The last day of `day`'s year going forward, the first going back."""
    return date(day.year, 12, 31) if step > timedelta(0) else date(day.year, 1, 1)


def _weekdays_after(start: date, end: date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (end >= start)."""
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    return weeks * 5 + sum((first + n) % 7 < 5 for n in range(1, rest + 1))


@lru_cache(maxsize=256)
def _closed_weekdays(calendar: BusinessCalendar, year: int) -> tuple[date, ...]:
    """The weekdays of `year` that are not worked, sorted: public holidays and closed days."""
    closed = set(_public_holidays(year))
    for span in calendar._spans:
        closed.update(span.days_in(year))
    return tuple(sorted(day for day in closed if day.weekday() < 5 and day.year == year))


@lru_cache(maxsize=256)
def _public_holidays(year: int) -> frozenset[date]:
    """Japan's public holidays of `year`, substitute holidays included (none outside 1949–2099);
    from the cache on disk when the same package made them (data/dates/holidays)."""
    cached = cached_holidays(year)
    if cached is not None:
        return cached
    import holidays  # about 0.1 s the first time: only once a year is not in the cache

    if year not in _years_known():  # asking would cost 0.3 ms a year for nothing
        return frozenset()
    days = frozenset(holidays.country_holidays("JP", years=year))
    keep_holidays(year, days)
    return days


@lru_cache(maxsize=1)
def _years_known() -> range:
    import holidays

    japan = holidays.country_holidays("JP")
    return range(japan.start_year, japan.end_year + 1)
