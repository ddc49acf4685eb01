"""A vendor is found however its name was typed: its kind of company in any form at either
end (㈱, (株), （株）, 株式会社), variant kanji (髙橋 as 高橋), and phone numbers in any of
their forms, in search, the vendor filter, completion and the forms that make vendors."""

import itertools
from datetime import datetime

import pytest
from conftest import calls_of, settle
from hypothesis import given
from hypothesis import strategies as st
from textual import events

from daicho.app import DaichoApp
from daicho.data import calls, vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.ledger_guard import LedgerDatabase
from daicho.data.migrations import migrate_to_latest
from daicho.data.models import database
from daicho.data.names.keys import ReadingIndex, match_key
from daicho.data.search.find import search
from daicho.data.search.text import fold
from daicho.widgets.call_form import CallForm

TOWA = "株式会社東和総合サービス"


def vendor_hits(query: str) -> list[int]:
    return [hit.id for hit in search(f"type:vendor {query}", None)]


@pytest.mark.both_engines
@pytest.mark.parametrize(
    "typed", ["(株)常盤", "㈱常盤", "（株）常盤", "株式会社 常盤", "常盤事務機(株)", "常盤　㈱"]
)
def test_search_finds_a_company_by_any_form_of_its_kind(ledger, typed):
    tokiwa = vendors.create_vendor("株式会社常盤事務機")
    vendors.create_vendor("常盤商店")  # no kind of company: not 株式会社常盤
    assert vendor_hits(typed) == [tokiwa.id]


@pytest.mark.both_engines
def test_a_kind_of_company_typed_in_the_text_is_found_in_any_form(ledger):
    vendor = vendors.create_vendor("Acme")
    call = calls.log_call(vendor_id=vendor.id, subject="(有) 山田商会から電話")
    assert [hit.id for hit in search("有限会社山田", None)] == [call.id]


@pytest.mark.both_engines
@pytest.mark.parametrize(
    "name, typed",
    [("髙橋商店", "高橋"), ("高橋商店", "髙橋"), ("山﨑電機", "山崎"), ("渡邉工務店", "渡辺")],
)
def test_variant_kanji_find_each_other(ledger, name, typed):
    vendor = vendors.create_vendor(name)
    assert vendor_hits(typed) == [vendor.id]
    assert [row.id for row in vendors.list_vendors(typed)] == [vendor.id]


@pytest.mark.both_engines
@pytest.mark.parametrize("typed", ["(03)5555-1234", "（03）5555-1234", "+81-3-5555-1234"])
def test_a_phone_number_in_any_form_finds_the_number(ledger, typed):
    vendor = vendors.create_vendor("Acme", phone="03-5555-1234")
    contact = vendors.create_contact(vendor.id, "Sato", phone="03-5555-1234")
    found = {(hit.kind, hit.id) for hit in search(typed, None)}
    assert found == {("vendor", vendor.id), ("contact", contact.id)}


def test_phone_numbers_fold_to_their_digits():
    forms = ["03-5555-1234", "03(5555)1234", "(03)5555-1234", "（03）5555-1234"]
    forms += ["+81-3-5555-1234", "+81 (0)3-5555-1234", "０３－５５５５－１２３４"]
    assert {fold(form) for form in forms} == {"0355551234"}


@pytest.mark.both_engines
@pytest.mark.parametrize("typed", ["㈱東和", "(株)東和", "東和 (株)", "東和総合サービス株式会社"])
def test_the_vendor_filter_finds_a_company_by_any_form_of_its_kind(ledger, typed):
    towa = vendors.create_vendor(TOWA)
    vendors.create_vendor("有限会社東和")
    assert [row.id for row in vendors.list_vendors(typed)] == [towa.id]


@pytest.mark.both_engines
@pytest.mark.parametrize(
    "typed",
    [
        "㈱東和総合サービス",
        "(株)東和総合サービス",
        "東和総合サービス株式会社",
        "（株） 東和総合サービス",
    ],
)
def test_a_vendor_typed_in_another_form_is_the_vendor_in_the_ledger(ledger, typed):
    towa = vendors.create_vendor(TOWA)
    vendors.create_vendor("東和総合サービス")  # no kind of company: another name
    vendors.create_vendor("有限会社東和総合サービス")
    assert vendors.find_vendor(typed).id == towa.id


