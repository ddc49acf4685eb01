"""Schema versions: an older ledger is brought forward with its data intact."""

import sqlite3

from daicho.data import drafts, queue, requests, vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.migrations import LATEST_VERSION, MIGRATIONS, migrate_to_latest
from daicho.data.models import ALL_MODELS, database


def _build_schema_1_ledger(path):
    """A ledger as schema 1 left it, with a vendor, a contact, a request and its history."""
    database.init(str(path))
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


def test_every_model_matches_the_migrated_schema(ledger):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in database.get_columns(table)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table


def test_the_queue_reads_by_index(ledger):
    plan = database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM request WHERE status = 'open' ORDER BY due"
    ).fetchall()
    assert any("request_status_due" in str(step) for step in plan)


def test_migrations_run_once(ledger):
    close_ledger()
    open_ledger(ledger)
    assert migrate_to_latest(database) == []
    assert len(MIGRATIONS) == LATEST_VERSION
