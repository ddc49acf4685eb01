"""Deadline bands: how urgent a request's due date is today, in words as well as colour.

Pure functions, so the queue table, the vendor list and the command line agree on
what "overdue" and "soon" mean, and tests can check every date without a screen.
"Soon" counts business days unless `soon_business_days = false` (data/dates/settings):
on a Friday before a holiday Monday, a request due on Tuesday is 1 business day away.
"""

from datetime import date

from daicho.data.dates.settings import current_date_settings
from daicho.data.dates.style import cell_date
from daicho.i18n import _

BANDS = ("closed", "overdue", "today", "soon", "later", "none")
_YEAR_SHOWN_BEYOND = 180  # days; closer dates are unambiguous as month/day


def deadline_band(
    due: date | None, status: str, today: date, soon_days: int, business: bool | None = None
) -> str:
    """One of BANDS; anything no longer open is "closed" whatever its date.

    "soon" is due within `soon_days` business days (`business`, None: as configured), or
    calendar days; a due date on a closed day before the next business day is soon too.
    """
    if status != "open":
        return "closed"
    if due is None:
        return "none"
    days = (due - today).days
    if days < 0:
        return "overdue"
    if days == 0:
        return "today"
    settings = current_date_settings()
    if days > soon_days and (settings.soon_business_days if business is None else business):
        days = settings.calendar.count(today, due)  # never more than the calendar days
    return "soon" if days <= soon_days else "later"


def due_text(due: date | None, band: str, today: date) -> str:
    """The short due cell, e.g. `11/18 ‼2d late`, `11/22 in 2d`, `12/10`, `—`, its date
    in the configured style (`2026-11-18 ‼2d late`, `R8.11.18 ‼2d late`).

    The band is spelled out so it reads without colour (monochrome terminals,
    colour-blind users); "later" and "closed" show the date alone.
    """
    if due is None:
        return _("—")
    days = (due - today).days
    if band == "overdue":
        return cell_date(due) + " " + _("‼{days}d late", days=-days)
    if band == "today":
        return cell_date(due) + " " + _("today")
    if band == "soon":
        return cell_date(due) + " " + _("in {days}d", days=days)
    return cell_date(due, far=abs(days) > _YEAR_SHOWN_BEYOND)
