"""Search as the user meets it: every item holding the words is found, whatever their length,
width or case; newest first; filters narrow; snippets show the words where they are."""

import unicodedata
from datetime import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from daicho.data import calls, requests, vendors
from daicho.data.dates import clock
from daicho.data.models import Vendor
from daicho.data.records import FollowUp
from daicho.data.search.documents import documents_by_time
from daicho.data.search.find import SNIPPET_CHARS, search
from daicho.data.search.hits import KINDS
from daicho.data.search.index import rebuild_index
from daicho.data.search.query import QueryError
from daicho.data.search.text import fold

pytestmark = pytest.mark.both_engines


def found(query: str, limit: int | None = None) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search(query, limit)]


@pytest.fixture
def acme(ledger):
    """A vendor added on 1 October, before every call the tests log."""
    clock.freeze_now(datetime(2026, 10, 1))
    try:
        return vendors.create_vendor(
            "ACME通信", reading="あくめ", notes="VPN の保守", tags="vpn 回線"
        )
    finally:
        clock.freeze_now(None)


def call(vendor, when: datetime, subject: str = "", notes: str = "", decisions=()):
    return calls.log_call(
        vendor_id=vendor.id,
        started_at=when,
        subject=subject,
        internal_notes=notes,
        decisions=decisions,
    )


def test_two_character_japanese_words_are_found(acme):
    quote = call(acme, datetime(2026, 11, 1, 1), "見積の件", "回線の見積を依頼")
    bill = call(acme, datetime(2026, 11, 2, 1), notes="請求書は来月。納期は未定")
    assert found("見積") == [("call", quote.id)]
    assert found("請求") == [("call", bill.id)]
    assert found("納期") == [("call", bill.id)]
    assert found("回線") == [("call", quote.id), ("vendor", acme.id)]


def test_one_character_finds_every_item_holding_it(acme):
    first = call(acme, datetime(2026, 11, 1, 1), notes="見る")
    second = call(acme, datetime(2026, 11, 2, 1), notes="見積")
    assert found("見") == [("call", second.id), ("call", first.id)]
    assert found("の") == [("vendor", acme.id)]


@pytest.mark.parametrize("query", ["VPN", "vpn", "Vpn", "ＶＰＮ", "ｖｐｎ"])
def test_width_and_case_do_not_matter(acme, query):
    hit = call(acme, datetime(2026, 11, 1, 1), notes="ｖｐｎ接続")
    assert found(query) == [("call", hit.id), ("vendor", acme.id)]


@pytest.mark.parametrize("query", ["アイテム", "ｱｲﾃﾑ", "ガイド", "ｶﾞｲﾄﾞ"])
def test_half_width_katakana_matches_full_width_voiced_sounds_included(acme, query):
    stored = {"アイテム": "ｱｲﾃﾑ一覧", "ｱｲﾃﾑ": "アイテム一覧", "ガイド": "ｶﾞｲﾄﾞ", "ｶﾞｲﾄﾞ": "ガイド"}
    hit = call(acme, datetime(2026, 11, 1, 1), notes=stored[query])
    assert found(query) == [("call", hit.id)]


def test_a_half_width_kana_without_its_voicing_mark_is_another_letter(acme):
    call(acme, datetime(2026, 11, 1, 1), notes="ｶﾞｲﾄﾞ")
    assert found("カイ") == []


def test_every_word_must_appear_somewhere_in_the_item(acme):
    both = call(acme, datetime(2026, 11, 1, 1), "ルーター交換", decisions=["見積は12/4まで"])
    call(acme, datetime(2026, 11, 2, 1), "ルーター交換")
    assert found("ルーター 見積") == [("call", both.id)]


def test_a_quoted_phrase_must_appear_as_typed(acme):
    exact = call(acme, datetime(2026, 11, 1, 1), notes="firmware update\nrequired")
    other = call(acme, datetime(2026, 11, 2, 1), notes="update the firmware")
    assert found('"firmware update"') == [("call", exact.id)]
    assert found('"update required"') == [("call", exact.id)]  # any run of spaces is one
    assert found("firmware update") == [("call", other.id), ("call", exact.id)]


def test_a_phrase_never_spans_two_fields(acme):
    call(acme, datetime(2026, 11, 1, 1), "回線", "工事")
    assert found('"回線工事"') == [] and found("回線 工事") != []


def test_markup_and_symbols_are_searched_literally(acme):
    hit = call(acme, datetime(2026, 11, 1, 1), notes="[bold]注意[/] 100% C:\\temp")
    for query in ("[bold]", "[/]", "100%", "C:\\temp", "%"):
        assert found(query) == [("call", hit.id)], query
    assert found("bold]注") == [("call", hit.id)]


