"""The main layouts as the user sees them, on the demo ledger with a fixed today.

Update after a deliberate change of look with `pytest tests/test_snapshots.py --snapshot-update`,
then look at the report before committing the new SVGs.
"""

from datetime import datetime, time

import pytest
from conftest import TODAY, settle, until
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data.contracts.reminders import catch_up
from daicho.data.dates import clock
from daicho.data.mail.sender import Sender
from daicho.data.seed.generate import seed_ledger
from daicho.i18n import set_language
from daicho.widgets.vendor_list import WITH_ANSWER_TIME, VendorRows

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
CALL = {  # subject, notes, two decisions and a follow-up, as typed in each language
    "en": ("Quote", "Two sites", "Visit on 12/1", "Price held", "Send PO"),
    "ja": ("見積", "2拠点", "12/1 に現地調査", "価格据え置き", "発注書を送る"),
}
SENDER = {
    "en": Sender("Daicho Trading", "IT", "Hanako Sato", "03-1234-5678", "sato@example.com"),
    "ja": Sender(
        "台帳商事株式会社", "情報システム課", "佐藤 花子", "03-1234-5678", "sato@example.com"
    ),
}


@pytest.fixture
def demo_app(ledger, language):
    """The demo ledger in the test's language, with the clock stopped at 10:00 UTC on the
    tests' today, and its renewal reminders caught up as after the day's first start: the
    start's own catch-up, a moment after the first paint, then finds nothing to add, whenever
    it runs."""
    set_language(language)
    seed_ledger("demo", language=language)
    catch_up(TODAY)
    clock.freeze_now(datetime.combine(TODAY, time(10)))
    yield DaichoApp(ledger_path=ledger)
    clock.freeze_now(None)


async def settle_with_answer_times(pilot) -> None:
    """Settled, with the vendors' answer times in where the list has room for them: they are
    read a moment after the first view is drawn."""
    await settle(pilot)
    rows = pilot.app.screen.query_one(VendorRows)
    if rows.scrollable_content_region.width >= WITH_ANSWER_TIME:
        await until(pilot, lambda: rows.answer_days, "the answer times")
        await settle(pilot)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, demo_app, size, language):
    assert snap_compare(demo_app, terminal_size=SIZES[size], run_before=settle_with_answer_times)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES)
def test_logging_a_call(snap_compare, demo_app, size, language):
    """A call being typed with the third vendor selected: the form's whole layout."""
    subject, notes, first, second, follow_up = CALL[language]

    async def type_a_call(pilot) -> None:
        await settle_with_answer_times(pilot)
        await pilot.press("down", "down", "down", "n", *subject, "tab")
        await pilot.press(*first, "enter", *second, "tab", *notes, "tab", *follow_up, "tab")
        await pilot.press("tab", *"+3")
        await settle(pilot)
        for field in pilot.app.screen.query(Input):  # the cursor shown, however long that took
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=SIZES[size], run_before=type_a_call)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_mail_preview(snap_compare, demo_app, language):
    """`Y` on the queue's first row at 80×24: chooser, mail, note and keys all on screen."""
    demo_app.config = demo_app.config.with_sender(SENDER[language])

    async def preview(pilot) -> None:
        await settle(pilot)
        await pilot.press("2", "Y")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SIZES["80x24"], run_before=preview)
