"""The dates a contract's terms give (DESIGN §13), worked out from what is stored.

A term of N months runs from its start to the day before the same day N months later, or to
the end of that month when it has no such day (民法 143条): 2026-04-01 for 12 months ends
2027-03-31, 01-31 for one month ends 02-28 (02-29 in a leap year). The next term starts the
day after. The cancel-by date (解約通知期限) is the end minus the notice period, moved back to
the last business day on or before it; the decision date the reminders count from is the
cancel-by date of a contract that renews by itself, and the term's end for the others.
"""

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from daicho.data.dates.business_days import BusinessCalendar
from daicho.data.errors import InputError
from daicho.data.records import ContractRecord
from daicho.i18n import _


@dataclass(frozen=True)
class Term:
    number: int  # 1 for the first term, raised by each renewal
    start: date
    end: date  # its last day
    months: int


@dataclass(frozen=True)
class ContractDates:
    """Where a contract stands on a day: its current term and the dates that follow."""

    term: Term
    cancel_by: date
    decision_date: date


def term_end(start: date, months: int) -> date:
    """The last day of a term of `months` months from `start`."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    last = _days_in(year, month + 1)
    if start.day > last:
        return date(year, month + 1, last)
    return date(year, month + 1, start.day) - timedelta(days=1)


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier, or the last day of that month when it has none."""
    year, month = divmod(day.month - 1 - months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, _days_in(year, month + 1)))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The days of a month (calendar.monthrange also works out its first weekday: slower,
    and this runs for every contract at every start)."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]


def first_term(contract: ContractRecord) -> Term:
    """The term stored: `start` and `term_months`, numbered `term_no`."""
    end = term_end(contract.start, contract.term_months)
    return Term(contract.term_no, contract.start, end, contract.term_months)


def next_term(term: Term, renewal_term_months: int | None) -> Term:
    """The term after `term`: the renewal term, or the same length when none is set."""
    months = renewal_term_months or term.months
    start = term.end + timedelta(days=1)
    return Term(term.number + 1, start, term_end(start, months), months)


def current_term(contract: ContractRecord, today: date) -> Term:
    """The term running on `today`: the stored one, or for an active contract that renews by
    itself, the one it has renewed into since (a term that ended before `today`)."""
    term = first_term(contract)
    if contract.renewal == "auto" and contract.status == "active":
        while term.end < today:
            term = next_term(term, contract.renewal_term_months)
    return term


def cancel_by(
    end: date, notice_months: int | None, notice_days: int | None, calendar: BusinessCalendar
) -> date:
    """The last day notice can be given for a term ending on `end`."""
    return calendar.on_or_before(notice_day(end, notice_months, notice_days))


def notice_day(end: date, notice_months: int | None, notice_days: int | None) -> date:
    """The end minus the notice period, before any move to a business day."""
    if notice_months:
        return months_before(end, notice_months)
    return end - timedelta(days=notice_days or 0)


def decision_date(renewal: str, end: date, cancel_by_date: date) -> date:
    """The day the user must have decided by: cancel-by for automatic renewal, else the end."""
    return cancel_by_date if renewal == "auto" else end


def contract_dates(
    contract: ContractRecord, today: date, calendar: BusinessCalendar
) -> ContractDates:
    term = current_term(contract, today)
    cancel = cancel_by(term.end, contract.notice_months, contract.notice_days, calendar)
    return ContractDates(term, cancel, decision_date(contract.renewal, term.end, cancel))


# --- periods as people type them ---------------------------------------------------------

_MONTHS = re.compile(
    r"(\d+)\s*(?:か月|カ月|ヵ月|ヶ月|ケ月|箇月|月|months?|mo)\s*(?:前|before)?", re.I
)
_YEARS = re.compile(r"(\d+)\s*(?:年|years?)\s*(?:前|before)?", re.I)
_DAYS = re.compile(r"(\d+)\s*(?:日|days?)\s*(?:前|before)?", re.I)


def parse_notice(text: str) -> tuple[int | None, int | None]:
    """A notice period as typed, `3か月前`, `90日前`, `3 months`, `90 days`, `1年`, as
    (months, days), one of them None; InputError naming the field "notice" otherwise."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if match := _MONTHS.fullmatch(folded):
        return int(match[1]), None
    if match := _YEARS.fullmatch(folded):
        return int(match[1]) * 12, None
    if match := _DAYS.fullmatch(folded):
        return None, int(match[1])
    raise InputError(
        _("Not a notice period: {text!r} (try 3か月前, 90日前 or 3 months)", text=text),
        "notice",
    )


def notice_words(notice_months: int | None, notice_days: int | None) -> str:
    """A notice period as shown: `3か月前` / `3 months`, `90日前` / `90 days`."""
    if notice_months:
        return _("{months} months' notice", months=notice_months)
    return _("{days} days' notice", days=notice_days or 0)


def parse_lead_days(text: str) -> tuple[int, ...]:
    """Reminder lead times as typed, `90 30 7` or `90、30、7`: distinct, largest first;
    InputError naming the field "reminder_days" for anything else."""
    words = re.split(r"[\s,、]+", unicodedata.normalize("NFKC", text).strip())
    if not all(word.isdigit() for word in words if word):
        raise InputError(
            _("Reminder days are numbers of days, like 90 30 7: not {text!r}", text=text),
            "reminder_days",
        )
    return tuple(sorted({int(word) for word in words if word}, reverse=True))


def lead_days_text(days: tuple[int, ...]) -> str:
    """Lead times as stored and shown: `90 30 7`."""
    return " ".join(map(str, days))
