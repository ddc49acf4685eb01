"""`daicho today [--json]`: the day's list for a morning mail or cron, run in-process so that
the conftest's frozen today (Friday 2026-11-20) is the command's today."""

import json
from datetime import date, datetime, timedelta

import pytest
from conftest import TODAY

from daicho.cli import main
from daicho.data import chasing, requests, vendors
from daicho.data.contracts.store import dates_on, get_contract
from daicho.data.dates import clock
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.today import REASONS

KEYS = {"kind", "id", "reason", "vendor", "subject", "due", "last_chased", "times_chased"}


def today_json(capsys, ledger) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(ledger), "today", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_on_a_seeded_ledger_matches_what_the_ledger_says(tmp_path, capsys):
    ledger = tmp_path / "demo.db"
    assert main(["seed", "--db", str(ledger), "--size", "demo"]) == 0
    waiting = [item for item in today_json(capsys, ledger) if item["direction"] == "outbound"]
    late = next(item["id"] for item in waiting if item["reason"] != "chase")
    snoozed = next(item["id"] for item in waiting if item["id"] != late)
    open_ledger(ledger)
    try:  # a chase, and a snooze that keeps an item off the list until Monday
        chasing.chase_request(late, "email", "asked again")
        chasing.snooze_request(snoozed, TODAY + timedelta(days=3))
    finally:
        close_ledger()
    items = today_json(capsys, ledger)
    assert items and all(item.keys() >= KEYS for item in items)
    ranks = [REASONS.index(item["reason"]) for item in items]
    assert ranks == sorted(ranks) and set(ranks) == set(range(len(REASONS)))
    assert snoozed not in [item["id"] for item in items]
    open_ledger(ledger)
    try:
        for item in items:
            if item["kind"] == "contract":  # a decision coming: its cancel-by or its end
                contract = get_contract(item["id"])
                assert (item["vendor"], item["subject"]) == (contract.vendor_name, contract.title)
                assert item["due"] == dates_on(contract, TODAY).decision_date.isoformat()
                assert (item["times_chased"], item["last_chased"]) == (0, None)
                continue
            request = requests.get_request(item["id"])
            assert item["kind"] == "request" and request.status == "open"
            assert (item["vendor"], item["subject"]) == (request.vendor_name, request.subject)
            assert item["due"] == (request.due.isoformat() if request.due else None)
            assert item["times_chased"] == request.times_chased
            chased = request.last_chased and clock.to_local(request.last_chased)
            assert item["last_chased"] == (chased.isoformat(timespec="seconds") if chased else None)
            assert item["direction"] == request.direction
            if item["reason"] == "overdue":
                assert request.due < TODAY
            elif item["reason"] == "due_today":
                assert request.due == TODAY
            else:
                assert request.direction == "outbound"
                assert request.due is None or request.due > TODAY
    finally:
        close_ledger()
    chased = next(item for item in items if item["id"] == late)
    assert chased["times_chased"] == 1
    assert datetime.fromisoformat(chased["last_chased"]).utcoffset() is not None


@pytest.fixture
def desk(tmp_path):
    """A small ledger: one item for each reason, one of them chased twice."""
    ledger = tmp_path / "desk.db"
    open_ledger(ledger)
    try:
        acme = vendors.create_vendor("Acme")
        clock.freeze_now(clock.to_utc(datetime(2026, 11, 13, 10)))
        quiet = requests.open_request(acme.id, "outbound", "Quote for the router")
        clock.freeze_now(clock.to_utc(datetime(2026, 11, 17, 10)))
        chasing.chase_request(quiet.id, "phone")
        clock.freeze_now(clock.to_utc(datetime(2026, 11, 17, 15)))
        chasing.chase_request(quiet.id, "email")
        clock.freeze_now(clock.to_utc(datetime(2026, 11, 20, 9)))
        requests.open_request(acme.id, "outbound", "Send the invoice", due=TODAY)
        requests.open_request(
            acme.id, "inbound", "Fill in the survey", due=TODAY - timedelta(days=3)
        )
    finally:
        clock.freeze_now(None)
        close_ledger()
    return ledger


EN = """\
Overdue (1)
  ← 3 days overdue · Acme · Fill in the survey · #3

Due today (1)
  → due today · Acme · Send the invoice · #2

Due for a chase (1)
  → quiet 3 workdays · Acme · Quote for the router · chased 2× · 3d ago · #1
"""

JA = """\
期限超過 (1)
  ← 3日超過 · Acme · Fill in the survey · #3

今日が期限 (1)
  → 本日期限 · Acme · Send the invoice · #2

催促 (1)
  → 3営業日 動きなし · Acme · Quote for the router · 催促 2× · 3日前 · #1
"""


@pytest.mark.parametrize("language, expected", [("en", EN), ("ja", JA)], ids=["en", "ja"])
def test_plain_text_groups_the_list_in_the_user_s_language(
    desk, tmp_path, capsys, language, expected
):
    (tmp_path / "config.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["today", "--db", str(desk)]) == 0
    assert capsys.readouterr().out == expected


def test_json_of_the_small_ledger_in_full(desk, capsys):
    items = today_json(capsys, desk)
    assert [(item["id"], item["reason"]) for item in items] == [
        (3, "overdue"),
        (2, "due_today"),
        (1, "chase"),
    ]
    chased = items[2]
    assert chased["times_chased"] == 2 and chased["due"] is None
    assert chased["last_chased"].startswith("2026-11-17T15:00:00")
    assert items[0]["due"] == "2026-11-17" and items[0]["last_chased"] is None


def test_an_empty_day_says_so_and_a_missing_ledger_is_not_created(tmp_path, capsys):
    ledger = tmp_path / "empty.db"
    open_ledger(ledger)
    close_ledger()
    capsys.readouterr()
    assert main(["--db", str(ledger), "today"]) == 0
    assert capsys.readouterr().out == "All clear: nothing needs you today\n"
    assert main(["--db", str(ledger), "today", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    missing = tmp_path / "missing.db"
    assert main(["--db", str(missing), "today"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("daicho: No ledger at ")
    assert not missing.exists()


def test_a_snoozed_item_comes_back_on_its_day(desk, capsys):
    open_ledger(desk)
    try:
        chasing.snooze_request(3, date(2026, 11, 24))
    finally:
        close_ledger()
    assert [item["id"] for item in today_json(capsys, desk)] == [2, 1]
    clock.freeze_today(date(2026, 11, 24))
    assert next(item["id"] for item in today_json(capsys, desk)) == 3


@pytest.mark.parametrize(
    "language, words", [("en", "chase date Fri 11/20"), ("ja", "催促予定日 11/20(金)")]
)
def test_a_next_chase_date_that_has_come_is_the_reason_given(
    desk, tmp_path, capsys, language, words
):
    open_ledger(desk)
    try:
        chasing.set_next_chase(1, TODAY)
    finally:
        close_ledger()
    (tmp_path / "config.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["today", "--db", str(desk)]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert line.startswith(f"  → {words} · Acme · Quote for the router"), line
    assert today_json(capsys, desk)[2]["next_chase"] == "2026-11-20"