def test_hits_come_newest_first_across_kinds(ledger):
    clock.freeze_now(datetime(2026, 11, 10, 0))
    try:
        vendor = vendors.create_vendor("回線サービス")
        contact = vendors.create_contact(vendor.id, "回線 担当")
        clock.freeze_now(datetime(2026, 11, 15, 0))
        request = requests.open_request(vendor.id, "outbound", "回線の増速")
    finally:
        clock.freeze_now(None)
    old_call = call(vendor, datetime(2026, 11, 1, 0), "回線断")
    new_call = call(vendor, datetime(2026, 11, 18, 0), "回線復旧")
    assert found("回線") == [
        ("call", new_call.id),
        ("request", request.id),
        ("contact", contact.id),
        ("vendor", vendor.id),
        ("call", old_call.id),
    ]
    assert found("回線", limit=2) == found("回線")[:2]


def test_contacts_requests_and_their_history_are_searched(acme):
    contact = vendors.create_contact(
        acme.id, "山田", reading="やまだ", role="営業", department="法人部", email="Y@ACME.jp"
    )
    request = requests.open_request(acme.id, "inbound", "台数確認", body="MDM 登録")
    requests.add_request_note(request.id, "督促済み")
    answered = requests.open_request(acme.id, "outbound", "見積")
    requests.answer_request(answered.id, "42万円")
    for query in ("やまだ", "営業", "法人", "y@acme"):
        assert found(query) == [("contact", contact.id)], query
    assert found("mdm") == [("request", request.id)]
    assert found("督促") == [("request", request.id)]
    assert found("42万") == [("request", answered.id)]


def test_a_hit_names_its_vendor_date_and_title(acme):
    contact = vendors.create_contact(acme.id, "佐藤", notes="VPN 担当")
    logged = calls.log_call(
        vendor_id=acme.id,
        started_at=datetime(2026, 11, 19, 3, 4, 5),
        subject="障害連絡",
        internal_notes="VPN 断",
        follow_ups=[FollowUp("VPN 復旧報告")],
    )
    hits = {hit.kind: hit for hit in search("vpn")}
    assert set(hits) == {"call", "request", "contact", "vendor"}
    assert hits["call"].at == datetime(2026, 11, 19, 3, 4, 5)
    assert (hits["call"].id, hits["call"].title) == (logged.id, "障害連絡")
    assert (hits["request"].id, hits["request"].title) == (logged.follow_ups[0].id, "VPN 復旧報告")
    assert (hits["contact"].id, hits["contact"].title) == (contact.id, "佐藤")
    assert all(hit.vendor_id == acme.id and hit.vendor_name == "ACME通信" for hit in hits.values())


def test_the_snippet_shows_the_words_found_with_their_spans(acme):
    notes = "前置き" * 20 + "\nここで回線の見積を依頼した。" + "後書き" * 30
    call(acme, datetime(2026, 11, 1, 1), "件名", notes)
    (hit,) = search("見積 回線 type:call")
    assert hit.title == "件名" and "\n" not in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) == SNIPPET_CHARS + 2
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["回線", "見積"]


def test_spans_cover_the_text_as_stored_whatever_its_width(acme):
    call(acme, datetime(2026, 11, 1, 1), notes="ＶＰＮ と ｶﾞｲﾄﾞ と ß")
    assert [h.snippet[a:b] for h in search("vpn type:call") for a, b in h.spans] == ["ＶＰＮ"]
    assert [h.snippet[a:b] for h in search("ガイド") for a, b in h.spans] == ["ｶﾞｲﾄﾞ"]
    assert [h.snippet[a:b] for h in search("ss") for a, b in h.spans] == ["ß"]


def test_the_snippet_comes_from_the_field_holding_most_of_the_words(acme):
    call(acme, datetime(2026, 11, 1, 1), "回線", "見積のみ", decisions=["回線の見積は月曜"])
    (hit,) = search("見積 回線 type:call")
    assert (hit.snippet, hit.spans) == ("回線の見積は月曜", ((0, 2), (3, 5)))


def test_a_title_only_match_shows_the_title(acme):
    call(acme, datetime(2026, 11, 1, 1), "回線工事", "日程調整")
    (hit,) = search("工事")
    assert (hit.snippet, hit.spans) == ("回線工事", ((2, 4),))


def test_type_filters_kinds(acme):
    hit = call(acme, datetime(2026, 11, 1, 1), notes="回線")
    assert found("type:call 回線") == [("call", hit.id)]
    assert found("type:vendor 回線") == [("vendor", acme.id)]
    assert found("type:call type:vendor 回線") == [("call", hit.id), ("vendor", acme.id)]
    assert found("type:contact 回線") == []
    assert found("type:vendor") == [("vendor", acme.id)]


def test_vendor_filters_by_part_of_the_name_folded(acme):
    other = vendors.create_vendor("大塚商会")
    mine = call(acme, datetime(2026, 11, 1, 1), notes="見積")
    theirs = call(other, datetime(2026, 11, 2, 1), notes="見積")
    assert found("vendor:ａｃｍｅ 見積") == [("call", mine.id)]
    assert found("vendor:大塚 見積") == [("call", theirs.id)]
    assert found("vendor:通信 vendor:acme 見積") == [("call", mine.id)]
    assert found("vendor:存在しない 見積") == []
    assert found("vendor:大塚") == [("vendor", other.id), ("call", theirs.id)]  # added today


