"""Daicho in a process of its own, headless, driven by real key presses: for tests that need
two copies of the app on one ledger, or the app run by another user.

LEDGER is a file or a shared ledger's postgresql:// URL; the settings are read from
$DAICHO_CONFIG, as the app does.

    python app_driver.py LEDGER log NAME COUNT          log COUNT calls, one after another
    python app_driver.py LEDGER exchange NAME OTHER DIR first|second
                                                        take turns with OTHER: save a call
                                                        with a follow-up, see OTHER's
    python app_driver.py LEDGER read_only               look, then try to save a call

Prints what it saw as one line of JSON; exits 0 when everything it did worked.
"""

import asyncio
import json
import sys
import time
from pathlib import Path

from conftest import Notices, settle, shown

from daicho.app import DaichoApp
from daicho.config import load_config
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.postgres.url import is_postgres_url
from daicho.i18n import set_language
from daicho.widgets.call_form import CallForm
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.vendor_list import VendorRows

SIZE = (160, 45)


async def log_call(pilot, subject: str, memo: str, follow_up: str = "") -> float | None:
    """Type a call to Acme Devices ("Ac" and Tab completes it, a second Tab moves on) with an
    internal memo and save it. Returns the time ctrl+s was pressed (the save commits as it is
    handled), or None when it was not saved."""
    await pilot.press("n", *"Ac", "tab", "tab", "tab", "tab", "tab", *subject, "tab", "tab")
    await pilot.press(*memo)
    if follow_up:
        await pilot.press("tab", *follow_up)
    saved_at = time.time()
    await pilot.press("ctrl+s")
    await settle(pilot)
    return saved_at if pilot.app.screen.query_one(CallForm).is_blank() else None


async def log(app, name: str, count: int) -> dict:
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        saved = 0
        for number in range(1, count + 1):
            saved += await log_call(pilot, f"{name}{number}", f"from {name} #{number}") is not None
        errors = notices.said("error")
        return {"saved": saved, "errors": errors, "ok": saved == count and not errors}


async def exchange(app, name: str, other: str, directory: Path, first: bool) -> dict:
    """Take turns: the first copy saves a call with a follow-up while the second only watches
    its queue; once the second has seen it, it saves its own, and the first only watches."""
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        (directory / f"{name}.ready").touch()
        while not (directory / f"{other}.ready").exists():
            await pilot.pause(0.05)
        ours = ("Call " + name, "taking turns", "Follow-up " + name)
        saved_at = await log_call(pilot, *ours) if first else None
        seen_at = await watch_queue(pilot, "Follow-up " + other)
        if not first and seen_at is not None:
            saved_at = await log_call(pilot, *ours)
        errors = notices.said("error")
        ok = saved_at is not None and seen_at is not None and not errors
        return {"saved_at": saved_at, "seen_at": seen_at, "errors": errors, "ok": ok}


async def watch_queue(pilot, text: str, limit_s: float = 20) -> float | None:
    """When `text` showed in the queue, with no key pressed meanwhile; None if it never did."""
    table = pilot.app.screen.query_one(QueueTable)
    end = time.time() + limit_s
    while time.time() < end:
        if text in shown(table):
            return time.time()
        await pilot.pause(0.05)
    return None


async def read_only(app) -> dict:
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(pilot)
        at_start = notices.said()
        vendors_shown = shown(app.screen.query_one(VendorRows))
        saved = await log_call(pilot, "Line down", "Router swapped") is not None
        form = app.screen.query_one(CallForm)
        kept = (form.query_one("#subject").value, form.query_one("#internal_notes").text)
        return {
            "notices": at_start,
            "vendors": vendors_shown,
            "saved": saved,
            "kept": kept,
            "errors": notices.said("error"),
            "ok": not saved,
        }


def main(ledger: str, script: str, *arguments: str) -> int:
    set_language("en")
    location = ledger if is_postgres_url(ledger) else Path(ledger)
    open_ledger(location)
    try:
        app = DaichoApp(ledger_path=location, config=load_config())
        if script == "log":
            outcome = asyncio.run(log(app, arguments[0], int(arguments[1])))
        elif script == "exchange":
            name, other, directory, turn = arguments
            outcome = asyncio.run(exchange(app, name, other, Path(directory), turn == "first"))
        else:
            outcome = asyncio.run(read_only(app))
    finally:
        close_ledger()
    print(json.dumps(outcome, ensure_ascii=False))
    return 0 if outcome["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
