"""The contracts screen (`K`), a contract's detail and a vendor's contracts (DESIGN §13),
driven with keys against a real ledger: sorting, the filters the title names, opening, and
renewing, ending and cancelling one key each."""

from datetime import date

import pytest
from conftest import TODAY, Notices, settle, shown, until
from textual.content import Content
from textual.widgets import Input

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.data.contracts.store import add_contract, contract_history, get_contract
from daicho.data.dates.settings import DateSettings, set_date_settings
from daicho.i18n import set_language
from daicho.screens.contract_detail import ContractDetail
from daicho.screens.contract_form import ContractForm
from daicho.screens.contract_report import ContractReport
from daicho.screens.contracts_screen import ContractsScreen
from daicho.screens.main_screen import MainScreen
from daicho.screens.vendor_detail import VendorDetailScreen
from daicho.widgets.contract_table import ContractTable
from daicho.widgets.vendor_contracts import VendorContracts

SIZE = (160, 45)


def four_contracts() -> dict[str, int]:
    """Two vendors' contracts with decisions at four distances from TODAY (2026-11-20)."""
    acme, nimbus = vendors.create_vendor("Acme"), vendors.create_vendor("Nimbus")
    made = {
        "copier": add_contract(  # cancel by Mon 2026-12-28 (New Year closure)
            acme.id, title="Copier maintenance", kind="maintenance", start=date(2026, 4, 1),
            term_months=12, renewal="auto", notice_months=3, cost=12000,
        ),
        "office": add_contract(  # by agreement: decide by the end, 2026-12-31
            acme.id, title="Office suite", kind="license", start=date(2026, 1, 1),
            term_months=12, renewal="agreement", cost=90000, cost_period="year",
        ),
        "fiber": add_contract(  # ends 2027-11-30, cancel by Fri 2027-10-29
            nimbus.id, title="Fiber line", kind="line", start=date(2025, 12, 1),
            term_months=24, renewal="auto", notice_days=30,
        ),
        "router": add_contract(  # no renewal: decide by the end, 2026-12-09, 19 days off
            nimbus.id, title="Router support", kind="support", start=date(2025, 12, 10),
            term_months=12, renewal="none",
        ),
    }  # fmt: skip
    return {name: contract.id for name, contract in made.items()} | {
        "acme": acme.id,
        "nimbus": nimbus.id,
    }


def titles(screen) -> list[str]:
    return [line.contract.title for line in screen.query_one(ContractTable).lines]


def pane_title(screen) -> str:
    return Content.from_markup(screen.query_one("#contracts-pane").border_title).plain


async def open_contracts(pilot, screen: ContractsScreen | None = None) -> ContractsScreen:
    await settle(pilot)
    if screen is None:
        await pilot.press("K")
    else:
        pilot.app.push_screen(screen)
    await until(pilot, lambda: isinstance(pilot.app.screen, ContractsScreen), "the contracts")
    screen = pilot.app.screen
    await until(pilot, lambda: screen.lines is not None, "the contracts read")
    await settle(pilot)
    return screen


async def test_k_lists_every_contract_nearest_decision_first_with_days_left(ledger):
    four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)
        assert titles(screen) == [
            "Router support",
            "Copier maintenance",
            "Office suite",
            "Fiber line",
        ]
        table = shown(screen.query_one(ContractTable))
        assert "12/9 in 19d" in table and "12/28 in 38d" in table
        assert "¥12,000/mo" in table and "¥90,000/yr" in table
        assert pane_title(screen) == "Contracts · all vendors · by decision date"
        await pilot.press("o")
        assert titles(screen) == [
            "Copier maintenance",
            "Office suite",
            "Fiber line",
            "Router support",
        ]
        assert pane_title(screen).endswith("by vendor")
        await pilot.press("o")
        assert titles(screen) == [
            "Router support",
            "Office suite",
            "Copier maintenance",
            "Fiber line",
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_decision_within_30_days_is_highlighted_and_a_past_one_says_late(ledger):
    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)
        table = screen.query_one(ContractTable)
        from daicho.widgets.contract_table import decision_deadline

        bands = {line.contract.title: decision_deadline(line, TODAY).band for line in table.lines}
        assert bands["Router support"] == "soon" and bands["Copier maintenance"] == "later"
    late = add_contract(ids["acme"], title="Old fax", start=date(2025, 11, 1), term_months=12,
                        renewal="none")  # fmt: skip
    async with DaichoApp(ledger_path=ledger).run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)
        assert titles(screen)[0] == late.title
        assert "10/31 ‼20d late" in shown(screen.query_one(ContractTable))


