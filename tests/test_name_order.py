"""Vendors and contacts in あいうえお order of their reading, and found by it in any kana."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daicho.data import requests, vendors
from daicho.data.names.keys import ReadingIndex, sort_key
from daicho.data.queue import QueueFilters, open_queue
from daicho.data.search.text import fold

pytestmark = pytest.mark.both_engines

# (name, reading) in the order the vendor list shows them.
IN_ORDER = [
    ("3M Japan", ""),  # digits first
    ("acme systems", ""),  # then Latin letters, case aside, the shorter first
    ("Acme Systems Ltd", ""),
    ("Zeta Networks", ""),
    ("ｱｲﾃｯｸ", ""),  # then kana: half-width katakana, no reading, sorts as あいてっく
    ("あおい商事", "あおいしょうじ"),
    ("株式会社カトウ", ""),  # the company word never leads
    ("ガトウ", ""),  # voiced after plain
    ("キヨウ", ""),  # full-size before small: きよう before きょう
    ("キョウ", ""),
    ("コーヒー商会", "こーひーしょうかい"),  # ー as the vowel it lengthens: こおひい
    ("日本電気", ""),  # no reading: the one suggested (にっぽんでんき)
    ("株式会社ニンバス", "かぶしきがいしゃにんばす"),  # nor does a typed company word
    ("ハヤシ", ""),
    ("バヤシ", ""),
    ("パヤシ", ""),
    ("㈲ワタナベ", ""),
    ("龘", ""),  # kanji that no dictionary reads: last
]


def test_the_vendor_list_is_in_aiueo_order_with_latin_before_kana(ledger):
    # Created in reverse, so that no order comes from the ids.
    for name, reading in reversed(IN_ORDER):
        vendors.create_vendor(name, reading=reading)
    listed = [row.name for row in vendors.list_vendors()]
    assert listed == [name for name, _reading in IN_ORDER]
    assert [name for name, _ in vendors.vendor_names_with_readings()] == listed


def test_a_changed_reading_moves_the_vendor(ledger):
    tanaka = vendors.create_vendor("田中商店", reading="たなかしょうてん")
    vendors.create_vendor("山本商店", reading="やまもとしょうてん")
    assert [v.name for v in vendors.list_vendors()] == ["田中商店", "山本商店"]
    vendors.update_vendor(tanaka.id, reading="よしだしょうてん")
    assert [v.name for v in vendors.list_vendors()] == ["山本商店", "田中商店"]
    vendors.update_vendor(tanaka.id, name="相田商店", reading="")
    assert [v.name for v in vendors.list_vendors()] == ["相田商店", "山本商店"]  # あいだ


def test_contacts_are_in_aiueo_order_after_the_primary_one(ledger):
    vendor = vendors.create_vendor("Acme")
    for name, reading in [
        ("渡辺 健", "わたなべ けん"),
        ("Smith", ""),
        ("ｲﾄｳ", ""),
        ("佐藤 花子", ""),
    ]:
        vendors.create_contact(vendor.id, name, reading=reading)
    vendors.create_contact(vendor.id, "山田 太郎", reading="やまだ たろう", is_primary=True)
    assert [c.name for c in vendors.list_contacts(vendor.id)] == [
        "山田 太郎",
        "Smith",
        "ｲﾄｳ",
        "佐藤 花子",  # さとう, suggested
        "渡辺 健",
    ]


def test_the_queue_sorted_by_vendor_follows_the_readings(ledger):
    for name, reading in [("ワイ通信", "わいつうしん"), ("アイ電機", ""), ("株式会社カイ", "")]:
        vendor = vendors.create_vendor(name, reading=reading)
        requests.open_request(vendor.id, "outbound", f"{name}への依頼")
    rows = open_queue(QueueFilters(sort="vendor")).rows
    assert [row.vendor_name for row in rows] == ["アイ電機", "株式会社カイ", "ワイ通信"]


def test_the_filter_matches_hiragana_katakana_and_half_width_alike(ledger):
    cafe = vendors.create_vendor("カフェ・クラウド", reading="かふぇくらうど")
    hikari = vendors.create_vendor("ひかり通信")
    ntt = vendors.create_vendor("NTT東日本", reading="エヌティティヒガシニホン")
    vendors.create_contact(ntt.id, "山田 太郎", reading="ヤマダ タロウ")

    def found(text: str) -> list[str]:
        return [row.name for row in vendors.list_vendors(text)]

    for typed in ("かふぇ", "カフェ", "ｶﾌｪ", "くらうど", "ｸﾗｳﾄﾞ"):
        assert found(typed) == [cafe.name], typed
    for typed in ("ヒカリ", "ﾋｶﾘ", "ひかり"):
        assert found(typed) == [hikari.name], typed
    for typed in ("ひがしにほん", "東日本", "ntt", "ＮＴＴ"):
        assert found(typed) == [ntt.name], typed
    for typed in ("やまだ", "ﾔﾏﾀﾞ", "山田 太郎", "たろう"):  # a contact's name or reading
        assert found(typed) == [ntt.name], typed
    assert found("  ") == [ntt.name, cafe.name, hikari.name]  # えぬ…, かふぇ, ひかり…
    assert found("%") == [] and found("_") == []  # no wildcards


# --- properties ------------------------------------------------------------------------

_KANA = st.text(st.sampled_from([chr(c) for c in range(0x3041, 0x3097)] + ["ー", "ゝ", "ゞ"]))


def _katakana(text: str) -> str:
    return "".join(
        chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "ゝゞ" else c for c in text
    )


@given(_KANA.filter(bool))
def test_a_name_sorts_alike_in_hiragana_katakana_and_half_width(name):
    key = sort_key(name, "")
    assert sort_key(_katakana(name), "") == key
    assert sort_key(unicodedata.normalize("NFKC", _katakana(name)), "") == key
    assert sort_key("漢字", name) == key  # the reading decides, not the name


_PLAIN = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねの"
    "はひふへほまみむめもやゆよらりるれろわゐゑをん"
)


@given(_KANA, _KANA)
def test_the_first_differing_plain_kana_decides(a, b):
    """Kana without voiced, small or long marks sort in gojūon order, which for them is the
    order of Unicode."""
    a = "".join(c for c in a if c in _PLAIN)
    b = "".join(c for c in b if c in _PLAIN)
    if a and b and a != b:
        assert (sort_key(a, "") < sort_key(b, "")) == (a < b)


@given(st.text(max_size=20), st.text(max_size=20))
def test_keys_are_made_for_any_name_and_reading(name, reading):
    assert isinstance(sort_key(name, reading), str)
    assert sort_key(name, reading) == sort_key(name, fold(reading) if reading.strip() else "")


def test_a_name_is_found_by_the_start_of_its_reading_in_any_kana():
    names = [("株式会社アクメ", "あくめ"), ("銀河通信工業株式会社", "ぎんがつうしん"), ("Beta", "")]
    index = ReadingIndex(names)
    assert [index.find(typed) for typed in ("ぎんが", "ギンガ", "ｷﾞﾝｶﾞ", "アク")] == [
        "銀河通信工業株式会社",
        "銀河通信工業株式会社",
        "銀河通信工業株式会社",
        "株式会社アクメ",
    ]
    # A name that starts with what was typed completes as it is; nothing found is "".
    assert [index.find(typed) for typed in ("銀河", "be", "ぎんこう", "", "  ")] == [""] * 5
