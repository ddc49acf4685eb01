"""The service API screens call: vendors, contacts, requests with history, calls, the queue."""

from datetime import date, datetime, timedelta

import pytest
from conftest import TODAY

from daicho.data import calls, queue, requests, vendors
from daicho.data.errors import InputError, NotFound
from daicho.data.models import Call, Decision, Request, RequestEvent, Vendor, database
from daicho.data.records import FollowUp
from daicho.data.timeline import vendor_timeline

pytestmark = pytest.mark.both_engines


def test_a_vendor_needs_only_a_name(ledger):
    vendor = vendors.create_vendor("  株式会社テスト通信  ")
    assert vendor.name == "株式会社テスト通信"
    assert (vendor.category, vendor.status) == ("other", "active")


def test_an_empty_vendor_name_is_refused_with_a_message(ledger):
    with pytest.raises(InputError, match="Vendor name cannot be empty"):
        vendors.create_vendor("   ")
    assert Vendor.select().count() == 0


def test_an_unknown_category_names_the_allowed_ones(ledger):
    with pytest.raises(InputError, match="hardware, telecom"):
        vendors.create_vendor("X", category="food")


def test_control_characters_are_stripped_and_markup_kept_literally(ledger):
    vendor = vendors.create_vendor("[bold]ACME\x1b[31m\x07", notes="a\r\nb\x00c")
    assert vendor.name == "[bold]ACME[31m"
    assert vendor.notes == "a\nbc"


def test_editing_a_vendor_keeps_what_was_not_changed(ledger):
    vendor = vendors.create_vendor("A", phone="03-1234-5678", tags="vpn, 回線 vpn")
    edited = vendors.update_vendor(vendor.id, category="telecom")
    assert edited.phone == "03-1234-5678"
    assert edited.tags == ("vpn", "回線")
    assert edited.category == "telecom"


def test_one_primary_contact_per_vendor(ledger):
    vendor = vendors.create_vendor("A")
    first = vendors.create_contact(vendor.id, "山田", is_primary=True)
    second = vendors.create_contact(vendor.id, "佐藤", is_primary=True)
    contacts = vendors.list_contacts(vendor.id)
    assert [c.id for c in contacts] == [second.id, first.id]
    assert [c.is_primary for c in contacts] == [True, False]


def test_the_vendor_list_counts_open_and_overdue_and_hides_prospects(ledger):
    acme = vendors.create_vendor("ACME", reading="あくめ")
    vendors.create_vendor("Cold caller", status="prospect")
    requests.open_request(acme.id, "outbound", "late", due=TODAY - timedelta(days=1))
    requests.open_request(acme.id, "inbound", "later", due=TODAY + timedelta(days=5))
    done = requests.open_request(acme.id, "inbound", "done", due=TODAY - timedelta(days=9))
    requests.answer_request(done.id)
    rows = vendors.list_vendors()
    assert [(r.name, r.open_count, r.overdue_count) for r in rows] == [("ACME", 2, 1)]
    assert {r.name for r in vendors.list_vendors(include_hidden=True)} == {"ACME", "Cold caller"}


def test_the_vendor_list_filters_by_name_reading_and_contact(ledger):
    ntt = vendors.create_vendor("NTT東日本", reading="えぬてぃてぃ")
    vendors.create_contact(ntt.id, "山田 太郎")
    vendors.create_vendor("大塚商会", reading="おおつか")
    assert [r.name for r in vendors.list_vendors("東日本")] == ["NTT東日本"]
    assert [r.name for r in vendors.list_vendors("おおつか")] == ["大塚商会"]
    assert [r.name for r in vendors.list_vendors("山田")] == ["NTT東日本"]
    assert [r.name for r in vendors.list_vendors("ntt")] == ["NTT東日本"]
    assert vendors.list_vendors("100%") == []


def test_the_vendor_list_sorts_by_reading(ledger):
    for name, reading in [("渡辺商事", "わたなべ"), ("青木電気", "あおき"), ("Zeta", "")]:
        vendors.create_vendor(name, reading=reading)
    assert [r.name for r in vendors.list_vendors()] == ["Zeta", "青木電気", "渡辺商事"]


def test_every_request_change_writes_its_history(ledger):
    vendor = vendors.create_vendor("A")
    request = requests.open_request(vendor.id, "outbound", "見積依頼", due=date(2026, 11, 30))
    requests.redate_request(request.id, date(2026, 12, 4), note="先方都合")
    requests.add_request_note(request.id, "催促済み")
    answered = requests.answer_request(request.id, "12/10 納品")
    requests.close_request(request.id)
    assert answered.answer == "12/10 納品"
    history = requests.request_history(request.id)
    assert [(e.kind, e.old_value, e.new_value) for e in history] == [
        ("created", "", "open"),
        ("due_changed", "2026-11-30", "2026-12-04"),
        ("note_added", "", ""),
        ("status_changed", "open", "answered"),
        ("status_changed", "answered", "closed"),
    ]
    assert history[1].note == "先方都合"
    assert requests.get_request(request.id).status == "closed"


