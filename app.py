"""The Daicho application: start-up, global bindings, configuration and screens."""

import gc
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.driver import Driver
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.worker import Worker, WorkerState

from daicho.clipboard import Clipboard
from daicho.config import Config, save_config
from daicho.data import who
from daicho.data.contracts.reminders import catch_up
from daicho.data.dates import clock
from daicho.data.dates.settings import set_date_settings
from daicho.data.engines import on_postgres
from daicho.data.errors import DaichoError
from daicho.data.ledger import in_own_connection, ledger_name, ledger_refusal, read_only_notice
from daicho.data.records import QueueCounts, TodayItem
from daicho.i18n import N_, _
from daicho.i18n.textual_text import COMMANDS_PLACEHOLDER, THEMES_PLACEHOLDER, translated_commands
from daicho.screens.bases.screen import FollowsToday, key_commands
from daicho.screens.contract_report import TITLE as CONTRACTS_REPORT
from daicho.screens.main_screen import MainScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.sender_form import SENDER_DETAILS, SenderForm
from daicho.screens.support.copying import app_clipboard, copy_mail, preview_mail, weekly_source
from daicho.screens.support.ledger_access import failure_message
from daicho.screens.user_name_form import USER_NAME, UserNameForm
from daicho.terminal_input import read_terminal_as_text
from daicho.widgets.vendor_list import VendorList

REMINDERS_AFTER_S = 0.2
"""The renewal reminders are caught up this long after the first screen is drawn."""


