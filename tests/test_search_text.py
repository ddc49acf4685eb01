"""Folding and highlighting: one folding for both sides, and spans that cover the words in the
text as stored, whatever normalisation did to it."""

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from daicho.data.search.text import find_spans, fold, index_tokens, phrase


@pytest.mark.parametrize(
    "typed, folded",
    [
        ("ＶＰＮ", "vpn"),
        ("VPN", "vpn"),
        ("ｱｲﾃﾑ", "あいてむ"),
        ("ｶﾞｲﾄﾞ", "がいど"),
        ("ガイド", "がいど"),
        ("ヴァージョン", "ゔぁーじょん"),
        ("ヷ", "わ\u3099"),  # no hiragana of its own: わ and the voiced mark
        ("Straße", "strasse"),
        ("03-1234-5678", "0312345678"),
        ("０３－１２３４－５６７８", "0312345678"),
        ("03ー1234ー5678", "0312345678"),  # the long-vowel mark typed for a hyphen
        ("03(1234)5678", "0312345678"),
        ("03‐1234−5678", "0312345678"),
        ("tel 03 - 1234", "tel 03 - 1234"),  # only between two digits
        ("rt-500", "rt-500"),
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
    text = "ｶﾞｲﾄﾞを見る ガイド がいど"
    assert [text[a:b] for a, b in find_spans(text, [fold("ガイド")])] == ["ｶﾞｲﾄﾞ", "ガイド", "がいど"]


def test_spans_of_a_phone_number_cover_it_as_stored_hyphens_and_all():
    text = "代表 ０３－１２３４－５６７８ / 携帯 090ー1234ー5678"
    spans = find_spans(text, [fold("03-1234-5678"), fold("09012345678")])
    assert [text[a:b] for a, b in spans] == ["０３－１２３４－５６７８", "090ー1234ー5678"]
    assert [text[a:b] for a, b in find_spans(text, ["1234"])] == ["１２３４", "1234"]


def test_a_word_with_a_space_matches_any_run_of_whitespace():
    text = "firmware \n update"
    assert find_spans(text, ["firmware update"]) == [(0, len(text))]


def test_overlapping_words_give_one_span():
    assert find_spans("見積書", ["見積", "積書"]) == [(0, 3)]


_CHARS = "見積ｱｲﾃﾑｶﾞｲﾄﾞガがßＶＰＮvPn① 　\n゛e\u0301ﬁ0１-－ー()ヷヴ\u3099"
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


# Hiragana (with the small kana, ゔ, ゕ, ゖ and the iteration marks), the voiced marks and
# the long-vowel mark; each has a katakana form, 0x60 above.
_HIRAGANA = st.text(
    st.sampled_from(
        [chr(c) for c in range(0x3041, 0x3097)] + ["ゝ", "ゞ", "\u3099", "\u309a", "ー"]
    ),
    max_size=12,
)


def _katakana(text: str) -> str:
    return "".join(
        chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "ゝゞ" else c for c in text
    )


def _half_width(text: str) -> str:
    """Katakana as half-width where JIS X 0201 has it (the voiced ones as two characters)."""
    return unicodedata.normalize("NFD", text).translate(_HALF_WIDTH)


_HALF_WIDTH = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF66, 0xFF9E)}
_HALF_WIDTH = str.maketrans({**_HALF_WIDTH, "\u3099": "\uff9e", "\u309a": "\uff9f"})


@given(_HIRAGANA)
def test_hiragana_katakana_and_half_width_katakana_fold_alike(text):
    assert fold(_katakana(text)) == fold(text)
    assert fold(_half_width(_katakana(text))) == fold(text)


@given(_HIRAGANA | _TEXT)
def test_folding_leaves_no_katakana(text):
    assert not any("\u30a1" <= c <= "\u30fa" for c in fold(text))


_DIGITS = st.text(st.sampled_from("0123456789０１２３"), min_size=1, max_size=4)
_HYPHEN = st.sampled_from(["-", "－", "ー", "ｰ", "‐", "‑", "−", "–", "—", "―", "(", ")"])


@given(st.lists(_DIGITS, min_size=1, max_size=4), st.lists(_HYPHEN, min_size=3, max_size=3))
def test_a_phone_number_folds_to_its_digits_whatever_joins_them(groups, hyphens):
    typed = groups[0] + "".join(h + g for h, g in zip(hyphens, groups[1:], strict=False))
    digits = unicodedata.normalize("NFKC", "".join(groups))
    assert fold(typed) == digits
    assert find_spans(f"tel {typed}.", [digits]) == [(4, 4 + len(typed))]
