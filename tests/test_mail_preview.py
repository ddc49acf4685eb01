"""`Y`: the preview opens on the mail the moment calls for, names its templates as users know
them, shows the header lines as they are, and fits 80×24 with long lines wrapped only on screen.
"""

from conftest import settle, shown
from test_copying import ME, FakeClipboard, app_with
from test_main_screen import small_ledger
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Static, TextArea

from daicho.config import Config
from daicho.data import requests
from daicho.data.mail import summaries
from daicho.data.mail.templates import template_label, template_names
from daicho.screens.mail_preview import MailPreview
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.key_bar import KeyBar

# As the reminder, the mail the overdue request waiting on Acme calls for.
HEADED = "To: tanaka@acme.example\nCc: buyer@acme.example\nStatus of {subject}\n\n{body}\n"


async def open_preview(pilot) -> MailPreview:
    """`Y` on the queue's first row (the request waiting on Acme), the mail made."""
    await settle(pilot)
    await pilot.press("2", "Y")
    await settle(pilot)
    preview = pilot.app.screen
    assert isinstance(preview, MailPreview)
    return preview


async def test_the_preview_opens_on_the_mail_the_moment_calls_for_by_its_label(ledger):
    ids = small_ledger()
    app = app_with(ledger, FakeClipboard())
    async with app.run_test(size=(120, 34)) as pilot:
        preview = await open_preview(pilot)
        mail = summaries.request_mail(ids["asked"].id, {}, sender=ME)
        chooser = preview.query_one("#template", ChoiceField)
        assert chooser.value == mail.template
        assert preview.query_one("#mail-text", TextArea).text == mail.text
        assert template_label(mail.template) in shown(chooser)
        names = template_names(summaries.REQUEST_KINDS, {})
        assert chooser.tooltip == " / ".join(template_label(name) for name in names)


async def test_the_header_lines_are_shown_and_copied_as_they_are(ledger):
    ids = small_ledger()
    requests.edit_request(ids["asked"].id, body="Ten laptops, 16 GB.")
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard, Config(templates={"reminder_en": HEADED}))
    async with app.run_test(size=(120, 34)) as pilot:
        preview = await open_preview(pilot)
        text = preview.query_one("#mail-text", TextArea).text
        assert text.startswith("To: tanaka@acme.example\nCc: buyer@acme.example\nStatus of ")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert clipboard.copied == [
        "To: tanaka@acme.example\nCc: buyer@acme.example\n"
        "Status of Quote for 10 laptops\n\nTen laptops, 16 GB."
    ]


def inside(inner: Region, outer: Region) -> bool:
    return outer.contains_region(inner)


async def test_at_80_by_24_the_preview_fits_and_a_long_line_is_copied_as_one(ledger):
    ids = small_ledger()
    long_line = " ".join(f"word{number:03}" for number in range(25)) + "."
    assert len(long_line) == 200
    requests.edit_request(ids["asked"].id, body=long_line)
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard, Config(templates={"reminder_en": HEADED}))
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await open_preview(pilot)
        screen = Region(0, 0, 80, 24)
        dialog = preview.query_one(".dialog").region
        line = preview.query_one("#template-line").region
        area = preview.query_one("#mail-text", TextArea)
        note = preview.query_one("#preview-note", Static)
        for part in (dialog, preview.query_one(KeyBar).region):
            assert part.height and inside(part, screen)
        for widget in (*preview.query("#template-line > *"), area, note):
            assert inside(widget.region, dialog), widget
        for widget in preview.query("#template-line > *"):
            assert inside(widget.region, line), widget
        assert not dialog.overlaps(preview.query_one(KeyBar).region)
        assert area.region.height >= 8  # room to read the mail
        assert area.wrapped_document.height > area.document.line_count  # wrapped on screen
        assert long_line in area.text.split("\n")
        await pilot.press("ctrl+t")  # the template view's longer words fit too
        await settle(pilot)
        for widget in (*preview.query("#template-line > *"), note):
            assert inside(widget.region, preview.query_one("#template-line").region) or (
                widget is note and inside(note.region, dialog)
            ), widget
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [copied] = clipboard.copied
    assert long_line in copied.split("\n")


class Chooser(App):
    def compose(self) -> ComposeResult:
        labels = {"call_ja": "確認メール", "reminder_ja": "催促", "answer_en": "Answer"}
        yield ChoiceField(tuple(labels), labels=labels)


async def test_the_chooser_shows_labels_and_a_letter_jumps_by_label_or_name():
    app = Chooser()
    async with app.run_test() as pilot:
        chooser = app.query_one(ChoiceField)
        chooser.focus()
        await pilot.pause()
        assert "確認メール" in shown(chooser) and "call_ja" not in shown(chooser)
        await pilot.press("a")  # the label "Answer", and the name answer_en
        assert chooser.value == "answer_en"
        await pilot.press("r")  # the name reminder_ja
        assert chooser.value == "reminder_ja" and "催促" in shown(chooser)
        await pilot.press("確")  # the label's first character, from an input method
        assert chooser.value == "call_ja"
