"""ctrl+d never throws away a form by accident (issue 13): in a text field it deletes the
character right of the cursor, as in Emacs and on macOS; otherwise a form with something in
it asks first, and only a second ctrl+d right after discards. Anything else in between, or
waiting too long, keeps everything."""

from conftest import Notices, settle, until
from textual.widgets import Input, TextArea

from daicho.app import DaichoApp
from daicho.data import drafts, vendors
from daicho.data.models import Call
from daicho.screens.bases.form import FormModal
from daicho.screens.vendor_form import VendorForm
from daicho.widgets.call_form import CallForm
from daicho.widgets.discard_guard import CONFIRM_S
from daicho.widgets.vendor_list import VendorRows

SIZE = (160, 45)
ASKS = "ctrl+d again to discard (the draft is kept otherwise)"


def call_draft() -> dict | None:
    return next((d.content for d in drafts.load_drafts() if d.form == drafts.CALL_FORM), None)


async def a_call_typed(pilot) -> CallForm:
    """A call with a subject and a memo, the cursor at the end of the memo, its draft kept."""
    await pilot.press(
        "n", *"Acme", "tab", "tab", "tab", "tab", "tab", *"Wrong number", "tab", "tab", *"Later"
    )

    def kept() -> bool:
        return (call_draft() or {}).get("internal_notes") == "Later"

    await until(pilot, kept, "the call's draft")
    return pilot.app.screen.query_one(CallForm)


async def test_a_stray_ctrl_d_in_a_call_loses_nothing_and_another_key_keeps_it(ledger):
    vendors.create_vendor("Acme Devices")
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        form = await a_call_typed(pilot)
        typed = form.snapshot()

        await pilot.press("ctrl+d")  # nothing right of the cursor: it only asks
        await settle(pilot)
        assert form.snapshot() == typed
        assert call_draft() == typed
        assert app.focused is form.query_one("#internal_notes", TextArea)
        assert notices.said().count(ASKS) == 1

        # Another key, even one that leaves everything as it was: the next ctrl+d asks again.
        await pilot.press("left", "right", "ctrl+d")
        await settle(pilot)
        assert form.snapshot() == typed and call_draft() == typed
        assert notices.said().count(ASKS) == 2

        await pilot.press("ctrl+d")  # right after the one that asked: discarded
        await settle(pilot)
        assert form.is_blank()
        assert isinstance(app.focused, VendorRows)
    assert drafts.load_drafts() == []
    assert Call.select().count() == 0


async def test_ctrl_d_deletes_the_character_right_of_the_cursor_and_never_runs_on(ledger):
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Acme", "left", "left")
        form = app.screen.query_one(CallForm)
        vendor = form.query_one("#vendor", Input)
        await pilot.press("ctrl+d")
        assert vendor.value == "Ace"
        # Held down: the "e" goes, then the end of the text is reached; that press only asks.
        await pilot.press("ctrl+d", "ctrl+d")
        await settle(pilot)
        assert vendor.value == "Ac"
        assert notices.said().count(ASKS) == 1

        await pilot.press("home", "ctrl+d", "ctrl+d", "ctrl+d")  # the form is blank now
        await settle(pilot)
        assert form.is_blank() and app.screen.has_class("-calling")  # asked, not discarded
        assert notices.said().count(ASKS) == 2
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.focused, VendorRows)


async def test_a_blank_call_is_discarded_at_once(ledger):
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("n", "ctrl+d")
        await settle(pilot)
        assert isinstance(app.focused, VendorRows)
        assert ASKS not in notices.said()


async def test_a_form_asks_again_after_the_moment_has_passed_or_the_field_changed(ledger):
    """The guard's clock is replaced: the test moves time on instead of waiting for it."""
    app = DaichoApp(ledger_path=ledger)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("v", *"Nimbus", "tab", *"にんばす")
        form = app.screen
        assert isinstance(form, VendorForm)
        now = [100.0]
        form.discard_guard.clock = lambda: now[0]
        await until(pilot, lambda: drafts.load_drafts() != [], "the vendor's draft")

        await pilot.press("ctrl+d")
        now[0] += CONFIRM_S + 0.1
        await pilot.press("ctrl+d")  # too late: it asks again
        await pilot.press("shift+tab", "ctrl+d")  # another field: it asks again
        await settle(pilot)
        assert app.screen is form
        assert notices.said().count(ASKS) == 3
        assert form.query_one("#name", Input).value == "Nimbus"
        assert form.query_one("#reading", Input).value == "にんばす"
        [draft] = drafts.load_drafts()
        assert draft.content["fields"]["name"] == "Nimbus"

        await pilot.press("ctrl+d")
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
    assert drafts.load_drafts() == []
    assert vendors.find_vendor("Nimbus") is None
