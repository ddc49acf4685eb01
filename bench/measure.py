"""The measurements of DESIGN §9, each a list of seconds (or one number) for bench/run.py.

Screens are driven headless through `App.run_test()`; keys are posted as a terminal would
send them and the clock stops once the table has its rows and the screen is idle again.
A ledger is named by its location: an SQLite file's path or a PostgreSQL URL.
"""

import asyncio
import importlib.util
import math
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

from textual.app import App, ComposeResult

from daicho.app import DaichoApp
from daicho.config import Config
from daicho.data import calls, vendors
from daicho.data.dates import clock
from daicho.data.engines import execute
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.models import Vendor
from daicho.data.records import FollowUp
from daicho.data.search.find import search
from daicho.screens.main_screen import compose_main_layout
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.vendor_list import VendorRows

SIZE = (160, 45)
BENCH_USER = "bench"  # who the benchmark is on a shared ledger, which asks a name at start
STYLES = Path(__file__).resolve().parent.parent / "styles.tcss"
TODAY_SCREEN = "daicho.screens.today_screen"


class BareApp(App):
    """The main screen's widgets in the same layout, reading nothing: the start-up baseline."""

    CSS_PATH = str(STYLES)

    def compose(self) -> ComposeResult:
        yield from compose_main_layout()


async def _until(pilot, ready: Callable[[], bool], timeout: float = 30.0) -> None:
    """Wait until `ready()` holds, then until the screen has drawn it."""
    deadline = time.perf_counter() + timeout
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not get ready in time")
        await asyncio.sleep(0.0005)
    await pilot.pause()


def _shown(app: App) -> bool:
    """Data is on the main screen: vendors listed and the queue's first rows in."""
    screen = app.screen
    rows = screen.query(VendorRows)
    table = screen.query(QueueTable)
    return bool(rows and rows.first().rows and table and table.first().current is not None)


def _mounted(app: App) -> bool:
    """The main screen's panes are there (an empty ledger has nothing more to show)."""
    tables = app.screen.query(QueueTable)
    return bool(tables and tables.first().is_mounted)


async def startup_bare() -> float:
    started = time.perf_counter()
    app = BareApp()
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: _mounted(app))
        return time.perf_counter() - started


async def startup(ledger: Path | str, expect_rows: bool, first_screen: str = "main") -> float:
    """Open the ledger and the app, until the vendors and the queue are shown; with
    `first_screen` "today" (`[start] screen` of the config), until Today shows its list."""
    started = time.perf_counter()
    open_ledger(ledger)
    try:
        config = Config(user_name=BENCH_USER, start_screen=first_screen)
        app = DaichoApp(ledger_path=ledger, config=config)
        async with app.run_test(size=SIZE) as pilot:
            if first_screen == "today":
                ready = lambda: _today_shown(app)  # noqa: E731
            else:
                ready = (lambda: _shown(app)) if expect_rows else (lambda: _mounted(app))
            await _until(pilot, ready)
            return time.perf_counter() - started
    finally:
        close_ledger()


def has_today_screen() -> bool:
    """Whether this build has the Today screen (DESIGN §12) that `[start] screen` can open."""
    return importlib.util.find_spec(TODAY_SCREEN) is not None


def _today_shown(app: App) -> bool:
    """Today is the screen on top and its list is in (its `items` are None until then)."""
    screen = app.screen
    return type(screen).__module__ == TODAY_SCREEN and screen.items is not None


class DrawClock:
    """When `table` got rows and when it last drew a line, to stop the clock when the new
    rows are on screen. (Pilot's `pause()` alone waits ~23 ms: harness, not app.)"""

    def __init__(self, table: QueueTable) -> None:
        self.drawn: list[float] = []
        self.rows_at = 0.0
        draw, set_rows = table.render_line, table.set_rows

        def render_line(y: int):
            self.drawn.append(time.perf_counter())
            return draw(y)

        def take_rows(*args, **kwargs):
            set_rows(*args, **kwargs)
            self.rows_at = time.perf_counter()

        table.render_line, table.set_rows = render_line, take_rows

    async def drawn_after(self, started: float, ready: Callable[[], bool]) -> float:
        """Seconds from `started` until the table has drawn, once `ready()` holds and its
        latest rows came in, and no line has been drawn for 5 ms."""
        deadline = started + 30
        while True:
            now = time.perf_counter()
            if now > deadline:
                raise TimeoutError("the queue was not redrawn in time")
            since = max(started, self.rows_at)
            last = self.drawn[-1] if self.drawn else 0.0
            if ready() and last > since and now - last > 0.005:
                return last - started
            await asyncio.sleep(0.0005)


