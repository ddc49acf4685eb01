"""The date maths of contracts (data/contracts/terms.py) against a plain, slow reference that
walks every day: terms by 民法143条 (month ends, 01-31 plus one month, leap days), the term a
contract that renews by itself is in, and the cancel-by date moved back over weekends,
Japan's holidays and generated closed days (New Year closures holding the raw date)."""

from datetime import date, datetime, timedelta

import holidays
from hypothesis import assume, given
from hypothesis import strategies as st

from daicho.data.contracts.terms import (
    cancel_by,
    contract_dates,
    current_term,
    lead_days_text,
    next_term,
    notice_words,
    parse_lead_days,
    parse_notice,
    term_end,
)
from daicho.data.dates.business_days import BusinessCalendar
from daicho.data.errors import InputError
from daicho.data.records import ContractRecord
from daicho.i18n import set_language

ONE_DAY = timedelta(days=1)
JAPAN = holidays.country_holidays("JP", years=range(1999, 2081))

# --- the slow reference ------------------------------------------------------------------


def slow_term_end(start: date, months: int) -> date:
    """Walk day by day: the day before the one numbered like `start`, `months` month
    boundaries later; the last day of that month when it has no such day."""
    day, crossed = start, 0
    while True:
        following = day + ONE_DAY
        if following.month != day.month:
            crossed += 1
            if crossed > months:  # the whole month passed without the day: it had none
                return day
        if crossed == months and following.day == start.day:
            return day
        day = following


def slow_months_before(end: date, months: int) -> date:
    """Walk back day by day over `months` month boundaries to the day numbered like `end`,
    or the last day of a month too short to have it."""
    day, crossed = end, 0
    while True:
        earlier = day - ONE_DAY
        if earlier.month != day.month:
            crossed += 1
        if crossed == months and earlier.day <= end.day:
            return earlier
        day = earlier


