"""How a contract's decision is said (DESIGN §13): in the subject of the reminder it puts in
the queue and on the day's list, so that the two always name the same day the same way."""

from datetime import date

from daicho.data.dates.style import cell_date, weekday_name
from daicho.i18n import _


def decision_day(day: date) -> str:
    """`12/28 (Mon)`, `12/28(月)`: a decision date as the app writes a near date."""
    return _("{date} ({weekday})", date=cell_date(day), weekday=weekday_name(day))


def reminder_subject(title: str, renewal: str, decision: date) -> str:
    """`Renewal decision: 複合機保守契約 — cancel by 12/28 (Mon)`; a contract that does not
    renew by itself names the day it ends instead."""
    day = decision_day(decision)
    if renewal == "auto":
        return _("Renewal decision: {title} — cancel by {day}", title=title, day=day)
    return _("Renewal decision: {title} — ends {day}", title=title, day=day)


def decision_words(renewal: str, decision: date, today: date) -> str:
    """Why a contract is on the day's list: `cancel by 12/28 (Mon), in 3 days`, `…, today`,
    `cancel by 12/28 (Mon) passed`; `ends 3/31 (Wed), in 3 days` when it does not renew by
    itself (its decision date is its end, and it leaves the list once that has passed)."""
    day, days = decision_day(decision), (decision - today).days
    if days < 0:
        return _("cancel by {day} passed", day=day)
    if renewal == "auto":
        if days == 0:
            return _("cancel by {day}, today", day=day)
        if days == 1:
            return _("cancel by {day}, tomorrow", day=day)
        return _("cancel by {day}, in {days} days", day=day, days=days)
    if days == 0:
        return _("ends {day}, today", day=day)
    if days == 1:
        return _("ends {day}, tomorrow", day=day)
    return _("ends {day}, in {days} days", day=day, days=days)
