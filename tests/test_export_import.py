"""Export and import: the whole ledger out as TOML, JSON or CSV, and a TOML export back in."""

import csv
import json
import os
import stat
import tempfile
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from daicho.data import calls, requests, vendors
from daicho.data.contracts.store import (
    add_contract,
    cancel_contract,
    contract_history,
    get_contract,
    renew_contract,
)
from daicho.data.errors import InputError
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.migrations import LATEST_VERSION
from daicho.data.models import ContractReminder, Vendor
from daicho.data.records import CONTRACT_KINDS, CONTRACT_RENEWALS, FollowUp
from daicho.data.search.find import search
from daicho.data.transfer.export import export_ledger
from daicho.data.transfer.importer import import_file, import_text

pytestmark = pytest.mark.both_engines

# Markup, quotes, backslashes, emoji, a combining accent, half- and full-width forms.
TRICKY = '[bold]太字[/] "引用" C:\\path\\ 😀 e\u0301 ｶﾀｶﾅ ＶＰＮ'
NOTES = f"一行目 {TRICKY}\n二行目 [/]\n\n四行目"


@pytest.fixture
def filled(ledger):
    """A small ledger made the way the app makes one: through the services."""
    ntt = vendors.create_vendor(
        "NTT東日本", reading="えぬてぃてぃ", category="telecom", tags="回線, vpn", notes=NOTES
    )
    yamada = vendors.create_contact(ntt.id, "山田 太郎", mobile="090-1234-5678", is_primary=True)
    walk_in = vendors.create_vendor(TRICKY, status="prospect")
    asked = requests.open_request(
        ntt.id,
        "inbound",
        "台数の確認",
        due=date(2026, 11, 30),
        body="PC の台数をご回答ください",
        internal_notes=NOTES,
    )
    requests.answer_request(asked.id, "回答済み\n42台")
    requests.redate_request(asked.id, date(2026, 12, 4), note="延期")
    calls.log_call(
        vendor_id=ntt.id,
        contact_id=yamada.id,
        direction="outgoing",
        started_at=datetime(2026, 11, 20, 1, 2, 3, 456789),
        duration_s=300,
        subject="見積の件",
        internal_notes=NOTES,
        decisions=["12/4 までに見積", TRICKY],
        follow_ups=[FollowUp("見積書の送付", due=date(2026, 12, 4), priority="high")],
    )
    calls.log_call(vendor_id=walk_in.id, channel="visit")
    copier = add_contract(
        ntt.id,
        title="複合機保守契約",
        kind="maintenance",
        number="M-2025-001",
        start=date(2025, 4, 1),
        term_months=12,
        notice_months=3,
        cost=12000,
        tax_included=True,
        notes=NOTES,
    )
    renew_contract(copier.id, date(2026, 3, 1))  # its 90 days' reminder fires: a request
    line = add_contract(
        walk_in.id,
        title=TRICKY,
        kind="line",
        start=date(2026, 1, 31),
        term_months=1,
        renewal="agreement",
        renewal_term_months=12,
        notice_days=10,
        reminder_days=(14, 3),
        cost=150000,
        cost_period="once",
    )
    cancel_contract(line.id, date(2026, 2, 10))
    return ledger


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_toml_export_read_into_an_empty_ledger_exports_the_same_bytes(filled, tmp_path):
    exported = export_ledger("toml")
    open_ledger(tmp_path / "copy.db")
    summary = import_text(exported)
    assert summary.kept_ids
    assert (summary.vendors, summary.contacts, summary.calls, summary.decisions) == (2, 1, 2, 2)
    assert (summary.requests, summary.request_events) == (3, 5)
    assert (summary.contracts, summary.contract_events, summary.contract_reminders) == (2, 5, 1)
    assert export_ledger("toml") == exported


