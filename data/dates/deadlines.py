"""Deadlines: how urgent a request's due date is today, and how that reads in each place.

One `Deadline` holds the arithmetic (the band, the days late or left, whether a date is far
enough off to show its year) and the words for the queue cell, a detail line and a mail, so
the queue, the header, the details and the mails cannot disagree on what "overdue" means.
No Peewee and no Textual: tests check every date without a ledger or a screen.
"Soon" counts business days unless `soon_business_days = false` (data/dates/settings):
on a Friday before a holiday Monday, a request due on Tuesday is 1 business day away.
"""

from dataclasses import dataclass
from datetime import date

from daicho.data.dates.settings import current_date_settings
from daicho.data.dates.style import cell_date, full_date
from daicho.i18n import _

BANDS = ("closed", "overdue", "today", "soon", "later", "none")
YEAR_SHOWN_BEYOND = 180  # days; closer dates are unambiguous without their year


def year_shown(day: date, today: date) -> bool:
    """Whether a short form of `day` needs its year: over half a year from `today`."""
    return abs((day - today).days) > YEAR_SHOWN_BEYOND


@dataclass(frozen=True)
class Deadline:
    """A due date seen on `today`: its band (one of BANDS) and `days` from today to it
    (negative when late, None without a date). Build one with `Deadline.of`."""

    due: date | None
    today: date
    band: str
    days: int | None

    @classmethod
    def of(
        cls,
        due: date | None,
        status: str,
        today: date,
        soon_days: int = 3,
        business: bool | None = None,
    ) -> "Deadline":
        """Anything no longer open is "closed" whatever its date.

        "soon" is due within `soon_days` business days (`business`, None: as configured), or
        calendar days; a due date on a closed day before the next business day is soon too.
        """
        days = None if due is None else (due - today).days
        return cls(due, today, _band(due, days, status, today, soon_days, business), days)

    @property
    def days_late(self) -> int:
        """Whole days past the due date (0 unless overdue)."""
        return -self.days if self.band == "overdue" else 0

    @property
    def days_left(self) -> int:
        """Whole days until the due date (0 when due today, late, closed or undated)."""
        return self.days if self.band in ("soon", "later") else 0

    @property
    def cell(self) -> str:
        """The short due cell, e.g. `11/18 ‼2d late`, `11/22 in 2d`, `12/10`, `—`, its date
        in the configured style (`2026-11-18 ‼2d late`, `R8.11.18 ‼2d late`).

        The band is spelled out so it reads without colour (monochrome terminals,
        colour-blind users); "later" and "closed" show the date alone.
        """
        if self.due is None:
            return _("—")
        if self.band == "overdue":
            return cell_date(self.due) + " " + _("‼{days}d late", days=self.days_late)
        if self.band == "today":
            return cell_date(self.due) + " " + _("today")
        if self.band == "soon":
            return cell_date(self.due) + " " + _("in {days}d", days=self.days_left)
        return cell_date(self.due, far=year_shown(self.due, self.today))

    @property
    def in_full(self) -> str:
        """What a detail line adds after the cell (`11/18 ‼2d late · 2026-11-18`): the date
        with its year, "" when the cell already shows it that way or there is no date."""
        if self.due is None or (full := full_date(self.due)) in self.cell:
            return ""
        return full

    @property
    def mail_word(self) -> str:
        """What a mail says beside an open request's date: `overdue`, `due today` or ""."""
        if self.band == "overdue":
            return _("overdue")
        if self.band == "today":
            return _("due today")
        return ""


def _band(
    due: date | None,
    days: int | None,
    status: str,
    today: date,
    soon_days: int,
    business: bool | None,
) -> str:
    if status != "open":
        return "closed"
    if due is None or days is None:
        return "none"
    if days < 0:
        return "overdue"
    if days == 0:
        return "today"
    settings = current_date_settings()
    if days > soon_days and (settings.soon_business_days if business is None else business):
        days = settings.calendar.count(today, due)  # never more than the calendar days
    return "soon" if days <= soon_days else "later"
