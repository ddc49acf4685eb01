"""Upgrades: a ledger written by every earlier schema version opens today with every row intact.

`tests/fixtures/schema_N.sql` are dumps of ledgers that the Daicho of schema N wrote through
its own services (search index included; made by `tests/fixtures/make_schema_fixture.py`),
frozen as they were. Unlike an old ledger built with today's `MIGRATIONS`, they still hold
what real old ledgers look like after someone edits an old migration's DDL.
"""

import sqlite3
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from peewee import IntegrityError

from daicho.data import calls, drafts, requests, vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.migrations import APPLICATION_ID, LATEST_VERSION, schema_version
from daicho.data.models import database
from daicho.data.names.key_columns import DERIVED_COLUMNS
from daicho.data.search.find import search
from daicho.data.transfer.export import export_ledger

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = sorted(int(path.stem.removeprefix("schema_")) for path in FIXTURES.glob("schema_*.sql"))

# The tables each kind of exported row is read from, and the raw columns that are not text.
_TABLE_OF = {"vendors": "vendor", "contacts": "contact", "calls": "call", "requests": "request"}
_TABLE_OF |= {"request_events": "request_event"}
_TIMES = {"created_at", "updated_at", "started_at", "at"}


def _load(version: int, directory: Path) -> Path:
    """The fixture written into a new ledger file, exactly as the dump holds it."""
    path = directory / f"schema_{version}.db"
    connection = sqlite3.connect(path)
    try:
        connection.executescript((FIXTURES / f"schema_{version}.sql").read_text(encoding="utf-8"))
    finally:
        connection.close()
    return path


@pytest.fixture(params=VERSIONS, ids=[f"schema_{version}" for version in VERSIONS])
def old_ledger(request, tmp_path):
    """An old ledger file, not yet opened: (its schema version, its path)."""
    return request.param, _load(request.param, tmp_path)


@pytest.fixture
def upgraded(old_ledger):
    """The old ledger opened, and so migrated, by today's code."""
    version, path = old_ledger
    open_ledger(path)
    yield version
    close_ledger()


def _raw(path: Path, sql: str) -> list:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _stored_value(column: str, value):
    """A raw column value as the export gives it back: typed, and tags as a list of words."""
    if value is None:
        return None
    if column in _TIMES:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    if column == "due":
        return date.fromisoformat(value)
    if column == "is_primary":
        return bool(value)
    if column == "tags":
        return value.split()
    return value


def _old_rows(path: Path) -> dict[str, list[dict]]:
    """Every ledger row as the old file holds it, read with plain SQL, in the export's shape."""
    connection = sqlite3.connect(path)
    try:
        decisions: dict[int, list[str]] = {}
        for call_id, text in connection.execute(
            "SELECT call_id, text FROM decision ORDER BY call_id, position"
        ):
            decisions.setdefault(call_id, []).append(text)
        document = {}
        for key, table in _TABLE_OF.items():
            rows = []
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY id")
            columns = [description[0] for description in cursor.description]
            for row in cursor:
                values = {c: _stored_value(c, v) for c, v in zip(columns, row, strict=True)}
                values = {
                    column: value
                    for column, value in values.items()
                    if value is not None and column not in DERIVED_COLUMNS  # never exported
                }
                if table == "call":
                    values["decisions"] = decisions.get(values["id"], [])
                _as_memo(table, values)
                values |= _SCHEMA_10_DEFAULTS.get(table, {}) | values
                rows.append(values)
            document[key] = rows
        return document
    finally:
        connection.close()


_WHO = {"created_by": "", "changed_by": "", "version": 1}
_SCHEMA_10_DEFAULTS = {"vendor": _WHO, "contact": _WHO, "call": _WHO, "request": _WHO}
_SCHEMA_10_DEFAULTS |= {"request": _WHO | {"assignee": ""}, "request_event": {"created_by": ""}}


def _as_memo(table: str, values: dict) -> None:
    """Schema 9's move: what was typed as a call's notes or a request's body stays inside as
    its memo (`internal_notes`); a request's body, what may go out, starts empty."""
    if table == "call" and "notes" in values:
        values["internal_notes"] = values.pop("notes")
    if table == "request" and "internal_notes" not in values:
        values["internal_notes"], values["body"] = values["body"], ""


