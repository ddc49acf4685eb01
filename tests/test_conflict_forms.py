"""A form saved after someone else changed its record (DESIGN §17): the save is refused inside
the form, which keeps every character typed; saved again knowingly, or reopened and saved,
only what the user changed is written over the other person's change.

"The other person" is the services called under another `[user] name`, on a connection of its
own, while the form is open.
"""

import threading

import pytest
from conftest import Notices, settle, shown, until
from textual.widgets import Input, Static, TextArea

from daicho.app import DaichoApp
from daicho.data import requests, vendors
from daicho.data.who import set_user_name
from daicho.i18n import set_language
from daicho.screens.contact_form import ContactForm
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.request_edit_form import RequestEditForm
from daicho.screens.vendor_form import VendorForm


@pytest.fixture(autouse=True)
def as_sato(now):
    """The app's user is Sato, at 14:05 today; `as_tanaka` does what the other person does."""
    now(2026, 11, 20, 14, 5)
    set_user_name("Sato")
    yield
    set_user_name("")


def as_tanaka(change, *args, **kwargs) -> None:
    """Tanaka's change, made on a connection of its own (a thread), as another app's is."""
    failed = []

    def run() -> None:
        set_user_name("Tanaka")
        try:
            change(*args, **kwargs)
        except Exception as error:  # raised again below, in the test's own thread
            failed.append(error)
        finally:
            set_user_name("Sato")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


def error_line(app) -> str:
    """The form's error line as set, unwrapped."""
    return str(app.screen.query_one("#form-error", Static).content)


async def edit_form_on(pilot, request_id: int) -> RequestEditForm:
    """The request's detail, then `e`: its edit form, the cursor in the subject."""
    await pilot.app.push_screen(RequestDetailScreen(request_id))
    await settle(pilot)
    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, RequestEditForm), "the edit form")
    return pilot.app.screen


@pytest.mark.both_engines
async def test_an_edit_saved_after_someone_else_s_is_refused_with_the_text_kept(ledger):
    vendor = vendors.create_vendor("Acme")
    request = requests.open_request(vendor.id, "outbound", "Quote", body="10 units")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(110, 36)) as pilot:
        form = await edit_form_on(pilot, request.id)
        await pilot.press("tab", "tab", *" and 2 cables")
        as_tanaka(requests.edit_request, request.id, subject="Quote for 12")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # still open
        assert "Tanaka changed this request at 14:05 (Subject) after you opened it" in (
            error_line(app)
        )
        assert form.query_one("#body", TextArea).text == "10 units and 2 cables"
        stored = requests.get_request(request.id)
        assert (stored.subject, stored.body) == ("Quote for 12", "10 units")
        # Closed (kept as a draft) and opened again: on the request as it is now, the typed
        # details come back, and the save keeps Tanaka's subject.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RequestDetailScreen), "the detail")
        await settle(pilot)
        form = await edit_form_on(pilot, request.id)
        await settle(pilot)
        assert form.query_one("#subject", Input).value == "Quote for 12"
        assert form.query_one("#body", TextArea).text == "10 units and 2 cables"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, RequestDetailScreen), "the save")
    stored = requests.get_request(request.id)
    assert (stored.subject, stored.body) == ("Quote for 12", "10 units and 2 cables")


async def test_saving_again_after_the_refusal_writes_only_what_was_typed(ledger):
    vendor = vendors.create_vendor("Acme")
    request = requests.open_request(vendor.id, "outbound", "Quote", body="10 units")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(110, 36)) as pilot:
        form = await edit_form_on(pilot, request.id)
        await pilot.press("tab", "tab", *" and 2 cables")
        as_tanaka(requests.edit_request, request.id, subject="Quote for 12", priority="high")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "(Subject, Priority)" in error_line(app)
        await pilot.press("ctrl+s")  # told, and saved again
        await until(pilot, lambda: app.screen is not form, "the save")
    stored = requests.get_request(request.id)
    assert (stored.subject, stored.priority, stored.body) == (
        "Quote for 12",
        "high",
        "10 units and 2 cables",
    )


async def test_a_vendor_form_names_what_the_other_person_changed(ledger):
    vendor = vendors.create_vendor("Acme", phone="03-1111-2222")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(110, 36)) as pilot:
        form = VendorForm(vendor)
        app.push_screen(form)
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab", *"acme.example")  # the web field
        as_tanaka(vendors.update_vendor, vendor.id, phone="03-9999-0000", tags="vpn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Tanaka changed this vendor at 14:05 (Phone, Tags) after you opened it" in (
            error_line(app)
        )
        assert form.query_one("#website", Input).value == "acme.example"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is not form, "the save")
    stored = vendors.get_vendor(vendor.id)
    assert (stored.phone, stored.tags, stored.website) == ("03-9999-0000", ("vpn",), "acme.example")


async def test_closing_what_someone_else_just_changed_shows_their_change_first(ledger):
    vendor = vendors.create_vendor("Acme")
    request = requests.open_request(vendor.id, "outbound", "Quote")
    notices = Notices()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(110, 36), message_hook=notices) as pilot:
        screen = RequestDetailScreen(request.id)
        await app.push_screen(screen)
        await settle(pilot)
        as_tanaka(requests.add_request_note, request.id, "Do not close: they call back")
        await pilot.press("c")
        await settle(pilot)
        assert any("Tanaka changed this request at 14:05 (Note)" in n for n in notices.said())
        assert requests.get_request(request.id).status == "open"
        assert "Do not close" in shown(screen.query_one("#history-lines"))
        await pilot.press("c")  # seen: now it closes
        await settle(pilot)
    assert requests.get_request(request.id).status == "closed"


async def test_a_contact_form_says_it_in_japanese(ledger):
    set_language("ja")
    vendor = vendors.create_vendor("Acme")
    contact = vendors.create_contact(vendor.id, "山田", role="営業")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(110, 36)) as pilot:
        form = ContactForm(vendor.id, contact)
        app.push_screen(form)
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", *"情報システム部")  # the department
        as_tanaka(vendors.update_contact, contact.id, role="課長", email="y@acme.example")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert error_line(app).startswith(
            "Tanakaさんが 14:05 にこの担当者を変更しました（役職・メール）。"
            "あなたの入力はそのまま残っています。"
        )
        assert form.query_one("#department", Input).value == "情報システム部"
    assert vendors.get_contact(contact.id).department == ""
