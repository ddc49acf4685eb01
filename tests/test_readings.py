"""Readings: suggested from kanji names without the company words, and found by search in
hiragana, katakana or half-width katakana alike."""

import pytest

from daicho.data import calls, vendors
from daicho.data.names.folding import without_legal_form
from daicho.data.names.readings import suggest_reading
from daicho.data.search.find import search

pytestmark = pytest.mark.both_engines


@pytest.mark.parametrize(
    "name, reading",
    [
        ("日本電気", "にっぽんでんき"),
        ("株式会社ニンバス", "にんばす"),  # the company word is left out, before or after
        ("ニンバス株式会社", "にんばす"),
        ("㈱ニンバス", "にんばす"),
        ("（株）ニンバス", "にんばす"),
        ("ニンバス(有)", "にんばす"),
        ("山田 太郎", "やまだ たろう"),  # the space between family and given name stays
        ("NTT東日本", "えぬてぃーてぃーひがしにっぽん"),  # an acronym the dictionary knows
        ("3M日本", "3Mにっぽん"),  # other Latin letters and digits stay as typed
        ("カフェ☕ Cloud 東京", "かふぇ Cloud とうきょう"),  # symbols and emoji are not read
        ("髙橋 一郎", "たかはし いちろう"),  # variant kanji read as their common forms
        ("山﨑 渉", "やまざき わたる"),
        ("渡邉", "わたなべ"),
        ("龘 一郎", ""),  # a word the dictionary cannot read: no reading, never one in kanji
        ("ニンバス", ""),  # kana reads as written: nothing to suggest (it sorts as にんばす)
        ("Acme Systems", ""),
        ("龘", ""),  # nothing read at all
        ("", ""),
    ],
)
def test_a_reading_is_suggested_from_a_kanji_name(name, reading):
    assert suggest_reading(name) == reading


@pytest.mark.parametrize(
    "text, left",
    [
        ("株式会社ニンバス", "ニンバス"),
        ("一般社団法人 日本ITユーザー協会", "日本ITユーザー協会"),
        ("ニンバス（株）", "ニンバス"),
        ("かぶしきがいしゃにんばす", "にんばす"),
        ("にんばすごうどうかいしゃ", "にんばす"),
        ("株式会社", "株式会社"),  # nothing else: kept
        ("かぶしき", "かぶしき"),
    ],
)
def test_company_words_are_left_out(text, left):
    assert without_legal_form(text) == left


def test_a_vendor_created_from_a_call_sorts_by_its_suggested_reading(ledger):
    vendors.create_vendor("あおば商事", reading="あおばしょうじ")
    vendors.create_vendor("ワタナベ電機")
    call = calls.log_call(vendor_name="株式会社日本電気")
    listed = vendors.list_vendors(include_hidden=True)
    assert [v.name for v in listed] == ["あおば商事", "株式会社日本電気", "ワタナベ電機"]
    assert listed[1].id == call.vendor_id
    # stored as the vendor form would have offered it (issue 13, item 10)
    assert vendors.get_vendor(call.vendor_id).reading == "にっぽんでんき"


@pytest.mark.parametrize("query", ["かふぇ", "カフェ", "ｶﾌｪ", "ｶﾌｪｸﾗｳﾄﾞ", "クラウド"])
def test_search_finds_a_vendor_by_its_reading_in_any_kana(ledger, query):
    vendor = vendors.create_vendor("Café Cloud", reading="カフェクラウド")
    assert [(hit.kind, hit.id) for hit in search(query)] == [("vendor", vendor.id)]


@pytest.mark.parametrize("query", ["やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "たろう", "ﾀﾛｳ"])
def test_search_finds_a_contact_by_its_reading_in_any_kana(ledger, query):
    vendor = vendors.create_vendor("Acme")
    contact = vendors.create_contact(vendor.id, "山田 太郎", reading="やまだ たろう")
    assert [(hit.kind, hit.id) for hit in search(query)] == [("contact", contact.id)]


def test_search_highlights_the_kana_as_stored_for_a_hiragana_query(ledger):
    vendors.create_vendor("ｻﾝﾌﾟﾙ・システムズ", notes="保守はシステム部")
    (hit,) = search("しすてむ")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["システム"]  # the notes first
    (hit,) = search("さんぷる")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["ｻﾝﾌﾟﾙ"]


def test_a_name_too_long_for_the_dictionary_is_read_from_its_start(ledger):
    name = "日本電気" * 30_000  # the analyser itself takes at most ~49 KB
    assert suggest_reading(name).startswith("にっぽんでんき")
    vendors.create_vendor(name)
    vendors.create_vendor("和光", reading="わこう")
    assert [len(v.name) for v in vendors.list_vendors()] == [len(name), 2]
