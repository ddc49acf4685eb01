"""Generated sample ledgers: the demo looks alive on every screen (the day's list and the
vendors' answer times included), the same seed gives the same ledger, and the large size's
code path makes exactly the counts it is asked for."""

import re
import sqlite3
import subprocess
import sys
import time as time_module
from collections import Counter, defaultdict
from contextlib import closing
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from conftest import TODAY
from peewee import fn

from daicho.cli import main
from daicho.data.answer_times import ENOUGH_ANSWERS, answer_times
from daicho.data.calls import log_call
from daicho.data.contracts.store import contract_history, dates_on, list_contracts
from daicho.data.dates import clock
from daicho.data.errors import InputError
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.models import (
    LEDGER_MODELS,
    Call,
    Contact,
    Contract,
    ContractEvent,
    ContractReminder,
    Decision,
    Request,
    RequestEvent,
    Vendor,
)
from daicho.data.records import (
    CALL_CHANNELS,
    CALL_DIRECTIONS,
    CONTRACT_KINDS,
    CONTRACT_RENEWALS,
    REQUEST_DIRECTIONS,
    REQUEST_PRIORITIES,
    REQUEST_STATUSES,
    VENDOR_CATEGORIES,
    VENDOR_STATUSES,
    FollowUp,
)
from daicho.data.requests import add_request_note, get_request
from daicho.data.seed.generate import SIZES, SeedSize, seed_ledger
from daicho.data.text import clean_block, clean_line
from daicho.data.today import REASONS, today_list
from daicho.data.vendors import create_contact, create_vendor

pytestmark = pytest.mark.both_engines

HIRAGANA_READING = re.compile(r"^[\u3041-\u309f\u30fc ]+$")


@pytest.fixture
def demo(ledger):
    """The open ledger, filled with the demo size."""
    return seed_ledger("demo")


def _values(field) -> set:
    return {row[0] for row in field.model.select(field).distinct().tuples()}


def _due_band(request: Request) -> str:
    if request.due is None:
        return "none"
    days = (request.due - TODAY).days
    if days < 0:
        return "overdue"
    return "today" if days == 0 else "within 3 days" if days <= 3 else "later"


def _start_of_today() -> datetime:
    """The stored (UTC) time of the test's today starting, local midnight."""
    return clock.to_utc(datetime.combine(TODAY, time()))


def _tables(path) -> dict[str, list[tuple]]:
    """Every ledger table's rows, in id order, as SQLite holds them."""
    with closing(sqlite3.connect(path)) as db:
        return {
            model._meta.table_name: db.execute(
                f'SELECT * FROM "{model._meta.table_name}" ORDER BY id'
            ).fetchall()
            for model in LEDGER_MODELS
        }


def test_the_demo_has_vendors_of_every_category_and_status(demo):
    assert _values(Vendor.category) == set(VENDOR_CATEGORIES)
    assert _values(Vendor.status) == set(VENDOR_STATUSES)
    assert Vendor.select().where(Vendor.status == "active").count() > demo.vendors / 2


def test_rows_made_after_the_demo_get_ids_of_their_own(demo):
    """The seed writes its own ids; PostgreSQL's sequences are moved on past them."""
    vendor = create_vendor("あとから追加")
    assert vendor.id == demo.vendors + 1
    assert create_contact(vendor.id, "担当").id == demo.contacts + 1
    call = log_call(vendor_id=vendor.id, decisions=["決定"], follow_ups=[FollowUp("依頼")])
    assert (call.id, call.follow_ups[0].id) == (demo.calls + 1, demo.requests + 1)
    add_request_note(call.follow_ups[0].id, "メモ")


def test_demo_vendors_read_like_japanese_and_english_companies(demo):
    vendors = list(Vendor.select())
    japanese = [v for v in vendors if not v.name.isascii()]
    english = [v for v in vendors if v.name.isascii()]
    assert japanese and english
    assert all(HIRAGANA_READING.match(v.reading) for v in japanese)
    assert any("株式会社" in v.name for v in japanese)
    assert all(v.phone and v.website.startswith("https://") and v.tags for v in vendors)