def test_the_toml_export_holds_typed_values_and_leaves_out_what_is_none(filled):
    document = tomllib.loads(export_ledger("toml"))
    assert (document["format"], document["schema_version"]) == ("daicho", LATEST_VERSION)
    ntt = document["vendors"][0]
    assert ntt["tags"] == ["回線", "vpn"]
    first_call, second_call = document["calls"]
    assert first_call["started_at"] == datetime(2026, 11, 20, 1, 2, 3, 456789, tzinfo=UTC)
    assert first_call["decisions"] == ["12/4 までに見積", TRICKY]
    assert (first_call["vendor_id"], first_call["contact_id"]) == (ntt["id"], 1)
    assert "contact_id" not in second_call
    assert second_call["decisions"] == []
    assert (first_call["internal_notes"], "notes" in first_call) == (NOTES, False)
    asked, follow_up, reminder = document["requests"]
    assert asked["due"] == date(2026, 12, 4)
    assert (asked["body"], asked["internal_notes"]) == ("PC の台数をご回答ください", NOTES)
    assert "call_id" not in asked
    assert follow_up["call_id"] == first_call["id"]
    kinds = [event["kind"] for event in document["request_events"]]
    assert kinds == ["created", "status_changed", "due_changed", "created", "created"]
    assert reminder["direction"] == "inbound" and reminder["due"] == date(2026, 12, 28)
    assert "drafts" not in document
    copier, line = document["contracts"]
    assert (copier["vendor_id"], copier["start"], copier["term_no"]) == (1, date(2026, 4, 1), 2)
    assert (copier["renewal"], copier["notice_months"], "notice_days" in copier) == (
        "auto",
        3,
        False,
    )
    assert (copier["cost"], copier["tax_included"], copier["reminder_days"]) == (
        12000,
        True,
        "90 30 7",
    )
    assert (line["renewal_term_months"], line["notice_days"], line["reminder_days"]) == (
        12,
        10,
        "14 3",
    )
    assert (line["status"], line["notice_given"]) == ("cancelled", date(2026, 2, 10))
    renewed = document["contract_events"][2]
    assert (renewed["kind"], renewed["old_value"]) == ("renewed", "2025-04-01..2026-03-31")
    assert document["contract_reminders"][0]["decision_date"] == date(2026, 12, 28)


def test_user_text_survives_literally(filled, tmp_path):
    exported = export_ledger("toml")
    document = tomllib.loads(exported)
    assert document["vendors"][0]["notes"] == NOTES
    assert document["vendors"][1]["name"] == TRICKY
    open_ledger(tmp_path / "copy.db")
    import_text(exported)
    call = calls.get_call(1)
    assert (call.internal_notes, call.decisions[1]) == (NOTES, TRICKY)
    assert vendors.get_vendor(2).name == TRICKY
    assert requests.get_request(1).answer == "回答済み\n42台"
    assert requests.get_request(1).internal_notes == NOTES


@given(name=st.text(), notes=st.text(), decisions=st.lists(st.text(), max_size=3))
def test_any_typed_text_round_trips_byte_for_byte(tmp_path, name, notes, decisions):
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        try:
            open_ledger(Path(scratch) / "typed.db")
            vendor = vendors.create_vendor(f"x{name}", reading=name, notes=notes)
            call = calls.log_call(
                vendor_id=vendor.id,
                contact_name=name,
                subject=name,
                internal_notes=notes,
                decisions=decisions,
                follow_ups=[FollowUp(f"x{name}", body=notes)],
            )
            exported = export_ledger("toml")
            assert tomllib.loads(exported)["calls"][0]["decisions"] == list(call.decisions)
            open_ledger(Path(scratch) / "imported.db")
            import_text(exported)
            assert export_ledger("toml") == exported
        finally:
            close_ledger()


