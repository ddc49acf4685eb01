"""A contract's term and cost as people type them in the form (data/contracts/typed.py): every
way of writing one reads as the same number, and anything else is an error naming its field."""

from datetime import date, timedelta

import pytest
from conftest import TODAY
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.contracts.terms import term_end
from daicho.data.contracts.typed import months_to, parse_cost, parse_term
from daicho.data.errors import InputError

FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31))
months = st.integers(min_value=1, max_value=240)


@given(yen=st.integers(min_value=0, max_value=10**12))
def test_a_cost_reads_the_same_however_it_is_written(yen):
    forms = [
        str(yen),
        f"{yen:,}",
        f"¥{yen:,}",
        f"{yen:,}円",
        f"￥{yen}",
        f"{yen:,}".translate(FULL_WIDTH) + "円",
    ]
    assert {parse_cost(form) for form in forms} == {yen}


@pytest.mark.parametrize("typed", ["twelve", "12.5", "-300", "1,20,00", "12000ドル", "¥"])
def test_what_is_not_whole_yen_names_the_cost_field(typed):
    with pytest.raises(InputError) as raised:
        parse_cost(typed)
    assert raised.value.field == "cost"


def test_an_empty_cost_is_none():
    assert parse_cost("  ") is None


@given(count=st.integers(min_value=1, max_value=100))
def test_a_term_in_months_or_years_reads_as_months(count):
    for form in (str(count), f"{count}か月", f"{count}ヶ月", f"{count} months", f"{count}ヵ月"):
        assert parse_term(form, None, TODAY) == count
    assert parse_term(f"{count}年", None, TODAY) == parse_term(f"{count} years", None, TODAY)
    assert parse_term(f"{count}年", None, TODAY) == 12 * count


@given(start=starts, count=months)
def test_a_term_typed_as_its_last_day_is_its_months(start, count):
    """Month ends included: 01-31 for one month ends 02-28, and typing 02-28 gives 1."""
    end = term_end(start, count)
    assert parse_term(end.isoformat(), start, TODAY) == count
    assert months_to(start, end) == count


@given(start=starts, count=months, off=st.integers(min_value=1, max_value=20))
def test_a_day_that_ends_no_term_is_an_error_at_the_field(start, count, off):
    day = term_end(start, count) + timedelta(days=off)
    if months_to(start, day) is not None:
        return  # a later term's end, which is whole months too
    with pytest.raises(InputError) as raised:
        parse_term(day.isoformat(), start, TODAY, "renewal_term_months")
    assert raised.value.field == "renewal_term_months"


def test_an_end_before_the_start_says_so():
    with pytest.raises(InputError, match="must end after it starts"):
        parse_term("2026-03-31", date(2026, 4, 1), TODAY)


def test_the_japanese_date_forms_name_the_end_too():
    assert parse_term("2027年3月31日", date(2026, 4, 1), TODAY) == 12
    assert parse_term("3/31", date(2026, 4, 1), TODAY) is not None


@pytest.mark.parametrize("typed", ["", "a year", "12か月半", "next"])
def test_what_is_no_term_names_the_term_field(typed):
    with pytest.raises(InputError) as raised:
        parse_term(typed, date(2026, 4, 1), TODAY)
    assert raised.value.field == "term_months"


@pytest.mark.parametrize("typed", ["0", "0か月", "1201", "101年"])
def test_a_term_of_no_months_or_over_a_hundred_years_is_refused(typed):
    with pytest.raises(InputError) as raised:
        parse_term(typed, date(2026, 4, 1), TODAY)
    assert raised.value.field == "term_months"
