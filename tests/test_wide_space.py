"""The full-width space (U+3000) that a Japanese input method types is kept in every field,
and search reads it as a space between words."""

from conftest import TODAY, calls_of, settle
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, TextArea

from daicho.app import DaichoApp
from daicho.data import requests, vendors
from daicho.data.search.query import parse_query
from daicho.screens.contact_form import ContactForm
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.search_screen import SearchScreen
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.widgets.search_results import SearchResults
from daicho.widgets.text_fields import KeepsWideSpace

SPACE = "\u3000"


async def test_the_search_box_keeps_the_wide_space_and_finds_both_words(ledger):
    vendor = vendors.create_vendor("ACME通信")
    wanted = requests.open_request(vendor.id, "outbound", "見積の依頼", body="回線の増速")
    requests.open_request(vendor.id, "outbound", "見積回線")  # not the words apart
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"見積", SPACE, *"増速")
        await pilot.pause(0.2)
        await settle(pilot)
        assert screen.query_one("#query", Input).value == f"見積{SPACE}増速"
        assert [hit.id for hit in screen.query_one(SearchResults).hits] == [wanted.id]


async def test_the_call_form_keeps_the_wide_space_in_subject_and_memo(ledger):
    acme = vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Ac", "tab", "tab", "tab", "tab", "tab")
        await pilot.press(*"回線", SPACE, *"断", "tab", "tab", *"朝から", SPACE, *"断続的")
        assert app.screen.query_one("#subject", Input).value == f"回線{SPACE}断"
        for field in [*app.screen.query(Input), *app.screen.query(TextArea)]:
            assert isinstance(field, KeepsWideSpace), field  # every field, not only these
        await pilot.press("ctrl+s")
        await settle(pilot)
    [call] = calls_of(acme.id)
    assert (call.subject, call.internal_notes) == (f"回線{SPACE}断", f"朝から{SPACE}断続的")


async def test_a_contact_name_keeps_the_wide_space(ledger):
    vendor = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await app.push_screen(VendorDetailScreen(vendor.id))
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await pilot.press(*"佐藤", SPACE, *"健一", "ctrl+s")
        await settle(pilot)
    assert [c.name for c in vendors.list_contacts(vendor.id)] == [f"佐藤{SPACE}健一"]


async def test_a_note_keeps_the_wide_space(ledger):
    vendor = vendors.create_vendor("Acme")
    request = requests.open_request(vendor.id, "outbound", "見積")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await app.push_screen(RequestDetailScreen(request.id))
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"電話で", SPACE, *"督促", "ctrl+s")
        await settle(pilot)
    notes = [event.note for event in requests.request_history(request.id)]
    assert f"電話で{SPACE}督促" in notes


_WORD = st.text(alphabet="見積回線障害ルータａｂｃxyz０1", min_size=1, max_size=6)


@given(
    st.lists(st.tuples(_WORD, st.sampled_from([" ", SPACE, SPACE * 2, f" {SPACE}"])), min_size=1)
)
def test_a_wide_space_parts_words_in_a_query_as_a_space_does(words_and_spaces):
    typed = "".join(word + space for word, space in words_and_spaces)
    spaced = " ".join(word for word, _space in words_and_spaces)
    assert parse_query(typed, TODAY).words == parse_query(spaced, TODAY).words
    assert len(parse_query(typed, TODAY).words) == len(words_and_spaces)
