"""Chasing and the day's list as the ledger keeps them (DESIGN §12): what a chase writes, when
a request we wait on is due for a chase, what snoozing and the next chase date do, and that
chases travel in the exports. The screens' side is in test_chase_keys and test_today_screen."""

import tomllib
from datetime import date

import pytest

from daicho.data.calls import log_call
from daicho.data.chasing import chase_request, last_chase_channel, set_next_chase, snooze_request
from daicho.data.dates import clock
from daicho.data.errors import InputError
from daicho.data.ledger import open_ledger
from daicho.data.requests import (
    add_request_note,
    answer_request,
    get_request,
    open_request,
    reopen_request,
    request_history,
)
from daicho.data.today import today_list
from daicho.data.transfer.export import export_ledger
from daicho.data.transfer.importer import import_text
from daicho.data.vendors import create_vendor

pytestmark = pytest.mark.both_engines

FRIDAY = date(2026, 11, 20)  # the Monday after, 11-23, is 勤労感謝の日


def _reasons(today: date, chase_after: int = 3) -> list[tuple[int, str]]:
    return [(item.id, item.reason) for item in today_list(today, chase_after)]


@pytest.fixture
def vendor(ledger):
    return create_vendor("銀河通信㈱")


def test_a_chase_is_a_history_event_counted_on_the_request(vendor, now):
    now(2026, 11, 20, 10, 0)
    asked = open_request(vendor.id, "outbound", "見積の件")
    now(2026, 11, 24, 9, 30)
    chase_request(asked.id, "email", "メールで再送")
    now(2026, 11, 26, 15, 0)
    chased = chase_request(asked.id)  # by the channel used last
    assert (chased.times_chased, chased.version) == (2, 3)
    assert chased.last_chased == get_request(asked.id).last_chased
    chases = [(e.kind, e.new_value, e.note) for e in request_history(asked.id)[1:]]
    assert chases == [("chase", "email", "メールで再送"), ("chase", "email", "")]
    assert last_chase_channel() == "email"


def test_only_an_open_request_we_wait_on_can_be_chased(vendor):
    owed = open_request(vendor.id, "inbound", "請求書の再発行")
    answered = answer_request(open_request(vendor.id, "outbound", "回答済み").id, "OK")
    for request in (owed, answered):
        with pytest.raises(InputError, match="waiting on the vendor"):
            chase_request(request.id, "phone")
        assert get_request(request.id).times_chased == 0


def test_quiet_for_three_business_days_across_a_weekend_and_a_holiday(vendor, now):
    """Asked on Friday 11-20: 11-21/22 are the weekend, 11-23 a holiday; Tuesday, Wednesday
    and Thursday are the three business days, so the chase is due on Thursday 11-26."""
    now(2026, 11, 20, 17, 0)
    asked = open_request(vendor.id, "outbound", "回線工事の日程")
    for day in (20, 23, 24, 25):
        assert _reasons(date(2026, 11, day)) == []
    assert _reasons(date(2026, 11, 26)) == [(asked.id, "chase")]
    assert _reasons(date(2026, 11, 25), chase_after=2) == [(asked.id, "chase")]


@pytest.mark.parametrize("move", ["note", "chase", "call", "reopen"])
def test_any_movement_starts_the_quiet_days_again(vendor, now, move):
    now(2026, 11, 16, 10, 0)
    asked = open_request(vendor.id, "outbound", "保守契約の見積")
    assert _reasons(date(2026, 11, 20)) == [(asked.id, "chase")]
    now(2026, 11, 20, 11, 0)
    if move == "note":
        add_request_note(asked.id, "担当者不在、折り返し待ち")
    elif move == "chase":
        chase_request(asked.id, "phone")
    elif move == "call":
        log_call(vendor_id=vendor.id, subject="別件の電話")
    else:
        reopen_request(answer_request(asked.id, "一次回答").id)
    assert _reasons(date(2026, 11, 25)) == []
    assert _reasons(date(2026, 11, 26)) == [(asked.id, "chase")]