@given(
    title=st.text(),
    notes=st.text(),
    kind=st.sampled_from(CONTRACT_KINDS),
    renewal=st.sampled_from(CONTRACT_RENEWALS),
    start=st.dates(date(1990, 1, 1), date(2090, 12, 31)),
    term_months=st.integers(1, 120),
    renewal_term_months=st.none() | st.integers(1, 120),
    notice=st.tuples(st.booleans(), st.integers(0, 31)),
    leads=st.lists(st.integers(1, 3660), min_size=1, max_size=4),
    cost=st.none() | st.integers(0, 2**31 - 1),
)
def test_any_contract_round_trips_byte_for_byte(
    tmp_path,
    title,
    notes,
    kind,
    renewal,
    start,
    term_months,
    renewal_term_months,
    notice,
    leads,
    cost,
):
    in_months, amount = notice
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        try:
            open_ledger(Path(scratch) / "typed.db")
            vendor = vendors.create_vendor("東都ビジネス機器")
            add_contract(
                vendor.id,
                title=f"x{title}",
                notes=notes,
                kind=kind,
                renewal=renewal,
                start=start,
                term_months=term_months,
                renewal_term_months=renewal_term_months,
                notice_months=min(amount, term_months) if in_months else None,
                notice_days=None if in_months else amount,
                reminder_days=tuple(leads),
                cost=cost,
            )
            exported = export_ledger("toml")
            open_ledger(Path(scratch) / "imported.db")
            import_text(exported)
            assert export_ledger("toml") == exported
        finally:
            close_ledger()


def _as_written_before_the_memo(exported: str) -> dict:
    """Today's export as a Daicho of schema 8 wrote it: a call's memo was its `notes`, and a
    request had only its body, where the desk wrote what is now the memo; nor were there
    contracts."""
    document = tomllib.loads(exported)
    document["schema_version"] = 8
    for table in ("contracts", "contract_events", "contract_reminders"):
        del document[table]
    for call in document["calls"]:
        call["notes"] = call.pop("internal_notes")
    for request in document["requests"]:
        request["body"] = request.pop("internal_notes")
    return document


def _iso(value: date) -> str:
    return value.isoformat()


@pytest.mark.parametrize("format", ["toml", "json"])
def test_an_export_written_before_the_memo_imports_its_notes_as_memos(filled, tmp_path, format):
    document = _as_written_before_the_memo(export_ledger("toml"))
    text = tomli_w.dumps(document) if format == "toml" else json.dumps(document, default=_iso)
    open_ledger(tmp_path / "copy.db")
    import_text(text, json_name=format == "json")
    assert calls.get_call(1).internal_notes == NOTES
    asked = requests.get_request(1)
    assert (asked.body, asked.internal_notes) == ("", NOTES)
    found = {(hit.kind, hit.id) for hit in search("四行目", None)}
    assert found == {("vendor", 1), ("request", 1), ("call", 1)}


def test_a_memo_in_an_older_export_beside_its_notes_is_an_unknown_field(filled):
    document = _as_written_before_the_memo(export_ledger("toml"))
    document["calls"][0]["internal_notes"] = "both"
    with pytest.raises(InputError, match="calls id 1: unknown field notes"):
        import_text(tomli_w.dumps(document))


def test_imported_text_is_cleaned_as_typed_text_is(filled, tmp_path):
    document = tomllib.loads(export_ledger("toml"))
    document["vendors"][0]["name"] = " \x1b[31mNTT\tEast\r\n"
    document["vendors"][0]["notes"] = "a\r\nb\x07\x00"
    document["calls"][0]["decisions"] = ["  ", "one\ntwo"]
    open_ledger(tmp_path / "copy.db")
    import_text(tomli_w.dumps(document))
    vendor = vendors.get_vendor(1)
    assert (vendor.name, vendor.notes) == ("[31mNTT East", "a\nb")
    assert calls.get_call(1).decisions == ("one two",)


