"""Who I am, once: the first mail with no sender asks for it, writes `[sender]` and keeps the
rest of config.toml; escape still sends the mail, says how to set the sender, and does not ask
again; the palette edits it later."""

import tomllib

from conftest import Notices, run_command, settle, shown
from test_copying import ME, FakeClipboard
from test_main_screen import small_ledger
from textual.widgets import Input, Static

from daicho.app import DaichoApp
from daicho.config import load_config
from daicho.data.mail import summaries
from daicho.data.mail.sender import Sender
from daicho.i18n import set_language
from daicho.screens.mail_preview import MailPreview
from daicho.screens.sender_form import SenderForm

SATO = Sender("Daicho Trading", "情報システム課", "Sato Hanako", "03-1234-5678", "sato@example.com")
# A config as `tomli_w` writes it (every known setting, then the tables), with a template,
# a signature, a key and a table the app does not know.
CONFIG = '''language = "en"
theme = "textual-dark"
soon_days = 5
soon_business_days = true
colour = "blue"

[display]
date_style = "short"

[dates]
closed_days = [
    "12/29-01/03",
]

[backup]
keep = 7
enabled = true

[templates]
call_short = """
Call with {vendor}
{decisions}
"""

[plugins.sync]
enabled = false
'''
NO_SENDER = "This mail has no sender or signature"


def app_without_sender(ledger, clipboard: FakeClipboard) -> DaichoApp:
    app = DaichoApp(ledger_path=ledger, config=load_config())
    app.copier = clipboard
    return app


async def type_sender(pilot, sender: Sender) -> None:
    """The five fields, in the order Tab walks them, then save."""
    parts = (sender.company, sender.department, sender.name, sender.phone, sender.mail)
    for part in parts:
        await pilot.press("ctrl+u", *part, "tab")  # ctrl+u: what was there goes
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_the_first_y_asks_who_sends_it_and_keeps_the_rest_of_the_config(ledger, tmp_path):
    ids = small_ledger()
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    clipboard = FakeClipboard()
    app = app_without_sender(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert isinstance(app.screen, SenderForm)
        assert clipboard.copied == []  # not before the form is answered
        await type_sender(pilot, SATO)
        assert not isinstance(app.screen, SenderForm)
        assert app.config.sender == SATO
    written = path.read_text(encoding="utf-8")
    assert written == CONFIG + (
        "\n[sender]\n"
        'company = "Daicho Trading"\n'
        'department = "情報システム課"\n'
        'name = "Sato Hanako"\n'
        'phone = "03-1234-5678"\n'
        'mail = "sato@example.com"\n'
    )
    assert load_config(path).sender == SATO
    assert clipboard.copied == [summaries.request_mail(ids["asked"].id, {}, sender=SATO).text]
    assert "This is Sato Hanako of 情報システム課, Daicho Trading." in clipboard.copied[0]
    assert not any(NO_SENDER in note for note in notices.said())
    assert any("Sender details saved in" in note for note in notices.said())


async def test_escape_sends_the_mail_says_how_to_set_the_sender_and_asks_no_more(ledger, tmp_path):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_without_sender(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert isinstance(app.screen, SenderForm)
        await pilot.press(*"Sato", "escape")
        await settle(pilot)
        mail = summaries.request_mail(ids["asked"].id, {}, sender=Sender()).text
        assert clipboard.copied == [mail]
        [warning] = notices.said("warning")
        assert warning.startswith(NO_SENDER) and "Sender details" in warning
        await pilot.press("y")  # not asked again this session; said again, with the mail
        await settle(pilot)
        assert not isinstance(app.screen, SenderForm)
        assert clipboard.copied == [mail, mail]
        assert len(notices.said("warning")) == 2
    assert not (tmp_path / "config.toml").exists()


async def test_a_signature_alone_copies_without_the_notice(ledger):
    small_ledger()
    clipboard = FakeClipboard()
    app = app_without_sender(ledger, clipboard)
    app.config = app.config.replace(templates={"signature": "-- \nSato, IT"})
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert "Sato, IT" in clipboard.copied[0]
    assert not any(NO_SENDER in note for note in notices.said())


async def test_shift_y_asks_first_then_previews_the_mail_with_the_sender(ledger, tmp_path):
    ids = small_ledger()
    app = app_without_sender(ledger, FakeClipboard())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)
        assert isinstance(app.screen, SenderForm)
        await type_sender(pilot, SATO)
        preview = app.screen
        assert isinstance(preview, MailPreview)
        mail = summaries.request_mail(ids["asked"].id, {}, sender=SATO)
        assert preview.query_one("#mail-text").text == mail.text
    assert load_config(tmp_path / "config.toml").sender == SATO


async def test_the_palette_edits_the_sender_filled_in_from_the_config(ledger, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    app = DaichoApp(ledger_path=ledger, config=load_config().with_sender(ME))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Sender details")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SenderForm)
        assert form.query_one("#name", Input).value == ME.name
        assert form.query_one("#mail", Input).value == ME.mail
        assert not form.query("#form-intro")  # no mail waits on it
        await pilot.press("tab", "tab", "ctrl+u", *"Suzuki Jiro", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SenderForm)
    saved = load_config(path)
    assert saved.sender == Sender(ME.company, ME.department, "Suzuki Jiro", ME.phone, ME.mail)
    assert saved.templates == load_config(path).templates == tomllib.loads(CONFIG)["templates"]
    assert saved.raw["plugins"] == {"sync": {"enabled": False}} and saved.raw["colour"] == "blue"


async def test_a_config_that_cannot_be_written_is_said_in_the_form_which_keeps_the_text(
    ledger, tmp_path, monkeypatch
):
    ids = small_ledger()
    clipboard = FakeClipboard()
    app = app_without_sender(ledger, clipboard)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("DAICHO_CONFIG", str(blocker / "config.toml"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        await type_sender(pilot, SATO)
        form = app.screen
        assert isinstance(form, SenderForm)
        assert "Cannot write" in shown(form.query_one("#form-error", Static))
        assert form.query_one("#name", Input).value == SATO.name
        assert not app.config.sender.is_set
        await pilot.press("escape")  # the mail still goes, without the sender
        await settle(pilot)
    assert clipboard.copied == [summaries.request_mail(ids["asked"].id, {}).text]


async def test_the_form_and_its_palette_command_speak_japanese(ledger):
    set_language("ja")
    app = DaichoApp(ledger_path=ledger, config=load_config().with_sender(ME))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_command(pilot, "差出人")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SenderForm)
        assert str(form.query_one(".dialog").border_title) == "差出人の設定"
        labels = [shown(label) for label in form.query(".form-label")]
        assert labels == ["会社名", "部署", "氏名", "電話", "メール"]
