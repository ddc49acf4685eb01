"""The search index follows every write in its transaction: after any change, what the index
holds is exactly what a rebuild from the ledger would write."""

from datetime import date, datetime

import pytest

from daicho.data import calls, requests, vendors
from daicho.data.dates import clock
from daicho.data.engines import execute, on_postgres
from daicho.data.errors import InputError
from daicho.data.records import FollowUp
from daicho.data.search import gin_store
from daicho.data.search.documents import documents_by_time
from daicho.data.search.find import search
from daicho.data.search.hits import KINDS
from daicho.data.search.index import SLOTS, rebuild_index, time_key
from daicho.data.search.text import fold, index_tokens
from daicho.data.seed.generate import SeedSize, seed_ledger
from daicho.data.transfer.export import export_ledger
from daicho.data.transfer.importer import import_text

pytestmark = pytest.mark.both_engines


def index_entries() -> set[tuple]:
    """What the index holds of each item's text: every (token, rowid, column, position) of
    FTS5 on SQLite; every (token, rowid) of the tsvectors on PostgreSQL, which keep no
    positions and leave kind and vendor to their own columns."""
    if on_postgres():
        return set(
            execute("SELECT unnest(tsvector_to_array(grams)), id FROM search_doc").fetchall()
        )
    execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab"
        " USING fts5vocab(main, search_fts, instance)"
    )
    return set(execute("SELECT term, doc, col, offset FROM temp.search_vocab"))


def assert_index_matches_ledger() -> None:
    """One row per item, at its time, holding its text now: nothing more, nothing less."""
    documents = {(doc.kind, doc.id): doc for kind in KINDS for doc in documents_by_time(kind)}
    rows = {
        (kind, item_id): (rowid, vendor_id)
        for rowid, kind, item_id, vendor_id in execute(
            "SELECT id, kind, item_id, vendor_id FROM search_doc"
        )
    }
    assert rows.keys() == documents.keys()
    expected = set()
    for key, (rowid, vendor_id) in rows.items():
        document = documents[key]
        assert vendor_id == document.vendor_id
        assert time_key(document.at) <= rowid < time_key(document.at) + 60 * SLOTS
        text = index_tokens(fold(field) for field in document.fields)
        body = text.split()
        if on_postgres():
            expected |= {(token, rowid) for token in gin_store.tokens(rowid, text)}
            continue
        expected |= {(token, rowid, "body", n) for n, token in enumerate(body)}
        expected |= {(document.kind, rowid, "tags", 0), (f"v{vendor_id}", rowid, "tags", 1)}
    assert index_entries() == expected


def found(query: str) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search(query, None)]


@pytest.fixture
def acme(ledger):
    return vendors.create_vendor("ACME回線", notes="旧メモ", tags="vpn")


def test_editing_a_vendor_replaces_its_text(acme):
    vendors.update_vendor(acme.id, name="ACME光", notes="新メモ", tags="lan")
    assert found("旧メモ") == [] and found("vpn") == [] and found("回線") == []
    assert found("新メモ") == found("lan") == found("光") == [("vendor", acme.id)]
    assert_index_matches_ledger()


def test_contacts_are_indexed_when_added_and_edited(acme):
    contact = vendors.create_contact(acme.id, "山田", role="営業")
    assert found("営業") == [("contact", contact.id)]
    vendors.update_contact(contact.id, role="技術", email="yamada@acme.jp")
    assert found("営業") == [] and found("技術") == found("yamada@") == [("contact", contact.id)]
    assert_index_matches_ledger()


def test_every_change_to_a_request_is_indexed(acme):
    request = requests.open_request(acme.id, "outbound", "見積依頼", body="10台分")
    requests.add_request_note(request.id, "電話で督促")
    requests.answer_request(request.id, "来週回答")
    requests.reopen_request(request.id, "再見積")
    requests.redate_request(request.id, date(2026, 12, 1), note="延期の連絡")
    requests.edit_request(request.id, subject="再見積依頼", body="20台分")
    requests.close_request(request.id, "受領")
    other = requests.open_request(acme.id, "inbound", "台数確認")
    requests.cancel_request(other.id, "不要になった")
    for words in ("督促", "来週回答", "延期", "再見積依頼", "20台", "受領"):
        assert found(words) == [("request", request.id)], words
    assert found("10台") == []
    assert found("不要") == [("request", other.id)]
    assert_index_matches_ledger()


