"""How fast each vendor answers (DESIGN §12): the median business days from asking to the first
answer over the last 12 months, on real ledgers, against a plain walk over the calendar.

Today is Friday 20 November 2026 (conftest); Monday 23 November is a holiday (勤労感謝の日).
"""

import itertools
from datetime import date, datetime, timedelta
from statistics import median

import pytest
from conftest import shown, until
from hypothesis import given, settings
from hypothesis import strategies as st
from test_vendor_detail import open_vendor

from daicho.app import DaichoApp
from daicho.data import requests, vendors
from daicho.data.answer_times import AnswerTime, answer_times, days_shown, suggested_due
from daicho.data.dates import clock
from daicho.data.dates.settings import business_calendar
from daicho.data.ledger import close_ledger, open_ledger
from daicho.i18n import set_language
from daicho.screens.main_screen import ANSWERS_AFTER_S
from daicho.screens.request_form import NewRequestForm
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.date_field import DateField
from daicho.widgets.vendor_list import VendorRows

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 20)


def ask_and_answer(vendor_id: int, asked: datetime, *answered: datetime, direction="outbound"):
    """A request opened at `asked` (local), answered at each of `answered`, reopened between."""
    clock.freeze_now(clock.to_utc(asked))
    request = requests.open_request(vendor_id, direction, "Quote")
    for number, moment in enumerate(answered):
        clock.freeze_now(clock.to_utc(moment))
        if number:
            requests.reopen_request(request.id)
        requests.answer_request(request.id, "ok")
    clock.freeze_now(None)
    return request


# --- examples --------------------------------------------------------------------------


def test_the_same_day_is_0_and_the_next_business_day_1(ledger):
    acme = vendors.create_vendor("Acme").id
    ask_and_answer(acme, datetime(2026, 11, 13, 9), datetime(2026, 11, 13, 17))  # Fri, same day
    ask_and_answer(acme, datetime(2026, 11, 13, 18), datetime(2026, 11, 16, 9))  # Fri → Mon
    found = answer_times(TODAY)
    assert found == {acme: AnswerTime(0.5, 2)}
    assert (days_shown(found[acme].median_days), found[acme].days) == ("0.5", 1)


def test_a_weekend_and_a_holiday_are_not_counted(ledger):
    acme = vendors.create_vendor("Acme").id
    ask_and_answer(acme, datetime(2026, 11, 20, 9), datetime(2026, 11, 24, 9))  # Fri → Tue
    assert answer_times(date(2026, 11, 24)) == {acme: AnswerTime(1, 1)}


def test_a_reopened_request_counts_once_by_its_first_answer(ledger):
    acme = vendors.create_vendor("Acme").id
    first, again = datetime(2026, 11, 17, 9), datetime(2026, 11, 20, 9)
    ask_and_answer(acme, datetime(2026, 11, 16, 9), first, again)  # Mon → Tue, then Fri
    assert answer_times(TODAY) == {acme: AnswerTime(1, 1)}


def test_the_window_is_the_365_days_ending_today(ledger):
    acme = vendors.create_vendor("Acme").id
    edge = TODAY - timedelta(days=365)  # Thu 20 Nov 2025: still in
    ask_and_answer(acme, datetime(2025, 11, 17, 9), datetime(2025, 11, 19, 23, 59))  # out
    ask_and_answer(acme, datetime(2025, 11, 17, 9), datetime.combine(edge, datetime.min.time()))
    ask_and_answer(acme, datetime(2026, 11, 20, 9), datetime(2026, 11, 24, 9))  # after today
    assert answer_times(TODAY) == {acme: AnswerTime(3, 1)}  # Mon 17 → Thu 20 Nov 2025


def test_requests_we_owe_and_unanswered_ones_are_left_out(ledger):
    acme = vendors.create_vendor("Acme").id
    beta = vendors.create_vendor("Beta").id
    ask_and_answer(acme, datetime(2026, 11, 2, 9), datetime(2026, 11, 4, 9), direction="inbound")
    ask_and_answer(beta, datetime(2026, 11, 2, 9))
    assert answer_times(TODAY) == {}


