"""After a vendor is saved (`v`, `e`, or a call with a new vendor's name) the vendor list puts
its cursor on it, even when the list hides it, so that the next key is about it."""

from conftest import Notices, calls_of, settle, shown
from test_copying import ME, FakeClipboard, app_with

from daicho.app import DaichoApp
from daicho.data import calls, vendors
from daicho.data.mail import summaries
from daicho.i18n import set_language
from daicho.widgets.call_form import CallForm
from daicho.widgets.vendor_list import VendorList, VendorRows

SIZE = (160, 45)


def vendor_list(app) -> VendorList:
    return app.screen.query_one(VendorList)


async def test_a_new_vendor_is_selected_so_that_n_calls_it(ledger):
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", *"Zeta Networks", "ctrl+s")
        await settle(pilot)
        assert vendor_list(app).current.name == "Zeta Networks"
        assert isinstance(app.focused, VendorRows)
        await pilot.press("n")
        assert app.screen.query_one(CallForm).query_one("#vendor").value == "Zeta Networks"


async def test_a_new_prospect_is_listed_and_selected_until_the_cursor_leaves_it(ledger):
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # name, reading, category, then the status: → makes it a prospect
        await pilot.press("v", *"Walk-in Networks", "tab", "tab", "tab", "right", "ctrl+s")
        await settle(pilot)
        assert vendors.find_vendor("Walk-in Networks").status == "prospect"
        assert vendor_list(app).current.name == "Walk-in Networks"
        assert "Walk-in Networks" in shown(app.screen.query_one(VendorRows))
        await pilot.press("up")  # moved on: the list hides prospects again
        await settle(pilot)
        assert "Walk-in Networks" not in shown(app.screen.query_one(VendorRows))
        assert vendor_list(app).current.name == "Acme Devices"


async def test_an_edited_vendor_stays_selected_when_the_list_would_hide_it(ledger):
    vendors.create_vendor("Acme Devices")
    vendors.create_vendor("Beta Systems")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")
        assert vendor_list(app).current.name == "Acme Devices"
        # `e`, then to the status, → → for inactive
        await pilot.press("e", "tab", "tab", "tab", "right", "right", "ctrl+s")
        await settle(pilot)
        assert vendors.find_vendor("Acme Devices").status == "inactive"
        assert vendor_list(app).current.name == "Acme Devices"
        await pilot.press("down")
        await settle(pilot)
        assert vendor_list(app).current.name == "Beta Systems"
        assert "Acme Devices" not in shown(app.screen.query_one(VendorRows))


async def test_a_call_with_a_new_vendor_selects_the_prospect_and_says_where_it_went(ledger):
    vendors.create_vendor("Acme Devices")
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Walk-in Networks", "tab", *"Mori", "tab", "tab", "tab")
        await pilot.press(*"Cold call about Wi-Fi", "ctrl+s")
        await settle(pilot)
        vendor = vendors.find_vendor("Walk-in Networks")
        assert vendor.status == "prospect"
        assert vendor_list(app).current.id == vendor.id
        assert "Walk-in Networks" in shown(app.screen.query_one(VendorRows))
        [notice] = [text for text in notices.said() if "prospect" in text]
        assert "Walk-in Networks" in notice and "h shows" in notice
        await pilot.press("y")  # selecting the new vendor is not moving on from the call
        await settle(pilot)
    [call] = calls_of(vendor.id)
    assert clipboard.copied == [summaries.call_mail(call.id, {}, sender=ME).text]


async def test_the_new_prospect_notice_is_in_japanese(ledger):
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("n", *"飛び込み営業", "tab", "tab", "tab", "tab", *"複合機", "ctrl+s")
        await settle(pilot)
        assert any("飛び込み営業 を見込み業者として登録" in text for text in notices.said())


def test_a_call_gives_a_new_vendor_and_contact_the_reading_the_forms_suggest(ledger):
    call = calls.log_call(vendor_name="飛び込み営業株式会社", contact_name="鈴木 一郎")
    assert vendors.get_vendor(call.vendor_id).reading == "とびこみえいぎょう"
    assert vendors.get_contact(call.contact_id).reading == "すずき いちろう"