def test_many_matching_vendors_filter_as_well_as_few(ledger):
    many = [vendors.create_vendor(f"通信{n}") for n in range(45)]
    vendors.create_vendor("商事")
    for n, vendor in enumerate(many):
        call(vendor, datetime(2026, 10, 1 + n % 28, 1), notes="見積")
    assert len(found("vendor:通信 見積")) == 45
    assert found("vendor:通信3 見積") == found("見積 vendor:通信3")
    assert len(found("vendor:通信3 見積")) == 1 + 10  # 通信3 and 通信30…39


def test_dates_filter_on_local_days(acme):
    days = [datetime(2026, 11, d, 12) for d in (1, 2, 3)]
    made = [call(acme, clock.to_utc(day), notes="見積") for day in days]
    assert found("見積 after:2026-11-02") == [("call", made[2].id), ("call", made[1].id)]
    assert found("見積 before:11/02") == [("call", made[0].id)]
    assert found("見積 after:11/2 before:11/3") == [("call", made[1].id)]
    assert found("type:call before:2026-11-03") == [("call", made[1].id), ("call", made[0].id)]
    assert found("見積 after:11/3 before:11/2") == []


def test_an_empty_query_finds_nothing_and_a_bad_filter_is_an_error(acme):
    assert search("") == [] and search('  "" ') == []
    with pytest.raises(QueryError):
        search("type:fax 見積")


@given(st.text() | st.text(st.sampled_from('見積 type:vendor:after:before:"ab\u3000-+1/')))
def test_any_query_gives_hits_or_says_which_filter_is_wrong(acme, text):
    try:
        hits = search(text)
    except QueryError:
        return
    assert all(hit.vendor_id == acme.id for hit in hits)


# --- every item holding a substring, against a plain scan of the ledger ------------------

_CHARS = "見積請求納期回線ルーター交換のをアイテムｱｲﾃﾑｶﾞｲﾄﾞガパﾊﾟＶＰＮVPNvpnAbß123１２ 　\n-・。[]/%"
_TEXT = st.text(st.sampled_from(_CHARS), max_size=24) | st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), max_size=12
)


def _scan(words: list[str]) -> set[tuple[str, int]]:
    """What search must find: every item each of whose words is in one of its fields."""
    return {
        (document.kind, document.id)
        for kind in KINDS
        for document in documents_by_time(kind)
        if all(any(word in fold(field) for field in document.fields) for word in words)
    }


def _add_items(data) -> None:
    name = data.draw(_TEXT.filter(str.strip), label="vendor")
    vendor = vendors.create_vendor(name, notes=data.draw(_TEXT), tags=data.draw(_TEXT))
    vendors.create_contact(vendor.id, "担当" + data.draw(_TEXT), role=data.draw(_TEXT))
    request = requests.open_request(vendor.id, "outbound", "件" + data.draw(_TEXT))
    if note := data.draw(_TEXT).strip():
        requests.add_request_note(request.id, note)
    calls.log_call(
        vendor_id=vendor.id,
        subject=data.draw(_TEXT),
        internal_notes=data.draw(_TEXT),
        decisions=data.draw(st.lists(_TEXT, max_size=2)),
    )


@pytest.fixture
def still_clock(ledger):
    """Every item made in the same second, as an import or a busy minute makes them."""
    clock.freeze_now(datetime(2026, 11, 20, 1))
    yield
    clock.freeze_now(None)


def _new_items(data) -> None:
    """An empty ledger, then a few items: each example starts from nothing."""
    Vendor.delete().execute()
    rebuild_index()
    _add_items(data)


@given(st.data())
def test_any_substring_of_any_stored_text_finds_its_item(still_clock, data):
    _new_items(data)
    documents = [doc for kind in KINDS for doc in documents_by_time(kind)]
    document = data.draw(st.sampled_from(documents), label="item")
    field = data.draw(st.sampled_from([f for f in document.fields if f] or [""]))
    assume(field)
    start = data.draw(st.integers(0, len(field) - 1))
    typed = field[start : start + data.draw(st.integers(1, 6))]
    word = fold(typed)
    assume(word and '"' not in unicodedata.normalize("NFKC", typed))
    hits = set(found(f'"{typed}"'))
    assert hits == _scan([word])
    if word in fold(field):  # not so when the cut parts a kana from its voicing mark
        assert (document.kind, document.id) in hits


@given(st.data())
def test_two_words_find_the_items_holding_both(still_clock, data):
    _new_items(data)
    texts = [f for kind in KINDS for doc in documents_by_time(kind) for f in doc.fields if f]
    words = []
    for _ in range(2):
        text = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, len(text) - 1))
        words.append(text[start : start + data.draw(st.integers(1, 4))])
    folded = [fold(word) for word in words]
    assume(all(folded) and not any('"' in unicodedata.normalize("NFKC", w) for w in words))
    assert set(found(" ".join(f'"{word}"' for word in words))) == _scan(folded)
