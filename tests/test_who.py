"""Who did what (DESIGN §17): the user's name, asked on a shared ledger and set from the
palette; who wrote and changed each record, shown; a request's assignee (担当) and the queue's
"mine" filter."""

import tomllib

import pytest
from conftest import Notices, at, run_command, settle, shown, until
from textual.content import Content
from textual.widgets import Input, Static

from daicho.app import DaichoApp
from daicho.config import load_config
from daicho.data import queue, requests, vendors, who
from daicho.data.ledger import open_ledger
from daicho.data.models import Request, RequestEvent, Vendor
from daicho.data.queue import QueueFilters
from daicho.data.transfer.export import export_ledger
from daicho.data.transfer.importer import import_text
from daicho.i18n import set_language
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.user_name_form import UserNameForm
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.widgets.queue_columns import SUBJECT_MIN, VENDOR_MIN, layout
from daicho.widgets.queue_table import QueueTable

CONFIG = """\
language = "en"
colour = "blue"

[sender]
company = "Daicho Trading"

[templates]
signature = "-- \\nSato"
"""


def shared_app(ledger) -> DaichoApp:
    """The app as it starts on a shared (PostgreSQL) ledger."""
    app = DaichoApp(ledger_path=ledger, config=load_config())
    app.shared = True
    return app


async def test_a_shared_ledger_asks_the_name_once_and_keeps_the_rest_of_the_config(
    ledger, tmp_path
):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, UserNameForm), "the name to be asked")
        assert "This ledger is shared" in shown(app.screen.query_one("#form-intro", Static))
        await pilot.press(*"髙橋", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, UserNameForm)
        assert who.user_name() == app.config.user_name == "髙橋"
    assert any("User name saved in" in note for note in notices.said())
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["user"] == {"name": "髙橋"}
    assert saved["colour"] == "blue" and saved["sender"]["company"] == "Daicho Trading"
    assert saved["templates"] == {"signature": "-- \nSato"}
    again = shared_app(ledger)  # the next start: the name is there, nothing is asked
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not isinstance(again.screen, UserNameForm)
        assert who.user_name() == "髙橋"


@pytest.mark.parametrize("engine", ["postgres"], indirect=True)
async def test_a_ledger_on_postgresql_is_shared_and_asks_the_name(ledger):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, UserNameForm), "the name to be asked")
        await pilot.press(*"髙橋", "ctrl+s")
        await settle(pilot)
        assert app.shared and who.user_name() == "髙橋"


async def test_escape_starts_without_a_name_and_says_how_to_set_it(ledger, tmp_path):
    app = shared_app(ledger)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, UserNameForm), "the name to be asked")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, UserNameForm)
    assert who.user_name() == ""
    assert any("“User name” in the command palette" in note for note in notices.said())
    assert not (tmp_path / "config.toml").exists()


async def test_on_sqlite_nothing_is_asked_and_the_palette_sets_the_name(ledger, tmp_path):
    app = DaichoApp(ledger_path=ledger, config=load_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, UserNameForm)
        await run_command(pilot, "User name")
        await settle(pilot)
        assert isinstance(app.screen, UserNameForm)
        assert not app.screen.query("#form-intro")
        await pilot.press(*"Sato", "ctrl+s")
        await settle(pilot)
    assert who.user_name() == "Sato"
    assert load_config(tmp_path / "config.toml").user_name == "Sato"


async def new_request(pilot, subject: str, assignee: str) -> None:
    """`r` for the selected vendor: the subject, Tab to the assignee (the last field), save."""
    await pilot.press("r")
    await settle(pilot)
    await pilot.press(*subject, *["tab"] * 5, *assignee)
    assert pilot.app.focused.id == "assignee"
    await pilot.press("tab", "ctrl+s")  # Tab takes a suggested name, if one shows
    await settle(pilot)