async def test_the_filters_narrow_the_list_and_the_title_names_them(ledger):
    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot, ContractsScreen(ids["acme"], "Acme", narrowed=False))
        await pilot.press("a")
        assert titles(screen) == ["Copier maintenance", "Office suite"]
        assert pane_title(screen).startswith("Contracts · Acme ·")
        await pilot.press("a", "k")  # all vendors, maintenance contracts
        assert titles(screen) == ["Copier maintenance"]
        assert "maintenance" in pane_title(screen)
        await pilot.press("k")  # licenses
        assert titles(screen) == ["Office suite"]
        await pilot.press(*"kkkkk")  # back to every kind
        assert len(titles(screen)) == 4
        await pilot.press("w")  # automatic renewal
        assert titles(screen) == ["Copier maintenance", "Fiber line"]
        assert "auto-renews" in pane_title(screen)
        await pilot.press(*"www", "f")  # every renewal; 2026年度 (this one)
        assert len(titles(screen)) == 4 and "FY 2026" in pane_title(screen)
        await pilot.press("f")  # 2027年度: what renews by itself, and nothing that ended
        assert titles(screen) == ["Copier maintenance", "Fiber line"]
        await pilot.press("f")  # 2025年度: the copier starts after it
        assert titles(screen) == ["Router support", "Office suite", "Fiber line"]
        await pilot.press("f")
        assert len(titles(screen)) == 4 and "FY" not in pane_title(screen)
        assert screen.query_one("#contracts-pane").border_subtitle == "4 of 4"


async def test_the_fiscal_year_follows_the_configured_start(ledger):
    four_contracts()
    set_date_settings(DateSettings(fiscal_year_start=1))
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)
        await pilot.press("f", "f")  # 2027 as a calendar year
        assert "FY 2027" in pane_title(screen)
        assert titles(screen) == ["Copier maintenance", "Fiber line"]


async def test_enter_opens_the_detail_and_renewing_keeps_the_earlier_term(ledger):
    ids = four_contracts()
    notices = Notices()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await open_contracts(pilot)
        await pilot.press("down", "enter")  # the copier
        await until(pilot, lambda: isinstance(app.screen, ContractDetail), "the detail")
        detail = app.screen
        await until(pilot, lambda: detail.contract is not None, "the contract read")
        fields = shown(detail.query_one("#contract-fields"))
        assert "term 1: 2026-04-01 to 2027-03-31 (12 months)" in fields
        assert "Cancel by" in fields and "Mon 2026-12-28" in fields
        assert "3 months' notice" in fields and "¥12,000 · per month · tax not included" in fields
        await pilot.press("r")
        await settle(pilot)
        assert "Renewed: term 2, 2027-04-01 to 2028-03-31" in notices.said()
        history = shown(detail.query_one("#history-lines"))
        span = "2026-04-01 – 2027-03-31 → 2027-04-01 – 2028-03-31"
        assert span in " ".join(history.split())  # wrapped where the pane is narrow
        assert "term 2: 2027-04-01 to 2028-03-31" in shown(detail.query_one("#contract-fields"))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        copier = next(line for line in screen.query_one(ContractTable).lines
                      if line.contract.id == ids["copier"])  # fmt: skip
        assert copier.dates.term.number == 2


async def test_ending_cancelling_and_reopening_from_the_detail(ledger):
    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = ContractDetail(ids["router"])
        app.push_screen(detail)
        await until(pilot, lambda: detail.contract is not None, "the contract read")

        def enabled() -> set[str]:
            active = detail.active_bindings.values()
            return {a.binding.action for a in active if a.enabled and a.node is detail}

        assert {"renew", "end", "cancel"} <= enabled() and "reopen" not in enabled()
        await pilot.press("x")
        await settle(pilot)
        assert get_contract(ids["router"]).status == "ended"
        assert "reopen" in enabled() and "renew" not in enabled()
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("k")
        await until(pilot, lambda: app.focused is not None and isinstance(app.focused, Input),
                    "the notice day asked")  # fmt: skip
        assert app.focused.value == TODAY.isoformat()
        await pilot.press("ctrl+u", *"11/18", "enter")
        await settle(pilot)
        stored = get_contract(ids["router"])
        assert (stored.status, stored.notice_given) == ("cancelled", date(2026, 11, 18))
        history = shown(detail.query_one("#history-lines"))
        assert "ended" in history and "reopened" in history
        assert "notice given 2026-11-18" in history
    kinds = [event.kind for event in contract_history(ids["router"]) if event.kind != "reminder"]
    assert kinds == ["created", "ended", "reopened", "cancelled"]  # its reminders aside


async def test_n_adds_a_contract_for_the_vendor_shown_and_the_list_selects_it(ledger):
    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot, ContractsScreen(ids["nimbus"], "Nimbus"))
        assert titles(screen) == ["Router support", "Fiber line"]
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ContractForm), "the form")
        assert app.screen.snapshot()["vendor"] == "Nimbus"
        await pilot.press(*"Spare parts", "tab", "tab", "tab", *"2026-12-01", "ctrl+s")
        await until(pilot, lambda: app.screen is screen, "the list again")
        await until(pilot, lambda: "Spare parts" in titles(screen), "the new contract")
        current = screen.query_one(ContractTable).current
        assert current.contract.title == "Spare parts"
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ContractForm), "the edit form")
        assert app.screen.contract.id == current.contract.id


