"""A name from outside is shown on one line, with nothing in it that drives a terminal."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daicho.shown import shown_name


@given(st.text())
def test_a_shown_name_is_one_visible_line(name):
    shown = shown_name(name)
    assert shown.isprintable()
    assert all(unicodedata.category(c) not in ("Cc", "Cs") for c in shown)
    if name.isprintable() and name.strip() == name and name:
        assert shown == name
    else:
        assert shown == repr(name)