async def test_requests_assigned_to_me_and_another_and_the_mine_filter(ledger):
    vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await run_command(pilot, "User name")
        await settle(pilot)
        await pilot.press(*"髙橋", "ctrl+s")
        await settle(pilot)
        await pilot.press("1", "f", *"Acme", "enter")
        await settle(pilot)
        await new_request(pilot, "Send the quote", "髙")  # Tab completes my name
        await new_request(pilot, "Renew the licence", "佐藤")
        table = app.screen.query_one(QueueTable)
        await pilot.press("2")
        await until(pilot, lambda: table.total == 2, "both requests in the queue")
        assert table.show_assignee  # an open request has an assignee
        header = table.render_line(0).text
        assert "Assignee" in header
        await pilot.press("m")
        await until(pilot, lambda: table.total == 1, "only my request")
        assert table.current.subject == "Send the quote"
        assert "mine" in str(app.screen.query_one("#queue-pane").border_title)
        assert "髙橋" in table.render_line(1).text
        await pilot.press("m")
        await until(pilot, lambda: table.total == 2, "everyone's again")
    mine = requests.get_request(Request.get(Request.subject == "Send the quote").id)
    theirs = requests.get_request(Request.get(Request.subject == "Renew the licence").id)
    assert (mine.assignee, theirs.assignee) == ("髙橋", "佐藤")


async def test_mine_without_a_name_says_where_to_set_it(ledger):
    vendor = vendors.create_vendor("Acme")
    requests.open_request(vendor.id, "outbound", "Quote", assignee="佐藤")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "m")
        await settle(pilot)
        assert app.screen.filters.assignee is None
    assert any("needs your name" in note for note in notices.said("warning"))


def stamped(model, row_id: int, created_by: str, changed_by: str) -> None:
    """As the services stamp a row with the [user] names of who wrote and changed it."""
    model.update(created_by=created_by, changed_by=changed_by).where(model.id == row_id).execute()


async def test_details_and_timelines_show_who_wrote_and_changed_what(ledger, now):
    now(2026, 11, 18, 9, 0)
    acme = vendors.create_vendor("Acme")
    request = requests.open_request(acme.id, "inbound", "Quote", assignee="佐藤")
    now(2026, 11, 19, 14, 5)
    vendors.update_vendor(acme.id, phone="03-1234-5678")
    requests.edit_request(request.id, priority="high")
    stamped(Vendor, acme.id, "髙橋", "佐藤")
    stamped(Request, request.id, "髙橋", "佐藤")
    RequestEvent.create(
        request=request.id, at=at(2026, 11, 19, 14, 5), kind="note_added", created_by="佐藤"
    )
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        detail = RequestDetailScreen(request.id)
        await app.push_screen(detail)
        await settle(pilot)
        fields = shown(detail.query_one("#request-fields"))
        assert "Assignee   佐藤" in fields
        assert "2026-11-18 09:00 · 髙橋" in fields and "2026-11-19 14:05 · 佐藤" in fields
        history = shown(detail.query_one("#history-lines"))
        assert "2026-11-19 14:05 · 佐藤" in history
        await pilot.press("escape")
        vendor_screen = VendorDetailScreen(acme.id)
        await app.push_screen(vendor_screen)
        await settle(pilot)
        info = vendor_screen.query_one("#vendor-info")
        assert "by 髙橋 · changed by 佐藤 11/19 14:05" in str(info.border_subtitle)
        timeline = shown(vendor_screen.query_one("#timeline"))
        assert "assignee: 佐藤" in timeline and "by 髙橋 · changed by 佐藤" in timeline


async def test_nobody_named_shows_nothing_and_japanese_says_who(ledger):
    acme = vendors.create_vendor("Acme")
    request = requests.open_request(acme.id, "outbound", "Quote")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        vendor_screen = VendorDetailScreen(acme.id)
        await app.push_screen(vendor_screen)
        await settle(pilot)
        assert str(vendor_screen.query_one("#vendor-info").border_subtitle) == ""
        assert "by " not in shown(vendor_screen.query_one("#timeline"))
    stamped(Request, request.id, "髙橋", "髙橋")
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        vendor_screen = VendorDetailScreen(acme.id)
        await app.push_screen(vendor_screen)
        await settle(pilot)
        assert "記録: 髙橋" in shown(vendor_screen.query_one("#timeline"))
        assert "更新" not in shown(vendor_screen.query_one("#timeline"))  # never changed


