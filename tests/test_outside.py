"""Our priority words stay inside (DESIGN §8): `without_priority_words` on subjects."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daicho.data.mail.outside import PRIORITY_WORDS, has_priority_word, without_priority_words
from daicho.data.search.text import fold


@pytest.mark.parametrize(
    "typed, sent",
    [
        ("【社長オーダー】保守契約の見積", "保守契約の見積"),
        ("[President's order] Quote for 20 PCs", "Quote for 20 PCs"),
        ("ルーター交換（至急）", "ルーター交換"),
        ("[URGENT] VPN renewal", "VPN renewal"),
        ("至急：回線増速", "回線増速"),
        ("至急 回線増速", "回線増速"),
        ("至急　回線増速", "回線増速"),
        ("URGENT: VPN renewal", "VPN renewal"),
        ("ルーター交換 【至急】 の件", "ルーター交換 の件"),
        ("［ＵＲＧＥＮＴ］ＶＰＮ", "ＶＰＮ"),
        ("(asap) Quote", "Quote"),
        ("【社長ｵｰﾀﾞｰ】見積", "見積"),
        ("【至急・社長オーダー】見積", "見積"),
        ("【社長オーダー】至急：見積", "見積"),
        ("見積 [urgent]", "見積"),
        ("〔最優先〕 入館申請", "入館申請"),
        # Priority words inside other words or text are the vendor's business too.
        ("至急対応のお願い", "至急対応のお願い"),
        ("緊急地震速報の設定", "緊急地震速報の設定"),
        ("【重要】見積", "【重要】見積"),
        ("Urgent", "Urgent"),
    ],
)
def test_our_priority_tags_come_off_a_subject(typed, sent):
    assert without_priority_words(typed) == sent


_OPEN_CLOSE = ("【】", "[]", "［］", "()", "（）", "〔〕", "<>", "＜＞")
_VARIANTS = [
    *PRIORITY_WORDS,
    *(word.upper() for word in PRIORITY_WORDS),
    "ＵＲＧＥＮＴ",
    "Ａｓａｐ",
    "社長ｵｰﾀﾞｰ",
]
pieces = st.one_of(
    st.sampled_from(_VARIANTS),
    st.sampled_from([c for pair in _OPEN_CLOSE for c in pair]),
    st.sampled_from([" ", "　", ":", "：", "・", "/", "\n"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=5),
)
texts = st.lists(pieces, max_size=12).map("".join)


@given(texts)
def test_no_bracketed_priority_word_is_left(text):
    folded = fold(without_priority_words(text))
    for word in PRIORITY_WORDS:
        for opening, closing in (fold(pair[0]) + fold(pair[1]) for pair in _OPEN_CLOSE):
            assert f"{opening}{fold(word)}{closing}" not in folded


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_text_without_priority_words_is_left_as_it_was(text):
    if not has_priority_word(text):
        assert without_priority_words(text) == text


@given(texts)
def test_text_without_priority_words_is_left_as_it_was_among_brackets(text):
    if not has_priority_word(text):
        assert without_priority_words(text) == text


@given(texts)
def test_taking_them_off_twice_changes_nothing_more(text):
    once = without_priority_words(text)
    assert without_priority_words(once) == once