def test_every_earlier_schema_version_has_a_frozen_fixture():
    """Before adding a migration, freeze the current version: make_schema_fixture.py."""
    assert list(range(1, LATEST_VERSION)) == VERSIONS


def test_a_fixture_keeps_the_ledger_mark_and_its_version(old_ledger):
    version, path = old_ledger
    assert _raw(path, "PRAGMA user_version") == [(version,)]
    assert _raw(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert _raw(path, "PRAGMA integrity_check") == [("ok",)]
    assert _raw(path, "SELECT count(*) FROM vendor") == [(5,)]


def test_an_old_ledger_is_migrated_to_the_latest_schema(old_ledger, tmp_path):
    _version, path = old_ledger
    open_ledger(path)
    try:
        assert schema_version(database) == LATEST_VERSION
        assert database.execute_sql("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert database.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert database.execute_sql("SELECT count(*) FROM search_pending").fetchone() == (0,)
        schema_sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        upgraded_schema = database.execute_sql(schema_sql).fetchall()
        open_ledger(tmp_path / "new.db")
        assert upgraded_schema == database.execute_sql(schema_sql).fetchall()
    finally:
        close_ledger()


def test_every_row_arrives_intact(old_ledger):
    _version, path = old_ledger
    before = _old_rows(path)
    assert all(before[key] for key in _TABLE_OF)
    open_ledger(path)
    try:
        exported = tomllib.loads(export_ledger("toml"))
    finally:
        close_ledger()
    for key in _TABLE_OF:
        assert exported[key] == before[key], key
    assert exported.keys() - _TABLE_OF.keys() == {"format", "schema_version"}  # no contracts


def test_the_services_read_what_the_old_version_wrote(upgraded):
    listed = vendors.list_vendors(include_hidden=True)
    # In あいうえお order of the readings; the walk-in vendor has none and sorts by the one
    # suggested from its name (とびこみえいぎょう, without 合同会社).
    assert [v.name for v in listed] == [
        "NTT東日本",
        "カフェ☕ Cloud 🚀",
        "株式会社ｻﾝﾌﾟﾙ・システムズ",
        "飛び込み営業 合同会社",
        "[bold red]Markup Ltd[/]",
    ]
    ntt = listed[0]
    assert (ntt.open_count, ntt.overdue_count) == (1, 1)
    vendor = vendors.get_vendor(1)
    assert vendor.reading == "えぬてぃてぃひがしにほん"
    assert vendor.notes.startswith("本社回線とＶＰＮ。\n保守契約は[bold]年次更新[/]。\n\n")
    assert "🙇\u200d♂️" in vendor.notes
    assert vendor.tags == ("回線", "vpn", "光")
    long_note = vendors.get_vendor(2).notes.splitlines()
    assert len(long_note) == 200 and long_note[-1].startswith("200行目: 障害対応の記録。")
    assert "DROP TABLE vendor; --" in vendors.get_vendor(3).notes
    assert vendors.get_vendor(4).website == "https://例え.jp/パス?q=1&r=2"

    yamada, sato = vendors.list_contacts(1)
    assert (yamada.name, yamada.is_primary, yamada.notes) == (
        "山田 太郎",
        True,
        "火曜は不在\n携帯優先 📱",
    )
    assert (sato.name, sato.is_primary) == ("佐藤 花子", False)
    assert vendors.list_contacts(2)[0].name == "Jose\u0301 Müller-Ölçer"
    assert vendors.list_contacts(3)[0].notes == "[bold]x[/]\n[i]斜体[/i]"

    call = calls.get_call(1)
    assert (call.contact_name, call.direction, call.duration_s) == ("山田 太郎", "outgoing", 754)
    assert call.decisions == ("明日10時に再起動", "[bold]x[/] は文字通り", "見積は来週 📄")
    assert [(r.subject, r.status) for r in call.follow_ups] == [
        ("見積書の送付", "open"),
        ("構成図を送る", "answered"),
    ]
    assert calls.get_call(4).decisions == ("[/]", "[", "]")

    licence = requests.get_request(3)
    assert (licence.status, licence.answer, licence.due) == (
        "closed",
        "回答: 12万円\n税別",
        date(2025, 4, 22),
    )
    assert [(e.kind, e.old_value, e.new_value) for e in requests.request_history(3)] == [
        ("created", "", "open"),
        ("note_added", "", ""),
        ("due_changed", "2025-04-15", "2025-04-22"),
        ("status_changed", "open", "answered"),
        ("status_changed", "answered", "closed"),
    ]
    terms = requests.get_request(4)
    assert (terms.subject, terms.status, terms.priority) == (
        "利用規約の確認 (第2版) ✅",
        "open",
        "high",
    )
    assert [e.kind for e in requests.request_history(4)][1:3] == ["edited", "status_changed"]


def test_every_note_typed_before_the_split_stays_inside(upgraded):
    """Call notes and request bodies were the desk's own words: they become memos, and no
    request starts sending them to its vendor. From schema 9 on, a body is what is asked."""
    first = calls.get_call(1)
    assert first.internal_notes == (
        "朝から断続的に切れる。\nルーター再起動で一時復旧 ✅\n\n[bold]x[/] と書かれたメモ"
    )
    assert calls.get_call(2).internal_notes == "名刺のみ"
    assert calls.get_call(3).internal_notes.startswith("001行目: 障害対応の記録。")
    typed = {
        requests.get_request(first.follow_ups[0].id): "PDFで\n2部",
        requests.get_request(3): "100ユーザー分\n年額で",
        requests.get_request(4): "差分だけ\n見る",
    }
    for request, text in typed.items():
        expected = (text, "") if upgraded >= 9 else ("", text)
        assert (request.body, request.internal_notes) == expected
    bodies = database.execute_sql("SELECT count(*) FROM request WHERE body != ''").fetchone()
    assert bodies == ((3,) if upgraded >= 9 else (0,))


def test_drafts_written_before_the_upgrade_are_still_offered(upgraded):
    kept = {(d.form, d.key): d.content for d in drafts.load_drafts()}
    if upgraded < 2:  # drafts came with schema 2
        assert kept == {}
        return
    assert kept == {
        ("call", ""): {
            "vendor": "NTT東日本",
            "subject": "書きかけ [bold]",
            "notes": "途中まで\n😀",
            "decisions": "一つ目\n二つ目",
        },
        ("request", ""): {"subject": "新しい依頼", "body": "", "due": "金曜"},
        ("note", "1"): {"note": "メモ [/] の下書き"},
    }


@pytest.mark.parametrize(
    "query, found",
    [
        ("年次更新", [("vendor", 1)]),
        ("200行目", [("vendor", 2)]),  # the end of a very long note
        ('"[bold]x[/]"', [("call", 1), ("contact", 4)]),
        ("🚀", [("vendor", 4)]),
        ("Müller", [("contact", 3)]),
        ("やまだ", [("contact", 1)]),
        ("督促", [("request", 3)]),  # a note in the request's history
        ("稟議", [("request", 3)]),
        ("ライセンス", [("request", 3), ("vendor", 2)]),
        ("ルーター再起動", [("call", 1)]),  # a call's notes, now its memo
        ("年額で", [("request", 3)]),  # a request's body, now its memo
    ],
)
def test_an_upgraded_ledger_finds_its_old_text(upgraded, query, found):
    assert [(hit.kind, hit.id) for hit in search(query, None)] == found


def test_new_writes_land_after_the_old_rows_and_the_history_stays_append_only(upgraded):
    vendor = vendors.create_vendor("新規 業者", reading="しんき")
    assert vendor.id == 6
    request = requests.add_request_note(4, "アップグレード後のメモ")
    assert requests.request_history(request.id)[-1].note == "アップグレード後のメモ"
    assert [(hit.kind, hit.id) for hit in search("アップグレード後", None)] == [("request", 4)]
    with pytest.raises(IntegrityError, match="append-only"):
        database.execute_sql("UPDATE request_event SET note = '' WHERE id = 1")
