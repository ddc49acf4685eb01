"""Contracts on the large ledger (DESIGN §13, issue 19): catching up the renewal reminders
adds at most 20 ms to start-up, both when nothing new is due (the usual start) and when a
day's reminders come due; the Contracts screen opens within 50 ms.

The large seed holds about one contract per vendor; a ledger without any (a seed from before
contracts) gets one per vendor added to the writable copy measured, so that the figures
never depend on how the contracts got there. `measure_contracts` is what bench/run.py calls.
"""

import asyncio
import time
from datetime import timedelta
from pathlib import Path
from random import Random

from measure import BENCH_USER, SIZE, _shown, _until

from daicho.app import DaichoApp
from daicho.config import Config
from daicho.data.contracts.reminders import catch_up
from daicho.data.dates import clock
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.models import Contract, Vendor, database
from daicho.screens.contracts_screen import ContractsScreen
from daicho.widgets.contract_table import ContractTable
from daicho.widgets.vendor_list import VendorList

_BATCH = 500


def measure_contracts(ledger: Path | str, runs: int) -> tuple[dict[str, list[float]], dict]:
    """Seconds per catch-up with nothing new (`catch_up_idle`) and with a day's reminders
    due (`catch_up_due`, each rolled back to be made again), and per opening of the
    Contracts screen when this build has one; with how many contracts there were and
    reminders a day made. `ledger` must be writable: a copy."""
    open_ledger(ledger)
    try:
        held = {"contracts": with_contracts()}
        today = clock.today()
        catch_up(today - timedelta(days=1))  # as yesterday's start left the ledger
        times = {"catch_up_idle": [], "catch_up_due": []}
        for _ in range(runs):
            started = time.perf_counter()
            catch_up(today - timedelta(days=1))
            times["catch_up_idle"].append(time.perf_counter() - started)
            with database.atomic() as day:
                started = time.perf_counter()
                held["catch_up_made"] = len(catch_up(today))
                times["catch_up_due"].append(time.perf_counter() - started)
                day.rollback()
    finally:
        close_ledger()
    times["contracts_screen"] = [asyncio.run(contracts_screen(ledger)) for _ in range(runs)]
    return times, held


def with_contracts() -> int:
    """The contracts of the open ledger, one per vendor added first when there are none:
    terms of one to three years started over the last two, a mix of renewals and notice
    periods, so that a day holds the reminders a real ledger would."""
    count = Contract.select().count()
    if count:
        return count
    random, now, today = Random(19), clock.utcnow(), clock.today()
    rows = [
        {
            "vendor": vendor_id,
            "title": f"保守契約 {vendor_id}",
            "kind": random.choice(("maintenance", "license", "lease", "line", "support")),
            "start": today - timedelta(days=random.randrange(730)),
            "term_months": random.choice((12, 12, 24, 36)),
            "renewal": random.choice(("auto", "auto", "agreement", "none")),
            "notice_months": random.choice((1, 2, 3)),
            "created_at": now,
            "updated_at": now,
        }
        for vendor_id in Vendor.select(Vendor.id).tuples().iterator()
        for vendor_id in vendor_id
    ]
    with database.atomic():
        for first in range(0, len(rows), _BATCH):
            Contract.insert_many(rows[first : first + _BATCH]).execute()
    return len(rows)


async def contracts_screen(ledger: Path | str) -> float:
    """Seconds from pushing the Contracts screen to its list holding rows, once the main
    screen has settled (its answer times and the reminders' catch-up read after it is up)."""
    open_ledger(ledger)
    try:
        app = DaichoApp(ledger_path=ledger, config=Config(user_name=BENCH_USER))
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: _settled(app))
            started = time.perf_counter()
            app.push_screen(ContractsScreen())
            await _until(pilot, lambda: _listed(app))
            return time.perf_counter() - started
    finally:
        close_ledger()


def _settled(app) -> bool:
    """The main screen shows its data, answer times included, and reads nothing more."""
    answers = app.screen.query(VendorList)
    return (
        _shown(app)
        and bool(answers and answers.first().answer_days)
        and all(worker.is_finished for worker in app.workers)
    )


def _listed(app) -> bool:
    """The Contracts screen is on top, built, and its table has its lines."""
    screen = app.screen
    tables = screen.query(ContractTable) if isinstance(screen, ContractsScreen) else ()
    return any(table.lines for table in tables)