def test_as_new_numbers_the_rows_on_and_keeps_the_ledgers_rows(filled, tmp_path):
    exported = export_ledger("toml")
    open_ledger(tmp_path / "mine.db")
    mine = vendors.create_vendor("既存の業者")
    my_call = calls.log_call(
        vendor_id=mine.id, decisions=["既存の決定"], follow_ups=[FollowUp("既存の依頼")]
    )

    summary = import_text(exported, as_new=True)

    assert not summary.kept_ids
    assert vendors.get_vendor(mine.id).name == "既存の業者"
    assert calls.get_call(my_call.id).decisions == ("既存の決定",)
    assert requests.get_request(my_call.follow_ups[0].id).subject == "既存の依頼"
    imported = calls.get_call(my_call.id + 1)
    assert (imported.vendor_name, imported.contact_name) == ("NTT東日本", "山田 太郎")
    assert imported.decisions == ("12/4 までに見積", TRICKY)
    assert calls.get_call(my_call.id + 2).vendor_name == TRICKY
    asked, follow_up = requests.get_request(2), requests.get_request(3)
    assert (asked.subject, asked.vendor_name, asked.due) == (
        "台数の確認",
        "NTT東日本",
        date(2026, 12, 4),
    )
    assert [event.kind for event in requests.request_history(asked.id)] == [
        "created",
        "status_changed",
        "due_changed",
    ]
    assert (follow_up.subject, follow_up.call_id) == ("見積書の送付", imported.id)


def test_importing_the_same_export_twice_changes_nothing_and_says_so(filled):
    exported = export_ledger("toml")
    summary = import_text(exported)
    assert export_ledger("toml") == exported
    rows = sum(len(rows) for rows in tomllib.loads(exported).values() if isinstance(rows, list))
    assert (summary.added, summary.already_there) == (0, rows)
    assert str(summary) == f"nothing new: all {rows} rows are already in the ledger"


def test_rows_the_ledger_lacks_are_added_beside_those_it_has(filled):
    document = tomllib.loads(export_ledger("toml"))
    vendors.create_vendor("後から追加")
    document["vendors"].append(dict(document["vendors"][1], id=4, name="取り込む業者"))
    new_contact = dict(document["contacts"][0], id=2, name="新しい担当", is_primary=False)
    document["contacts"].append(new_contact)
    summary = import_text(tomli_w.dumps(document))
    assert (summary.vendors, summary.contacts, summary.calls) == (1, 1, 0)
    assert str(summary).endswith(f"; {summary.already_there} rows already there")
    assert [vendor.name for vendor in map(vendors.get_vendor, (3, 4))] == [
        "後から追加",
        "取り込む業者",
    ]
    assert (vendors.get_contact(2).name, vendors.get_contact(2).vendor_id) == ("新しい担当", 1)


@pytest.mark.parametrize("table, key", [("vendors", "notes"), ("calls", "decisions")])
def test_a_row_changed_since_the_export_is_refused_by_name(filled, table, key):
    before = export_ledger("toml")
    document = tomllib.loads(before)
    document[table][-1][key] = ["変更"] if key == "decisions" else "変更"
    with pytest.raises(InputError) as caught:
        import_text(tomli_w.dumps(document))
    assert str(caught.value) == (
        f"{table} id 2: the ledger has another row with this id"
        " (--as-new adds the rows as new ones)"
    )
    assert export_ledger("toml") == before


def test_as_new_adds_copies_with_their_references(filled):
    exported = export_ledger("toml")
    summary = import_text(exported, as_new=True)
    document = tomllib.loads(export_ledger("toml"))
    assert len(document["vendors"]) == 2 * summary.vendors
    assert len(document["request_events"]) == 2 * summary.request_events
    assert sum(len(call["decisions"]) for call in document["calls"]) == 2 * summary.decisions
    copy = calls.get_call(3)
    assert (copy.vendor_id, copy.contact_id, copy.decisions) == (3, 2, ("12/4 までに見積", TRICKY))


def test_as_new_copies_contracts_with_their_history_and_reminders(filled):
    exported = export_ledger("toml")
    summary = import_text(exported, as_new=True)
    assert str(summary) == (
        "2 vendors, 1 contacts, 2 calls with 2 decisions, 3 requests, 5 history events,"
        " 2 contracts with 5 history events and 1 reminders"
    )
    copy = get_contract(3)
    assert (copy.vendor_id, copy.title, copy.term_no, copy.notes) == (3, "複合機保守契約", 2, NOTES)
    assert [event.kind for event in contract_history(copy.id)] == ["created", "reminder", "renewed"]
    (reminder,) = ContractReminder.select().where(ContractReminder.contract == copy.id)
    assert (reminder.request_id, reminder.term_no, reminder.lead_days) == (6, 2, 90)


