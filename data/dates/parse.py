"""Due dates as people type them: `parse_due` reads the text (data/dates/notes says it back).

Case does not matter, surrounding spaces are ignored, and the text is NFKC-normalised
first, so full-width input from a Japanese IME (`１１／３０`, `＋３`, `ｔｏｍｏｒｒｏｗ`) works;
the IME's long-vowel bar `ー` and the Unicode dashes count as `-`. Accepted forms:

- full dates: `2026-11-30`, `2026/11/30`, `2026.11.30`, `2026年11月30日`
- month and day: `11/30`, `11-30`, `11月30日`: the first such date no more than 30 days
  before today. So it is this year's date unless that is over 30 days past (a January due
  date typed in December lands in January), and a date typed a week late stays in the
  past, even across New Year (`12/28` typed on 5 January is the 28th just gone).
- day of the month: `30日`: this month's, or next month's if this month's is before today
- relative: `+3` or `+3d` (days), `+2w` (weeks), `+1m` (months, clamped to the month's
  end: 31 January + 1m is the last day of February), `-1` (for something already late);
  `3日後`, `2週間後`, `1ヶ月後` (also `か`, `カ`, `ヵ`), and `3日前` and so on backwards
- words: `today`, `tomorrow`, `yesterday`, `今日`, `本日`, `明日`, `明後日`, `あさって`,
  `昨日`, and the kana `きょう`, `あした`, `あす`, `きのう`
- weekdays: `fri`, `friday`, `金`, `金曜`, `金曜日`: the next one strictly after today
  (on a Friday, `fri` is a week later)
- weeks start on Monday, as in Japan's business calendar: `next fri`, `来週金曜`,
  `来週の金曜日` are that day of next week, `fri after next`, `再来週金曜` of the week after;
  `this fri`, `今週金曜` are that day of this week, or the coming one once this week's has
  gone (on a Sunday, `今週金曜` is the Friday ahead: a due date never lands in the past by
  surprise); `next week`, `来週`, `week after next` and `再来週` alone are those weeks' Monday
- `来月10日` (or `来月の10日`): that day of next month
- month ends: `月末`, `今月末`, `end of month` or `month end` is the last day of this month,
  `来月末` or `end of next month` of next month (a closed day: see `closed_day_note`)
- `週明け` or `after the weekend`: the first business day after the coming weekend, so next
  week's (its Monday unless that is closed) whichever day it is said on; on Monday to
  Wednesday too, since this week's start has already gone
- `年内`, `end of year` or `year end`: the last business day of this year (for 2026, Monday
  12/28, before the New Year closure); once that has gone, it is that day all the same
- business days (営業日, data/dates/business_days): `+3bd` (or `+3 business days`), `3営業日後`,
  `3営業日` and `3営業日以内` are the third business day after today, `-2bd` and `2営業日前`
  the second before it; weekends, public holidays and the configured closed days are skipped
- 和暦: `令和8年11月30日`, `令和元年5月1日`, `R8.11.30`, `R8/11/30`, `平成31年4月30日`, `H31.4.30`

Anything else, a date that does not exist (`2026-02-30`, `13/01`) or a year outside
1900–2999 is a `DateError` with a one-line message to show beside the field.
"""

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from daicho.data.dates.settings import business_calendar
from daicho.data.dates.style import ERAS, JA_WEEKDAYS
from daicho.data.errors import InputError
from daicho.data.text import dashes_as_hyphens
from daicho.i18n import _

FIRST, LAST = date(1900, 1, 1), date(2999, 12, 31)
_GRACE_DAYS = 30  # how far in the past a month/day may lie before it means next year

_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORDS = {
    **dict.fromkeys(("today", "今日", "本日", "きょう"), 0),
    **dict.fromkeys(("tomorrow", "明日", "あした", "あす"), 1),
    **dict.fromkeys(("明後日", "あさって"), 2),
    **dict.fromkeys(("yesterday", "昨日", "きのう"), -1),
}


class DateError(InputError):
    """The text typed into a date field is not a date we can read."""


Handler = Callable[[re.Match[str], date], date]


def parse_due(text: str, today: date) -> date | None:
    """The date `text` means when typed on `today`; None for empty text (no due date)."""
    typed = _normalise(text)
    if not typed:
        return None
    for pattern, handler in _FORMS:
        match = pattern.fullmatch(typed)
        if match:
            day = handler(match, today)
            if not FIRST <= day <= LAST:
                raise _out_of_range()
            return day
    raise DateError(
        _(
            'Not a date: "{text}" — try 2026-11-30, 11/30, +3, +2w, tomorrow, fri, 明日, 来週金曜',
            text=_quoted(text),
        )
    )