def test_a_next_chase_date_decides_instead_of_the_quiet_days(vendor, now):
    """A chase on or after the date was the one planned: the date is done with; one still
    ahead stays (the conftest's today is Friday 11-20, so the clock is moved with it)."""
    now(2026, 11, 16, 10, 0)
    asked = open_request(vendor.id, "outbound", "障害の原因報告")
    set_next_chase(asked.id, date(2026, 11, 30))
    assert _reasons(date(2026, 11, 27)) == []
    assert _reasons(date(2026, 11, 30)) == [(asked.id, "chase")]
    now(2026, 11, 30, 10, 0)
    clock.freeze_today(date(2026, 11, 30))
    chased = chase_request(asked.id, "phone")
    assert chased.next_chase is None
    assert _reasons(date(2026, 11, 30)) == []
    later = chase_request(asked.id, "phone", next_chase=date(2026, 12, 10))
    assert chase_request(later.id, "email").next_chase == date(2026, 12, 10)  # still ahead: kept


def test_the_days_list_orders_by_reason_and_lists_each_item_once(vendor, now):
    now(2026, 11, 2, 10, 0)
    quiet = open_request(vendor.id, "outbound", "静かな件")
    late_and_quiet = open_request(vendor.id, "outbound", "遅れている件", due=date(2026, 11, 18))
    owed_today = open_request(vendor.id, "inbound", "今日の約束", due=FRIDAY)
    owed_late = open_request(vendor.id, "inbound", "先週の約束", due=date(2026, 11, 13))
    open_request(vendor.id, "inbound", "来週の約束", due=date(2026, 11, 27))
    assert _reasons(FRIDAY) == [
        (owed_late.id, "overdue"),
        (late_and_quiet.id, "overdue"),
        (owed_today.id, "due_today"),
        (quiet.id, "chase"),
    ]


def test_a_snoozed_item_comes_back_on_its_day(vendor, now):
    now(2026, 11, 2, 10, 0)
    late = open_request(vendor.id, "inbound", "資料の送付", due=date(2026, 11, 18))
    snoozed = snooze_request(late.id, date(2026, 11, 24))
    assert snoozed.snoozed_until == date(2026, 11, 24)
    assert _reasons(FRIDAY) == []
    assert _reasons(date(2026, 11, 24)) == [(late.id, "overdue")]
    snooze_request(late.id, None)
    assert _reasons(FRIDAY) == [(late.id, "overdue")]
    assert [e.new_value for e in request_history(late.id) if e.kind == "snoozed"] == [
        "2026-11-24",
        "",
    ]


def test_a_call_about_a_request_chases_it_by_the_calls_channel(vendor, now):
    now(2026, 11, 20, 10, 0)
    asked = open_request(vendor.id, "outbound", "納期の確認")
    owed = open_request(vendor.id, "inbound", "こちらの宿題")
    log_call(
        vendor_id=vendor.id, channel="visit", subject="訪問時に確認", chasing=(asked.id, owed.id)
    )
    chased = get_request(asked.id)
    assert chased.times_chased == 1
    assert [(e.new_value, e.note) for e in request_history(asked.id) if e.kind == "chase"] == [
        ("visit", "訪問時に確認")
    ]
    assert get_request(owed.id).times_chased == 0  # we owe it: nothing to chase


def test_chases_next_chase_dates_and_snoozes_travel_in_the_export(vendor, now, tmp_path):
    now(2026, 11, 20, 10, 0)
    asked = open_request(vendor.id, "outbound", "見積の件")
    chase_request(asked.id, "email", "再送しました", next_chase=date(2026, 11, 27))
    snooze_request(asked.id, date(2026, 11, 25))
    exported = export_ledger("toml")
    document = tomllib.loads(exported)
    (request,) = document["requests"]
    assert (request["next_chase"], request["snoozed_until"]) == (
        date(2026, 11, 27),
        date(2026, 11, 25),
    )
    kinds = [event["kind"] for event in document["request_events"]]
    assert kinds == ["created", "chase", "next_chase_changed", "snoozed"]
    open_ledger(tmp_path / "copy.db")
    import_text(exported)
    assert export_ledger("toml") == exported
    assert get_request(asked.id).times_chased == 1