class DaichoApp(App):
    """The ledger in a terminal. The ledger must already be open (see data.ledger): a file,
    or a shared ledger's URL, shown as `ledger_name()` says (never with its password)."""

    CSS_PATH = "styles.tcss"
    BINDINGS: ClassVar = [
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
        # Not a priority: a text field types the letter, as for every other single key.
        Binding("T", "today", N_("Today"), id="today", show=False),
        Binding("K", "contracts", N_("Contracts"), id="contracts", show=False),
    ]
    TITLE = "Daicho"

    today: reactive[date] = reactive(date.min, init=False)
    """The user's local date, the one every screen shows deadlines by; moved at midnight."""

    def __init__(
        self,
        ledger_path: Path | str,
        config: Config | None = None,
        start_notices: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.ledger_path = ledger_path
        self.config = config or Config()
        self.start_notices = tuple(start_notices)
        """What went wrong before the app started (the daily backup), for the main screen."""
        set_date_settings(self.config.as_date_settings())
        who.set_user_name(self.config.user_name)
        self.shared = on_postgres()
        """A ledger several people use: the user is asked who they are, the queue shows
        assignees."""
        self.set_reactive(DaichoApp.today, clock.today())
        self.sub_title = _("Ledger: {path}", path=ledger_name())
        self._failures_said: dict[str, float] = {}
        """Each failed worker's message, and when it was last said (not twice at once)."""
        self.copier: Clipboard = app_clipboard(self)
        """Where `y` puts text (`App.clipboard` is Textual's record of the last copy)."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, reading a paste as text and a byte that is not UTF-8 as U+FFFD."""
        driver = super().get_driver_class()
        read_terminal_as_text(driver, self._tell_not_utf8)
        return driver

    def _tell_not_utf8(self) -> None:
        """Called once, from the driver's input thread (`notify` posts a message: safe)."""
        self.notify(
            _(
                "The terminal is not sending UTF-8: what it sent could not be read and shows "
                "as �. Set the terminal's character encoding to UTF-8."
            ),
            severity="warning",
            timeout=30,
            markup=False,
        )

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.config.start_screen == "today":  # over the main screen: escape goes there
            first = self.screen.first_view  # the day's list was read with it
            self.action_today((first.today, first.counts))
        if self.shared and not self.config.user_name:
            self.push_screen(UserNameForm(first=True))
        self._at_midnight()
        # A full garbage collection walks every object the start made (~90,000: 20-60 ms, in
        # a key press now and then): once the first screen is up, they are set aside.
        self.call_after_refresh(gc.freeze)
        # Not with the first view: a worker at once would compete with its drawing.
        self.call_after_refresh(self.set_timer, REMINDERS_AFTER_S, self.catch_up_reminders)

    def _at_midnight(self) -> None:
        """Move today, and wake again at the next local midnight (a timer that fires early
        or late, after the machine slept, only moves today to what the clock says)."""
        self.check_today()
        self.set_timer(clock.seconds_to_midnight(), self._at_midnight)

    def check_today(self) -> None:
        """Move today if the date changed (screens call this as they look at the ledger,
        so that waking from sleep past midnight shows the new day at once)."""
        self.today = clock.today()

    def watch_today(self, today: date) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, FollowsToday):
                screen.today = today
        self.catch_up_reminders()

    def catch_up_reminders(self) -> None:
        """Put the contracts' renewal reminders due today in the queue (DESIGN §13), in a
        worker once the first screen is up and again each new day; the screens show them
        through the ledger watch like any other window's write."""
        if read_only_notice() is None:
            work = partial(in_own_connection, partial(catch_up, self.today))
            self.run_worker(work, thread=True, group="reminders", exit_on_error=False)

    def on_unmount(self) -> None:
        """What the start set aside can be collected again (tests run many apps in one)."""
        gc.unfreeze()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one handler of failed workers, the app's and (handed on) every screen's: the
        user is told in a notice, never a traceback, and the app runs on (every worker is
        started with `exit_on_error=False`)."""
        if event.state != WorkerState.ERROR:
            return
        message = failure_message(event.worker.error)
        if message == ledger_refusal():  # that one is said where it is found, and stays
            return
        # A shared ledger's server out of reach fails every read (each key typed in the
        # call form's vendor): one notice says it until it has gone from the screen.
        now = time.monotonic()
        if now - self._failures_said.get(message, -math.inf) < self.NOTIFICATION_TIMEOUT:
            return
        self._failures_said[message] = now
        self.notify(message, severity="error", markup=False)

    def action_today(self, first: tuple[list[TodayItem], QueueCounts] | None = None) -> None:
        """The day's list (今日やること), unless it is what the user is looking at; `first`:
        its items and counts when already read."""
        from daicho.screens.today_screen import TodayScreen

        under = self.screen
        if not isinstance(under, TodayScreen):  # what was done there shows under it too
            self.push_screen(TodayScreen(first), lambda _result: _read_again(under))

    def action_contracts(self) -> None:
        """Every contract, unless that is what the user is looking at; `a` there narrows
        them to the vendor selected on the main screen."""
        from daicho.screens.contracts_screen import ContractsScreen

        under = self.screen
        if isinstance(under, ContractsScreen):
            return
        vendor = under.query_one(VendorList).current if isinstance(under, MainScreen) else None
        vendor_id, name = (vendor.id, vendor.name) if vendor else (None, "")
        contracts = ContractsScreen(vendor_id, name, narrowed=False)
        self.push_screen(contracts, lambda _result: _read_again(under))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands (themes, keys, quit) and every action of the screen's keys."""
        yield from translated_commands(super().get_system_commands(screen))
        yield from key_commands(screen)
        yield SystemCommand(
            _("Copy the weekly report"),
            _("The week's decisions, what is overdue and what is due next week, with counts"),
            lambda: copy_mail(self, weekly_source()),
        )
        yield SystemCommand(
            _("Preview the weekly report"),
            _("Choose its template and edit it before copying"),
            lambda: preview_mail(self, weekly_source()),
        )
        yield SystemCommand(
            _(CONTRACTS_REPORT),
            _("Per vendor the contracts running in a 年度, their cost in it and its decisions"),
            self.action_contracts_report,
        )
        yield SystemCommand(
            _(SENDER_DETAILS),
            _("Who your mails are from: company, department, name, phone and mail"),
            lambda: self.push_screen(SenderForm()),
        )
        yield SystemCommand(
            _(USER_NAME),
            _("Who you are on a shared ledger: what you write says so"),
            lambda: self.push_screen(UserNameForm()),
        )

    def action_contracts_report(self) -> None:
        from daicho.screens.contract_report import ContractReport

        self.push_screen(ContractReport())

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=_(COMMANDS_PLACEHOLDER), id="--command-palette")
            )

    def search_themes(self) -> None:
        """Textual's theme picker, with its placeholder in the user's language."""
        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=_(THEMES_PLACEHOLDER))
        )

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def _remember_theme(self, theme) -> None:
        """The theme picked in the command palette is kept in config.toml."""
        if theme.name != self.config.theme:
            self.config = replace(self.config, theme=theme.name)
            try:
                save_config(self.config)
            except (OSError, DaichoError) as error:
                self.notify(str(error), severity="warning", markup=False)


def _read_again(screen: Screen) -> None:
    """`screen` shows the ledger as it is now, after a screen over it changed it."""
    if isinstance(screen, FollowsLedger) and screen.is_attached:
        screen.ledger_changed()
