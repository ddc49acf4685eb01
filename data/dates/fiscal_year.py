"""年度 (DESIGN §13): the fiscal year a day falls in and the days a fiscal year spans, by
`[dates] fiscal_year_start` (April by default: 2026年度 is 2026-04-01 to 2027-03-31)."""

from datetime import date, timedelta

from daicho.data.dates.settings import current_date_settings


def fiscal_year_of(day: date, start_month: int | None = None) -> int:
    """The 年度 `day` falls in, named by the year it starts in."""
    start_month = start_month or current_date_settings().fiscal_year_start
    return day.year if day.month >= start_month else day.year - 1


def fiscal_year_span(year: int, start_month: int | None = None) -> tuple[date, date]:
    """The first and last day of 年度 `year`."""
    start_month = start_month or current_date_settings().fiscal_year_start
    first = date(year, start_month, 1)
    return first, date(year + 1, start_month, 1) - timedelta(days=1)