def test_a_due_date_is_suggested_from_three_answers_on(ledger):
    acme = vendors.create_vendor("Acme").id
    for asked, answered in [(2, 4), (9, 12)]:  # 1 (Tue 3 is a holiday) and 3 business days
        ask_and_answer(acme, datetime(2026, 11, asked, 9), datetime(2026, 11, answered, 9))
    assert suggested_due(acme, TODAY) is None
    ask_and_answer(acme, datetime(2026, 11, 16, 9), datetime(2026, 11, 20, 9))  # 4
    assert suggested_due(acme, TODAY) == (AnswerTime(3, 3), date(2026, 11, 26))  # Mon 23 off
    assert answer_times(TODAY, vendor_id=acme) == {acme: AnswerTime(3, 3)}


# --- the property: the median equals a plain walk over the calendar ----------------------

_MOMENT = st.tuples(st.integers(0, 30), st.integers(0, 23))  # days after, hour of the day
_REQUEST = st.tuples(
    st.sampled_from(["Acme", "Beta"]),
    st.sampled_from(["outbound", "outbound", "inbound"]),
    st.integers(-5, 400),  # asked this many days before today (a few after it)
    st.integers(0, 23),  # at this hour
    st.lists(_MOMENT, max_size=3),  # answered that long after the last step; reopened between
)
_LEDGERS = itertools.count()


def plain_answer_times(history, today: date) -> dict[str, tuple[float, int]]:
    """What the numbers should be, by a walk day by day: per vendor, over the outbound requests
    whose first answer falls within the 365 days ending today, the business days after the day
    asked up to the day answered."""
    calendar = business_calendar()
    spans: dict[str, list[int]] = {}
    for vendor, direction, asked, answers in history:
        if direction != "outbound" or not answers:
            continue
        first = answers[0].date()
        if not today - timedelta(days=365) <= first <= today:
            continue
        walked = (
            asked.date() + timedelta(days=n) for n in range(1, (first - asked.date()).days + 1)
        )
        spans.setdefault(vendor, []).append(sum(map(calendar.is_business_day, walked)))
    return {vendor: (median(days), len(days)) for vendor, days in spans.items()}


def walk(start: datetime, steps: list[tuple[int, int]]) -> list[datetime]:
    """Each step `days` later at `hour` (a minute after the last when that would go back)."""
    moments = []
    for days, hour in steps:
        last = moments[-1] if moments else start
        step = datetime.combine(last.date() + timedelta(days=days), datetime.min.time())
        moments.append(max(step.replace(hour=hour), last + timedelta(minutes=1)))
    return moments


@settings(max_examples=25)  # a fresh ledger each time: opening one costs a tenth of a second
@given(drawn=st.lists(_REQUEST, max_size=12))
def test_answer_times_equal_a_plain_walk_over_the_calendar(tmp_path, drawn):
    history = []
    for vendor, direction, days_before, hour, steps in drawn:
        asked = datetime.combine(TODAY - timedelta(days=days_before), datetime.min.time())
        asked = asked.replace(hour=hour)
        history.append((vendor, direction, asked, walk(asked, steps)))
    open_ledger(tmp_path / f"{next(_LEDGERS)}.db")
    try:
        ids = {name: vendors.create_vendor(name).id for name in ("Acme", "Beta")}
        for vendor, direction, asked, answers in history:
            ask_and_answer(ids[vendor], asked, *answers, direction=direction)
        found = answer_times(TODAY)
    finally:
        clock.freeze_now(None)
        close_ledger()
    names = {vendor_id: name for name, vendor_id in ids.items()}
    got = {names[vendor]: (time.median_days, time.answers) for vendor, time in found.items()}
    assert got == plain_answer_times(history, TODAY)


# --- on screen -------------------------------------------------------------------------


def answering_vendor(name: str, spans: list[tuple[int, int]]) -> int:
    """A vendor that answered requests asked on each first November day on the second."""
    vendor_id = vendors.create_vendor(name).id
    for asked, answered in spans:
        ask_and_answer(vendor_id, datetime(2026, 11, asked, 9), datetime(2026, 11, answered, 9))
    return vendor_id


