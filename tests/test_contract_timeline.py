"""A vendor's timeline holds its contracts' events (added, renewed, ended, cancelled) among
its calls and requests, newest first, paged like the rest; edits and reminders stay out."""

from datetime import date, datetime

import pytest
from conftest import settle
from textual.widgets import OptionList

from daicho.app import DaichoApp
from daicho.data import calls, requests, vendors
from daicho.data.contracts.store import (
    add_contract,
    cancel_contract,
    edit_contract,
    end_contract,
    renew_contract,
)
from daicho.data.dates import clock
from daicho.data.timeline import vendor_timeline
from daicho.i18n import set_language
from daicho.screens.vendor_detail import VendorDetailScreen


def at(day: int):
    clock.freeze_now(datetime(2026, 11, day, 1))


@pytest.fixture
def history(ledger):
    """On 1-7 November: a contract added, a call, a renewal, an edit, a request, a second
    contract added and cancelled, the first ended."""
    try:
        at(1)
        vendor = vendors.create_vendor("東都ビジネス機器")
        copier = add_contract(
            vendor.id, title="複合機保守契約", start=date(2025, 4, 1), term_months=12
        )
        at(2)
        calls.log_call(vendor_id=vendor.id, subject="更新の相談")
        at(3)
        renew_contract(copier.id, date(2026, 3, 1))
        edit_contract(copier.id, notes="値上げの打診あり")
        at(4)
        requests.open_request(vendor.id, "outbound", "見積依頼")
        at(5)
        line = add_contract(vendor.id, title="光回線", start=date(2026, 1, 1), term_months=24)
        at(6)
        cancel_contract(line.id, date(2026, 11, 6))
        at(7)
        end_contract(copier.id)
    finally:
        clock.freeze_now(None)
    return vendor


def shown(entry) -> tuple[str, str]:
    if entry.contract:
        return (entry.contract.kind, entry.contract.title)
    return (entry.kind, (entry.call or entry.request).subject)


@pytest.mark.both_engines
def test_contract_events_stand_among_calls_and_requests_newest_first(history):
    assert [shown(entry) for entry in vendor_timeline(history.id)] == [
        ("ended", "複合機保守契約"),
        ("cancelled", "光回線"),
        ("created", "光回線"),
        ("request", "見積依頼"),
        ("renewed", "複合機保守契約"),
        ("call", "更新の相談"),
        ("created", "複合機保守契約"),
    ]
    assert {entry.kind for entry in vendor_timeline(history.id) if entry.contract} == {"contract"}


@pytest.mark.both_engines
def test_pages_of_one_entry_walk_the_same_timeline(history):
    whole, walked, before = vendor_timeline(history.id), [], None
    while page := vendor_timeline(history.id, limit=1, before=before):
        walked += page
        before = page[-1]
    assert walked == whole


@pytest.mark.parametrize(
    "language, renewed, cancelled",
    [
        (
            "en",
            "contract renewed  複合機保守契約  · 2026-04-01 to 2027-03-31",
            "contract cancelled  光回線  · notice given 2026-11-06",
        ),
        (
            "ja",
            "契約を更新  複合機保守契約  · 2026-04-01〜2027-03-31",
            "契約を解約  光回線  · 解約通知 2026-11-06",
        ),
    ],
)
async def test_the_vendor_detail_shows_contract_events(
    ledger, history, language, renewed, cancelled
):
    set_language(language)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = VendorDetailScreen(history.id)
        await pilot.app.push_screen(screen)
        await settle(pilot)
        options = screen.query_one("#timeline", OptionList).options
        lines = [option.prompt.plain.split("  ", 1)[1] for option in options]
        assert len(lines) == 7
        assert lines[4] == renewed
        assert lines[1] == cancelled
