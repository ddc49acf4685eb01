"""The 年度 report on screen (DESIGN §13): opened from the command palette, a 年度 back and on
with `[` and `]`, copied with `y`; in English and in Japanese. Only the clipboard is replaced:
the text is the one `daicho report --contracts` prints (goldens in test_contracts_report)."""

from datetime import date

import pytest
from conftest import Notices, run_command, settle, shown, until
from test_contracts_report import desk  # noqa: F401 (the ledger the goldens are of)
from test_copying import ME, FakeClipboard, app_with

from daicho.data import vendors
from daicho.data.contracts.store import add_contract
from daicho.data.mail.contracts_report import contracts_report
from daicho.i18n import set_language
from daicho.screens.contract_report import ContractReport


def report_on_screen(app) -> str | None:
    screen = app.screen
    return screen.text if isinstance(screen, ContractReport) else None


@pytest.mark.parametrize(
    "language, command, title_2025",
    [
        ("en", "Contracts report", "Contracts for FY2025 (1 Apr 2025 – 31 Mar 2026)"),
        ("ja", "年度の契約一覧", "2025年度 契約一覧（2025/04/01〜2026/03/31）"),
    ],
)
async def test_the_report_opens_moves_a_year_and_copies_it(
    desk,  # noqa: F811
    ledger,
    language,
    command,
    title_2025,
):
    set_language(language)
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard)
    notices = Notices()
    async with app.run_test(size=(120, 40), message_hook=notices) as pilot:
        await settle(pilot)
        await run_command(pilot, command)
        this_year = contracts_report({}, sender=ME, year=2026).text
        await until(pilot, lambda: report_on_screen(app) == this_year, "this 年度's report")
        await pilot.press("left_square_bracket")
        await until(
            pilot,
            lambda: (report_on_screen(app) or "").startswith(title_2025 + "\n"),
            "the 年度 before",
        )
        await pilot.press("right_square_bracket", "right_square_bracket")
        next_year = contracts_report({}, sender=ME, year=2027).text
        await until(pilot, lambda: report_on_screen(app) == next_year, "the 年度 after")
        await pilot.press("y")
        await until(pilot, lambda: clipboard.copied == [next_year], "the copy")
        assert not notices.said("error")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ContractReport), "going back")


async def test_names_are_shown_as_typed_never_as_markup(ledger):
    vendor = vendors.create_vendor("[bold]ACME[/]")
    add_contract(vendor.id, title="[red]保守[/red]", start=date(2026, 4, 1), term_months=12)
    app = app_with(ledger, FakeClipboard())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContractReport(2026))
        await until(pilot, lambda: report_on_screen(app) is not None, "the report")
        await pilot.pause()
        text = shown(app.screen.query_one("#report-text"))
        assert "[bold]ACME[/]:" in text and "- [red]保守[/red] (" in text
