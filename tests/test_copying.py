"""One key to a confirmation email: `y`, `Y`, `c` and the weekly report, on a real ledger.

Only the clipboard is replaced (`app.copier`); the mails are made from the ledger by the same
functions the tests compare with, so these tests check what is copied from where, not wording.
"""

import os
import shutil
import subprocess
import sys
from datetime import timedelta

import pytest
from conftest import TODAY, Notices, calls_of, run_command
from test_main_screen import select_vendor, settle, shown, small_ledger
from textual.widgets import TextArea

from daicho.app import DaichoApp
from daicho.clipboard import CopyFailed, FirstThatWorks, TerminalClipboard
from daicho.config import Config, load_config
from daicho.data import requests, vendors
from daicho.data.mail import summaries
from daicho.data.mail.sender import Sender
from daicho.data.mail.templates import DEFAULT_TEMPLATES, template_names
from daicho.data.mail.weekly_report import weekly_report
from daicho.data.queue import QueueFilters
from daicho.i18n import set_language
from daicho.screens.mail_preview import MailPreview
from daicho.screens.manual_copy import ManualCopyModal
from daicho.screens.request_detail import RequestDetailScreen
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.widgets.call_form import CallForm
from daicho.widgets.call_status import CallStatus


class FakeClipboard:
    """Keeps what it is given; or refuses everything, as when no clipboard can be reached."""

    def __init__(self, refuse: str = "") -> None:
        self.copied: list[str] = []
        self.refuse = refuse

    def copy(self, text: str) -> str:
        if self.refuse:
            raise CopyFailed(self.refuse)
        self.copied.append(text)
        return "to the test's clipboard"


ME = Sender("Daicho Trading", "IT", "Sato Hanako", "03-0000-0000", "sato@example.com")
"""Who the tests' mails are from: with no sender, the first `y` would ask (test_sender_form)."""


def app_with(ledger, clipboard, config: Config | None = None) -> DaichoApp:
    """The app with `clipboard`, and `config` with ME as its sender when it has none."""
    config = config or Config()
    if not config.sender.is_set:
        config = config.with_sender(ME)
    app = DaichoApp(ledger_path=ledger, config=config)
    app.copier = clipboard
    return app


def text_area(screen) -> TextArea:
    return screen.query_one(TextArea)


# --- y on what is under the cursor ---------------------------------------------------