async def test_the_edit_form_sets_the_assignee_with_suggestions_and_the_history_names_it(
    ledger,
):
    acme = vendors.create_vendor("Acme")
    requests.open_request(acme.id, "outbound", "Earlier", assignee="佐藤")
    request = requests.open_request(acme.id, "outbound", "Quote")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        detail = RequestDetailScreen(request.id)
        await app.push_screen(detail)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#assignee", Input).focus()
        await pilot.press("佐", "tab", "ctrl+s")  # Tab takes 佐藤, a name the ledger knows
        await settle(pilot)
        assert "Assignee   佐藤" in shown(detail.query_one("#request-fields"))
        assert "Assignee" in shown(detail.query_one("#history-lines"))
    assert requests.get_request(request.id).assignee == "佐藤"
    assert requests.request_history(request.id)[-1].new_value == "assignee"


@pytest.mark.both_engines
def test_the_queue_filters_by_assignee_and_counts_what_is_assigned(ledger):
    acme = vendors.create_vendor("Acme")
    requests.open_request(acme.id, "outbound", "Mine", assignee=" 髙橋 ")
    requests.open_request(acme.id, "inbound", "Theirs", assignee="佐藤")
    requests.open_request(acme.id, "inbound", "Nobody's")
    page = queue.open_queue(QueueFilters(assignee="髙橋"))
    assert [row.subject for row in page.rows] == ["Mine"]
    assert queue.queue_counts(acme.created_at.date()).assigned == 2
    assert queue.people() == ["佐藤", "髙橋"]


@pytest.mark.both_engines
def test_an_export_and_import_keep_the_assignee(ledger, tmp_path):
    acme = vendors.create_vendor("Acme")
    request = requests.open_request(acme.id, "outbound", "Quote", assignee="佐藤")
    exported = export_ledger("toml")
    assert tomllib.loads(exported)["requests"][0]["assignee"] == "佐藤"
    open_ledger(tmp_path / "copy.db")
    import_text(exported)
    assert requests.get_request(request.id).assignee == "佐藤"
    assert export_ledger("toml") == exported


def test_the_assignee_column_fits_at_80_and_160_columns():
    for width in (80, 160):
        for language in ("en", "ja"):
            set_language(language)
            columns = {column.key: column for column in layout(width, language, "short", True)}
            assert "assignee" in columns
            assert columns["vendor"].width >= VENDOR_MIN
            assert columns["subject"].width >= SUBJECT_MIN
            assert sum(column.width + 1 for column in columns.values()) - 1 <= width


async def test_the_name_form_and_its_palette_command_speak_japanese(ledger):
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_command(pilot, "利用者名")
        await settle(pilot)
        assert isinstance(app.screen, UserNameForm)
        labels = [shown(label) for label in app.screen.query(".form-label")]
        assert labels == ["氏名"]
        await pilot.press(*"髙橋", "ctrl+s")
        await settle(pilot)
    assert who.user_name() == "髙橋"


@pytest.mark.parametrize("name", ["[/]", "[b]佐藤[/b]", "[@click=app.quit]x"])
async def test_a_name_written_as_markup_is_shown_as_typed(ledger, now, name):
    """A [user] name is the user's text like any other: never read as Rich markup, in the
    queue's assignee column, the request's fields and history, and the vendor's border."""
    now(2026, 11, 18, 9, 0)
    acme = vendors.create_vendor("Acme")
    who.set_user_name(name)
    request = requests.open_request(acme.id, "inbound", "Quote", assignee=name)
    vendors.update_vendor(acme.id, phone="03-1234-5678")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QueueTable)
        await until(pilot, lambda: table.total == 1, "the request in the queue")
        assert name[:5] in table.render_line(1).text  # a narrow column: what fits, as typed
        detail = RequestDetailScreen(request.id)
        await app.push_screen(detail)
        await settle(pilot)
        assert f"Assignee   {name}" in shown(detail.query_one("#request-fields"))
        assert f"2026-11-18 09:00 · {name}" in shown(detail.query_one("#history-lines"))
        await pilot.press("escape")
        vendor_screen = VendorDetailScreen(acme.id)
        await app.push_screen(vendor_screen)
        await settle(pilot)
        subtitle = vendor_screen.query_one("#vendor-info").border_subtitle  # as markup
        assert f"changed by {name}" in Content.from_markup(subtitle).plain
        assert app.is_running  # `[@click=app.quit]` did nothing
