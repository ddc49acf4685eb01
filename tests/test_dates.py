"""Typing a due date: every accepted form, the confirmation beside the field, and no crash."""

from datetime import date, timedelta

import pytest
from conftest import TODAY
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.dates.notes import describe_due
from daicho.data.dates.parse import FIRST, LAST, DateError, parse_due
from daicho.data.errors import InputError
from daicho.i18n import set_language

SUNDAY = date(2026, 11, 22)


def day(month: int, dom: int, year: int = 2026) -> date:
    return date(year, month, dom)


def full_width(text: str) -> str:
    """What a Japanese IME in full-width mode types for `text`."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


@pytest.mark.parametrize(
    "text, due",
    [
        ("2026-11-30", day(11, 30)),
        ("2026/11/30", day(11, 30)),
        ("2026.11.30", day(11, 30)),
        ("2026年11月30日", day(11, 30)),
        ("2027-1-5", day(1, 5, 2027)),
        ("1999-12-31", day(12, 31, 1999)),
        ("11/30", day(11, 30)),
        ("11-30", day(11, 30)),
        ("11月30日", day(11, 30)),
        ("11月30", day(11, 30)),
        ("30日", day(11, 30)),
        ("20日", TODAY),
        ("+0", TODAY),
        ("+3", day(11, 23)),
        ("+3d", day(11, 23)),
        ("+3 days", day(11, 23)),
        ("+2w", day(12, 4)),
        ("+1m", day(12, 20)),
        ("-1", day(11, 19)),
        ("-2w", day(11, 6)),
        ("3日後", day(11, 23)),
        ("2週間後", day(12, 4)),
        ("1ヶ月後", day(12, 20)),
        ("1か月後", day(12, 20)),
        ("1カ月後", day(12, 20)),
        ("1ヵ月後", day(12, 20)),
        ("3日前", day(11, 17)),
        ("today", TODAY),
        ("tomorrow", day(11, 21)),
        ("yesterday", day(11, 19)),
        ("今日", TODAY),
        ("本日", TODAY),
        ("明日", day(11, 21)),
        ("あした", day(11, 21)),
        ("明後日", day(11, 22)),
        ("あさって", day(11, 22)),
        ("昨日", day(11, 19)),
        ("mon", day(11, 23)),
        ("tues", day(11, 24)),
        ("thursday", day(11, 26)),
        ("fri", day(11, 27)),
        ("friday", day(11, 27)),
        ("sat", day(11, 21)),
        ("月", day(11, 23)),
        ("金曜", day(11, 27)),
        ("日曜日", day(11, 22)),
        ("next fri", day(11, 27)),
        ("next friday", day(11, 27)),
        ("next mon", day(11, 23)),
        ("来週金曜", day(11, 27)),
        ("来週の金曜日", day(11, 27)),
        ("来週水曜", day(11, 25)),
        ("今週金曜", TODAY),
        ("今週の月曜日", day(11, 23)),
        ("this mon", day(11, 23)),
        ("this sun", day(11, 22)),
        ("来週", day(11, 23)),
        ("next week", day(11, 23)),
        ("再来週月曜", day(11, 30)),
        ("再来週の金曜日", day(12, 4)),
        ("fri after next", day(12, 4)),
        ("再来週", day(11, 30)),
        ("week after next", day(11, 30)),
        ("来月10日", day(12, 10)),
        ("来月の1日", day(12, 1)),
        ("月末", day(11, 30)),
        ("今月末", day(11, 30)),
        ("end of month", day(11, 30)),
        ("end of the month", day(11, 30)),
        ("month end", day(11, 30)),
        ("来月末", day(12, 31)),
        ("end of next month", day(12, 31)),
        ("週明け", day(11, 24)),  # Monday the 23rd is 勤労感謝の日
        ("after the weekend", day(11, 24)),
        ("年内", day(12, 28)),  # the New Year closure starts on the 29th
        ("end of year", day(12, 28)),
        ("year end", day(12, 28)),
    ],
)
def test_each_form_typed_on_friday_the_20th(text, due):
    assert parse_due(text, TODAY) == due


@pytest.mark.parametrize(
    "text, due",
    [
        ("TODAY", TODAY),
        ("Next Friday", day(11, 27)),
        ("  +3  ", day(11, 23)),
        ("+ 3", day(11, 23)),
        ("next   fri", day(11, 27)),
        ("来週 金曜", day(11, 27)),
        ("１１／３０", day(11, 30)),
        ("＋３", day(11, 23)),
        ("ｔｏｍｏｒｒｏｗ", day(11, 21)),
        ("２０２６年１１月３０日", day(11, 30)),
        ("２０２６ー１１ー３０", day(11, 30)),
        ("－１", day(11, 19)),
        ("３ｶ月後", day(2, 20, 2027)),
    ],
)
def test_case_spaces_and_full_width_do_not_matter(text, due):
    assert parse_due(text, TODAY) == due


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "\t\n"])
def test_empty_text_means_no_due_date(text):
    assert parse_due(text, TODAY) is None


@pytest.mark.parametrize(
    "text, today, due",
    [
        ("1/10", day(12, 20), day(1, 10, 2027)),
        ("12/28", day(1, 5, 2027), day(12, 28)),
        ("12/1", day(1, 5, 2027), day(12, 1, 2027)),
        ("10/25", TODAY, day(10, 25)),
        ("10/21", TODAY, day(10, 21)),
        ("10/20", TODAY, day(10, 20, 2027)),
        ("2/29", day(12, 20, 2027), day(2, 29, 2028)),
        ("10日", day(12, 20), day(1, 10, 2027)),
        ("来月末", day(12, 20), day(1, 31, 2027)),
        ("来月10日", day(12, 20), day(1, 10, 2027)),
        ("年内", day(12, 30), day(12, 28)),
        ("週明け", day(12, 30), day(1, 4, 2027)),
        ("再来週", day(12, 30), day(1, 11, 2027)),
        ("+2w", day(12, 25), day(1, 8, 2027)),
        ("next mon", day(12, 30), day(1, 4, 2027)),
    ],
)
def test_dates_roll_over_into_the_new_year(text, today, due):
    assert parse_due(text, today) == due


@pytest.mark.parametrize(
    "text, today, due",
    [
        ("+1m", day(1, 31), day(2, 28)),
        ("+1m", day(1, 31, 2028), day(2, 29, 2028)),
        ("1ヶ月後", day(3, 31), day(4, 30)),
        ("-1m", day(3, 31), day(2, 28)),
        ("+12m", day(2, 29, 2028), day(2, 28, 2029)),
        ("月末", day(2, 3, 2028), day(2, 29, 2028)),
        ("来月末", day(1, 31), day(2, 28)),
    ],
)
def test_months_clamp_to_the_end_of_the_month(text, today, due):
    assert parse_due(text, today) == due


def test_weeks_start_on_monday_so_sunday_belongs_to_the_week_before():
    assert parse_due("next fri", SUNDAY) == day(11, 27)
    assert parse_due("来週", SUNDAY) == day(11, 23)
    assert parse_due("再来週月曜", SUNDAY) == day(11, 30)


@pytest.mark.parametrize("today", [day(11, 21), SUNDAY])
def test_this_weeks_friday_on_the_weekend_is_the_coming_one_not_the_one_gone(today):
    assert parse_due("今週金曜", today) == day(11, 27)
    assert parse_due("this fri", today) == day(11, 27)


@pytest.mark.parametrize(
    "today, due",
    [
        (day(11, 16), day(11, 24)),  # said on a Monday: next week's, not today
        (day(11, 18), day(11, 24)),  # Wednesday
        (day(11, 19), day(11, 24)),  # Thursday
        (day(11, 21), day(11, 24)),  # Saturday: the Monday just ahead is a holiday
        (day(11, 29), day(11, 30)),  # Sunday: tomorrow
    ],
)
def test_shuuake_is_the_first_business_day_after_the_coming_weekend(today, due):
    assert parse_due("週明け", today) == due


@pytest.mark.parametrize(
    "text, message",
    [
        ("xyz", 'Not a date: "xyz" — try 2026-11-30, 11/30, +3'),
        ("+3x", 'Not a date: "+3x"'),
        ("2026-11/30", "Not a date"),
        ("2026-02-30", "No such date: 2026-02-30"),
        ("13/01", "No such date: 2026-13-01"),
        ("11/31", "No such date: 2026-11-31"),
        ("31日", "No such date: 2026-11-31"),
        ("0/5", "No such date"),
        ("3000-01-01", "Out of range: dates run from 1900 to 2999"),
        ("1899年12月31日", "Out of range"),
        ("+99999999", "Out of range"),
        ("+" + "9" * 5000, "Out of range"),
        ("-50000w", "Out of range"),
        ("来月32日", "No such date: 2026-12-32"),
    ],
)
def test_what_cannot_be_a_date_says_why_on_one_line(text, message):
    with pytest.raises(DateError) as raised:
        parse_due(text, TODAY)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_a_date_error_is_an_input_error_and_quotes_long_text_briefly():
    assert issubclass(DateError, InputError)
    with pytest.raises(DateError) as raised:
        parse_due("not a date at all\nbut a whole paragraph of text", TODAY)
    assert 'Not a date: "not a date at all b…"' in str(raised.value)


def test_the_error_is_translated():
    set_language("ja")
    with pytest.raises(DateError, match=r"^日付として読めません: 「xyz」"):
        parse_due("xyz", TODAY)
    with pytest.raises(DateError, match=r"^存在しない日付です: 2026-02-30$"):
        parse_due("2026-02-30", TODAY)


@pytest.mark.parametrize(
    "due, english, japanese",
    [
        (day(11, 27), "Fri 2026-11-27 (in 7 days)", "2026-11-27(金) 7日後"),
        (TODAY, "Fri 2026-11-20 (today)", "2026-11-20(金) 今日"),
        (day(11, 21), "Sat 2026-11-21 (tomorrow)", "2026-11-21(土) 明日"),
        (day(11, 19), "Thu 2026-11-19 (yesterday)", "2026-11-19(木) 昨日"),
        (day(11, 17), "Tue 2026-11-17 (3 days ago)", "2026-11-17(火) 3日前"),
        (day(1, 3, 2027), "Sun 2027-01-03 (in 44 days)", "2027-01-03(日) 44日後"),
    ],
)
def test_the_confirmation_beside_the_field_in_english_and_japanese(due, english, japanese):
    assert describe_due(due, TODAY) == english
    set_language("ja")
    assert describe_due(due, TODAY) == japanese


in_range = st.dates(min_value=FIRST, max_value=LAST)
WEEKDAY_NAMES = [
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *"月火水木金土日",
    *(kanji + "曜日" for kanji in "月火水木金土日"),
]
VALID = [
    "2026-11-30",
    "2026/1/5",
    "2026年11月30日",
    "11/30",
    "1-10",
    "11月30日",
    "30日",
    "1日",
    "+3",
    "+2w",
    "+1m",
    "-1",
    "+10 days",
    "3日後",
    "2週間後",
    "1ヶ月後",
    "today",
    "Tomorrow",
    "明後日",
    "fri",
    "Next Friday",
    "来週の金曜日",
    "今週月曜",
    "来週",
    "月末",
    "来月末",
    "再来週金曜",
    "来月10日",
    "週明け",
    "年内",
]


@given(due=in_range, today=in_range)
def test_any_date_written_in_iso_reads_back_as_itself(due, today):
    assert parse_due(due.isoformat(), today) == due


@given(days=st.integers(min_value=0, max_value=3650), today=st.dates(FIRST, LAST - timedelta(3650)))
def test_plus_n_is_n_days_from_today(days, today):
    assert parse_due(f"+{days}", today) == today + timedelta(days=days)


@given(name=st.sampled_from(WEEKDAY_NAMES), today=st.dates(FIRST, LAST - timedelta(days=7)))
def test_a_weekday_name_is_the_next_such_day_within_a_week(name, today):
    due = parse_due(name, today)
    assert 1 <= (due - today).days <= 7
    assert due.weekday() == WEEKDAY_NAMES.index(name) % 7


@given(
    text=st.sampled_from(VALID) | in_range.map(date.isoformat),
    today=st.dates(date(2000, 1, 1), date(2900, 12, 31)),
)
def test_full_width_input_gives_the_same_date(text, today):
    try:
        expected = parse_due(text, today)
    except DateError:  # `30日` in a month without a 30th
        with pytest.raises(DateError):
            parse_due(full_width(text), today)
    else:
        assert parse_due(full_width(text), today) == expected


date_like = st.text(
    alphabet="0123456789+-/.年月日週間後前ヶ末来今再明け内 wdmfrinextoayhk１２＋", max_size=12
)


@given(text=st.text() | date_like, today=st.dates())
def test_any_text_is_a_date_nothing_or_a_date_error(text, today):
    try:
        due = parse_due(text, today)
    except DateError as error:
        assert "\n" not in str(error)
    else:
        assert due is None or FIRST <= due <= LAST
