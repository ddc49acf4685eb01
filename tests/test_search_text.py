"""Folding and highlighting: one folding for both sides, and spans that cover the words in the
text as stored, whatever normalisation did to it."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from daicho.data.search_text import find_spans, fold, index_tokens, phrase


@pytest.mark.parametrize(
    "typed, folded",
    [
        ("ＶＰＮ", "vpn"),
        ("VPN", "vpn"),
        ("ｱｲﾃﾑ", "アイテム"),
        ("ｶﾞｲﾄﾞ", "ガイド"),
        ("Straße", "strasse"),
        ("①　見積\n\n回線", "1 見積 回線"),
        ("  ", ""),
    ],
)
def test_folding(typed, folded):
    assert fold(typed) == folded


def test_tokens_are_code_units_and_fields_never_join():
    assert index_tokens(["見積", "a"]) == "898b7a4d 7a4dzzzz x 0061zzzz"
    assert phrase("見積") == '"898b7a4d"'
    assert phrase("見積書") == '"898b7a4d 7a4d66f8"'
    assert phrase("見") == "898b*"  # one unit: the prefix index
    assert index_tokens(["😀"]) == "d83dde00 de00zzzz"  # a surrogate pair: two units, in order


def test_spans_are_offsets_into_the_text_as_stored():
    text = "ＶＰＮとvpnと Vpn"
    assert [text[a:b] for a, b in find_spans(text, ["vpn"])] == ["ＶＰＮ", "vpn", "Vpn"]
    text = "ｶﾞｲﾄﾞを見る ガイド"
    assert [text[a:b] for a, b in find_spans(text, ["ガイド"])] == ["ｶﾞｲﾄﾞ", "ガイド"]


def test_a_word_with_a_space_matches_any_run_of_whitespace():
    text = "firmware \n update"
    assert find_spans(text, ["firmware update"]) == [(0, len(text))]


def test_overlapping_words_give_one_span():
    assert find_spans("見積書", ["見積", "積書"]) == [(0, 3)]


_CHARS = "見積ｱｲﾃﾑｶﾞｲﾄﾞガßＶＰＮvPn① 　\n゛e\u0301ﬁ"
_TEXT = st.text(st.sampled_from(_CHARS), max_size=20) | st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=20
)


@given(_TEXT, st.data())
def test_spans_exist_exactly_where_the_folded_word_is(text, data):
    assume(text)
    start = data.draw(st.integers(0, len(text) - 1))
    word = fold(text[start : start + data.draw(st.integers(1, 6))])
    assume(word)
    spans = find_spans(text, [word])
    assert bool(spans) == (word in fold(text))
    for a, b in spans:
        assert word in fold(text[a:b])


@given(_TEXT)
def test_folding_twice_changes_nothing(text):
    assert fold(fold(text)) == fold(text)