def test_every_vendor_has_exactly_one_primary_contact(demo):
    primaries = (
        Contact.select(Contact.vendor, fn.COUNT(Contact.id))
        .where(Contact.is_primary)
        .group_by(Contact.vendor)
        .tuples()
    )
    assert sorted(vendor for vendor, count in primaries if count == 1) == list(
        range(1, demo.vendors + 1)
    )
    contacts = list(Contact.select())
    assert all(c.email and c.role and c.department for c in contacts)
    assert any(c.mobile for c in contacts)
    assert any(HIRAGANA_READING.match(c.reading) for c in contacts)


def test_demo_requests_go_both_ways_in_every_status_and_priority(demo):
    assert _values(Request.direction) == set(REQUEST_DIRECTIONS)
    assert _values(Request.status) == set(REQUEST_STATUSES)
    assert _values(Request.priority) == set(REQUEST_PRIORITIES)
    president = Request.select().where(Request.subject.contains("社長オーダー"))
    assert president.count() >= 1
    assert all(request.priority == "urgent" for request in president)
    assert all(r.answer for r in Request.select().where(Request.status == "answered"))


def test_demo_requests_keep_the_desks_own_remarks_in_their_memo(demo):
    """What is asked may go to the vendor; the president's order and the desk's reminders to
    itself stay inside."""
    president = Request.select().where(Request.subject.contains("社長オーダー"))
    assert all(r.internal_notes.startswith("社長オーダー。") for r in president)
    bodies = _values(Request.body)
    assert any(bodies) and any(_values(Request.internal_notes) - {""})
    assert not any("社長" in body or "確認すること" in body for body in bodies)
    memos = " ".join(_values(Request.internal_notes))
    assert "確認すること" in memos


def test_open_demo_requests_fall_in_every_due_band_relative_to_today(demo):
    open_requests = Request.select().where(Request.status == "open")
    bands = {_due_band(request) for request in open_requests}
    assert bands == {"overdue", "today", "within 3 days", "later", "none"}


def test_demo_calls_use_every_channel_both_ways_with_decisions_and_follow_ups(demo):
    assert _values(Call.channel) == set(CALL_CHANNELS)
    assert _values(Call.direction) == set(CALL_DIRECTIONS)
    decisions_per_call = Decision.select(fn.COUNT(Decision.id)).group_by(Decision.call).tuples()
    assert {count for (count,) in decisions_per_call} <= {1, 2, 3, 4}
    assert demo.decisions > 0
    follow_ups = list(Request.select().where(Request.call.is_null(False)))
    assert follow_ups
    for request in follow_ups:
        assert (request.vendor_id, request.created_at) == (
            request.call.vendor_id,
            request.call.created_at,
        )


def test_every_request_has_a_history_that_ends_in_its_status(demo):
    for request in Request.select():
        events = list(request.events.order_by(RequestEvent.id))
        assert events[0].kind == "created"
        assert events[0].at == request.created_at
        assert [e.at for e in events] == sorted(e.at for e in events)
        assert events[-1].at == request.updated_at
        changes = [e for e in events if e.kind == "status_changed"]
        assert bool(changes) == (request.status != "open")
        if changes:
            assert changes[-1].new_value == request.status
    kinds = _values(RequestEvent.kind)
    assert {"created", "status_changed", "due_changed", "note_added", "chase"} <= kinds
    assert {"next_chase_changed", "snoozed"} <= kinds


def test_the_demo_chases_only_what_it_waits_on_and_only_while_it_waits(demo):
    chases = list(RequestEvent.select().where(RequestEvent.kind == "chase"))
    assert len(chases) >= 10
    assert {chase.new_value for chase in chases} <= set(CALL_CHANNELS)
    assert len({chase.new_value for chase in chases}) >= 2
    assert any(chase.note for chase in chases) and any(not chase.note for chase in chases)
    for chase in chases:
        request = chase.request
        assert request.direction == "outbound"
        assert chase.at > request.created_at
        answered = request.events.where(RequestEvent.kind == "status_changed").first()
        assert answered is None or chase.at < answered.at
    record = get_request(chases[0].request_id)
    assert record.times_chased >= 1 and record.last_chased is not None


