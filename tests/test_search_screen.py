"""The search screen: type, see hits appear with the words marked, open one, come back."""

from datetime import datetime

from conftest import shown
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import calls, requests, vendors
from daicho.screens.main_screen import MainScreen
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.search_screen import SearchScreen
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.widgets.search_results import SearchResults


async def settle(pilot) -> None:
    """Past the pause after typing, and the search in its thread done and shown."""
    await pilot.pause(0.2)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_search(pilot) -> SearchScreen:
    screen = SearchScreen()
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


def hits_of(screen: SearchScreen) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in screen.query_one(SearchResults).hits]


def ledger_with_a_call_and_a_request():
    acme = vendors.create_vendor("ACME通信")
    call = calls.log_call(
        vendor_id=acme.id,
        started_at=datetime(2026, 11, 18, 1),
        subject="回線工事",
        internal_notes="[bold]見積[/] を依頼した",
    )
    request = requests.open_request(acme.id, "outbound", "見積書の送付")
    return acme, call, request


async def test_typing_shows_hits_newest_first_with_the_words_marked(ledger):
    _acme, call, request = ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        assert screen.query_one("#query", Input).has_focus
        assert "type:call" in shown(screen.query_one("#search-status"))
        await pilot.press(*"見積")
        await settle(pilot)
        assert hits_of(screen) == [("request", request.id), ("call", call.id)]
        results = screen.query_one(SearchResults)
        text = shown(results)
        assert "request" in text and "ACME通信" in text and "回線工事" in text
        assert "[bold]見積[/] を依頼した" in text  # markup in the ledger shown as typed
        assert "Hits: 2, newest first" in shown(screen.query_one("#search-status"))
        snippet_line = results.render_line(3)
        marked = [segment for segment in snippet_line if segment.text == "見積"]
        assert marked and marked[0].style.bold and marked[0].style.underline


async def test_enter_opens_a_request_and_escape_comes_back_to_the_hits(ledger):
    _acme, _call, request = ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"見積書")
        await settle(pilot)
        await pilot.press("enter")  # from the query into the hits
        assert screen.query_one(SearchResults).has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RequestDetailScreen)
        assert app.screen.request_id == request.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and hits_of(screen) == [("request", request.id)]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_a_call_opens_its_vendor(ledger):
    acme, call, _request = ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"type:call", "space", *"見積", "down")
        await settle(pilot)
        await pilot.press("down")
        assert hits_of(screen) == [("call", call.id)]
        assert screen.query_one(SearchResults).has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VendorDetailScreen)
        assert app.screen.vendor_id == acme.id


async def test_coming_back_from_a_hit_keeps_the_cursor_on_it(ledger):
    ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"見積")
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one(SearchResults).current.kind == "call"


async def test_up_on_the_first_hit_goes_back_to_the_query(ledger):
    ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"見積")
        await settle(pilot)
        await pilot.press("down", "down", "up", "up")
        assert screen.query_one("#query", Input).has_focus
        await pilot.press("x")
        assert screen.query_one("#query", Input).value == "見積x"


async def test_a_filter_that_cannot_be_used_says_so_in_place_of_hits(ledger):
    ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"見積 type:fax")
        await settle(pilot)
        assert hits_of(screen) == []
        status = screen.query_one("#search-status")
        assert 'Unknown type "fax"' in shown(status) and status.has_class("-error")
        await pilot.press("backspace", "backspace", "backspace", *"call")
        await settle(pilot)
        assert len(hits_of(screen)) == 1 and not status.has_class("-error")


async def test_no_hits_and_an_emptied_query(ledger):
    ledger_with_a_call_and_a_request()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"zzz")
        await settle(pilot)
        assert "No hits" in shown(screen.query_one("#search-status"))
        await pilot.press("backspace", "backspace", "backspace")
        await settle(pilot)
        assert "type:call" in shown(screen.query_one("#search-status"))


async def test_the_search_speaks_japanese(ledger):
    from daicho.i18n import set_language

    ledger_with_a_call_and_a_request()
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"回線")
        await settle(pilot)
        assert "通話" in shown(screen.query_one(SearchResults))
        assert "検索結果: 1 件 (新しい順)" in shown(screen.query_one("#search-status"))
