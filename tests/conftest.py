"""Shared fixtures: every test gets its own real ledger file in tmp_path."""

import time
from collections.abc import Callable
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, settings
from postgres import fresh_database
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.worker import WorkerCancelled

from daicho.data import who
from daicho.data.calls import get_call
from daicho.data.dates import clock
from daicho.data.dates.settings import DateSettings, set_date_settings
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.records import CallRecord
from daicho.data.timeline import vendor_timeline
from daicho.i18n import set_language

# Shared, noisy machines: no deadlines; a modest number of examples keeps the suite quick.
settings.register_profile(
    "daicho",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("daicho")

TODAY = date(2026, 11, 20)  # a Friday: weekdays, weekends and month ends are near


@pytest.fixture(autouse=True)
def _fixed_today_and_english(tmp_path, monkeypatch):
    """Tests see the same "today", start in English with the default date settings and no
    user name, and never touch the user's config or cache."""
    monkeypatch.setenv("DAICHO_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clock.freeze_today(TODAY)
    set_language("en")
    set_date_settings(DateSettings())
    yield
    clock.freeze_today(None)
    set_language("en")
    set_date_settings(DateSettings())
    who.set_user_name("")


@pytest.fixture
def ledger_path(tmp_path):
    return tmp_path / "ledger" / "daicho.db"


def pytest_generate_tests(metafunc):
    """Tests marked `both_engines` run once on SQLite and once on PostgreSQL (DESIGN §17),
    but for those of a marked module that are marked `sqlite_only` themselves."""
    marked = metafunc.definition.get_closest_marker
    if "engine" in metafunc.fixturenames and marked("both_engines") and not marked("sqlite_only"):
        metafunc.parametrize("engine", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def engine(request) -> str:
    """The engine the test's ledger is on: SQLite unless the test is marked both_engines."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def ledger_location(engine, ledger_path):
    """Where the test's ledger is: a file in tmp_path, or a fresh PostgreSQL database."""
    if engine == "sqlite":
        yield ledger_path
        return
    with fresh_database() as url:
        yield url


@pytest.fixture
def ledger(ledger_location):
    """An open, empty ledger (a file, or a PostgreSQL database); closed after the test."""
    open_ledger(ledger_location)
    yield ledger_location
    close_ledger()


def shown(widget) -> str:
    """The text a widget puts on screen, line by line."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.size.region)).strip()


def calls_of(vendor_id: int) -> list[CallRecord]:
    """A vendor's calls, newest first, as the app reads them: from the vendor's timeline, each
    then in full, with its follow-ups."""
    return [get_call(entry.call.id) for entry in vendor_timeline(vendor_id) if entry.call]


async def settle(pilot) -> None:
    """Let the screen's reads in threads finish and their results show."""
    for _ in range(3):
        while True:
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:  # a newer read took its place (typing on): wait on that
                continue
        await pilot.pause()


async def until(pilot, condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    """Let the app run until `condition()` holds; a busy machine may take a while, so no
    fixed pause would do."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        await pilot.pause(0.05)


def at(*local) -> datetime:
    """A local wall-clock time as the ledger stores it, so expectations hold in any time zone."""
    return clock.to_utc(datetime(*local))


@pytest.fixture
def now():
    """Sets the time the ledger records for what is written next: `now(2026, 11, 20, 14, 5)`."""
    yield lambda *local: clock.freeze_now(at(*local))
    clock.freeze_now(None)


async def run_command(pilot, words: str) -> None:
    """Type `words` in the command palette and run the first command, once it is listed."""
    await pilot.press("ctrl+p", *words)

    def listed() -> bool:
        palette = pilot.app.screen
        if not isinstance(palette, CommandPalette):
            return False
        commands = palette.query_one(CommandList)
        first = commands.get_option_at_index(0) if commands.option_count else None
        return first is not None and words.casefold() in str(first.prompt).casefold()

    await until(pilot, listed, f"the palette to list {words!r}")
    await pilot.press("enter")


class Notices:
    """Every notification the app showed, recorded as it is posted: pass one as `run_test`'s
    `message_hook` (Textual's public hook; the app's own list is private, and forgets each
    notice when its few seconds are up, which on a busy machine may be before the test looks)."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append(message.notification)

    def said(self, severity: str | None = None) -> list[str]:
        """The notifications shown so far (of one severity), as plain text."""
        return [
            str(note.message)
            for note in self.shown
            if severity is None or note.severity == severity
        ]