def _normalise(text: str) -> str:
    """One spelling per form: NFKC, lower case, dashes as `-`, spaces only between words."""
    typed = " ".join(dashes_as_hyphens(unicodedata.normalize("NFKC", text).lower()).split())
    return re.sub(r"(?<![a-z0-9]) | (?![a-z0-9])", "", typed)


def _quoted(text: str) -> str:
    """The typed text on one short line, for quoting in a message."""
    line = "".join(c for c in " ".join(text.split()) if c.isprintable())
    return line if len(line) <= 20 else line[:19] + "…"


def _out_of_range() -> DateError:
    return DateError(_("Out of range: dates run from 1900 to 2999"))


def _make(year: int, month: int, day: int) -> date:
    if not FIRST.year <= year <= LAST.year:
        raise _out_of_range()
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(_("No such date: {date}", date=f"{year}-{month:02}-{day:02}")) from None


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise _out_of_range() from None


def _count(digits: str) -> int:
    """A typed number of days, weeks or months; one of over six digits leaves every year."""
    if len(digits.lstrip("0")) > 6:
        raise _out_of_range()
    return int(digits)


def _months_later(day: date, months: int) -> tuple[int, int]:
    """(year, month) of the month `months` after `day`'s."""
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not FIRST.year <= year <= LAST.year:
        raise _out_of_range()
    return year, index + 1


def _add(today: date, count: int, unit: str) -> date:
    """`count` days ("d"), weeks ("w"), months ("m") or business days ("b") from today;
    months clamp to the end."""
    if unit == "b":
        return _business_days_later(today, count)
    if unit == "m":
        year, month = _months_later(today, count)
        return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
    return _shift(today, count * (7 if unit == "w" else 1))


def _business_days_later(today: date, count: int) -> date:
    """The `count`th business day on; n business days lie at least n days away, so a count
    that leaves the range is refused before any day is counted."""
    if count > (LAST - today).days or -count > (today - FIRST).days:
        raise _out_of_range()
    try:
        return business_calendar().add(today, count)
    except OverflowError:
        raise _out_of_range() from None


def _weekday(name: str) -> int:
    """Monday 0 … Sunday 6, from `fri`, `friday`, `金` or `金曜日`."""
    if name[0] in JA_WEEKDAYS:
        return JA_WEEKDAYS.index(name[0])
    return [day[:3] for day in _EN_DAYS].index(name[:3])


def _full_date(match: re.Match[str], today: date) -> date:
    return _make(int(match["y"]), int(match["m"]), int(match["d"]))


def _month_day(match: re.Match[str], today: date) -> date:
    month, day = int(match["m"]), int(match["d"])
    earliest = _shift(today, -_GRACE_DAYS)
    year = earliest.year if (month, day) >= (earliest.month, earliest.day) else earliest.year + 1
    return _make(year, month, day)


def _day_of_month(match: re.Match[str], today: date) -> date:
    day = int(match["d"])
    return _make(*_months_later(today, 1 if day < today.day else 0), day)


def _relative(match: re.Match[str], today: date) -> date:
    sign = -1 if match["sign"] == "-" else 1
    return _add(today, sign * _count(match["n"]), (match["unit"] or "d")[0])


def _ja_relative(match: re.Match[str], today: date) -> date:
    sign = -1 if match["way"] == "前" else 1
    unit = {"日": "d", "週": "w", "営": "b"}.get(match["unit"][0], "m")
    return _add(today, sign * _count(match["n"]), unit)


def _era_date(match: re.Match[str], today: date) -> date:
    """令和8年11月30日 or R8.11.30: a day within its era (令和元年4月1日 was still 平成)."""
    first, end = next(
        (first, end)
        for (first, name, letter), end in _ERA_SPANS
        if match["era"] in (name, letter.lower())
    )
    year = 1 if match["y"] == "元" else int(match["y"])
    day = _make(first.year + year - 1, int(match["m"]), int(match["d"]))
    if not first <= day < end:
        raise DateError(_("No such date: {date}", date=_quoted(match[0].upper())))
    return day


def _word(match: re.Match[str], today: date) -> date:
    return _shift(today, _WORDS[match[0]])