def test_a_reminder_fired_twice_for_one_term_is_refused(filled):
    before = export_ledger("toml")
    document = tomllib.loads(before)
    document["contract_reminders"].append(dict(document["contract_reminders"][0], id=2))
    message = "contract_reminders id 2: another reminder has the same contract, term and lead time"
    with pytest.raises(InputError, match=f"^{message}$"):
        import_text(tomli_w.dumps(document))
    assert export_ledger("toml") == before


def _one_of_each() -> tuple[int, int, int, int]:
    """The ids of a vendor, contact, call and request made now, with a decision and a note."""
    vendor = vendors.create_vendor("取り込み後の業者")
    contact = vendors.create_contact(vendor.id, "後の担当")
    call = calls.log_call(
        vendor_id=vendor.id, decisions=["後の決定"], follow_ups=[FollowUp("後の依頼")]
    )
    requests.add_request_note(call.follow_ups[0].id, "後のメモ")
    return vendor.id, contact.id, call.id, call.follow_ups[0].id


def test_rows_made_after_an_import_get_ids_of_their_own(filled):
    """PostgreSQL's id sequences do not follow ids written by an import: the import moves
    them on, as SQLite does by itself."""
    exported = export_ledger("toml")
    Vendor.delete().execute()  # everything else goes with its vendor
    import_text(exported)
    assert _one_of_each() == (3, 2, 3, 4)
    import_text(exported, as_new=True)
    assert _one_of_each() == (6, 4, 6, 8)


def test_a_json_export_imports_into_an_empty_ledger_and_round_trips(filled, tmp_path):
    toml_export, json_export = export_ledger("toml"), export_ledger("json")
    path = tmp_path / "ledger.json"
    path.write_text(json_export, encoding="utf-8")
    open_ledger(tmp_path / "copy.db")
    assert import_file(path).kept_ids
    assert (export_ledger("json"), export_ledger("toml")) == (json_export, toml_export)
    open_ledger(tmp_path / "again.db")
    assert import_text(json_export).vendors == 2  # known by its content, whatever its name
    assert export_ledger("json") == json_export


def test_a_broken_json_file_is_called_json(ledger, tmp_path):
    path = tmp_path / "ledger.json"
    path.write_text('{"format": "daicho",', encoding="utf-8")
    with pytest.raises(InputError, match=r"^Not valid JSON: ") as caught:
        import_file(path)
    assert "TOML" not in str(caught.value)


_LEFT_OUT = object()