async def test_the_vendor_detail_lists_its_contracts_and_c_adds_one(ledger):
    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        vendor = VendorDetailScreen(ids["acme"])
        app.push_screen(vendor)
        await settle(pilot)
        section = vendor.query_one(VendorContracts)
        assert [line.contract.title for line in section.lines] == [
            "Copier maintenance",
            "Office suite",
        ]
        assert "Copier maintenance  12/28 in 38d" in shown(section)
        section.focus()
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ContractDetail), "the detail")
        assert app.screen.contract_id == ids["office"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, ContractForm), "the form")
        assert app.screen.snapshot()["vendor"] == "Acme"
        await pilot.press(*"Toner", "tab", "tab", "tab", *"2026-12-01", "ctrl+s")
        await until(pilot, lambda: len(section.lines) == 3, "the new contract listed")


@pytest.mark.parametrize("language", ["ja"])
async def test_the_screen_in_japanese_says_解約期限(ledger, language):
    set_language(language)
    four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)
        table = shown(screen.query_one(ContractTable))
        assert "解約期限" in table and "判断期限" in table and "自動更新" in table
        assert pane_title(screen) == "契約一覧 · 全業者 · 判断期限順"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ContractDetail), "the detail")
        detail = app.screen
        await until(pilot, lambda: detail.contract is not None, "the contract read")
        fields = shown(detail.query_one("#contract-fields"))
        assert "解約期限" in fields and "第1期" in fields


async def test_k_from_the_main_screen_offers_its_selected_vendor_to_a(ledger):
    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "f", *"Nimbus", "enter")
        screen = await open_contracts(pilot)
        assert len(titles(screen)) == 4  # every contract first
        await pilot.press("a")
        assert titles(screen) == ["Router support", "Fiber line"]
        assert screen.filters.vendor_id == ids["nimbus"]
        assert pane_title(screen).startswith("Contracts · Nimbus ·")


async def test_k_is_in_help_and_in_the_command_palette(ledger):
    from conftest import run_command

    from daicho.screens.help_screen import HelpScreen

    four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        lines = "\n".join(shown(static) for static in app.screen.query("Static"))
        assert any(line.split()[:2] == ["K", "Contracts"] for line in lines.splitlines() if line)
        await pilot.press("escape")
        await run_command(pilot, "Contracts")
        await until(pilot, lambda: isinstance(app.screen, ContractsScreen), "the contracts")


async def test_a_contract_form_open_when_the_app_stopped_comes_back_at_start(ledger):
    from daicho.data import drafts

    ids = four_contracts()
    fields = {"vendor": "Acme", "title": "Half typed", "start": "2026-12-01", "notice": "3か月前"}
    drafts.save_draft("contract", {"fields": fields, "open": True}, f"v{ids['acme']}")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ContractForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = get_contract(ids["router"] + 1)
    assert (saved.title, saved.vendor_id, saved.notice_months) == ("Half typed", ids["acme"], 3)


async def test_the_list_follows_another_windows_save_and_the_day(ledger):
    import threading

    from daicho.data.dates import clock
    from daicho.data.ledger import in_own_connection

    ids = four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)

        def toner() -> None:
            add_contract(ids["acme"], title="Toner", start=date(2026, 12, 1), term_months=12)

        saving = threading.Thread(target=in_own_connection, args=(toner,))
        saving.start()
        saving.join()
        await until(pilot, lambda: "Toner" in titles(screen), "the other window's contract")
        clock.freeze_today(date(2026, 12, 10))  # the router's decision (12-09) now past
        app.check_today()
        await until(pilot, lambda: screen.today == date(2026, 12, 10), "the new day")
        await settle(pilot)
        assert "12/9 ‼1d late" in shown(screen.query_one(ContractTable))


async def test_a_vendor_and_a_contract_named_like_markup_show_as_typed(ledger):
    vendor = vendors.create_vendor("[bold]Acme[/]")
    add_contract(vendor.id, title="[red]Copier[/]", start=date(2026, 4, 1), term_months=12)
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot, ContractsScreen(vendor.id))
        assert pane_title(screen).startswith("Contracts · [bold]Acme[/] ·")
        assert "[red]Copier[/]" in shown(screen.query_one(ContractTable))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ContractDetail), "the detail")
        detail = app.screen
        await until(pilot, lambda: detail.contract is not None, "the contract read")
        assert shown(detail.query_one("#contract-title")) == "[red]Copier[/]"


async def test_r_opens_the_fiscal_year_report_of_the_contracts(ledger):
    four_contracts()
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contracts(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, ContractReport), "the report")
        report = app.screen
        await until(pilot, lambda: report.text is not None, "the report read")
        assert report.text.startswith("Contracts for FY2026 (1 Apr 2026 – 31 Mar 2027)")
        assert "Copier maintenance" in report.text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