def _next_weekday(match: re.Match[str], today: date) -> date:
    return _shift(today, (_weekday(match["wd"]) - today.weekday() - 1) % 7 + 1)


def _in_week(weeks: int) -> Handler:
    """That weekday (Monday when none is named) in the week `weeks` after this one."""

    def handler(match: re.Match[str], today: date) -> date:
        weekday = _weekday(match["wd"]) if match.groupdict().get("wd") else 0
        return _shift(today, 7 * weeks - today.weekday() + weekday)

    return handler


def _this_week(match: re.Match[str], today: date) -> date:
    """That weekday this week, or the coming one when this week's has gone."""
    day = _in_week(0)(match, today)
    return day if day >= today else _shift(day, 7)


def _next_month_day(match: re.Match[str], today: date) -> date:
    return _make(*_months_later(today, 1), int(match["d"]))


def _after_weekend(match: re.Match[str], today: date) -> date:
    """The first business day from next week's Monday on."""
    return _business_day_from(_shift(today, 7 - today.weekday()))


def _year_end(match: re.Match[str], today: date) -> date:
    """This year's last business day."""
    return business_calendar().on_or_before(date(today.year, 12, 31))


def _business_day_from(day: date) -> date:
    if day > LAST:
        raise _out_of_range()
    try:
        return business_calendar().add(day, 0)
    except OverflowError:
        raise _out_of_range() from None


def _month_end(months: int) -> Handler:
    def handler(match: re.Match[str], today: date) -> date:
        year, month = _months_later(today, months)
        return date(year, month, calendar.monthrange(year, month)[1])

    return handler


_EN_WEEKDAY = "|".join(day[:n] for day in _EN_DAYS for n in range(len(day), 2, -1))
_WD = rf"(?P<wd>{_EN_WEEKDAY}|[{JA_WEEKDAYS}](?:曜日?)?)"
_D = r"(?P<d>[0-9]{1,2})"
_M = r"(?P<m>[0-9]{1,2})"
_ERA_SPANS = list(zip(ERAS, [LAST + timedelta(1), *(first for first, *_ in ERAS)], strict=False))
_ERA_NAMES = "|".join(name for _first, name, _letter in ERAS)
_ERA_LETTERS = "|".join(letter.lower() for _first, _name, letter in ERAS)

_FORMS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(pattern, re.ASCII), handler)
    for pattern, handler in (
        (rf"(?P<y>[0-9]{{4}})(?P<sep>[-/.]){_M}(?P=sep){_D}", _full_date),
        (rf"(?P<y>[0-9]{{4}})年{_M}月{_D}日?", _full_date),
        (rf"{_M}[-/]{_D}", _month_day),
        (rf"{_M}月{_D}日?", _month_day),
        (rf"{_D}日", _day_of_month),
        (
            r"(?P<sign>[+-])(?P<n>[0-9]+) ?(?P<unit>bd|business days?|d|days?|w|weeks?|m|months?)?",
            _relative,
        ),
        (r"(?P<n>[0-9]+)(?P<unit>日|週間?|[ヶケかカヵ]月)(?P<way>後|前)", _ja_relative),
        (r"(?P<n>[0-9]+)(?P<unit>営業日)(?P<way>後|前|以内)?", _ja_relative),
        (rf"(?P<era>{_ERA_NAMES})(?P<y>[0-9]{{1,2}}|元)年{_M}月{_D}日?", _era_date),
        (rf"(?P<era>{_ERA_LETTERS})(?P<y>[0-9]{{1,2}})(?P<sep>[./]){_M}(?P=sep){_D}", _era_date),
        ("|".join(map(re.escape, _WORDS)), _word),
        (_WD, _next_weekday),
        (rf"(?:this |今週の?){_WD}", _this_week),
        (rf"(?:next |来週の?){_WD}", _in_week(1)),
        (rf"{_WD} after next", _in_week(2)),
        (rf"再来週の?{_WD}", _in_week(2)),
        (r"next week|来週", _in_week(1)),
        (r"week after next|再来週", _in_week(2)),
        (rf"来月の?{_D}日", _next_month_day),
        (r"今?月末|end of (?:the )?month|month end", _month_end(0)),
        (r"来月末|end of next month", _month_end(1)),
        (r"週明け|after the weekend", _after_weekend),
        (r"年内|end of (?:the )?year|year end", _year_end),
    )
]