@pytest.mark.parametrize(
    "table, index, key, value, message",
    [
        ("requests", 0, "status", "pending", "requests id 1: status must be one of open, answered"),
        (
            "calls",
            0,
            "contact_id",
            99,
            "calls id 1: contact_id 99 is not the id of a row in contacts",
        ),
        (None, None, "schema_version", LATEST_VERSION + 1, "newer Daicho \\(schema"),
        (None, None, "format", _LEFT_OUT, 'Not a Daicho export: it needs format = "daicho"'),
        (None, None, "drafts", [{"id": 1}], "Unknown table drafts"),
        (None, None, "vendors", 3, r"vendors must be an array of tables \[\[vendors\]\]"),
        ("vendors", 0, "name", _LEFT_OUT, "vendors id 1: name is missing"),
        ("contacts", 0, "name", " \t ", "contacts id 1: name cannot be empty"),
        ("calls", 0, "duration_s", "5 min", "calls id 1: duration_s must be a whole number of 0"),
        (
            "calls",
            0,
            "started_at",
            datetime(2026, 11, 20),
            "started_at must be a date and time with a time zone",
        ),
        ("vendors", 1, "id", 1, "vendors id 1: another row has the same id"),
        ("vendors", 0, "id", "one", "vendors entry 1: id must be a positive whole number"),
        # What PostgreSQL's INTEGER holds, so that every ledger can be copied to either engine.
        ("request_events", -1, "id", 2**31, f"id {2**31}: id must be at most {2**31 - 1}"),
        ("calls", 0, "duration_s", 2**31, f"calls id 1: duration_s must be at most {2**31 - 1}"),
        ("vendors", 0, "fax", "03-0000-0000", "vendors id 1: unknown field fax"),
        ("calls", 0, "decisions", ["ok", 3], "calls id 1: decisions must be a list of text"),
        ("calls", 1, "contact_id", 1, "calls id 2: The contact does not work at this vendor"),
        ("request_events", -1, "kind", "deleted", "request_events id 5: kind must be one of"),
        (
            "contracts",
            0,
            "notice_months",
            13,
            "^contracts id 1: The notice period is longer than the term$",
        ),
        ("contracts", 0, "term_months", 0, "^contracts id 1: The term must end after it starts$"),
        ("contracts", 0, "cost", "12,000円", "^contracts id 1: cost must be a whole number of 0"),
        (
            "contracts",
            0,
            "vendor_id",
            9,
            "^contracts id 1: vendor_id 9 is not the id of a row in vendors$",
        ),
        ("contracts", 0, "renewal", "yearly", "^contracts id 1: renewal must be one of auto"),
        ("contracts", 1, "notice_months", 1, "^contracts id 2: A notice period is in months or"),
        ("contracts", 1, "reminder_days", "soon", "^contracts id 2: Reminder days are numbers"),
        ("contracts", 1, "title", "", "^contracts id 2: title cannot be empty$"),
        ("contract_events", 0, "kind", "deleted", "^contract_events id 1: kind must be one of"),
        (
            "contract_reminders",
            0,
            "request_id",
            99,
            "^contract_reminders id 1: request_id 99 is not the id of a row in requests$",
        ),
    ],
)
def test_a_bad_import_says_where_and_imports_nothing(filled, table, index, key, value, message):
    before = export_ledger("toml")
    document = tomllib.loads(before)
    damaged = document[table][index] if table else document
    if value is _LEFT_OUT:
        del damaged[key]
    else:
        damaged[key] = value
    with pytest.raises(InputError, match=message) as caught:
        import_text(tomli_w.dumps(document))
    assert "\n" not in str(caught.value)
    assert export_ledger("toml") == before


def test_a_toml_syntax_error_names_the_line(filled):
    before = export_ledger("toml")
    broken = before.replace('category = "telecom"', "category = telecom")
    line = broken.splitlines().index("category = telecom") + 1
    with pytest.raises(InputError, match=f"Not valid TOML: .*line {line}"):
        import_text(broken)
    assert export_ledger("toml") == before


def test_import_file_reads_an_export_written_with_output(filled, tmp_path):
    path = tmp_path / "ledger.toml"
    assert export_ledger("toml", path) is None
    exported = path.read_text(encoding="utf-8")
    open_ledger(tmp_path / "copy.db")
    assert import_file(path).vendors == 2
    assert export_ledger("toml") == exported


@pytest.mark.parametrize(
    "content, reason",
    [(b"\xff\xfe n\x00a\x00m\x00e\x00", "it is not UTF-8 text"), (None, "No such file")],
)
def test_an_unreadable_file_is_refused_in_one_line(ledger, tmp_path, content, reason):
    path = tmp_path / "export.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=f"Cannot read .*export.toml: {reason}"):
        import_file(path)


