"""The search box's language: words, phrases and the four filters, and nothing else raises."""

from datetime import date

import pytest
from conftest import TODAY
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.search.query import QueryError, SearchQuery, parse_query


def parse(text: str) -> SearchQuery:
    return parse_query(text, TODAY)


def test_words_separated_by_any_space_must_all_appear():
    assert parse("見積  回線　vpn").words == ("見積", "回線", "vpn")


def test_a_quoted_phrase_is_one_word_and_an_open_quote_runs_to_the_end():
    assert parse('"ルーター 交換" 見積').words == ("ルーター 交換", "見積")
    assert parse('見積 "ルーター  交換').words == ("見積", "ルーター 交換")
    assert parse('"" 見積').words == ("見積",)


def test_full_width_input_is_read_as_half_width():
    query = parse("ｔｙｐｅ：ｃａｌｌ　＂ａ ｂ＂")
    assert query.kinds == {"call"}
    assert query.words == ("a b",)


def test_type_takes_english_or_japanese_names_and_several_widen():
    assert parse("type:call TYPE:依頼 見積").kinds == {"call", "request"}
    assert parse("type:vendors type:担当者").kinds == {"vendor", "contact"}


def test_vendor_parts_may_be_quoted_and_several_narrow():
    assert parse('vendor:"NTT 東日本" vendor:ntt x').vendor == ("NTT 東日本", "ntt")


def test_dates_take_every_form_a_due_date_field_takes():
    assert parse("after:2026-11-01").after == date(2026, 11, 1)
    assert parse("before:明日").before == date(2026, 11, 21)
    assert parse("after:-7 after:11/15").after == date(2026, 11, 15)  # the later one
    assert parse('before:"next fri" before:12/31').before == date(2026, 11, 27)


def test_only_the_four_names_are_filters():
    query = parse("10:30 http://example.com note:x")
    assert query.words == ("10:30", "http://example.com", "note:x")
    assert query == SearchQuery(words=query.words)
    assert parse('"type:call"').words == ("type:call",)
    assert parse("subtype:call").words == ("subtype:call",)


@pytest.mark.parametrize(
    "text, message",
    [
        ("type:fax", 'Unknown type "fax"'),
        ("見積 vendor:", "vendor: needs part of a vendor's name"),
        ('vendor:"  "', "vendor: needs part"),
        ("before:", "before: needs a date"),
        ("after:someday", 'after: Not a date: "someday"'),
        ("before:2026-02-30", "before: No such date"),
    ],
)
def test_a_filter_that_cannot_be_used_says_what_it_needs(text, message):
    with pytest.raises(QueryError, match=message):
        parse(text)


def test_an_empty_query_has_no_words_and_no_filters():
    assert parse("") == parse(' \t"" ') == SearchQuery()
    assert not parse("見積").has_filters and parse("type:call").has_filters


def test_control_characters_and_unpaired_surrogates_are_dropped():
    assert parse("見\x00積 \udcff").words == ("見積",)


@given(
    st.text()
    | st.text(st.sampled_from('type:vendor:before:after:call"ab 見\u3000\n-/+019明日＂：'))
)
def test_any_text_parses_or_is_a_query_error(text):
    try:
        query = parse(text)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert all(word and word == " ".join(word.split()) for word in query.words)


@given(
    st.lists(
        st.text(st.sampled_from("abcXYZ019見積回線のルーターアイテム-_.#/"), min_size=1), max_size=6
    )
)
def test_plain_words_come_back_as_typed(words):
    assert parse(" ".join(words)).words == tuple(words)