async def test_y_on_a_queue_row_copies_that_requests_email(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        mail = summaries.request_mail(ids["asked"].id, {}, sender=ME)
        [copied] = clipboard.copied
        assert copied == mail.text
        assert copied.split("\n")[0] == mail.subject and "Quote for 10 laptops" in copied
        assert f"Copied: {mail.subject}\nto the test's clipboard" in notices.said()


async def test_y_on_a_vendor_copies_its_open_items(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_vendor(pilot, "Acme")
        await pilot.press("y")
        await settle(pilot)
    assert clipboard.copied == [summaries.vendor_mail(ids["acme"].id, {}, sender=ME).text]
    assert "Quote for 10 laptops" in clipboard.copied[0]


async def test_y_on_all_vendors_copies_the_queue_report(ledger):
    small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert clipboard.copied == [summaries.queue_mail(QueueFilters(), {}, sender=ME).text]


async def test_y_copies_in_the_ui_language(ledger):
    ids = small_ledger()
    set_language("ja")
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        mail = summaries.request_mail(ids["asked"].id, {}, sender=ME)
        assert mail.template == "reminder_ja"  # overdue and waiting on them: the polite 催促
        assert clipboard.copied == [mail.text]
        assert f"コピーしました: {mail.subject}" in notices.said()[-1]


async def test_c_copies_the_queue_as_filtered(ledger):
    small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "d")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        filters = app.screen.filters
    assert filters.direction == "outbound"
    [copied] = clipboard.copied
    assert copied == summaries.queue_mail(filters, {}, sender=ME).text
    assert "Quote for 10 laptops" in copied and "回線の利用数を回答" not in copied


# --- the call just saved ---------------------------------------------------------------


async def type_a_call(pilot) -> None:
    """A call to Acme with two decisions, typed into the call form (not saved yet)."""
    await select_vendor(pilot, "Acme")
    await pilot.press("n", *"Laptop order", "tab")
    await pilot.press(*"Deliver on 12/1", "enter", *"We pay on delivery", "tab", *"Price agreed")


async def test_y_right_after_saving_a_call_copies_its_confirmation(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await type_a_call(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("y copies the confirmation email" in note for note in notices.said())
        await pilot.press("y")
        await settle(pilot)
        [call] = calls_of(ids["acme"].id)
        [copied] = clipboard.copied
        assert copied == summaries.call_mail(call.id, {}, sender=ME).text
        assert "Deliver on 12/1" in copied and "We pay on delivery" in copied

        # Moving on to another vendor: `y` copies what is under the cursor again.
        await pilot.press("up")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert clipboard.copied[-1] == summaries.queue_mail(QueueFilters(), {}, sender=ME).text


async def test_ctrl_y_in_the_call_form_saves_and_copies(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await type_a_call(pilot)
        await pilot.press("ctrl+y")  # in the decisions, where ctrl+y would otherwise redo
        await settle(pilot)
        [call] = calls_of(ids["acme"].id)
        assert call.decisions == ("Deliver on 12/1", "We pay on delivery")
        assert clipboard.copied == [summaries.call_mail(call.id, {}, sender=ME).text]
        status = app.screen.query_one(CallForm).query_one(CallStatus).query_one("#message")
        assert "Laptop order" in str(status.content)


async def test_a_new_call_forgets_the_saved_one(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await type_a_call(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n", "escape")
        assert app.screen.last_call_id is None
        await pilot.press("y")
        await settle(pilot)
    assert clipboard.copied == [summaries.vendor_mail(ids["acme"].id, {}, sender=ME).text]


# --- the detail screens ------------------------------------------------------------------


async def test_y_on_the_request_detail_copies_that_request(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RequestDetailScreen)
        await pilot.press("y")
        await settle(pilot)
    assert clipboard.copied == [summaries.request_mail(ids["owed"].id, {}, sender=ME).text]


async def test_y_on_the_vendor_detail_copies_the_timeline_entry_or_the_vendor(ledger):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_vendor(pilot, "Acme")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VendorDetailScreen)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("shift+tab", "y")  # the contacts: the vendor itself
        await settle(pilot)
    assert clipboard.copied == [
        summaries.request_mail(ids["asked"].id, {}, sender=ME).text,
        summaries.vendor_mail(ids["acme"].id, {}, sender=ME).text,
    ]


# --- Y: the preview --------------------------------------------------------------------


def status_first(ids: dict) -> int:
    """Puts first in the queue the request that calls for the status mail (request_*): the
    one we owe, once the one waiting on Acme (overdue: a reminder) is redated."""
    requests.redate_request(ids["asked"].id, TODAY + timedelta(days=14))
    return ids["owed"].id


async def test_preview_switches_template_and_copies_the_edited_text(ledger):
    request_id = status_first(small_ledger())
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, MailPreview)
        english = summaries.request_mail(request_id, {}, "request_en", sender=ME).text
        assert text_area(preview).text == english

        await pilot.press("right")
        await settle(pilot)
        following = template_names(("request", "reminder", "answer"), {})[1]
        other = summaries.request_mail(request_id, {}, following, sender=ME).text
        assert other != english and text_area(preview).text == other

        await pilot.press("left")
        await settle(pilot)
        assert text_area(preview).text == english

        await pilot.press("tab", *"Re: ", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, MailPreview)
    assert clipboard.copied == ["Re: " + english]


async def test_edits_survive_switching_templates_in_the_preview(ledger):
    small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        await pilot.press("tab", *"Edited ", "shift+tab", "right")
        await settle(pilot)
        await pilot.press("left")
        await settle(pilot)
        assert text_area(app.screen).text.startswith("Edited ")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, MailPreview)
    assert clipboard.copied == []


async def test_a_template_saved_from_the_preview_is_used_by_the_next_y(ledger, tmp_path):
    request_id = status_first(small_ledger())
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert text_area(app.screen).text == DEFAULT_TEMPLATES["request_en"]
        await pilot.press("tab", *"URGENT ", "ctrl+s")
        await settle(pilot)
        saved = "URGENT " + DEFAULT_TEMPLATES["request_en"]
        assert load_config(tmp_path / "config.toml").templates == {"request_en": saved}
        assert app.config.templates == {"request_en": saved}
        assert any("saved in" in note for note in notices.said())

        await pilot.press("escape", "y")
        await settle(pilot)
    [copied] = clipboard.copied
    assert copied.startswith("URGENT ") and "回線の利用数を回答" in copied
    assert copied == summaries.request_mail(request_id, {"request_en": saved}, sender=ME).text


async def test_ctrl_y_from_the_template_view_copies_with_the_edited_template(ledger, tmp_path):
    small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        await pilot.press("ctrl+t", "tab", *"Draft: ", "ctrl+y")
        await settle(pilot)
    assert (
        clipboard.copied[0].startswith("Draft: ") and "Quote for 10 laptops" in clipboard.copied[0]
    )
    assert not (tmp_path / "config.toml").exists()  # copied, not saved


async def test_an_edited_template_makes_the_email_again_when_it_is_shown(ledger, tmp_path):
    small_ledger()
    app = app_with(ledger, FakeClipboard())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        await pilot.press("ctrl+t", "tab", *"Draft: ", "ctrl+t")
        await settle(pilot)
        shown_text = text_area(app.screen).text
        assert shown_text.startswith("Draft: ") and "Quote for 10 laptops" in shown_text
        assert "{subject}" not in shown_text
    assert not (tmp_path / "config.toml").exists()


async def test_a_template_that_cannot_be_written_is_reported(ledger, tmp_path, monkeypatch):
    small_ledger()
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("DAICHO_CONFIG", str(blocker / "config.toml"))
    app = app_with(ledger, FakeClipboard())
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        await pilot.press("ctrl+t", "tab", *"X", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MailPreview)
        assert any("Cannot write" in note for note in notices.said("error"))
        assert app.config.templates == {}


# --- templates that do not work, clipboards that do not either --------------------------


async def test_a_broken_template_is_named_in_a_warning_and_the_default_is_copied(ledger):
    request_id = status_first(small_ledger())
    clipboard = FakeClipboard()
    broken = Config(templates={"request_en": "Status of {subjcet}\n\nHello"})
    app = app_with(ledger, clipboard, broken)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        [warning] = notices.said("warning")
        assert "request_en" in warning and "{subjcet}" in warning
    assert clipboard.copied == [summaries.request_mail(request_id, {}, sender=ME).text]


async def test_when_no_clipboard_takes_the_text_it_is_shown_to_copy_by_hand(ledger):
    ids = small_ledger()
    app = app_with(ledger, FakeClipboard(refuse="no display, no terminal"))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, ManualCopyModal)
        assert text_area(modal).text == summaries.request_mail(ids["asked"].id, {}, sender=ME).text
        assert text_area(modal).read_only
        assert "no display, no terminal" in str(modal.query_one("#why").content)
        await pilot.press("escape")
        assert not isinstance(app.screen, ManualCopyModal)


class Unreachable:
    def copy(self, text: str) -> str:
        raise CopyFailed("no display")


async def test_the_notice_says_the_terminal_took_it_when_the_system_clipboard_did_not(ledger):
    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger, config=Config().with_sender(ME))
    # The real terminal clipboard, told a terminal is there (a test app has none).
    terminal = TerminalClipboard(app.copy_to_clipboard, lambda: True)
    app.copier = FirstThatWorks(Unreachable(), terminal)
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert app.clipboard == summaries.request_mail(ids["asked"].id, {}, sender=ME).text
        assert "via the terminal (OSC 52)" in notices.said()[-1]


async def test_a_mail_too_large_for_the_terminal_clipboard_is_shown_not_called_copied(ledger):
    ids = small_ledger()  # the queue's first row: a request 30 days late, 120 KB as OSC 52
    late = TODAY - timedelta(days=30)
    requests.open_request(ids["acme"].id, "outbound", "仕様書", body="仕様" * 15_000, due=late)
    app = DaichoApp(ledger_path=ledger, config=Config().with_sender(ME))
    app.copier = FirstThatWorks(
        Unreachable(), TerminalClipboard(app.copy_to_clipboard, lambda: True)
    )
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert isinstance(app.screen, ManualCopyModal)
        assert "too large for the terminal's clipboard" in str(app.screen.query_one("#why").content)
        assert not any(notice.startswith("Copied") for notice in notices.said())
        assert app.clipboard == ""


HAS_SYSTEM_CLIPBOARD = bool(shutil.which("xclip") and os.environ.get("DISPLAY"))


@pytest.mark.skipif(not HAS_SYSTEM_CLIPBOARD, reason="needs xclip and a display")
async def test_y_reaches_the_system_clipboard_through_pyperclip(ledger):
    import pyperclip

    ids = small_ledger()
    app = DaichoApp(ledger_path=ledger, config=Config().with_sender(ME))
    notices = Notices()
    async with app.run_test(size=(160, 45), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert "to the system clipboard" in notices.said()[-1]
    assert pyperclip.paste() == summaries.request_mail(ids["asked"].id, {}, sender=ME).text


@pytest.mark.skipif(HAS_SYSTEM_CLIPBOARD, reason="a system clipboard is there")
async def test_without_a_system_clipboard_or_terminal_the_app_says_why(ledger):
    small_ledger()
    app = DaichoApp(ledger_path=ledger, config=Config().with_sender(ME))  # the real clipboards
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert isinstance(app.screen, ManualCopyModal)
        why = str(app.screen.query_one("#why").content)
        assert "system clipboard" in why and "no terminal" in why


# --- the weekly report, help, and the clipboard module ------------------------------


async def test_the_weekly_report_is_copied_from_the_command_palette(ledger):
    small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Copy the weekly report")
        await settle(pilot)
    assert clipboard.copied == [weekly_report({}, sender=ME).text]


async def test_help_and_palette_name_the_copy_keys(ledger):
    small_ledger()
    app = app_with(ledger, FakeClipboard())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Copy email", "Preview email", "Copy queue report"} <= titles
        assert "Copy the weekly report" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join(shown(widget) for widget in app.screen.query(".help-section > Static"))
    for words in ("Copy email", "Preview email", "Copy queue report", "Save and copy email"):
        assert words in text


def test_the_first_clipboard_that_works_is_used_and_every_reason_kept():
    kept = FakeClipboard()
    assert FirstThatWorks(Unreachable(), kept).copy("hello") == "to the test's clipboard"
    assert kept.copied == ["hello"]
    nowhere = TerminalClipboard(kept.copy, lambda: False)
    with pytest.raises(CopyFailed) as failed:
        FirstThatWorks(Unreachable(), nowhere).copy("hello")
    assert str(failed.value) == "no display; no terminal is attached to take the text"


def test_the_clipboard_module_imports_no_textual():
    code = (
        "import sys, daicho.clipboard\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_p_copies_a_phone_number_as_it_was_typed(ledger):
    """Shown normalised (half-width, hyphens), copied as typed: the user's own form."""
    vendor = vendors.create_vendor("Acme", phone="０３－１２３４－５６７８")
    vendors.create_contact(vendor.id, "Tanaka", phone="", mobile="090 1111 2222")
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(120, 34)) as pilot:
        screen = VendorDetailScreen(vendor.id)
        await app.push_screen(screen)
        await settle(pilot)
        assert "03-1234-5678" in shown(screen.query_one("#vendor-fields"))
        assert "090-1111-2222" in shown(screen.query_one("#contacts"))
        await pilot.press("p")  # on the timeline: the vendor's number
        assert clipboard.copied == ["０３－１２３４－５６７８"]
        screen.query_one("#contacts").focus()
        await pilot.pause()
        await pilot.press("p")  # on a contact without a phone: their mobile
        assert clipboard.copied[-1] == "090 1111 2222"


async def test_y_after_saving_a_call_typed_from_all_vendors_copies_it(ledger):
    """The call's vendor named in the form, the list on "All vendors": the list reloads
    after the save (the vendor's counts change), and `y` still copies the call."""
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Acme", "tab", "tab", "tab", "tab", "tab", *"Laptop order")
        await pilot.press("tab", "tab", "tab", "ctrl+o", *"Send the quote")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    [call] = calls_of(ids["acme"].id)
    assert clipboard.copied == [summaries.call_mail(call.id, {}, sender=ME).text]
