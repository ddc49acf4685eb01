"""Vendor detail: its fields, contacts primary first, a timeline newest first, paged on demand."""

from datetime import datetime

from conftest import Notices, settle, shown
from test_copying import FakeClipboard, app_with
from textual.widgets import Input, OptionList, Static

from daicho.app import DaichoApp
from daicho.data import calls, requests, vendors
from daicho.data.timeline import vendor_timeline
from daicho.screens.contact_form import ContactForm
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.vendor_detail import PAGE, VendorDetailScreen


def prompts(screen, list_id: str) -> list[str]:
    """Every line of an option list, shown or scrolled away."""
    return [option.prompt.plain for option in screen.query_one(list_id, OptionList).options]


async def open_vendor(pilot, vendor_id: int) -> VendorDetailScreen:
    screen = VendorDetailScreen(vendor_id)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def log_call_at(vendor_id: int, at: datetime, subject: str, **details):
    return calls.log_call(vendor_id=vendor_id, started_at=at, subject=subject, **details)


async def test_vendor_detail_shows_fields_contacts_and_a_timeline_newest_first(ledger):
    vendor = vendors.create_vendor(
        "[bold]Acme[/]", reading="あくめ", phone="03-1111-2222", tags="vpn lan", notes="Gate B"
    )
    vendors.create_contact(vendor.id, "Sato", reading="さとう", email="sato@acme.example")
    vendors.create_contact(vendor.id, "Tanaka", role="課長", is_primary=True)
    log_call_at(vendor.id, datetime(2026, 11, 18, 1), "Router down", decisions=["Swap Monday"])
    log_call_at(vendor.id, datetime(2026, 11, 19, 1), "[red]Quote[/]")
    requests.open_request(vendor.id, "outbound", "Send the invoice")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_vendor(pilot, vendor.id)
        assert "[bold]Acme[/]" in shown(screen.query_one("#vendor-info"))  # its border title
        info = shown(screen.query_one("#vendor-fields"))
        assert "03-1111-2222" in info and "vpn lan" in info and "Gate B" in info
        contacts = prompts(screen, "#contacts")
        assert contacts[0].startswith("Tanaka") and "primary" in contacts[0]
        assert contacts[1].startswith("Sato (さとう)") and "sato@acme.example" in contacts[1]
        timeline = prompts(screen, "#timeline")
        assert ["Send the invoice" in timeline[0], "[red]Quote[/]" in timeline[1]] == [True, True]
        assert "Router down" in timeline[2] and "・Swap Monday" in timeline[2]
        assert "→ open" in timeline[0]


async def test_adding_a_contact_needs_only_a_name(ledger):
    vendor = vendors.create_vendor("Acme")
    vendors.create_contact(vendor.id, "Tanaka", is_primary=True)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_vendor(pilot, vendor.id)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm) and app.focused.id == "name"
        await pilot.press(*"Suzuki", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert [c.name for c in vendors.list_contacts(vendor.id)] == ["Tanaka", "Suzuki"]
        assert screen.current_contact.name == "Suzuki"
        assert prompts(screen, "#contacts")[1].startswith("Suzuki")
        assert app.focused is screen.query_one("#contacts")  # keys now act on Suzuki


async def test_p_right_after_adding_a_contact_copies_their_phone(ledger):
    vendor = vendors.create_vendor("Acme", phone="03-1111-2222")
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_vendor(pilot, vendor.id)
        await pilot.press("a", *"Suzuki", "tab", "tab", "tab", "tab", *"090-1234-5678")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
    assert clipboard.copied == ["090-1234-5678"]


async def test_a_contact_without_a_name_is_refused_and_keeps_what_was_typed(ledger):
    vendor = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_vendor(pilot, vendor.id)
        await pilot.press("a", "tab", *"すずき", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        assert "Contact name cannot be empty" in shown(form.query_one("#form-error", Static))
        assert form.query_one("#reading", Input).value == "すずき"
        assert app.focused.id == "name"
    assert vendors.list_contacts(vendor.id) == []


async def test_editing_the_highlighted_contact_and_making_it_primary(ledger):
    vendor = vendors.create_vendor("Acme")
    vendors.create_contact(vendor.id, "Tanaka", is_primary=True)
    sato = vendors.create_contact(vendor.id, "Sato")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 34), message_hook=notices) as pilot:
        screen = await open_vendor(pilot, vendor.id)
        await pilot.press("shift+tab", "down")  # from the timeline to the contacts, to Sato
        assert screen.current_contact.id == sato.id
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#name", Input).value == "Sato"
        await pilot.press("tab", "tab", "tab", "tab", *"090-1234-5678")
        await pilot.press("tab", "tab", "tab", "tab", "space", "ctrl+s")  # primary, then save
        await settle(pilot)
        assert screen.current_contact.id == sato.id
        assert "Sato is now the primary contact, instead of Tanaka" in notices.said()
    first, second = vendors.list_contacts(vendor.id)
    assert (first.name, first.phone, first.is_primary) == ("Sato", "090-1234-5678", True)
    assert (second.name, second.is_primary) == ("Tanaka", False)


