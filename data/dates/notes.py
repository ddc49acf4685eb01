"""What a date field says about the date typed: the date and how far off it is
(`describe_due`), and whether the office is closed that day (`closed_day_note`)."""

from datetime import date

from daicho.data.dates.settings import business_calendar, current_style
from daicho.data.dates.style import era_year, wareki, weekday_name
from daicho.i18n import _


def closed_day_note(day: date) -> str:
    """What to say beside a date that falls on a weekend, holiday or closed day, offering the
    business day before (BusinessCalendar.on_or_before); "" for a business day."""
    calendar = business_calendar()
    if calendar.is_business_day(day):
        return ""
    return _(
        "closed day: the business day before is {day}", day=named_day(calendar.on_or_before(day))
    )


def describe_due(day: date, today: date) -> str:
    """The confirmation beside the field, e.g. `Fri 2026-11-27 (in 7 days)`."""
    days = (day - today).days
    if days == 0:
        relative = _("today")
    elif days == 1:
        relative = _("tomorrow")
    elif days == -1:
        relative = _("yesterday")
    elif days > 0:
        relative = _("in {days} days", days=days)
    else:
        relative = _("{days} days ago", days=-days)
    return _("{date} ({relative})", date=named_day(day), relative=relative)


def named_day(day: date) -> str:
    """`Fri 2026-11-27`, or `令和8年11月27日(金)` in the 和暦 style."""
    if current_style() == "wareki" and era_year(day):
        return wareki(day)
    return _("{weekday} {date}", weekday=weekday_name(day), date=day.isoformat())
