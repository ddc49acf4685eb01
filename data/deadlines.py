"""Deadline bands: how urgent a request's due date is today, in words as well as colour.

Pure functions, so the queue table, the vendor list and the command line agree on
what "overdue" and "soon" mean, and tests can check every date without a screen.
"""

from datetime import date

from daicho.i18n import _

BANDS = ("closed", "overdue", "today", "soon", "later", "none")
_YEAR_SHOWN_BEYOND = 180  # days; closer dates are unambiguous as month/day


def deadline_band(due: date | None, status: str, today: date, soon_days: int) -> str:
    """One of BANDS; anything no longer open is "closed" whatever its date."""
    if status != "open":
        return "closed"
    if due is None:
        return "none"
    days = (due - today).days
    if days < 0:
        return "overdue"
    if days == 0:
        return "today"
    return "soon" if days <= soon_days else "later"


def due_text(due: date | None, band: str, today: date) -> str:
    """The short due cell, e.g. `11/18 ‼2d late`, `11/22 in 2d`, `12/10`, `—`.

    The band is spelled out so it reads without colour (monochrome terminals,
    colour-blind users); "later" and "closed" show the date alone.
    """
    if due is None:
        return _("—")
    days = (due - today).days
    if band == "overdue":
        return f"{due.month}/{due.day} " + _("‼{days}d late", days=-days)
    if band == "today":
        return f"{due.month}/{due.day} " + _("today")
    if band == "soon":
        return f"{due.month}/{due.day} " + _("in {days}d", days=days)
    if abs(days) > _YEAR_SHOWN_BEYOND:
        return f"{due.year}/{due.month}/{due.day}"
    return f"{due.month}/{due.day}"
