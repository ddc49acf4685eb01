"""The request form (`r`), driven with keys against a real ledger."""

from datetime import timedelta

import pytest
from conftest import settle, shown
from textual.widgets import Input, Static

from daicho.app import DaichoApp
from daicho.data import queue, requests, vendors
from daicho.data.dates import clock
from daicho.data.queue import QueueFilters
from daicho.i18n import set_language
from daicho.screens.request_edit_form import RequestEditForm
from daicho.screens.request_form import NewRequestForm


def queue_size() -> int:
    return queue.count_queue(QueueFilters())


async def open_form(pilot, form: NewRequestForm) -> list:
    results = []
    pilot.app.push_screen(form, callback=results.append)
    await pilot.pause()
    return results


async def test_a_request_for_the_selected_vendor_due_in_three_days(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, NewRequestForm(acme.id, acme.name))
        assert app.focused.id == "subject"
        await pilot.press(*"Send the quote", "tab")
        assert app.focused.parent.id == "due"
        await pilot.press(*"+3", "ctrl+s")
        await pilot.pause()
    [saved] = results
    assert saved == requests.get_request(saved.id)
    assert (saved.vendor_id, saved.subject, saved.due) == (
        acme.id,
        "Send the quote",
        clock.today() + timedelta(days=3),
    )
    assert (saved.direction, saved.priority, saved.status) == ("outbound", "normal", "open")


async def test_what_is_asked_and_the_internal_memo_are_typed_and_kept_apart(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 40)) as pilot:
        form = NewRequestForm(acme.id, acme.name)
        results = await open_form(pilot, form)
        labels = [shown(label) for label in form.query(".form-label")]
        assert "Details (goes into mails to the vendor)" in labels
        assert "Internal memo (never in a mail)" in labels
        await pilot.press(*"Quote", "tab", "tab", "tab")
        assert app.focused.id == "body"
        await pilot.press(*"A quote for 10 units, please.", "tab")
        assert app.focused.id == "internal_notes"
        await pilot.press(*"President's order", "enter", *"Compare with Nimbus", "ctrl+s")
        await pilot.pause()
    [saved] = results
    stored = requests.get_request(saved.id)
    assert stored.body == "A quote for 10 units, please."
    assert stored.internal_notes == "President's order\nCompare with Nimbus"


async def test_the_edit_form_changes_the_memo_and_the_history_names_it(ledger):
    acme = vendors.create_vendor("Acme")
    request = requests.open_request(acme.id, "outbound", "Quote", body="10 units")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(RequestEditForm(request))
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", *"Inside only", "ctrl+s")
        await settle(pilot)
    stored = requests.get_request(request.id)
    assert (stored.body, stored.internal_notes) == ("10 units", "Inside only")
    assert requests.request_history(request.id)[-1].new_value == "internal_notes"


async def test_an_invalid_due_date_blocks_the_save(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = NewRequestForm(acme.id, acme.name)
        results = await open_form(pilot, form)
        await pilot.press(*"Quote", "tab", *"someday", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert shown(form.query_one("#form-error", Static))
        assert form.snapshot()["subject"] == "Quote"
    assert results == []
    assert queue_size() == 0


async def test_an_unknown_vendor_is_an_inline_error(ledger):
    vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        form = NewRequestForm()
        results = await open_form(pilot, form)
        assert app.focused.id == "vendor"
        await pilot.press(*"Nobody", "tab", "tab", *"Quote", "ctrl+s")
        await pilot.pause()
        assert "Nobody" in shown(form.query_one("#form-error", Static))
        assert app.focused.id == "vendor"
    assert results == []
    assert queue_size() == 0


async def test_vendor_and_contact_complete_as_you_type(ledger):
    acme = vendors.create_vendor("Acme Telecom", status="prospect")
    yamada = vendors.create_contact(acme.id, "Yamada")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, NewRequestForm())
        await app.workers.wait_for_complete()
        await pilot.pause()
        for typed in ("acm", "ya"):  # the suggestion shows, → takes it
            await pilot.press(*typed)
            await pilot.pause()
            await pilot.press("right", "tab")
        await pilot.press(*"Call us back", "shift+tab", "shift+tab", "shift+tab")
        assert app.focused.id == "direction"
        await pilot.press("right", "tab", "tab", "tab", "tab", "tab")
        assert app.focused.id == "priority"
        await pilot.press("u", "ctrl+s")
        await pilot.pause()
    [saved] = results
    assert (saved.vendor_id, saved.contact_id) == (acme.id, yamada.id)
    assert (saved.direction, saved.priority) == ("inbound", "urgent")


async def test_escape_closes_without_saving(ledger):
    acme = vendors.create_vendor("Acme")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, NewRequestForm(acme.id, acme.name))
        await pilot.press(*"Quote", "escape")
        await pilot.pause()
    assert results == [None]
    assert queue_size() == 0


async def test_snapshot_and_load_carry_every_field(ledger):
    typed = {
        "direction": "inbound",
        "vendor": "Acme",
        "contact": "Yamada",
        "subject": "Quote",
        "due": {"date": (clock.today() + timedelta(weeks=2)).isoformat(), "text": "+2w"},
        "priority": "high",
        "body": "two\nlines",
        "internal_notes": "inside\nonly",
        "assignee": "髙橋",
    }
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        form = NewRequestForm()
        await open_form(pilot, form)
        form.load(typed)
        assert form.snapshot() == typed


async def test_the_vendor_and_contact_are_found_by_their_readings(ledger):
    shuwa = vendors.create_vendor("秀和システム開発株式会社", reading="しゅうわしすてむかいはつ")
    vendors.create_contact(shuwa.id, "伊藤 智子", reading="いとう ともこ")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = await open_form(pilot, NewRequestForm())
        await settle(pilot)
        assert app.focused.id == "vendor"
        await pilot.press(*"しゅうわ")
        assert "しゅうわ → 秀和システム開発株式会社" in shown(app.focused)
        await pilot.press("tab", "tab")  # takes the name, moves on
        await settle(pilot)
        await pilot.press(*"イト")
        assert "イト → 伊藤 智子" in shown(app.focused)
        await pilot.press("tab", "tab", *"Invoice", "ctrl+s")
        await settle(pilot)
    [saved] = results
    assert (saved.vendor_name, saved.contact_name) == ("秀和システム開発株式会社", "伊藤 智子")


@pytest.mark.parametrize(
    ("language", "hint"),
    [("en", "type a name; Tab takes the suggestion"), ("ja", "名前を入力 (Tab で候補を確定)")],
)
async def test_the_call_and_request_forms_say_the_key_that_takes_a_name(ledger, language, hint):
    """The request form said → while the call form's Tab took the name: both say Tab."""
    set_language(language)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#vendor", Input).placeholder == hint
        await open_form(pilot, NewRequestForm())
        assert app.screen.query_one("#vendor", Input).placeholder == hint