def test_the_history_cannot_be_edited(ledger):
    vendor = vendors.create_vendor("A")
    request = requests.open_request(vendor.id, "inbound", "台数確認")
    with pytest.raises(Exception, match="append-only"):
        RequestEvent.update(note="rewritten").where(RequestEvent.request == request.id).execute()


def test_answering_twice_is_refused_and_writes_no_event(ledger):
    vendor = vendors.create_vendor("A")
    request = requests.open_request(vendor.id, "outbound", "x")
    requests.answer_request(request.id)
    with pytest.raises(InputError, match="already answered"):
        requests.answer_request(request.id)
    assert len(requests.request_history(request.id)) == 2


def test_cancelling_and_reopening(ledger):
    vendor = vendors.create_vendor("A")
    request = requests.open_request(vendor.id, "outbound", "x")
    assert requests.cancel_request(request.id, "不要になった").status == "cancelled"
    assert requests.reopen_request(request.id).status == "open"


def test_a_request_for_a_missing_vendor_is_not_found(ledger):
    with pytest.raises(NotFound):
        requests.open_request(42, "outbound", "x")


def test_logging_a_call_with_two_decisions_and_a_follow_up(ledger):
    vendor = vendors.create_vendor("NTT東日本")
    contact = vendors.create_contact(vendor.id, "山田")
    started = datetime(2026, 11, 20, 1, 30)
    call = calls.log_call(
        vendor_id=vendor.id,
        contact_id=contact.id,
        direction="outgoing",
        channel="mobile",
        started_at=started,
        duration_s=312,
        subject="回線工事の日程",
        internal_notes="工事は午前中\n立会い必要",
        decisions=["12/3 10時に工事", "", "立会いは情シス"],
        follow_ups=[FollowUp("工事申込書の送付", direction="inbound", due=date(2026, 11, 25))],
    )
    assert call.decisions == ("12/3 10時に工事", "立会いは情シス")
    assert call.started_at == started
    (follow_up,) = call.follow_ups
    assert (follow_up.direction, follow_up.due, follow_up.call_id) == (
        "inbound",
        date(2026, 11, 25),
        call.id,
    )
    assert follow_up.contact_id == contact.id
    assert [r.subject for r in queue.open_queue(queue.QueueFilters()).rows] == ["工事申込書の送付"]


def test_control_characters_in_a_filter_or_a_name_are_left_out_of_the_lookup(ledger):
    """PostgreSQL refuses a NUL in text, either engine a lone surrogate: neither is sent."""
    towa = vendors.create_vendor("株式会社東和")
    for typed in ("東\x00和", "㈱東和\x00", "東和\ud800"):
        assert [row.id for row in vendors.list_vendors(typed)] == [towa.id], typed
    for typed in ("㈱東和\x00", "株式会社\ud800東和"):
        assert vendors.find_vendor(typed).id == towa.id, typed


def test_a_calls_duration_is_kept_within_what_either_engine_holds(ledger):
    vendor = vendors.create_vendor("A")
    durations = [calls.log_call(vendor_id=vendor.id, duration_s=s).duration_s for s in (-5, 2**40)]
    assert durations == [0, 2**31 - 1]  # PostgreSQL's INTEGER, the most a ledger holds


def test_a_call_from_an_unknown_vendor_creates_a_prospect(ledger):
    call = calls.log_call(vendor_name="飛び込み営業株式会社", subject="複合機の提案")
    vendor = vendors.get_vendor(call.vendor_id)
    assert (vendor.name, vendor.status) == ("飛び込み営業株式会社", "prospect")


def test_a_new_caller_becomes_a_contact_in_the_same_save(ledger):
    vendor = vendors.create_vendor("A")
    call = calls.log_call(vendor_id=vendor.id, contact_name="鈴木 一郎")
    assert call.contact_name == "鈴木 一郎"
    assert [c.name for c in vendors.list_contacts(vendor.id)] == ["鈴木 一郎"]


def test_a_call_is_saved_whole_or_not_at_all(ledger):
    with pytest.raises(InputError):
        calls.log_call(
            vendor_name="New vendor",
            subject="x",
            decisions=["a", "b"],
            follow_ups=[FollowUp("ok"), FollowUp("bad", direction="sideways")],
        )
    counts = [m.select().count() for m in (Vendor, Call, Decision, Request, RequestEvent)]
    assert counts == [0, 0, 0, 0, 0]


