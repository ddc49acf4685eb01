"""How a date is written on screen in the configured style (`[display] date_style`).

| style    | queue cell            | in full (detail lines, history, today) |
|----------|-----------------------|----------------------------------------|
| `short`  | `11/30`, `2027/9/1`   | `2026-11-30`                           |
| `iso`    | `2026-11-30`          | `2026-11-30`                           |
| `wareki` | `R8.11.30`            | `令和8年11月30日(月)`                  |

`short` is the look from before there were styles; it writes the year only when the day is
over half a year away. 和暦 is the same in both languages: it is a Japanese way of writing a
date and has no English form (mails in English write their own form, see mail_format).
Exports, the database and `--json` output are always ISO and never come through here.

和暦 is computed here rather than with a library: two eras are all a due date needs, 令和
from 2019-05-01 and 平成 from 1989-01-08; older dates fall back to ISO. The first year of
an era is 元年. A new era is one more line in `ERAS`.
"""

from datetime import date

from daicho.data.dates.settings import current_style
from daicho.i18n import current_language

ERAS = (  # newest first: the first day, the name, its letter in short forms (R8.11.30)
    (date(2019, 5, 1), "令和", "R"),
    (date(1989, 1, 8), "平成", "H"),
)
JA_WEEKDAYS = "月火水木金土日"
_WEEKDAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), "ja": tuple(JA_WEEKDAYS)}


def weekday_name(day: date) -> str:
    """`Fri` or `金`, in the current language."""
    return _WEEKDAYS[current_language()][day.weekday()]


def era_year(day: date) -> tuple[str, str, int] | None:
    """(`令和`, `R`, 8) for a day in 2026; None before 平成."""
    for first, name, letter in ERAS:
        if day >= first:
            return name, letter, day.year - first.year + 1
    return None


def wareki(day: date) -> str:
    """`令和8年11月30日(月)`, `令和元年5月1日(水)`; ISO before 平成."""
    era = era_year(day)
    if era is None:
        return day.isoformat()
    name, _letter, year = era
    shown = "元" if year == 1 else str(year)
    return f"{name}{shown}年{day.month}月{day.day}日({JA_WEEKDAYS[day.weekday()]})"


def wareki_short(day: date) -> str:
    """`R8.11.30`, as a spreadsheet writes 和暦 in a narrow column; ISO before 平成."""
    era = era_year(day)
    if era is None:
        return day.isoformat()
    _name, letter, year = era
    return f"{letter}{year}.{day.month}.{day.day}"


def cell_date(day: date, far: bool = False) -> str:
    """A date in a narrow column such as the queue's; `far` (over half a year away) adds the
    year in the short style, which otherwise leaves it out."""
    style = current_style()
    if style == "iso":
        return day.isoformat()
    if style == "wareki":
        return wareki_short(day)
    return f"{day.year}/{day.month}/{day.day}" if far else f"{day.month}/{day.day}"


def full_date(day: date) -> str:
    """A date with its year where there is room: `2026-11-30`, or `令和8年11月30日(月)`."""
    return wareki(day) if current_style() == "wareki" else day.isoformat()
