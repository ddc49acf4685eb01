"""Business days (営業日): `3営業日後`, `+3bd`; weekends, holidays and closed days skipped."""

from datetime import date, timedelta

import pytest
from conftest import TODAY, settle
from hypothesis import given
from hypothesis import strategies as st

from daicho.app import DaichoApp
from daicho.config import Config, ConfigError, load_config
from daicho.data import requests, vendors
from daicho.data.dates.business_days import BusinessCalendar, ClosedDaysError, parse_closed_day
from daicho.data.dates.parse import FIRST, LAST, DateError, parse_due
from daicho.data.dates.settings import business_calendar, set_date_settings
from daicho.widgets.date_field import DateField

DEFAULT = BusinessCalendar()


def day(year: int, month: int, dom: int) -> date:
    return date(year, month, dom)


def closed(*entries: str) -> None:
    """Use a calendar with these closed days, as `[dates] closed_days` in config.toml does."""
    set_date_settings(Config(closed_days=list(entries)).as_date_settings())


@pytest.mark.parametrize(
    "text", ["3営業日後", "3営業日", "3営業日以内", "+3bd", "+3 bd", "+3 business days", "＋３ＢＤ"]
)
def test_every_spelling_of_three_business_days(text):
    """Friday the 20th; Monday the 23rd is 勤労感謝の日: 24, 25, 26."""
    assert parse_due(text, TODAY) == day(2026, 11, 26)


@pytest.mark.parametrize(
    "text, today, due",
    [
        # Golden Week 2026: 4/29 昭和の日, 5/3–5/5, and 5/6 振替休日 for Sunday 5/3
        ("3営業日後", day(2026, 4, 28), day(2026, 5, 7)),
        ("+1bd", day(2026, 5, 1), day(2026, 5, 7)),
        # Golden Week 2027: 4/29 (Thursday), then 5/3–5/5 after the weekend
        ("3営業日後", day(2027, 4, 28), day(2027, 5, 7)),
        ("1営業日後", day(2027, 4, 28), day(2027, 4, 30)),
        ("2営業日後", day(2027, 4, 28), day(2027, 5, 6)),
        ("2営業日前", day(2027, 5, 6), day(2027, 4, 28)),
        # New Year: closed 12/29–1/3 by default, 1/1 a holiday anyway
        ("+1bd", day(2026, 12, 28), day(2027, 1, 4)),
        ("+1bd", day(2025, 12, 26), day(2026, 1, 5)),
        ("-1bd", day(2027, 1, 4), day(2026, 12, 28)),
        # substitute holiday: 春分の日 2027 is a Sunday, so Monday 3/22 is off
        ("1営業日後", day(2027, 3, 19), day(2027, 3, 23)),
        # 国民の休日: Tuesday 2026-09-22 lies between two holidays
        ("+1bd", day(2026, 9, 18), day(2026, 9, 24)),
        # weekends, either way
        ("+1bd", day(2026, 11, 27), day(2026, 11, 30)),
        ("1営業日前", day(2026, 11, 30), day(2026, 11, 27)),
        ("+5bd", day(2026, 12, 7), day(2026, 12, 14)),
        # zero: today when it is a business day, else the next one
        ("+0bd", TODAY, TODAY),
        ("+0bd", day(2026, 11, 21), day(2026, 11, 24)),
    ],
)
def test_business_days_skip_weekends_holidays_and_new_year(text, today, due):
    assert parse_due(text, today) == due


def test_new_year_without_closed_days_is_only_new_years_day():
    closed()
    assert parse_due("+1bd", day(2026, 12, 28)) == day(2026, 12, 29)
    assert parse_due("+4bd", day(2026, 12, 28)) == day(2027, 1, 4)  # 1/1 is still a holiday


def test_closed_days_of_the_company_are_skipped_every_year_or_once():
    closed("08/13-08/16", "2027/11/22")
    assert parse_due("+1bd", day(2026, 8, 12)) == day(2026, 8, 17)
    assert parse_due("+1bd", day(2027, 8, 12)) == day(2027, 8, 17)
    assert parse_due("+1bd", day(2027, 11, 19)) == day(2027, 11, 24)  # 11/23 is a holiday
    assert parse_due("+1bd", day(2028, 11, 21)) == day(2028, 11, 22)  # once means 2027 only


def test_closed_days_over_new_year_wrap_round_the_year_end():
    closed("12/25-01/07")
    assert not business_calendar().is_business_day(day(2027, 1, 7))
    assert parse_due("+1bd", day(2026, 12, 24)) == day(2027, 1, 8)
    assert parse_due("-1bd", day(2027, 1, 8)) == day(2026, 12, 24)


