"""Deadline bands and the due cell: what "overdue", "today" and "soon" mean, in words."""

from datetime import date, timedelta

import pytest
from conftest import TODAY
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.dates.business_days import BusinessCalendar
from daicho.data.dates.deadlines import BANDS, Deadline
from daicho.data.dates.settings import DateSettings, set_date_settings
from daicho.i18n import set_language

STATUSES = ("open", "answered", "closed", "cancelled")


def day(month: int, dom: int, year: int = 2026) -> date:
    return date(year, month, dom)


def band_of(
    due: date | None, status: str, today: date, soon_days: int, business: bool | None = None
) -> str:
    return Deadline.of(due, status, today, soon_days, business).band


def due_text(due: date | None, band: str, today: date) -> str:
    """The cell of a deadline put in `band` whatever its date."""
    return Deadline(due, today, band, None if due is None else (due - today).days).cell


@pytest.mark.parametrize(
    "due, status, band",
    [
        (day(11, 18), "open", "overdue"),
        (day(11, 19), "open", "overdue"),
        (day(11, 20), "open", "today"),
        (day(11, 21), "open", "soon"),
        (day(11, 23), "open", "soon"),
        (day(11, 24), "open", "later"),
        (None, "open", "none"),
        (day(11, 18), "answered", "closed"),
        (None, "cancelled", "closed"),
        (day(11, 20), "closed", "closed"),
    ],
)
def test_band_of_a_request_due_around_today_counting_calendar_days(due, status, band):
    assert band_of(due, status, TODAY, soon_days=3, business=False) == band


@pytest.mark.parametrize(
    "due, band",
    [
        (day(11, 21), "soon"),  # Saturday: no business day before it
        (day(11, 23), "soon"),  # 勤労感謝の日
        (day(11, 24), "soon"),  # 1 business day
        (day(11, 26), "soon"),  # 3 business days, 6 calendar days
        (day(11, 27), "later"),  # 4 business days
    ],
)
def test_soon_counts_business_days_by_default_on_friday_before_a_holiday_monday(due, band):
    assert band_of(due, "open", TODAY, soon_days=3) == band


def test_soon_counting_follows_the_setting():
    set_date_settings(DateSettings(soon_business_days=False))
    assert band_of(day(11, 24), "open", TODAY, soon_days=3) == "later"
    assert band_of(day(11, 24), "open", TODAY, soon_days=3, business=True) == "soon"


def test_a_friday_item_due_monday_is_one_business_day_away():
    friday, monday, tuesday = day(11, 27), day(11, 30), day(12, 1)
    assert band_of(monday, "open", friday, soon_days=1) == "soon"
    assert band_of(tuesday, "open", friday, soon_days=1) == "later"
    assert band_of(monday, "open", friday, soon_days=1, business=False) == "later"


def test_golden_week_brings_early_may_within_reach():
    """On 28 April 2027, 6 May is 8 days away but only 2 business days: it is soon."""
    assert band_of(day(5, 6, 2027), "open", day(4, 28, 2027), soon_days=3) == "soon"
    assert band_of(day(5, 10, 2027), "open", day(4, 28, 2027), soon_days=3) == "later"


def test_new_year_closed_days_count_as_no_business_days():
    """The default closed days 12/29–1/3: on Monday 28 December, 5 January is 2 business
    days on, though 8 calendar days."""
    assert band_of(day(1, 5, 2027), "open", day(12, 28), soon_days=2) == "soon"
    assert band_of(day(1, 6, 2027), "open", day(12, 28), soon_days=2) == "later"


def test_soon_days_zero_means_nothing_is_soon():
    assert band_of(day(11, 24), "open", TODAY, soon_days=0) == "later"
    assert band_of(day(11, 21), "open", TODAY, soon_days=0, business=False) == "later"


def test_soon_days_zero_still_flags_a_due_date_on_the_closed_days_ahead():
    """Due on Saturday, seen on Friday: the last business day before it is today."""
    assert band_of(day(11, 21), "open", TODAY, soon_days=0) == "soon"


@pytest.mark.parametrize(
    "due, english, japanese",
    [
        (day(11, 18), "11/18 ‼2d late", "11/18 ‼2日超過"),
        (day(11, 20), "11/20 today", "11/20 今日"),
        (day(11, 22), "11/22 in 2d", "11/22 あと2日"),
        (day(12, 10), "12/10", "12/10"),
        (day(1, 8, 2027), "1/8", "1/8"),
        (day(9, 1, 2027), "2027/9/1", "2027/9/1"),
        (None, "—", "期限なし"),
    ],
)
def test_due_cell_says_the_band_in_english_and_japanese(due, english, japanese):
    band = band_of(due, "open", TODAY, soon_days=3)
    assert due_text(due, band, TODAY) == english
    set_language("ja")
    assert due_text(due, band, TODAY) == japanese


