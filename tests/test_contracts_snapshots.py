"""The contracts screen as the user sees it, at the two sizes of DESIGN §4, on a few
contracts whose decisions fall late, soon, later and past the year's end.

Update after a deliberate change of look with `pytest tests/test_contracts_snapshots.py
--snapshot-update`, then look at the report before committing the new SVGs.
"""

from datetime import date, datetime, time

import pytest
from conftest import TODAY, settle
from test_contracts_screen import four_contracts

from daicho.app import DaichoApp
from daicho.data.contracts.store import add_contract
from daicho.data.dates import clock
from daicho.i18n import set_language

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


@pytest.fixture
def contracts_app(ledger, language):
    set_language(language)
    ids = four_contracts()
    add_contract(
        ids["acme"], title="[bold]Old fax[/]", start=date(2025, 11, 1), term_months=12,
        renewal="none", cost=3000, tax_included=True,
    )  # fmt: skip
    clock.freeze_now(datetime.combine(TODAY, time(10)))
    yield DaichoApp(ledger_path=ledger)
    clock.freeze_now(None)


async def open_contracts(pilot) -> None:
    await settle(pilot)
    await pilot.press("K")
    await settle(pilot)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES)
def test_contracts_screen(snap_compare, contracts_app, size, language):
    assert snap_compare(contracts_app, terminal_size=SIZES[size], run_before=open_contracts)