def test_a_contact_from_another_vendor_is_refused(ledger):
    a, b = vendors.create_vendor("A"), vendors.create_vendor("B")
    contact = vendors.create_contact(b.id, "someone")
    with pytest.raises(InputError, match="does not work at this vendor"):
        calls.log_call(vendor_id=a.id, contact_id=contact.id)


def test_calls_of_a_vendor_newest_first_in_pages(ledger):
    vendor = vendors.create_vendor("A")
    for hour in range(5):
        calls.log_call(
            vendor_id=vendor.id, subject=f"call {hour}", started_at=datetime(2026, 11, 1, hour)
        )
    first = vendor_timeline(vendor.id, limit=1)
    page = vendor_timeline(vendor.id, limit=2, before=first[-1])
    assert [entry.call.subject for entry in page] == ["call 3", "call 2"]


def _queue_fixture():
    a, b = vendors.create_vendor("A"), vendors.create_vendor("B")
    specs = [
        (a, "outbound", "no date", None, "normal"),
        (a, "inbound", "late", TODAY - timedelta(days=2), "normal"),
        (b, "outbound", "today", TODAY, "urgent"),
        (b, "inbound", "soon", TODAY + timedelta(days=2), "high"),
        (a, "outbound", "also today", TODAY, "normal"),
    ]
    for vendor, direction, subject, due, priority in specs:
        requests.open_request(vendor.id, direction, subject, due=due, priority=priority)
    return a, b


def test_the_queue_is_ordered_by_due_date_undated_last(ledger):
    _queue_fixture()
    rows = queue.open_queue(queue.QueueFilters()).rows
    assert [r.subject for r in rows] == ["late", "today", "also today", "soon", "no date"]


def test_the_queue_filters_by_direction_vendor_priority_and_status(ledger):
    a, _b = _queue_fixture()
    subjects = lambda **f: [r.subject for r in queue.open_queue(queue.QueueFilters(**f)).rows]  # noqa: E731
    assert subjects(direction="inbound") == ["late", "soon"]
    assert subjects(vendor_id=a.id) == ["late", "also today", "no date"]
    assert subjects(priority="urgent") == ["today"]
    late = queue.open_queue(queue.QueueFilters(direction="inbound")).rows[0]
    requests.answer_request(late.id)
    assert subjects(statuses=("answered",)) == ["late"]
    assert "late" not in subjects()
    every = ("open", "answered", "closed", "cancelled")
    assert subjects(statuses=every) == ["late", "today", "also today", "soon", "no date"]
    assert subjects(statuses=every, direction="inbound") == ["late", "soon"]


def test_the_queue_pages_and_counts(ledger):
    _queue_fixture()
    first = queue.open_queue(queue.QueueFilters(), offset=0, limit=2)
    rest = queue.open_queue(queue.QueueFilters(), offset=2, limit=10)
    assert (first.total, len(first.rows), len(rest.rows)) == (5, 2, 3)
    assert [r.subject for r in first.rows + rest.rows] == [
        r.subject for r in queue.open_queue(queue.QueueFilters()).rows
    ]


def test_the_queue_sorts_by_priority(ledger):
    _queue_fixture()
    rows = queue.open_queue(queue.QueueFilters(sort="priority")).rows
    assert [r.priority for r in rows][:2] == ["urgent", "high"]


def test_the_queue_by_vendor_pages_through_vendors_of_one_name_by_due_date(ledger):
    first, second = vendors.create_vendor("東和"), vendors.create_vendor("株式会社東和")  # とうわ
    other = vendors.create_vendor("アイ電機")
    for vendor, day in [(first, 9), (second, 3), (other, 20), (first, 1), (second, 5)]:
        requests.open_request(
            vendor.id, "outbound", f"{vendor.id}-{day}", due=TODAY.replace(day=day)
        )
    pages = [queue.open_queue(queue.QueueFilters(sort="vendor"), offset, 2) for offset in (0, 2, 4)]
    assert [r.subject for page in pages for r in page.rows] == [
        f"{other.id}-20",
        f"{first.id}-1",
        f"{second.id}-3",
        f"{second.id}-5",
        f"{first.id}-9",
    ]


def test_a_bad_filter_is_an_input_error(ledger):
    with pytest.raises(InputError):
        queue.QueueFilters(direction="up")


def test_header_counts(ledger):
    _queue_fixture()
    assert queue.queue_counts(TODAY) == queue.QueueCounts(
        overdue=1, due_today=2, we_owe=2, waiting=3, today=3
    )
    # With no quiet allowed, the undated request we wait on is due for a chase too.
    assert queue.queue_counts(TODAY, chase_after=0).today == 4


def test_writes_happen_in_a_transaction_that_a_failure_rolls_back(ledger):
    vendor = vendors.create_vendor("A")
    with pytest.raises(RuntimeError), database.atomic():
        requests.insert_request(vendor.id, "outbound", "half-written")
        raise RuntimeError("power cut")
    assert Request.select().count() == 0
