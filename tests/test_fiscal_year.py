"""年度 figures (DESIGN §13): which contracts run in a fiscal year, what they cost inside it and
which decisions fall in it, checked against a plain walk over every day."""

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.contracts.fiscal import (
    contract_in_year,
    period_starts,
)
from daicho.data.dates.business_days import BusinessCalendar
from daicho.data.dates.fiscal_year import fiscal_year_of, fiscal_year_span
from daicho.data.dates.settings import DateSettings, set_date_settings
from daicho.data.records import CONTRACT_RENEWALS, CONTRACT_STATUSES, ContractRecord

PLAIN = BusinessCalendar()


def contract(**fields) -> ContractRecord:
    values = {
        "id": 1,
        "vendor_id": 1,
        "vendor_name": "ACME",
        "title": "保守",
        "kind": "maintenance",
        "number": "",
        "start": date(2026, 4, 1),
        "term_no": 1,
        "term_months": 12,
        "renewal": "auto",
        "renewal_term_months": None,
        "notice_months": 3,
        "notice_days": None,
        "reminder_days": (90, 30, 7),
        "cost": 10_000,
        "cost_period": "month",
        "tax_included": False,
        "notes": "",
        "status": "active",
        "notice_given": None,
        "created_at": datetime(2026, 1, 1),
        "updated_at": datetime(2026, 1, 1),
    }
    return ContractRecord(**{**values, **fields})


def in_year(record: ContractRecord, year: int, earlier=(), start_month: int = 4):
    first, last = fiscal_year_span(year, start_month)
    return contract_in_year(record, earlier, first, last, PLAIN)