THREE_ANSWERS = [(2, 4), (9, 12), (16, 20)]  # 1 (Tue 3 is a holiday), 3 and 4 business days


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Answers   in 3 business days (median of 3 answers, last 12 months)"),
        ("ja", "回答まで  中央値3営業日（直近12か月・回答3件）"),
    ],
)
async def test_the_vendor_detail_says_how_fast_the_vendor_answers(ledger, language, line):
    acme = answering_vendor("Acme", THREE_ANSWERS)
    set_language(language)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await open_vendor(pilot, acme)
        assert line in shown(screen.query_one("#vendor-fields"))


@pytest.mark.sqlite_only
async def test_a_vendor_with_no_answer_in_12_months_says_so(ledger):
    beta = answering_vendor("Beta", [])
    ask_and_answer(beta, datetime(2025, 10, 1, 9), datetime(2025, 10, 2, 9))  # too long ago
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await open_vendor(pilot, beta)
        assert "Answers   — (none in the last 12 months)" in shown(
            screen.query_one("#vendor-fields")
        )


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("size", "column"), [((160, 45), True), ((80, 24), False)])
async def test_the_vendors_pane_shows_the_median_when_wide_enough(ledger, size, column):
    answering_vendor("Acme", [*THREE_ANSWERS, (9, 11)])  # 1, 2, 3, 4: 2.5
    answering_vendor("Beta", [])
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=size) as pilot:
        rows = app.screen.query_one(VendorRows)
        if column:
            await until(pilot, lambda: rows.answer_days, "the answer times")
        else:  # no room for them: not even read
            await pilot.pause(3 * ANSWERS_AFTER_S)
            assert not rows.answer_days
        acme, beta = shown(rows).splitlines()[1:3]
        assert acme.startswith("Acme") and beta.startswith("Beta")
        assert ("2.5d" in acme) is column
        assert "d" not in beta.removeprefix("Beta")


@pytest.mark.sqlite_only
async def test_the_median_comes_when_the_terminal_widens(ledger):
    answering_vendor("Acme", [*THREE_ANSWERS, (9, 11)])
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = app.screen.query_one(VendorRows)
        await pilot.resize_terminal(160, 45)
        await until(pilot, lambda: "2.5d" in shown(rows).splitlines()[1], "the answer times")


def due_hint(form) -> str:
    return shown(form.query_one("#due .hint"))


@pytest.mark.sqlite_only
async def test_a_new_request_suggests_its_due_date_and_tab_takes_it(ledger):
    acme = answering_vendor("Acme", THREE_ANSWERS)  # median 3: Thu 26 Nov, Mon 23 is off
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(120, 34)) as pilot:
        form, results = NewRequestForm(acme, "Acme"), []
        await app.push_screen(form, callback=results.append)
        await pilot.press(*"Quote", "tab")
        assert app.focused.parent.id == "due"
        suggestion = "usually answers in 3 business days → Thu 2026-11-26 (tab)"
        await until(pilot, lambda: " ".join(due_hint(form).split()) == suggestion, "the date")
        await pilot.press("tab")
        assert app.focused.parent.id == "due"  # it took the date; the next Tab moves on
        assert form.query_one("#due", DateField).text == "2026-11-26"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: results, "the form to close")
    [saved] = results
    assert requests.get_request(saved.id).due == date(2026, 11, 26)


@pytest.mark.sqlite_only
async def test_no_suggestion_from_two_answers_nor_for_what_we_owe(ledger):
    answering_vendor("Acme", THREE_ANSWERS)
    answering_vendor("Beta", THREE_ANSWERS[:2])
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(120, 34)) as pilot:
        form = NewRequestForm()
        await app.push_screen(form)
        await until(pilot, lambda: form._vendor_ids, "the vendor names")
        await pilot.press(*"Acme")
        await until(pilot, lambda: "usually answers" in due_hint(form), "Acme's suggestion")
        await pilot.press(*["backspace"] * 4, *"Beta")
        await until(pilot, lambda: due_hint(form) == "", "Beta's lack of one")
        await pilot.press(*["backspace"] * 4, *"Acme")
        await until(pilot, lambda: "usually answers" in due_hint(form), "Acme's again")
        form.query_one("#direction", ChoiceField).value = "inbound"
        await until(pilot, lambda: due_hint(form) == "", "none for what we owe")
        await pilot.press("tab", "tab", "tab", "tab")  # contact, subject, due, and on
        assert app.focused.id == "priority"
        assert form.query_one("#due", DateField).text == ""