async def queue_changes(ledger: Path | str, keys: str, runs: int) -> list[float]:
    """Seconds from a filter or sort key in the queue to the redrawn table, per press."""
    open_ledger(ledger)
    try:
        app = DaichoApp(ledger_path=ledger, config=Config(user_name=BENCH_USER))
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: _shown(app))
            await pilot.press("2")
            table = app.screen.query_one(QueueTable)
            clock = DrawClock(table)
            times = []
            for index in range(runs):
                started = time.perf_counter()
                app.simulate_key(keys[index % len(keys)])
                ready = lambda started=started: clock.rows_at > started  # noqa: E731
                times.append(await clock.drawn_after(started, ready))
            return times
    finally:
        close_ledger()


async def queue_scroll(ledger: Path | str, runs: int) -> list[float]:
    """Seconds from `pagedown` in the queue to the next page drawn (rows fetched if needed)."""
    open_ledger(ledger)
    try:
        app = DaichoApp(ledger_path=ledger, config=Config(user_name=BENCH_USER))
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: _shown(app))
            await pilot.press("2", "s", "s", "s")  # every status: 20,000 rows on large
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one(QueueTable)
            clock = DrawClock(table)
            times = []
            for _ in range(runs):
                if table.cursor_row + 2 * table.size.height >= table.total:
                    await pilot.press("home")  # back to the top, not timed
                    await pilot.pause()
                target = table.cursor_row
                started = time.perf_counter()
                app.simulate_key("pagedown")
                ready = lambda target=target: _moved_past(table, target)  # noqa: E731
                times.append(await clock.drawn_after(started, ready))
            return times
    finally:
        close_ledger()


def _moved_past(table: QueueTable, row: int) -> bool:
    return table.cursor_row > row and table.current is not None


def save_call(ledger: Path | str, runs: int) -> list[float]:
    """Seconds to log a call with a decision and one dated follow-up, durably."""
    open_ledger(ledger)
    try:
        vendor = vendors.create_vendor(f"Bench {datetime.now().isoformat()}")
        times = []
        for index in range(runs):
            started = time.perf_counter()
            _log_call(vendor.id, datetime(2026, 1, 1) + timedelta(minutes=index), index)
            times.append(time.perf_counter() - started)
        return times
    finally:
        close_ledger()


def save_calls_for(seconds: float, seed: int, together_every: float):
    """One of several clients saving at once: calls taken just now with vendors picked at
    random, for `seconds`, each started at the same moment as the other clients' (every
    `together_every` seconds of the wall clock), or one right after another when that is 0;
    the seconds each save took, and the errors met (what a user would have been told). The
    ledger must be open."""
    rng = Random(seed)
    vendor_ids = [vendor_id for (vendor_id,) in Vendor.select(Vendor.id).tuples()]
    times, errors = [], []
    end = time.time() + seconds
    while time.time() < end:
        _wait_for_the_moment(together_every)
        started = time.perf_counter()
        try:
            _log_call(rng.choice(vendor_ids), clock.utcnow(), len(times) + len(errors))
        except Exception as error:  # counted and reported: a failed save is what is measured
            errors.append(f"{type(error).__name__}: {error}")
        else:
            times.append(time.perf_counter() - started)
    return times, errors


def _wait_for_the_moment(together_every: float) -> None:
    """Sleep until the next moment the clients act together (a multiple of `together_every`
    seconds of the wall clock, which every process reads alike); at once when that is 0."""
    if together_every:
        moment = math.ceil(time.time() / together_every) * together_every
        time.sleep(max(0.0, moment - time.time()))


def _log_call(vendor_id: int, started_at: datetime, index: int) -> None:
    calls.log_call(
        vendor_id=vendor_id,
        started_at=started_at,
        subject=f"Bench call {index}",
        internal_notes="見積の件で折り返し。VPN ルーター交換は来週。",
        decisions=["見積は金曜までに送付"],
        follow_ups=[FollowUp("見積書の送付", due=datetime(2026, 1, 9).date())],
    )


def search_for(seconds: float, queries: tuple[str, ...], top: int, together_every: float):
    """The client searching while the others save: the queries in turn for `seconds`, each
    at the moment the savers save (as `save_calls_for`), or one right after another when
    `together_every` is 0; seconds per search. The ledger must be open."""
    times = []
    end = time.time() + seconds
    while time.time() < end:
        _wait_for_the_moment(together_every)
        started = time.perf_counter()
        search(queries[len(times) % len(queries)], top)
        times.append(time.perf_counter() - started)
    return times


def full_scan(queries: list[str], runs: int) -> list[float]:
    """The search baseline: seconds to scan every call's memo and every request for a word."""
    times = []
    for _ in range(runs):
        for query in queries:
            pattern = f"%{query}%"
            started = time.perf_counter()
            execute(
                "SELECT count(*) FROM call WHERE subject LIKE ? OR internal_notes LIKE ?",
                (pattern,) * 2,
            ).fetchone()
            execute(
                "SELECT count(*) FROM request WHERE subject LIKE ? OR body LIKE ?", (pattern,) * 2
            ).fetchone()
            times.append(time.perf_counter() - started)
    return times
