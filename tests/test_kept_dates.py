"""A date typed in a form, as a draft keeps it (data/dates/kept.py): the date it meant comes
back, as typed while the text still means it, else as the date itself."""

from datetime import timedelta

import pytest
from conftest import TODAY

from daicho.data.dates.kept import kept_date, text_to_show

TOMORROW = TODAY + timedelta(days=1)


def test_the_date_meant_is_kept_beside_the_text():
    assert kept_date("+3", TODAY) == {"date": "2026-11-23", "text": "+3"}
    assert kept_date("", TODAY) == {"date": None, "text": ""}
    assert kept_date("someday", TODAY) == {"date": None, "text": "someday"}


@pytest.mark.parametrize(
    ("typed", "shown_tomorrow"),
    [
        ("+3", "2026-11-23"),  # tomorrow `+3` is the 24th: the date itself
        ("mon", "mon"),  # still Monday the 23rd
        ("11/23", "11/23"),
        ("", ""),
        ("someday", "someday"),  # not a date: the field says so again
    ],
)
def test_the_text_comes_back_only_while_it_means_the_same_date(typed, shown_tomorrow):
    assert text_to_show(kept_date(typed, TODAY), TOMORROW) == shown_tomorrow
    assert text_to_show(kept_date(typed, TODAY), TODAY) == typed


@pytest.mark.parametrize("old", ["+3", "2026-11-30", ""])
def test_a_draft_from_before_keeps_its_text(old):
    assert text_to_show(old, TOMORROW) == old


@pytest.mark.parametrize("odd", [None, {}, {"date": "not a date", "text": "fri"}, {"date": 3}])
def test_an_odd_value_does_not_stop_the_restore(odd):
    assert isinstance(text_to_show(odd, TOMORROW), str)