async def test_the_timeline_reads_more_as_the_cursor_reaches_the_end(ledger):
    vendor = vendors.create_vendor("Acme")
    for day in range(1, 31):
        for hour in range(4):
            log_call_at(vendor.id, datetime(2026, 10, day, hour), f"call {day}-{hour}")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_vendor(pilot, vendor.id)
        timeline = screen.query_one("#timeline", OptionList)
        assert timeline.option_count == PAGE
        assert "call 30-3" in prompts(screen, "#timeline")[0]
        await pilot.press("end")
        await settle(pilot)
        assert timeline.option_count == 2 * PAGE
        await pilot.press("end")
        await settle(pilot)
        assert timeline.option_count == 120
        assert timeline.border_subtitle == "120 in all"
        assert "call 1-0" in prompts(screen, "#timeline")[-1]


async def test_enter_on_a_call_shows_its_memo_and_on_a_request_opens_it(ledger):
    vendor = vendors.create_vendor("Acme")
    memo = "Line dead since 9"
    log_call_at(vendor.id, datetime(2026, 11, 18, 1), "Router down", internal_notes=memo)
    request = requests.open_request(vendor.id, "outbound", "Send the invoice")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_vendor(pilot, vendor.id)
        await pilot.press("down", "enter")
        assert "Internal memo\n    Line dead since 9" in prompts(screen, "#timeline")[1]
        await pilot.press("enter")
        assert "Line dead since 9" not in prompts(screen, "#timeline")[1]
        assert "Internal memo" not in prompts(screen, "#timeline")[1]
        await pilot.press("up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RequestDetailScreen)
        assert app.screen.request_id == request.id
        await pilot.press("x", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert "answered" in prompts(screen, "#timeline")[0]


def test_timeline_pages_neither_skip_nor_repeat_entries_at_the_same_moment(ledger):
    vendor = vendors.create_vendor("Acme")
    at = datetime(2026, 11, 18, 1)
    logged = [log_call_at(vendor.id, at, f"call {n}").id for n in range(7)]
    seen, before = [], None
    while page := vendor_timeline(vendor.id, limit=3, before=before):
        seen.extend(entry.call.id for entry in page)
        before = page[-1]
    assert seen == sorted(logged, reverse=True)


async def test_renaming_a_contact_renames_them_on_the_timeline(ledger):
    vendor = vendors.create_vendor("Acme")
    sato = vendors.create_contact(vendor.id, "Sato")
    log_call_at(vendor.id, datetime(2026, 11, 18, 1), "Router down", contact_id=sato.id)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_vendor(pilot, vendor.id)
        assert "· Sato" in prompts(screen, "#timeline")[0]
        await pilot.press("e", "end", *" Jiro", "ctrl+s")
        await settle(pilot)
        assert "· Sato Jiro" in prompts(screen, "#timeline")[0]
