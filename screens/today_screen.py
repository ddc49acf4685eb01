"""Today (今日やること, DESIGN §12): what needs the user today, in the list's order, each line
saying why; `enter` opens an item, `u` chases it, `z` snoozes it to a day it comes back on.
A contract's decision opens the contract, and snoozes the contract itself.

It follows the ledger and the app's today like the other screens: another window's chase,
an answer saved in the request's detail, or midnight, and the list is read again.
"""

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from daicho.data import queue, requests
from daicho.data.contracts.store import get_contract
from daicho.data.records import ContractRecord, QueueCounts, RequestRecord, TodayItem
from daicho.data.today import today_list
from daicho.i18n import N_, _
from daicho.screens.bases.detail import DetailScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.copying import MailSource, request_source
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.today_list import TodayList

TITLE = N_("Today")


class TodayScreen(FollowsLedger, DetailScreen):
    """The day's list; escape goes back to the screen under it (the main screen)."""

    DEFAULT_CSS = """
    TodayScreen #today-pane { height: 1fr; }
    TodayScreen #today-empty { padding: 1 2; color: $text-muted; }
    """
    BINDINGS: ClassVar = [
        Binding("u", "chase", N_("Chase"), id="today.chase"),
        Binding("z", "snooze", N_("Snooze"), id="today.snooze"),
        Binding("enter", "open", N_("Open"), id="today.open", show=False),
    ]
    HELP_TITLE = TITLE
    AUTO_FOCUS = "TodayList"

    def __init__(self, first: tuple[list[TodayItem], QueueCounts] | None = None) -> None:
        """`first`: the list and the counts already read (at start, with the main screen's
        first view), shown at once instead of a first read."""
        super().__init__()
        self.items: list[TodayItem] | None = None
        """The list as last read (None until the first read is in)."""
        self._first = first

    def compose(self) -> ComposeResult:
        yield LedgerHeader()
        with Vertical(id="today-pane", classes="pane") as pane:
            pane.border_title = _(TITLE)
            yield TodayList()
            yield Static(_("All clear: nothing needs you today"), id="today-empty", markup=False)
        yield KeyBar(first=("u", "z", "enter"))

    def on_mount(self) -> None:
        self.query_one(LedgerHeader).today = self.query_one(TodayList).today = self.today
        self.query_one("#today-empty").display = False
        if self._first is None:
            self.reload()
        else:
            self._show(self._first)
            self._first = None

    def watch_today(self, today) -> None:
        """A new day: the list's reasons and the header's figures move with it."""
        super().watch_today(today)
        self.query_one(LedgerHeader).today = self.query_one(TodayList).today = today
        self.reload()

    def reload(self) -> None:
        today, chase_after = self.today, self.app.config.chase_after

        def read() -> tuple[list[TodayItem], QueueCounts]:
            items = today_list(today, chase_after)
            return items, queue.queue_counts(today, chase_after, len(items))

        read_ledger(self, read, self._show, kind="today")

    def ledger_changed(self) -> None:
        self.reload()

    def _show(self, loaded: tuple[list[TodayItem], QueueCounts]) -> None:
        self.items, counts = loaded
        self.query_one(LedgerHeader).counts = counts
        listed = self.query_one(TodayList)
        listed.items = tuple(self.items)
        listed.display = bool(self.items)
        self.query_one("#today-empty").display = not self.items
        self.refresh_bindings()

    @property
    def current(self) -> TodayItem | None:
        return self.query_one(TodayList).current

    def mail_source(self) -> MailSource | None:
        if (item := self.current) is None or item.kind != "request":
            return None
        return request_source(item.id, self.app.config.soon_days)

    # --- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The item keys on an item; a chase only for one we wait on (shown dimmed on one
        we owe, so that the key is learnt)."""
        if action in ("open", "snooze"):
            return self.current is not None
        if action in ("copy_mail", "preview_mail"):
            return self.current is not None and self.current.kind == "request"
        if action == "chase":
            item = self.current
            return None if item is None or item.direction != "outbound" else True
        return True

    def on_option_list_option_highlighted(self) -> None:
        self.refresh_bindings()

    def on_today_list_opened(self, event: TodayList.Opened) -> None:
        self._open(event.item)

    def action_open(self) -> None:
        if (item := self.current) is not None:
            self._open(item)

    def _open(self, item: TodayItem) -> None:
        if item.kind == "contract":
            from daicho.screens.contract_detail import ContractDetail

            self.app.push_screen(ContractDetail(item.id), lambda _result: self.reload())
            return
        from daicho.screens.request_detail import RequestDetailScreen

        self.app.push_screen(RequestDetailScreen(item.id), lambda _result: self.reload())

    def action_snooze(self) -> None:
        from daicho.screens.snooze_prompt import ContractSnoozePrompt, SnoozePrompt

        item = self.current
        if item is None or item.kind != "contract":
            self._prompt(SnoozePrompt)
            return
        read = partial(get_contract, item.id)
        push = partial(self._push_prompt, ContractSnoozePrompt)
        read_ledger(self, read, push, kind="prompt")

    def action_chase(self) -> None:
        from daicho.screens.chase_prompt import ChasePrompt

        self._prompt(ChasePrompt)

    def _prompt(self, prompt) -> None:
        """Read the current item's request as it is now, then ask about it in `prompt`."""
        if (item := self.current) is None:
            return
        read = partial(requests.get_request, item.id)
        read_ledger(self, read, partial(self._push_prompt, prompt), kind="prompt")

    def _push_prompt(self, prompt, record: RequestRecord | ContractRecord) -> None:
        self.app.push_screen(prompt(record), self._after_prompt)

    def _after_prompt(self, result: RequestRecord | ContractRecord | None) -> None:
        if result is not None:
            self.reload()
