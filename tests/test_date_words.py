"""The words for days ahead (今週金曜, 再来週月曜, 来月10日, 週明け, 年内) and the note beside a
date on a closed day: properties over every day, with the business calendar as it is."""

from datetime import date, timedelta

import pytest
from conftest import TODAY
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.dates.notes import closed_day_note
from daicho.data.dates.parse import DateError, parse_due
from daicho.data.dates.settings import business_calendar
from daicho.i18n import set_language

# Years the holiday list knows, with room for a week or a month either side.
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2098, 12, 1))
JA_WEEKDAYS = [kanji + "曜" for kanji in "月火水木金土日"]
EN_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@given(today=days, weekday=st.integers(0, 6), english=st.booleans())
def test_this_weeks_day_is_never_before_today_and_within_the_week_ahead(today, weekday, english):
    text = f"this {EN_WEEKDAYS[weekday]}" if english else f"今週{JA_WEEKDAYS[weekday]}"
    due = parse_due(text, today)
    assert due.weekday() == weekday
    assert 0 <= (due - today).days <= 6
    if weekday >= today.weekday():  # not gone yet: still this week's
        assert monday_of(due) == monday_of(today)


@given(today=days, weekday=st.integers(0, 6), english=st.booleans())
def test_the_day_of_the_week_after_next_is_two_weeks_on(today, weekday, english):
    text = f"{EN_WEEKDAYS[weekday]} after next" if english else f"再来週{JA_WEEKDAYS[weekday]}"
    due = parse_due(text, today)
    assert due.weekday() == weekday
    assert monday_of(due) == monday_of(today) + timedelta(weeks=2)


@given(today=days, dom=st.integers(1, 31))
def test_raigetsu_n_nichi_is_that_day_of_next_month(today, dom):
    month_after = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    try:
        expected = month_after.replace(day=dom)
    except ValueError:  # 来月31日 when next month has 30 days
        with pytest.raises(DateError):
            parse_due(f"来月{dom}日", today)
    else:
        assert parse_due(f"来月{dom}日", today) == expected


@given(today=days)
def test_shuuake_is_the_first_business_day_of_the_week_after_the_coming_weekend(today):
    due = parse_due("週明け", today)
    calendar = business_calendar()
    next_monday = monday_of(today) + timedelta(weeks=1)
    assert due > today and due >= next_monday
    assert calendar.is_business_day(due)
    assert calendar.count(next_monday - timedelta(days=1), due) == 1  # none closer


@given(today=days)
def test_nennai_is_the_last_business_day_of_this_year(today):
    due = parse_due("年内", today)
    calendar = business_calendar()
    assert due.year == today.year and calendar.is_business_day(due)
    assert calendar.count(due, date(today.year, 12, 31)) == 0  # no business day after it
    if today <= due:
        assert parse_due("end of year", today) == due >= today


@given(day=days)
def test_on_or_before_is_the_latest_business_day_not_after_the_day(day):
    calendar = business_calendar()
    before = calendar.on_or_before(day)
    assert before <= day and calendar.is_business_day(before)
    assert calendar.count(before, day) == 0


@given(day=days)
def test_a_closed_day_and_only_a_closed_day_gets_a_note_naming_the_day_before(day):
    note = closed_day_note(day)
    calendar = business_calendar()
    if calendar.is_business_day(day):
        assert note == ""
    else:
        assert calendar.on_or_before(day).isoformat() in note


def test_the_note_names_the_business_day_before_in_english_and_japanese():
    year_end = date(2026, 12, 31)  # in the New Year closure
    assert closed_day_note(year_end) == ("closed day: the business day before is Mon 2026-12-28")
    assert closed_day_note(TODAY) == ""
    set_language("ja")
    assert closed_day_note(year_end) == "休業日です。前の営業日は 2026-12-28(月)"
