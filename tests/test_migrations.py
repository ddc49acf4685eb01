"""Schema versions: an older ledger is brought forward with its data intact."""

import sqlite3

import pytest

from daicho.data import drafts, queue, requests, vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.ledger_guard import LedgerDatabase
from daicho.data.migrations import LATEST_VERSION, MIGRATIONS, migrate_to_latest, schema_version
from daicho.data.models import ALL_MODELS, database
from daicho.data.queue import QueueFilters, open_queue_query
from daicho.data.records import REQUEST_STATUSES
from daicho.data.search.find import search


def _build_schema_1_ledger(path):
    """A ledger as schema 1 left it, with a vendor, a contact, a request and its history."""
    database.initialize(LedgerDatabase(str(path)))
    database.connect()
    migrate_to_latest(database, target=1)
    for statement in [
        "INSERT INTO vendor (id, name, reading, created_at, updated_at)"
        " VALUES (1, 'NTT東日本', 'えぬてぃてぃ', '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        "INSERT INTO contact (id, vendor_id, name, is_primary, created_at, updated_at)"
        " VALUES (1, 1, '山田', 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        "INSERT INTO request (id, direction, vendor_id, subject, due, created_at, updated_at)"
        " VALUES (1, 'outbound', 1, '見積依頼', '2026-12-01', '2025-01-01 00:00:00',"
        " '2025-01-01 00:00:00')",
        "INSERT INTO request_event (request_id, at, kind, new_value)"
        " VALUES (1, '2025-01-01 00:00:00', 'created', 'open')",
    ]:
        database.execute_sql(statement)
    database.close()


def test_a_schema_1_ledger_opens_migrated_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    _build_schema_1_ledger(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1

    open_ledger(path)
    try:
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        (vendor,) = vendors.list_vendors()
        assert (vendor.name, vendor.reading, vendor.open_count) == ("NTT東日本", "えぬてぃてぃ", 1)
        assert [c.name for c in vendors.list_contacts(1)] == ["山田"]
        (row,) = queue.open_queue(queue.QueueFilters()).rows
        assert row.subject == "見積依頼"
        assert [e.kind for e in requests.request_history(1)] == ["created"]
        drafts.save_draft("call", {"subject": "書きかけ"})
        assert drafts.load_drafts()[0].content == {"subject": "書きかけ"}
    finally:
        close_ledger()


@pytest.mark.both_engines
def test_every_model_matches_the_migrated_schema(ledger):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in model._meta.database.get_columns(table)}  # drafts: own file
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table


def test_the_queue_reads_by_index(ledger):
    plan = database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM request WHERE status = 'open' ORDER BY due"
    ).fetchall()
    assert any("COVERING INDEX request_queue" in str(step) for step in plan)


def test_the_queue_over_every_status_is_read_in_due_order(ledger):
    query = open_queue_query(QueueFilters(statuses=REQUEST_STATUSES))
    sql, params = query.sql()
    plan = database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    assert any("request_due_order" in str(step) for step in plan)


def test_the_queue_by_vendor_reads_the_vendors_in_order(ledger):
    """Not every open request's row: the first vendors' entries in their index make a page."""
    sql, params = open_queue_query(QueueFilters(sort="vendor")).sql()
    plan = [str(step) for step in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert any("SCAN t2 USING COVERING INDEX vendor_sort_key" in step for step in plan)
    assert any("COVERING INDEX request_vendor_id_status_due" in step for step in plan)


def test_migrations_run_once(ledger):
    close_ledger()
    open_ledger(ledger)
    assert migrate_to_latest(database) == []
    assert len(MIGRATIONS) == LATEST_VERSION


_OLDER_ROWS = [
    "INSERT INTO vendor (id, name, reading, notes, created_at, updated_at) VALUES (1,"
    " 'NTT東日本', 'えぬてぃてぃ', 'ＶＰＮ回線', '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
    "INSERT INTO contact (id, vendor_id, name, role, created_at, updated_at)"
    " VALUES (1, 1, '山田', '営業', '2025-01-02 00:00:00', '2025-01-02 00:00:00')",
    "INSERT INTO call (id, vendor_id, started_at, subject, notes, created_at, updated_at)"
    " VALUES (1, 1, '2025-02-01 00:00:00', '回線断', '見積を依頼', '2025-02-01 00:00:00',"
    " '2025-02-01 00:00:00')",
    "INSERT INTO decision (call_id, position, text) VALUES (1, 0, '明日までに見積')",
    "INSERT INTO request (id, direction, vendor_id, subject, created_at, updated_at)"
    " VALUES (1, 'outbound', 1, '見積依頼', '2025-03-01 00:00:00', '2025-03-01 00:00:00')",
    "INSERT INTO request_event (request_id, at, kind, note)"
    " VALUES (1, '2025-03-02 00:00:00', 'note_added', '督促した')",
]


def _build_older_ledger(path, version: int) -> None:
    """A ledger as schema `version` left it, holding one item of each kind."""
    database.initialize(LedgerDatabase(str(path)))
    database.connect()
    migrate_to_latest(database, target=version)
    for statement in _OLDER_ROWS:
        if version >= 9:  # schema 9 renamed a call's notes
            statement = statement.replace("subject, notes,", "subject, internal_notes,")
        database.execute_sql(statement)
    database.close()


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_an_older_ledger_is_searchable_once_opened(tmp_path, version):
    path = tmp_path / f"schema-{version}.db"
    _build_older_ledger(path, version)
    open_ledger(path)
    try:
        assert schema_version(database) == LATEST_VERSION
        assert [(hit.kind, hit.id) for hit in search("見積", None)] == [
            ("request", 1),
            ("call", 1),
        ]
        assert [hit.kind for hit in search("vpn", None)] == ["vendor"]
        assert [hit.kind for hit in search("営業", None)] == ["contact"]
        assert [hit.kind for hit in search("督促", None)] == ["request"]
        assert database.execute_sql("SELECT count(*) FROM search_pending").fetchone() == (0,)
    finally:
        close_ledger()


@pytest.mark.both_engines
def test_an_index_marked_for_building_is_built_on_the_next_open(ledger):
    vendors.create_vendor("再構築テスト")
    database.execute_sql("DELETE FROM search_doc")
    database.execute_sql("INSERT INTO search_pending (reason) VALUES ('interrupted')")
    close_ledger()
    open_ledger(ledger)
    assert [hit.title for hit in search("再構築", None)] == ["再構築テスト"]