def test_completion_finds_a_company_typed_with_its_kind_of_company():
    index = ReadingIndex([("有限会社みどり", ""), (TOWA, "とうわそうごうさーびす")])
    assert index.find("㈱東和") == TOWA
    assert index.find("(株) とうわ") == TOWA


async def test_a_call_to_a_vendor_typed_as_the_list_shows_it_makes_no_prospect(ledger):
    towa = vendors.create_vendor(TOWA)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen.query_one(CallForm)
        app.focused.post_message(events.Paste("㈱東和総合サービス"))  # as the list shows it
        await pilot.pause(0.3)
        await settle(pilot)
        assert form.known_vendor
        assert not app.screen.query_one("#vendor-hint").display  # no "saved as a prospect"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [v.id for v in vendors.list_vendors(include_hidden=True)] == [towa.id]
    assert [call.vendor_id for call in calls_of(towa.id)] == [towa.id]


async def test_a_request_for_a_vendor_typed_with_its_kind_after_the_name(ledger):
    towa = vendors.create_vendor(TOWA)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("tab", "tab", *"見積", "shift+tab", "shift+tab")  # no completion
        await pilot.press(*"東和総合サービス (株)", "ctrl+s")
        await settle(pilot)
    listed = vendors.list_vendors(include_hidden=True)
    assert [(v.id, v.open_count) for v in listed] == [(towa.id, 1)]


def test_a_schema_7_ledger_is_folded_anew_when_opened(ledger_path):
    """Schema 8 writes the vendor list's keys and the search index again by today's
    folding."""
    ledger_path.parent.mkdir(parents=True, exist_ok=True)
    database.initialize(LedgerDatabase(str(ledger_path)))
    database.connect()
    migrate_to_latest(database, target=7)
    for name in ("株式会社常盤事務機", "髙橋商店"):
        database.execute_sql(
            "INSERT INTO vendor (name, sort_key, filter_key, created_at, updated_at)"
            " VALUES (?, '', ?, ?, ?)",
            (name, name, datetime(2025, 1, 1), datetime(2025, 1, 1)),
        )
    database.execute_sql("INSERT INTO search_pending (reason) VALUES ('rows added')")
    database.close()
    open_ledger(ledger_path)
    try:
        assert [row.name for row in vendors.list_vendors("高橋")] == ["髙橋商店"]
        assert [hit.title for hit in search("㈱常盤", None)] == ["株式会社常盤事務機"]
    finally:
        close_ledger()


# --- property: every form of a company name is one name -----------------------------

_CORE = st.text(
    alphabet="東和総合常盤事務機高橋山田電気通信銀河アイウカキサシタナみどりABCxyz",
    min_size=1,
    max_size=8,
)
_KINDS = {
    "株式会社": ("株式会社", "(株)", "㈱", "（株）"),
    "有限会社": ("有限会社", "(有)", "㈲", "（有）"),
    "合同会社": ("合同会社", "(同)", "（同）"),
}
_SPACES = st.sampled_from(["", " ", "\u3000", "\u3000 ", "  "])
_numbers = itertools.count(1)


@pytest.mark.both_engines
@given(
    core=_CORE,
    kind=st.sampled_from(sorted(_KINDS)),
    data=st.data(),
)
def test_every_form_of_a_company_name_folds_alike_and_finds_the_vendor(ledger, core, kind, data):
    core = f"{core}{next(_numbers)}号"  # one vendor per example, in one ledger
    written = data.draw(st.sampled_from(_KINDS[kind]), "written")
    before = data.draw(st.booleans(), "before")
    space = data.draw(_SPACES, "space")
    typed = f"{written}{space}{core}" if before else f"{core}{space}{written}"
    stored = f"{kind}{core}" if data.draw(st.booleans(), "stored before") else f"{core}{kind}"
    vendor = vendors.create_vendor(stored)

    assert match_key(typed) == match_key(stored)
    assert vendors.find_vendor(typed).id == vendor.id
    assert vendor.id in vendor_hits(typed)
    assert vendor.id in [row.id for row in vendors.list_vendors(typed)]