def test_the_json_export_has_the_toml_structure_with_nulls(filled):
    toml_document = tomllib.loads(export_ledger("toml"))
    json_document = json.loads(export_ledger("json"))
    assert list(json_document) == list(toml_document)
    for table, rows in toml_document.items():
        if isinstance(rows, list):
            as_json = json_document[table]
            assert [row["id"] for row in as_json] == [row["id"] for row in rows]
            assert [[k for k, v in row.items() if v is not None] for row in as_json] == [
                list(row) for row in rows
            ]
    second_call = json_document["calls"][1]
    assert second_call["contact_id"] is None
    first_call = json_document["calls"][0]
    assert first_call["started_at"] == "2026-11-20T01:02:03.456789+00:00"
    assert first_call["decisions"][1] == TRICKY
    assert json_document["requests"][0]["due"] == "2026-12-04"
    assert json_document["requests"][0]["internal_notes"] == NOTES
    assert first_call["internal_notes"] == NOTES


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_the_csv_export_is_one_file_per_table_that_excel_reads_as_utf8(filled, tmp_path):
    directory = tmp_path / "csv"
    assert export_ledger("csv", directory) is None
    names = {"vendors", "contacts", "calls", "decisions", "requests", "request_events"}
    names |= {"contracts", "contract_events", "contract_reminders"}
    assert {path.name for path in directory.iterdir()} == {f"{name}.csv" for name in names}
    for name in names:
        assert (directory / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    ntt, walk_in = _read_csv(directory / "vendors.csv")
    assert (ntt["name"], ntt["notes"], ntt["tags"]) == ("NTT東日本", NOTES, "回線 vpn")
    assert walk_in["name"] == TRICKY
    assert [row["text"] for row in _read_csv(directory / "decisions.csv")] == [
        "12/4 までに見積",
        TRICKY,
    ]
    first_call, second_call = _read_csv(directory / "calls.csv")
    assert (first_call["started_at"], second_call["contact_id"]) == (
        "2026-11-20T01:02:03.456789+00:00",
        "",
    )
    assert _read_csv(directory / "contacts.csv")[0]["is_primary"] == "true"
    assert first_call["internal_notes"] == NOTES and "notes" not in first_call
    asked = _read_csv(directory / "requests.csv")[0]
    assert (asked["body"], asked["internal_notes"]) == ("PC の台数をご回答ください", NOTES)
    copier, line = _read_csv(directory / "contracts.csv")
    assert list(copier)[:6] == ["id", "vendor_id", "title", "kind", "number", "start"]
    assert (copier["vendor_id"], copier["start"], copier["term_no"]) == ("1", "2026-04-01", "2")
    assert (copier["notice_months"], copier["notice_days"], copier["cost"]) == ("3", "", "12000")
    assert (copier["tax_included"], copier["reminder_days"], copier["notes"]) == (
        "true",
        "90 30 7",
        NOTES,
    )
    assert (line["title"], line["status"], line["notice_given"]) == (
        TRICKY,
        "cancelled",
        "2026-02-10",
    )
    kinds = [event["kind"] for event in _read_csv(directory / "contract_events.csv")]
    assert kinds == ["created", "reminder", "renewed", "created", "cancelled"]
    (reminder,) = _read_csv(directory / "contract_reminders.csv")
    assert (reminder["contract_id"], reminder["request_id"], reminder["lead_days"]) == (
        "1",
        "3",
        "90",
    )


def test_a_csv_export_needs_a_directory(filled):
    with pytest.raises(InputError, match="directory"):
        export_ledger("csv")


def test_an_unknown_format_is_refused(filled):
    with pytest.raises(InputError, match="must be one of toml, csv, json"):
        export_ledger("xml")


def test_export_files_are_private_even_over_an_existing_readable_file(filled, tmp_path):
    already = {p.name for p in tmp_path.iterdir()}
    path = tmp_path / "ledger.toml"
    path.write_text("old")
    path.chmod(0o644)
    export_ledger("toml", path)
    assert _mode(path) == 0o600
    assert path.read_text(encoding="utf-8").startswith('format = "daicho"')
    directory = tmp_path / "csv"
    export_ledger("csv", directory)
    assert _mode(directory) == 0o700
    assert {_mode(file) for file in directory.iterdir()} == {0o600}
    assert {p.name for p in tmp_path.iterdir()} == already | {"csv", "ledger.toml"}


def test_a_failed_export_says_why_in_one_line(filled, tmp_path):
    with pytest.raises(InputError, match=r"Cannot write .*: No such file or directory"):
        export_ledger("json", tmp_path / "missing" / "ledger.json")


@pytest.mark.sqlite_only  # a shared ledger is no file
def test_an_export_never_writes_over_the_open_ledger(filled):
    before = filled.read_bytes()
    with pytest.raises(InputError, match="is the open ledger"):
        export_ledger("toml", filled)
    assert filled.read_bytes() == before