def test_2026_runs_from_april_to_march_and_with_january_the_calendar_year():
    assert fiscal_year_span(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert fiscal_year_of(date(2027, 3, 31)) == 2026
    assert fiscal_year_span(2026, 1) == (date(2026, 1, 1), date(2026, 12, 31))
    set_date_settings(DateSettings(fiscal_year_start=1))
    assert fiscal_year_of(date(2027, 3, 31)) == 2027


def test_a_monthly_contract_from_october_costs_six_months_in_its_first_year():
    found = in_year(contract(start=date(2026, 10, 1)), 2026)
    assert (found.cost, found.units) == (60_000, 6)
    assert in_year(contract(start=date(2026, 10, 1)), 2026, start_month=1).cost == 30_000


def test_an_automatic_renewal_runs_on_into_later_years_with_its_decisions():
    found = in_year(contract(), 2027)
    assert [(t.number, t.start) for t in found.terms] == [(2, date(2027, 4, 1))]
    assert (found.cost, found.decisions) == (120_000, (date(2027, 12, 28),))


@pytest.mark.parametrize(
    "stopped", [{"status": "cancelled"}, {"status": "ended"}, {"renewal": "agreement"}]
)
def test_a_contract_that_does_not_renew_by_itself_stops_at_its_term_end(stopped):
    assert in_year(contract(**stopped), 2027) is None
    assert in_year(contract(**stopped), 2026).cost == 120_000


def test_a_yearly_cost_is_paid_for_each_contract_year_starting_in_the_year():
    yearly = contract(start=date(2025, 7, 1), cost=600_000, cost_period="year")
    assert in_year(yearly, 2025).cost == in_year(yearly, 2026).cost == 600_000
    two_years = contract(start=date(2025, 7, 1), term_months=24, cost=1, cost_period="year")
    assert [in_year(two_years, year).units for year in (2025, 2026, 2027)] == [1, 1, 1]


def test_a_one_off_cost_falls_in_the_year_of_the_earliest_start_known():
    renewed = contract(start=date(2027, 4, 1), term_no=2, cost=50_000, cost_period="once")
    assert in_year(renewed, 2027).cost == 50_000  # the first start is not known
    earlier = [(date(2026, 4, 1), date(2027, 3, 31))]
    assert in_year(renewed, 2026, earlier).cost == 50_000
    assert in_year(renewed, 2027, earlier).cost == 0


def test_earlier_terms_from_the_history_count_in_their_years():
    renewed = contract(start=date(2027, 4, 1), term_no=2, renewal="agreement")
    assert in_year(renewed, 2026) is None
    found = in_year(renewed, 2026, [(date(2026, 4, 1), date(2027, 3, 31))])
    assert [(t.number, t.start) for t in found.terms] == [(1, date(2026, 4, 1))]
    assert (found.cost, found.decisions) == (120_000, (date(2027, 3, 31),))


def test_an_earlier_term_keeps_its_own_length():
    renewed = contract(start=date(2026, 10, 1), term_no=2, renewal="agreement")
    found = in_year(renewed, 2026, [(date(2026, 4, 1), date(2026, 9, 30))])
    assert [(t.number, t.months) for t in found.terms] == [(1, 6), (2, 12)]
    assert found.units == 12  # one run of service: April to March


def test_no_cost_entered_is_none_not_zero():
    assert in_year(contract(cost=None), 2026).cost is None


def test_months_from_a_month_end_follow_the_civil_code():
    starts = list(period_starts(date(2026, 1, 31), 1, date(2026, 5, 31)))
    assert starts == [date(2026, 1, 31), *map(date, [2026] * 4, (3, 3, 5, 5), (1, 31, 1, 31))]


# --- against a walk over every day -------------------------------------------------------


def _starts_a_period(day: date, start: date, months: int) -> bool:
    """Whether `day` begins a period of `months` months counted from `start`: on the same day
    of a month that many months on, or on the 1st after a month too short to have that day."""
    if day == start:
        return True
    month_index = day.year * 12 + day.month - 1
    offset = month_index - (start.year * 12 + start.month - 1)
    if day.day == start.day and offset % months == 0:
        return True
    before = day - timedelta(days=1)
    short = calendar.monthrange(before.year, before.month)[1] < start.day
    return day.day == 1 and short and (offset - 1) % months == 0


def _walked(record: ContractRecord, months: int, first: date, last: date) -> int:
    """Periods starting inside the year, walking every day of the contract's run: a term
    ends the day before its `term_months`-th month starts; auto and active runs on."""
    endless = record.renewal == "auto" and record.status == "active"
    day, count, month_starts = record.start, 0, 0
    while day <= last:
        if _starts_a_period(day, record.start, 1):
            month_starts += 1
            if not endless and month_starts > record.term_months:
                break
        if first <= day and _starts_a_period(day, record.start, months):
            count += 1
        day += timedelta(days=1)
    return count


month_ends = st.builds(
    lambda year, month, back: date(year, month, calendar.monthrange(year, month)[1] - back),
    st.integers(2020, 2030),
    st.integers(1, 12),
    st.integers(0, 3),
)


@given(
    start=st.dates(date(2020, 1, 1), date(2030, 12, 31)) | month_ends,
    term_months=st.integers(1, 36),
    renewal_months=st.none() | st.integers(1, 24),
    renewal=st.sampled_from(CONTRACT_RENEWALS),
    status=st.sampled_from(CONTRACT_STATUSES),
    year=st.integers(2019, 2033),
    start_month=st.integers(1, 12),
    period=st.sampled_from(["month", "year"]),
    cost=st.integers(1, 100_000),
)
def test_a_periodic_cost_is_the_cost_times_the_periods_a_walk_over_every_day_counts(
    start, term_months, renewal_months, renewal, status, year, start_month, period, cost
):
    record = contract(
        start=start,
        term_months=term_months,
        renewal_term_months=renewal_months,
        renewal=renewal,
        status=status,
        notice_months=None,
        notice_days=0,
        cost=cost,
        cost_period=period,
    )
    first, last = fiscal_year_span(year, start_month)
    found = contract_in_year(record, (), first, last, PLAIN)
    walked = _walked(record, {"month": 1, "year": 12}[period], first, last)
    assert (found.cost if found else 0) == cost * walked