def test_demo_next_chase_dates_and_snoozes_are_set_in_their_history(demo):
    """Each date on a request is the one its latest event of that kind set; some next chase
    dates have come and some have not, some snoozes are over and some hide their item."""
    for field, kind in (
        (Request.next_chase, "next_chase_changed"),
        (Request.snoozed_until, "snoozed"),
    ):
        dated = list(Request.select().where(field.is_null(False)))
        assert dated, kind
        for request in dated:
            assert request.status == "open" and request.direction == "outbound"
            event = request.events.where(RequestEvent.kind == kind).order_by(RequestEvent.id.desc())
            assert event.first().new_value == getattr(request, field.name).isoformat()
    next_chases = _values(Request.next_chase) - {None}
    assert min(next_chases) <= TODAY < max(next_chases)
    hidden = [r.id for r in Request.select().where(Request.snoozed_until > TODAY)]
    assert hidden
    assert not {item.id for item in today_list(TODAY)} & set(hidden)


def test_the_demos_day_list_has_a_few_items_for_every_reason(demo):
    reasons = Counter(item.reason for item in today_list(TODAY))
    assert set(reasons) == set(REASONS)
    assert min(reasons.values()) >= 2, reasons


def test_demo_vendors_answer_some_fast_some_slow_with_enough_answers_to_tell(demo):
    known = [time for time in answer_times(TODAY).values() if time.answers >= ENOUGH_ANSWERS]
    assert any(time.median_days <= 2 for time in known)
    assert any(time.median_days >= 8 for time in known)


def test_demo_text_is_clean_and_nothing_happens_after_yesterday(demo):
    lines = [Vendor.name, Vendor.reading, Contact.name, Call.subject, Request.subject]
    blocks = [Vendor.notes, Call.internal_notes, Request.body, Request.internal_notes]
    blocks += [Request.answer, Decision.text]
    for field in lines:
        assert all(clean_line(value) == value for value in _values(field))
    for field in blocks:
        assert all(clean_block(value) == value for value in _values(field))
    for field in (Vendor.created_at, Call.started_at, Call.created_at, RequestEvent.at):
        assert max(_values(field)) < _start_of_today()
    assert min(_values(Call.started_at)) < _start_of_today() - timedelta(days=365)


def test_the_demo_keeps_the_contracts_a_desk_has_one_decision_due_within_the_month(demo):
    contracts = list_contracts()
    assert len(contracts) == 8
    assert {contract.kind for contract in contracts} == set(CONTRACT_KINDS)
    assert {contract.renewal for contract in contracts} == set(CONTRACT_RENEWALS)
    titles = {contract.title for contract in contracts}
    assert {"Microsoft 365 Business Standard"} <= titles
    assert titles & {"複合機保守契約", "Copier maintenance"}
    decisions = [dates_on(contract, TODAY).decision_date for contract in contracts]
    assert any(0 < (day - TODAY).days <= 30 for day in decisions)
    histories = {contract.id: contract_history(contract.id) for contract in contracts}
    assert all(events[0].kind == "created" for events in histories.values())
    (renewed,) = [c for c in contracts if any(e.kind == "renewed" for e in histories[c.id])]
    assert renewed.term_no == 2
    (cancelled,) = [contract for contract in contracts if contract.status == "cancelled"]
    assert cancelled.notice_given < TODAY
    assert [event.kind for event in histories[cancelled.id]] == ["created", "cancelled"]
    assert len({contract.vendor_id for contract in contracts}) == 8


