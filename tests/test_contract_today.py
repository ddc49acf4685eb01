"""A contract's decision on the day's list (DESIGN §12, §13): from its smallest reminder lead
time before the decision date until its term ends, after the chases, saying why; snoozed
off it until a day; in `daicho today` and its JSON, which catches reminders up first."""

import json
from datetime import date

import pytest
from conftest import TODAY

from daicho.cli import main
from daicho.data import vendors
from daicho.data.contracts.store import (
    add_contract,
    contract_history,
    end_contract,
    get_contract,
    snooze_contract,
)
from daicho.data.dates import clock
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.models import Request
from daicho.data.requests import open_request
from daicho.data.today import today_count, today_list
from daicho.data.today_words import reason_words
from daicho.i18n import set_language


@pytest.fixture
def contracts(ledger):
    """Three contracts of one vendor, added in the summer (no reminder due then): one whose
    cancel-by date (Fri 10/30) has passed while its term runs to 2027-01-31, one ending on
    Mon 11/30 by agreement reminded 30 days ahead, one decided on Mon 12/28."""
    vendor = vendors.create_vendor("㈱東都ビジネス機器")
    clock.freeze_today(date(2026, 7, 1))
    made = {
        "passed": add_contract(
            vendor.id, title="複合機リース", start=date(2026, 2, 1), term_months=12,
            renewal="auto", notice_months=3,
        ),
        "ends": add_contract(
            vendor.id, title="回線契約", start=date(2025, 12, 1), term_months=12,
            renewal="agreement", reminder_days=(30,),
        ),
        "copier": add_contract(
            vendor.id, title="複合機保守契約", start=date(2026, 4, 1), term_months=12,
            renewal="auto", notice_months=3,
        ),
    }  # fmt: skip
    clock.freeze_today(TODAY)
    return made


def listed(today: date) -> list[tuple[str, str]]:
    return [
        (item.subject, reason_words(item, today))
        for item in today_list(today)
        if item.kind == "contract"
    ]


@pytest.mark.both_engines
def test_decisions_coming_or_passed_are_listed_with_why(contracts):
    assert listed(TODAY) == [
        ("複合機リース", "cancel by 10/30 (Fri) passed"),
        ("回線契約", "ends 11/30 (Mon), in 10 days"),
    ]
    assert listed(date(2026, 12, 21)) == [
        ("複合機リース", "cancel by 10/30 (Fri) passed"),
        ("複合機保守契約", "cancel by 12/28 (Mon), in 7 days"),
    ]
    assert listed(date(2027, 2, 1)) == [  # the lease renewed by itself; the copier's term runs
        ("複合機保守契約", "cancel by 12/28 (Mon) passed")
    ]
    assert today_count(TODAY) == 2
    [item, _ends] = [item for item in today_list(TODAY) if item.kind == "contract"]
    assert (item.id, item.reason, item.vendor, item.due) == (
        contracts["passed"].id,
        "contract",
        "㈱東都ビジネス機器",
        date(2026, 10, 30),
    )


def test_the_words_in_japanese_and_on_the_day_itself(contracts):
    set_language("ja")
    assert listed(TODAY) == [
        ("複合機リース", "解約期限を過ぎました 10/30(金)"),
        ("回線契約", "契約満了 11/30(月) まで10日"),
    ]
    assert listed(date(2026, 11, 29))[1][1] == "契約満了 11/30(月) 明日"
    assert listed(date(2026, 11, 30))[1][1] == "契約満了 11/30(月) 今日"


@pytest.mark.both_engines
def test_a_snoozed_or_ended_contract_leaves_the_list(contracts):
    passed = contracts["passed"]
    snooze_contract(passed.id, date(2026, 11, 24), expected_version=passed.version)
    assert [subject for subject, _why in listed(TODAY)] == ["回線契約"]
    assert listed(date(2026, 11, 24))[0][0] == "複合機リース"
    [event] = [e for e in contract_history(passed.id) if e.kind == "snoozed"]
    assert (event.old_value, event.new_value) == ("", "2026-11-24")
    assert get_contract(passed.id).snoozed_until == date(2026, 11, 24)
    end_contract(contracts["ends"].id)
    assert listed(TODAY) == []


def test_contract_decisions_come_after_the_chases(contracts):
    vendor_id = contracts["copier"].vendor_id
    open_request(vendor_id, "inbound", "Fill in the survey", due=date(2026, 11, 17))
    assert [item.reason for item in today_list(TODAY)] == ["overdue", "contract", "contract"]


def test_daicho_today_catches_reminders_up_and_lists_decisions_in_json(contracts, ledger, capsys):
    close_ledger()
    capsys.readouterr()
    assert main(["--db", str(ledger), "today", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items[0] == {
        "kind": "contract",
        "id": contracts["passed"].id,
        "reason": "contract",
        "vendor": "㈱東都ビジネス機器",
        "subject": "複合機リース",
        "due": "2026-10-30",
        "last_chased": None,
        "times_chased": 0,
        "direction": None,
        "priority": None,
        "next_chase": None,
    }
    assert [item["subject"] for item in items] == ["複合機リース", "回線契約"]
    assert main(["--db", str(ledger), "today"]) == 0
    assert capsys.readouterr().out == (
        "Contract decisions (2)\n"
        "    cancel by 10/30 (Fri) passed · ㈱東都ビジネス機器 · 複合機リース\n"
        "    ends 11/30 (Mon), in 10 days · ㈱東都ビジネス機器 · 回線契約\n"
    )
    open_ledger(ledger)
    assert sorted(r.subject for r in Request.select()) == [
        "Renewal decision: 回線契約 — ends 11/30 (Mon)",
        "Renewal decision: 複合機保守契約 — cancel by 12/28 (Mon)",
    ]