def test_a_call_is_indexed_with_its_decisions_follow_ups_and_new_vendor(ledger):
    call = calls.log_call(
        vendor_name="飛び込み商事",
        contact_name="営業の田中",
        started_at=datetime(2026, 11, 19, 1),
        subject="複合機の提案",
        internal_notes="リース更新",
        decisions=["資料を送ってもらう"],
        follow_ups=[FollowUp("資料の受領確認"), FollowUp("見積比較", direction="inbound")],
    )
    assert found("資料") == [("request", call.follow_ups[0].id), ("call", call.id)]
    assert found("資料を送") == [("call", call.id)]
    assert found("飛び込み") == [("vendor", call.vendor_id)]
    assert found("田中") == [("contact", call.contact_id)]
    assert found("見積比較") == [("request", call.follow_ups[1].id)]
    assert_index_matches_ledger()


def test_a_refused_change_leaves_the_index_as_it_was(acme):
    request = requests.open_request(acme.id, "outbound", "見積")
    before = index_entries()
    with pytest.raises(InputError):
        requests.reopen_request(request.id, "開いている依頼は再開できない")
    assert index_entries() == before
    assert found("開いている") == []


def test_a_toml_export_imported_anywhere_is_indexed(acme, tmp_path):
    contact = vendors.create_contact(acme.id, "佐藤", notes="VPN 担当")
    calls.log_call(
        vendor_id=acme.id, contact_id=contact.id, internal_notes="VPN 断", decisions=["VPN 再起動"]
    )
    request = requests.open_request(acme.id, "outbound", "VPN 復旧報告")
    requests.add_request_note(request.id, "VPN 復旧済み")
    text = export_ledger("toml")
    before = [(hit.kind, hit.id, hit.snippet, hit.spans) for hit in search("vpn", None)]

    from daicho.data.ledger import close_ledger, open_ledger

    close_ledger()
    open_ledger(tmp_path / "copy.db")
    import_text(text)
    assert [(hit.kind, hit.id, hit.snippet, hit.spans) for hit in search("vpn", None)] == before
    assert_index_matches_ledger()
    import_text(text, as_new=True)  # again, as new rows with new ids
    assert len(found("vpn")) == 2 * len(before)
    assert_index_matches_ledger()


def test_rebuilding_writes_the_same_index(acme):
    vendors.create_contact(acme.id, "山田")
    calls.log_call(vendor_id=acme.id, internal_notes="回線工事", follow_ups=[FollowUp("回線の件")])
    before = index_entries()
    results = found("回線")
    assert rebuild_index() == 4
    assert index_entries() == before and found("回線") == results
    assert_index_matches_ledger()


def test_seeded_sample_data_is_indexed(ledger):
    seed_ledger(SeedSize(5, 8, 12, 4, 30))
    assert_index_matches_ledger()
    assert found("type:vendor") != [] and found("見積") != []


def test_items_of_the_same_second_list_newest_first_by_id(ledger):
    clock.freeze_now(datetime(2026, 11, 20, 1))
    try:
        made = [vendors.create_vendor(f"同時{n}") for n in range(SLOTS + 3)]
    finally:
        clock.freeze_now(None)
    assert found("同時") == [("vendor", vendor.id) for vendor in reversed(made)]
    assert_index_matches_ledger()


def test_a_change_made_behind_the_index_never_shows_a_wrong_hit(acme):
    execute("UPDATE vendor SET notes = '別の内容' WHERE id = ?", (acme.id,))
    assert found("旧メモ") == []  # still in the index, but not in the ledger
    rebuild_index()
    assert found("別の内容") == [("vendor", acme.id)]
    assert_index_matches_ledger()


def test_the_index_is_not_exported(acme):
    assert "search" not in export_ledger("toml")