def test_demo_contracts_happened_before_today_after_their_vendor_and_fired_nothing(demo):
    assert max(_values(Contract.created_at)) < _start_of_today()
    assert max(_values(ContractEvent.at)) < _start_of_today()
    for contract in Contract.select(Contract, Vendor).join(Vendor):
        assert contract.vendor.created_at < contract.created_at
        assert contract.vendor.status == "active"
    assert ContractReminder.select().count() == 0


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and kanji
FULL_WIDTH = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _written_by_vendor(labels: bool) -> dict[str, list[str]]:
    """Vendor name to the sentences the desk wrote about it: vendor and contact notes, call
    subjects, memo lines and decisions, request subjects, bodies, memos, answers and history
    notes; with `labels`, tags, roles and departments too. Names (of vendors, people) are
    left out, empty texts too."""
    texts = defaultdict(list)
    for vendor in Vendor.select():
        texts[vendor.name] += [vendor.notes, *(vendor.tags.split() if labels else ())]
        for contact in vendor.contacts:
            texts[vendor.name] += [contact.notes]
            texts[vendor.name] += [contact.role, contact.department] if labels else []
        for call in vendor.calls:
            texts[vendor.name] += [call.subject, *call.internal_notes.splitlines()]
            texts[vendor.name] += [decision.text for decision in call.decisions]
        for request in vendor.requests:
            texts[vendor.name] += [request.subject, request.body, request.answer]
            texts[vendor.name] += [request.internal_notes]
            texts[vendor.name] += [event.note for event in request.events]
    return {name: [text for text in values if text] for name, values in texts.items()}


def test_a_japanese_demo_writes_about_japanese_vendors_in_japanese(ledger):
    """A sentence about a Japanese vendor in English is one with letters but no kana or kanji;
    English words inside Japanese (VPN, Windows Update) are how Japanese is written, and so
    are labels such as the tag `LAN` or the role `SE`."""
    seed_ledger("demo", language="ja")
    texts = _written_by_vendor(labels=False)
    japanese = [name for name in texts if JAPANESE.search(name)]
    assert len(japanese) >= 15 and len(texts) > len(japanese)  # foreign vendors too
    english = [text for name in japanese for text in texts[name] if not JAPANESE.search(text)]
    assert [text for text in english if re.search("[A-Za-z]", text)] == []


def test_an_english_demo_is_written_in_english(ledger):
    seed_ledger("demo", language="en")
    texts = _written_by_vendor(labels=True)
    assert any(JAPANESE.search(name) for name in texts)  # Japanese companies keep their names
    written = [text for values in texts.values() for text in values]
    assert len(written) > 500
    assert [text for text in written if FULL_WIDTH.search(text)] == []


def test_daicho_seed_writes_the_demo_in_the_configured_language(ledger_path, tmp_path):
    (tmp_path / "config.toml").write_text('language = "ja"\n')
    assert main(["seed", "--db", str(ledger_path)]) == 0
    open_ledger(ledger_path)
    try:
        japanese_vendors = Call.select(Call.subject).join(Vendor).where(Vendor.reading != "")
        subjects = [call.subject for call in japanese_vendors]
        assert subjects and [s for s in subjects if not JAPANESE.search(s)] == []
    finally:
        close_ledger()


def test_the_same_size_seed_and_day_give_the_same_ledger(tmp_path):
    first, second, other = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    for path, options in ((first, {}), (second, {"today": TODAY}), (other, {"seed": 2})):
        open_ledger(path)
        seed_ledger("demo", **options)  # no `today`: the clock's, frozen to TODAY in tests
        close_ledger()
    assert _tables(first) == _tables(second)
    assert _tables(first)["call"] != _tables(other)["call"]


def test_a_ledger_that_holds_a_vendor_is_refused(ledger):
    create_vendor("株式会社青葉通信")
    with pytest.raises(InputError, match="already holds vendors"):
        seed_ledger("demo")
    assert Vendor.select().count() == 1
    assert Call.select().count() == 0


def test_an_unknown_size_is_refused(ledger):
    with pytest.raises(InputError, match=r"enormous.*demo, large, huge"):
        seed_ledger("enormous")
    assert Vendor.select().count() == 0


