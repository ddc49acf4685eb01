"""A contract's term and cost as people type them in the form: `12`, `12か月`, `1年`,
`12 months` or the term's last day; `12,000`, `１２０００円`, `¥12,000`. Errors name the
field, so the form puts the cursor there."""

import re
import unicodedata
from datetime import date

from daicho.data.contracts.store import LONGEST_TERM_MONTHS
from daicho.data.contracts.terms import term_end
from daicho.data.dates.parse import DateError, parse_due
from daicho.data.errors import InputError
from daicho.i18n import _

_MONTHS = re.compile(r"(\d+)\s*(?:か月|カ月|ヵ月|ヶ月|ケ月|箇月|months?|mo)?", re.I)
_YEARS = re.compile(r"(\d+)\s*(?:年|years?)", re.I)
_YEN = re.compile(r"¥?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*(?:円)?")


def parse_term(text: str, start: date | None, today: date, field: str = "term_months") -> int:
    """A term in whole months: a number of months or years, or the last day of the term
    (any date form of DESIGN §4) counted from `start`. InputError naming `field` otherwise."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if match := _MONTHS.fullmatch(folded):
        return _checked_months(int(match[1]), field)
    if match := _YEARS.fullmatch(folded):
        return _checked_months(int(match[1]) * 12, field)
    try:
        end = parse_due(folded, today)
    except DateError:
        end = None
    if end is None:
        raise InputError(
            _("Not a term: {text!r} (try 12, 12か月, 1年 or an end date)", text=text), field
        )
    if start is None:
        raise InputError(_("A term given by its end needs the start date"), field)
    if end < start:
        raise InputError(_("The term must end after it starts"), field)
    months = months_to(start, end)
    if months is None:
        raise InputError(
            _("{end} is not the end of a term in whole months from the start", end=end), field
        )
    return months


def _checked_months(months: int, field: str) -> int:
    if months == 0:
        raise InputError(_("The term must end after it starts"), field)
    if months > LONGEST_TERM_MONTHS:
        raise InputError(_("A term is at most {months} months", months=LONGEST_TERM_MONTHS), field)
    return months


def months_to(start: date, end: date) -> int | None:
    """The whole months of a term from `start` whose last day is `end`; None when none ends
    there."""
    guess = (end.year - start.year) * 12 + end.month - start.month
    for months in (guess, guess + 1):
        if months > 0 and term_end(start, months) == end:
            return months
    return None


def parse_cost(text: str) -> int | None:
    """Yen as typed, `12,000`, `１２０００円`, `¥12,000`; None when empty. InputError naming
    the field "cost" for anything that is not a whole number of yen."""
    folded = unicodedata.normalize("NFKC", text).strip().replace("\\", "¥")
    if not folded:
        return None
    if match := _YEN.fullmatch(folded):
        return int(match[1].replace(",", ""))
    raise InputError(_("The cost must be a whole number of yen"), "cost")