@pytest.mark.parametrize(
    "entry, closed_days",
    [
        ("12/29-01/03", [day(2026, 12, 29), day(2026, 12, 31), day(2027, 1, 1), day(2027, 1, 3)]),
        ("１２／２９～１／３", [day(2026, 12, 29), day(2027, 1, 2)]),
        ("12/29 〜 1/3", [day(2026, 12, 30)]),
        ("08/14", [day(2026, 8, 14)]),
        ("2027/08/12-2027/08/16", [day(2027, 8, 12), day(2027, 8, 16)]),
        ("02/29", [day(2028, 2, 29)]),
    ],
)
def test_closed_day_entries_as_people_write_them(entry, closed_days):
    calendar = BusinessCalendar((entry,))
    assert all(not calendar.is_business_day(closed) for closed in closed_days)


def test_a_yearly_closed_day_on_the_29th_of_february_closes_nothing_in_other_years():
    calendar = BusinessCalendar(("02/29",))
    assert calendar.is_business_day(day(2027, 3, 1)) and calendar.is_business_day(day(2027, 2, 26))


@pytest.mark.parametrize(
    "entry",
    [
        *("", "12/32", "13/01", "12-29", "毎年お盆", "1/1/1"),
        *("2027/08/12-08/16", "2027/08/16-2027/08/12"),
    ],
)
def test_a_closed_day_entry_that_is_no_day_is_refused(entry):
    with pytest.raises(ClosedDaysError):
        parse_closed_day(entry)


def test_closed_days_in_the_config_file_are_checked_and_named_by_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('soon_days = 3\n[dates]\nclosed_days = ["12/29-01/03", "お盆"]\n', "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"{path}, line 3: dates.closed_days must be a list of days such as "
        '"12/29-01/03" or "2027/08/12-2027/08/16"'
    )
    path.write_text('soon_business_days = false\n[dates]\nclosed_days = ["08/13-08/16"]\n')
    config = load_config(path)
    assert (config.closed_days, config.soon_business_days) == (["08/13-08/16"], False)
    assert Config().closed_days == ["12/29-01/03"] and Config().soon_business_days is True


async def test_typing_business_days_in_a_date_field_shows_the_date_and_saves_it(ledger):
    acme = vendors.create_vendor("Acme Devices")
    asked = requests.open_request(acme.id, "outbound", "Quote", due=TODAY)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "t", *"3営業日後")
        hint = app.screen.query_one(DateField).query_one(".hint")
        assert str(hint.content) == "Thu 2026-11-26 (in 6 days)"
        await pilot.press("enter")
        await settle(pilot)
    assert requests.get_request(asked.id).due == day(2026, 11, 26)


# --- properties ---------------------------------------------------------------------------

years_with_holidays = st.dates(min_value=date(1950, 1, 1), max_value=date(2095, 12, 31))
counts = st.integers(min_value=1, max_value=800)


@given(today=years_with_holidays, n=counts)
def test_n_business_days_on_is_a_business_day_and_n_plus_1_is_later(today, n):
    nth, next_one = DEFAULT.add(today, n), DEFAULT.add(today, n + 1)
    assert DEFAULT.is_business_day(nth) and DEFAULT.is_business_day(next_one)
    assert today < nth < next_one
    assert DEFAULT.count(today, nth) == n
    between = range(1, (next_one - nth).days)
    assert not any(DEFAULT.is_business_day(nth + timedelta(days)) for days in between)


@given(today=years_with_holidays, n=counts)
def test_n_business_days_back_is_a_business_day_and_n_plus_1_is_earlier(today, n):
    nth, next_one = DEFAULT.add(today, -n), DEFAULT.add(today, -n - 1)
    assert DEFAULT.is_business_day(nth) and next_one < nth < today
    one = timedelta(days=1)
    assert DEFAULT.count(nth - one, today - one) == n  # from nth up to the day before today


@given(today=years_with_holidays, n=st.integers(min_value=0, max_value=400))
def test_the_typed_forms_agree_and_land_on_a_business_day(today, n):
    due = parse_due(f"+{n}bd", today)
    assert parse_due(f"{n}営業日後", today) == parse_due(f"{n}営業日", today) == due
    assert DEFAULT.is_business_day(due) and due >= today
    if n:
        assert parse_due(f"-{n}bd", today) == parse_due(f"{n}営業日前", today) < today


@given(today=st.dates(min_value=FIRST, max_value=LAST), n=st.integers(0, 10**6))
def test_any_count_from_any_day_is_a_date_in_range_or_out_of_range(today, n):
    for text in (f"+{n}bd", f"-{n}bd"):
        try:
            due = parse_due(text, today)
        except DateError as error:
            assert str(error).startswith("Out of range")
        else:
            assert FIRST <= due <= LAST and DEFAULT.is_business_day(due)


business_like = st.text(
    alphabet="0123456789+-bdusiney 営業日後前以内令和平成元年月rh./＋", max_size=14
)


@given(text=st.text() | business_like, today=st.dates())
def test_parsing_never_raises_anything_but_a_date_error(text, today):
    try:
        due = parse_due(text, today)
    except DateError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert due is None or FIRST <= due <= LAST