def test_the_large_sizes_are_the_benchmarks_ledger():
    large = SIZES["large"]
    assert (large.vendors, large.contacts, large.requests, large.open_requests, large.calls) == (
        2_000,
        6_000,
        20_000,
        1_500,
        100_000,
    )
    assert (large.years, large.note_length, large.contracts) == (10, 300, 2_000)
    assert SIZES["huge"] == replace(large, calls=1_000_000)


def test_the_large_sizes_code_path_makes_exactly_the_counts_asked_for(ledger):
    size = replace(
        SIZES["large"],
        vendors=60,
        contacts=180,
        requests=600,
        open_requests=45,
        calls=1_000,
        contracts=60,
    )
    summary = seed_ledger(size)
    assert (summary.vendors, summary.contacts, summary.requests, summary.calls) == (
        60,
        180,
        600,
        1_000,
    )
    assert Request.select().where(Request.status == "open").count() == 45
    assert str(summary).startswith("60 vendors, 180 contacts, 1000 calls with ")
    notes = [note for (note,) in Call.select(Call.internal_notes).tuples()]
    assert 270 < sum(map(len, notes)) / len(notes) < 330
    assert any(note.isascii() for note in notes) and any(not n.isascii() for n in notes)
    assert min(_values(Call.started_at)) < _start_of_today() - timedelta(days=9 * 365)
    kinds = Counter(kind for (kind,) in RequestEvent.select(RequestEvent.kind).tuples())
    assert kinds["chase"] > 30 and kinds["next_chase_changed"] and kinds["snoozed"]
    assert len([time for time in answer_times(TODAY).values() if time.answers >= 3]) >= 3
    assert summary.contracts == 60 == Contract.select().count()
    per_vendor = Counter(vendor for (vendor,) in Contract.select(Contract.vendor).tuples())
    assert max(per_vendor.values()) <= 2 and len(per_vendor) >= 50
    assert {contract.kind for contract in list_contracts()} == set(CONTRACT_KINDS)
    assert ContractEvent.select().where(ContractEvent.kind == "created").count() == 60


def test_a_tiny_size_with_more_requests_than_calls_still_gets_exact_counts(ledger):
    summary = seed_ledger(
        SeedSize(vendors=8, contacts=5, requests=30, open_requests=30, calls=3, years=1)
    )
    assert (summary.vendors, summary.contacts, summary.requests, summary.calls) == (8, 5, 30, 3)
    assert summary.open_requests == 30
    assert Request.select().where(Request.call.is_null(False)).count() <= 3


def test_a_size_with_more_open_requests_than_requests_cannot_be_made():
    with pytest.raises(ValueError):
        SeedSize(vendors=1, contacts=1, requests=2, open_requests=3, calls=1)


def test_a_seed_killed_midway_leaves_an_index_that_is_rebuilt_at_the_next_open(tmp_path):
    ledger = tmp_path / "large.db"
    seeding = subprocess.Popen(
        [sys.executable, "-m", "daicho.cli", "seed", "--size", "large", "--db", str(ledger)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        vendor = _once_calls_are_written(ledger, seeding)
    finally:
        seeding.kill()  # SIGKILL: nothing of the seed's own runs after this
        seeding.wait()
    searched = subprocess.run(
        [sys.executable, "-m", "daicho.cli", "--db", str(ledger), "search", vendor],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert searched.returncode == 0, searched.stderr
    assert "Building the search index" in searched.stderr
    assert vendor in searched.stdout


def _once_calls_are_written(ledger, seeding):
    """A vendor's name, as soon as the seed has committed its first month of calls."""
    deadline = time_module.monotonic() + 120
    while seeding.poll() is None and time_module.monotonic() < deadline:
        try:
            with closing(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)) as connection:
                if connection.execute("SELECT 1 FROM call LIMIT 1").fetchone():
                    return connection.execute("SELECT name FROM vendor LIMIT 1").fetchone()[0]
        except sqlite3.OperationalError:
            pass  # the ledger or its tables are not there yet
        time_module.sleep(0.05)
    raise AssertionError("the seed wrote no call")