def closed_yearly(day: date, spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    month_day = (day.month, day.day)
    for first, last in spans:
        inside = first <= month_day <= last if first <= last else not last < month_day < first
        if inside:
            return True
    return False


def slow_business_day(day: date, spans) -> bool:
    return day.weekday() < 5 and day not in JAPAN and not closed_yearly(day, spans)


def slow_cancel_by(end: date, notice_months: int, notice_days: int, spans) -> date:
    if notice_months:
        day = slow_months_before(end, notice_months)
    else:
        day = end - timedelta(days=notice_days)
    while not slow_business_day(day, spans):
        day -= ONE_DAY
    return day


# --- what is generated --------------------------------------------------------------------

MONTH_ENDS = st.sampled_from(
    [date(2026, 1, 31), date(2028, 2, 29), date(2027, 2, 28), date(2026, 4, 30)]
)
STARTS = st.one_of(st.dates(date(2000, 1, 1), date(2060, 12, 31)), MONTH_ENDS)
TERMS = st.integers(1, 60)
SPANS = st.lists(  # closed spans of up to a month, some over New Year
    st.one_of(
        st.sampled_from([(12, 29, 5), (8, 13, 3), (12, 31, 3)]),
        st.tuples(st.integers(1, 12), st.integers(1, 28), st.integers(0, 30)),
    ).map(lambda span: _span(*span)),
    max_size=3,
)


def _span(month: int, day: int, length: int) -> tuple[tuple[int, int], tuple[int, int]]:
    last = date(2001, month, day) + timedelta(days=length)  # a common year: no 02/29
    return (month, day), (last.month, last.day)


def calendar_of(spans) -> BusinessCalendar:
    return BusinessCalendar(tuple(f"{a[0]:02}/{a[1]:02}-{b[0]:02}/{b[1]:02}" for a, b in spans))


def contract(start, months, renewal, renewal_months=None, notice=(None, None)) -> ContractRecord:
    at = datetime(2026, 1, 1)
    return ContractRecord(
        1, 1, "Acme", "保守", "maintenance", "", start, 1, months, renewal, renewal_months,
        *notice, (90, 30, 7), None, "month", False, "", "active", None, at, at,
    )  # fmt: skip


# --- properties ---------------------------------------------------------------------------


@given(STARTS, TERMS)
def test_a_term_ends_as_walking_every_day_says(start, months):
    assert term_end(start, months) == slow_term_end(start, months)


@given(STARTS, TERMS, st.one_of(st.none(), TERMS))
def test_the_next_term_starts_the_day_after_and_runs_its_own_length(start, months, renewal):
    term = current_term(contract(start, months, "agreement"), start)
    following = next_term(term, renewal)
    assert following.start == term.end + ONE_DAY
    assert following.end == slow_term_end(following.start, renewal or months)
    assert following.number == term.number + 1


@given(STARTS, TERMS, st.one_of(st.none(), TERMS), st.integers(0, 4000))
def test_an_automatic_renewal_is_in_the_term_holding_today(start, months, renewal, later):
    today = start + timedelta(days=later)
    term = current_term(contract(start, months, "auto", renewal), today)
    first, end, length, number = start, slow_term_end(start, months), months, 1
    while end < today:  # the terms walked one by one
        first, length, number = end + ONE_DAY, renewal or months, number + 1
        end = slow_term_end(first, length)
    assert (term.number, term.start, term.end, term.months) == (number, first, end, length)
    others = current_term(contract(start, months, "agreement", renewal), today)
    assert (others.number, others.end) == (1, slow_term_end(start, months))


@given(
    st.dates(date(2001, 1, 1), date(2070, 12, 31)),
    st.one_of(
        st.tuples(st.integers(1, 24), st.just(0)), st.tuples(st.just(0), st.integers(0, 400))
    ),
    SPANS,
)
def test_cancel_by_is_the_last_business_day_on_or_before_end_minus_notice(end, notice, spans):
    months, days = notice
    found = cancel_by(end, months or None, days if not months else None, calendar_of(spans))
    assert found == slow_cancel_by(end, months, days, spans)


@given(st.integers(2001, 2070), st.integers(0, 5), st.integers(0, 200), SPANS)
def test_a_raw_cancel_by_in_the_new_year_closure_moves_before_it(year, into, notice, spans):
    raw = date(year, 12, 29) + timedelta(days=into)  # 12-29 .. 01-03
    spans = [((12, 29), (1, 3)), *spans]
    found = cancel_by(raw + timedelta(days=notice), None, notice, calendar_of(spans))
    assert found < date(year, 12, 29)
    assert found == slow_cancel_by(raw + timedelta(days=notice), 0, notice, spans)


@given(
    STARTS,
    TERMS,
    st.sampled_from(["auto", "agreement", "none"]),
    st.integers(0, 3),
    st.integers(0, 3000),
    SPANS,
)
def test_the_decision_date_is_cancel_by_for_auto_renewal_and_the_end_otherwise(
    start, months, renewal, notice_months, later, spans
):
    assume(notice_months <= months)
    record = contract(start, months, renewal, notice=(notice_months or None, None))
    dates = contract_dates(record, start + timedelta(days=later), calendar_of(spans))
    expected = slow_cancel_by(dates.term.end, notice_months, 0, spans)
    assert dates.cancel_by == expected
    assert dates.decision_date == (expected if renewal == "auto" else dates.term.end)


@given(st.integers(1, 99), st.sampled_from(["ja", "en"]))
def test_a_notice_period_reads_back_as_shown_in_japanese(months, language):
    set_language("ja")
    assert parse_notice(notice_words(months, None)) == (months, None)
    assert parse_notice(notice_words(None, months)) == (None, months)
    set_language(language)
    assert parse_notice(f"{months} months") == (months, None)
    assert parse_notice(
        f"{months}日前".translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    ) == (
        None,
        months,
    )


@given(st.lists(st.integers(1, 3660), max_size=6))
def test_lead_days_read_back_distinct_and_largest_first(leads):
    assert parse_lead_days(lead_days_text(tuple(leads))) == tuple(sorted(set(leads), reverse=True))
    assert parse_lead_days("、".join(map(str, leads))) == tuple(sorted(set(leads), reverse=True))


@given(st.text(max_size=12))
def test_any_text_is_a_notice_period_or_an_error_naming_the_field(text):
    try:
        months, days = parse_notice(text)
    except InputError as error:
        assert error.field == "notice"
    else:
        assert (months is None) != (days is None)


@given(st.text(max_size=12))
def test_any_text_is_lead_days_or_an_error_naming_the_field(text):
    try:
        leads = parse_lead_days(text)
    except InputError as error:
        assert error.field == "reminder_days"
    else:
        assert list(leads) == sorted(set(leads), reverse=True)


# --- examples -----------------------------------------------------------------------------


def test_the_issue_s_example_ends_in_march_and_is_cancelled_before_new_year():
    record = contract(date(2026, 4, 1), 12, "auto", notice=(3, None))
    dates = contract_dates(record, date(2026, 11, 20), BusinessCalendar())
    assert dates.term.end == date(2027, 3, 31)
    assert dates.cancel_by == dates.decision_date == date(2026, 12, 28)


def test_month_ends_and_leap_days():
    assert term_end(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert term_end(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert term_end(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert term_end(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert term_end(date(2026, 12, 1), 1) == date(2026, 12, 31)