def test_a_closed_request_shows_its_date_without_lateness():
    assert due_text(day(11, 1), "closed", TODAY) == "11/1"
    assert due_text(day(11, 1, 2025), "closed", TODAY) == "2025/11/1"


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(
    due=st.none() | dates,
    today=dates,
    soon_days=st.integers(min_value=0, max_value=60),
    status=st.sampled_from(STATUSES),
)
def test_every_date_falls_in_exactly_the_band_its_definition_says(due, today, soon_days, status):
    is_open = status == "open"
    dated = is_open and due is not None
    definitions = {
        "closed": not is_open,
        "overdue": dated and due < today,
        "today": dated and due == today,
        "soon": dated and today < due <= today + timedelta(days=soon_days),
        "later": dated and due > today + timedelta(days=soon_days),
        "none": is_open and due is None,
    }
    assert set(definitions) == set(BANDS)
    holding = [band for band, holds in definitions.items() if holds]
    assert holding == [band_of(due, status, today, soon_days, business=False)]


@given(
    today=dates,
    ahead=st.integers(min_value=1, max_value=120),
    soon_days=st.integers(min_value=0, max_value=60),
)
def test_soon_in_business_days_is_what_counting_them_one_by_one_says(today, ahead, soon_days):
    due = today + timedelta(days=ahead)
    calendar = BusinessCalendar()
    counted = sum(calendar.is_business_day(today + timedelta(days=n)) for n in range(1, ahead + 1))
    expected = "soon" if counted <= soon_days else "later"
    assert band_of(due, "open", today, soon_days, business=True) == expected


@given(due=dates, today=dates, soon_days=st.integers(min_value=0, max_value=60))
def test_the_due_cell_reads_without_colour(due, today, soon_days):
    band = band_of(due, "open", today, soon_days)
    text = due_text(due, band, today)
    assert f"{due.month}/{due.day}" in text
    words = {"overdue": "late", "today": "today", "soon": "in "}
    for other, word in words.items():
        assert (word in text) == (band == other)


# --- the Deadline: one home for the day counts and the words of every place -----------------


@pytest.mark.parametrize(
    "due, status, days_late, days_left, cell, in_full, mail_word",
    [
        (day(11, 18), "open", 2, 0, "11/18 ‼2d late", "2026-11-18", "overdue"),
        (day(11, 20), "open", 0, 0, "11/20 today", "2026-11-20", "due today"),
        (day(11, 22), "open", 0, 2, "11/22 in 2d", "2026-11-22", ""),
        (day(12, 10), "open", 0, 20, "12/10", "2026-12-10", ""),
        (day(11, 18), "answered", 0, 0, "11/18", "2026-11-18", ""),
        (None, "open", 0, 0, "—", "", ""),
    ],
)
def test_a_deadline_counts_its_days_and_words_them_for_cell_detail_and_mail(
    due, status, days_late, days_left, cell, in_full, mail_word
):
    deadline = Deadline.of(due, status, TODAY, soon_days=3, business=False)
    assert (deadline.days_late, deadline.days_left) == (days_late, days_left)
    assert (deadline.cell, deadline.in_full, deadline.mail_word) == (cell, in_full, mail_word)


def test_a_detail_line_does_not_repeat_a_date_the_cell_already_writes_in_full():
    set_date_settings(DateSettings(style="iso"))
    deadline = Deadline.of(day(11, 18), "open", TODAY)
    assert (deadline.cell, deadline.in_full) == ("2026-11-18 ‼2d late", "")


def test_the_year_shows_beyond_half_a_year_either_way():
    assert Deadline.of(day(5, 24), "closed", TODAY).cell == "5/24"  # 180 days before
    assert Deadline.of(day(5, 23), "closed", TODAY).cell == "2026/5/23"
    assert Deadline.of(day(5, 19, 2027), "open", TODAY).cell == "5/19"  # 180 days on
    assert Deadline.of(day(5, 20, 2027), "open", TODAY).cell == "2027/5/20"


@given(
    due=st.none() | dates,
    today=dates,
    soon_days=st.integers(min_value=0, max_value=60),
    status=st.sampled_from(STATUSES),
)
def test_the_band_and_the_day_counts_always_agree(due, today, soon_days, status):
    deadline = Deadline.of(due, status, today, soon_days)
    assert deadline.days == (None if due is None else (due - today).days)
    assert (deadline.band == "overdue") == (deadline.days_late > 0)
    assert deadline.days_late == (-deadline.days if deadline.band == "overdue" else 0)
    if deadline.band == "today":
        assert deadline.days == 0
    if deadline.band in ("soon", "later"):
        assert deadline.days_left == deadline.days > 0
    else:
        assert deadline.days_left == 0
    assert bool(deadline.mail_word) == (deadline.band in ("overdue", "today"))
