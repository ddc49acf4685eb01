"""The main screen: vendors, the two-way queue and the call log, all by keyboard (DESIGN §4)."""

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, TextArea

from daicho.data import queue, vendors
from daicho.data.answer_times import answer_times, days_shown
from daicho.data.first_view import read_first_view
from daicho.data.ledger import (
    LEDGER_ERRORS,
    ledger_file_problem,
    ledger_name,
    ledger_version,
    read_only_notice,
)
from daicho.data.queue import QueueFilters
from daicho.data.records import VendorRecord
from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoScreen
from daicho.screens.mixins.call_logging import CallLogging
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.mixins.queue_actions import QueueActions
from daicho.screens.mixins.queue_filtering import QueueFiltering
from daicho.screens.support.copying import (
    MailSource,
    call_source,
    copy_mail,
    preview_mail,
    queue_source,
    request_source,
    vendor_source,
)
from daicho.screens.support.form_drafts import form_for
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.call_form import CallForm
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.vendor_list import VendorList, VendorRows

_QUEUE_ACTIONS = {
    "answer",
    "redate",
    "chase",
    "cycle_direction",
    "cycle_status",
    "cycle_priority",
    "toggle_vendor_filter",
    "toggle_mine",
    "cycle_sort",
    "copy_queue",
}
MOST_USED_KEYS = ("n", "r", "v", "slash", "question_mark")
"""First in the key bar: at 80 columns the rest is cut off, never `v`, the first vendor."""
PAGE = 60
WATCH_S = 1.0  # how often the ledger is checked for writes by other windows and people
STAYS_S = 24 * 3600  # a notice that stays until it is clicked away
ANSWERS_AFTER_S = 0.1
"""How long after the first view is drawn the answer times are read: read with it, they held
up the start on a large ledger by a fifth of a second (their worker and a second drawing)."""


class MainScreen(FollowsLedger, CallLogging, QueueFiltering, QueueActions, DaichoScreen):
    """Three panes at once; at 80×24 the call form takes the queue's place while in use."""

    AUTO_FOCUS = "VendorRows"  # a list, so that single-letter keys work from the start

    BINDINGS: ClassVar = [
        Binding("1", "focus_pane('vendors')", N_("Vendors"), show=False, id="main.vendors"),
        Binding("2", "focus_pane('queue')", N_("Queue"), show=False, id="main.queue"),
        Binding("3", "focus_pane('call')", N_("Call log"), show=False, id="main.call"),
        Binding("n", "new_call", N_("New call"), id="main.new_call"),
        Binding("r", "new_request", N_("New request"), id="main.new_request"),
        Binding("v", "new_vendor", N_("New vendor"), id="main.new_vendor"),
        Binding("e", "edit_vendor", N_("Edit vendor"), id="main.edit_vendor"),
        Binding("x", "answer", N_("Answered/done"), id="queue.answer"),
        Binding("t", "redate", N_("Re-date"), id="queue.redate"),
        Binding("u", "chase", N_("Chase"), id="queue.chase"),
        Binding("d", "cycle_direction", N_("Direction"), id="queue.direction"),
        Binding("s", "cycle_status", N_("Status"), id="queue.status"),
        Binding("p", "cycle_priority", N_("Priority"), id="queue.priority"),
        Binding("a", "toggle_vendor_filter", N_("This vendor/all"), id="queue.vendor"),
        Binding("m", "toggle_mine", N_("Mine/everyone's"), id="queue.mine"),
        Binding("o", "cycle_sort", N_("Sort"), id="queue.sort"),
        Binding("c", "copy_queue", N_("Copy queue report"), id="queue.copy"),
        Binding("slash", "search", N_("Search"), id="main.search"),
        Binding("question_mark,f1", "help", N_("Help"), id="main.help"),
        Binding("y", "copy_mail", N_("Copy email"), id="main.copy"),
        Binding("Y", "preview_mail", N_("Preview email"), id="main.preview"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filters = QueueFilters()
        self.follow_vendor = True
        self._vendor_name = ""
        self._answers_shown = False
        """The vendors pane has had room for answer times: they are read with every change."""
        # Read before the screen exists (tens of milliseconds on the large ledger): in a
        # worker it would compete with Textual building the screen and arrive far later.
        config = self.app.config
        on_today = config.start_screen == "today"
        self.first_view = read_first_view(
            self.filters, PAGE, self.today, config.chase_after, on_today=on_today
        )
        """What was read for the start: Today, when the app starts on it, shows its list."""

    def compose(self) -> ComposeResult:
        yield from compose_main_layout()

    def on_mount(self) -> None:
        self.query_one("#vendors-pane").border_title = "1 " + _("Vendors")
        self.query_one("#call-pane").border_title = "3 " + _("Call log")
        new_vendor = next(b for b in self.BINDINGS if b.id == "main.new_vendor")
        add = _("Press {key} to add a vendor", key=self.app.get_key_display(new_vendor))
        self.query_one(VendorList).empty_hint = add
        table = self.query_one(QueueTable)
        table.soon_days = self.app.config.soon_days
        table.today = self.query_one(LedgerHeader).today = self.today
        if self.app.shared:
            self.query_one(LedgerHeader).shared = ledger_name().split("://", 1)[-1]
        self.query_one(CallForm).today = self.today
        self._show_filters()
        first = self.first_view
        if first.page is not None:  # else under Today: read once it closes
            self._vendors_loaded(first.vendors, first.names)
            self._queue_reset(self.filters, first.page)
        self._counts_loaded(first.counts)
        self.restore_call_draft(first.call_draft)
        if first.open_form_draft is not None:  # once this screen is up
            self.call_after_refresh(self._reopen_form, first.open_form_draft)
        self._data_version = ledger_version()
        self.set_interval(WATCH_S, self._watch_other_windows)
        if notice := read_only_notice():
            self.notify(notice, severity="warning", timeout=STAYS_S, markup=False)
        for problem in self.app.start_notices:
            self.notify(problem, severity="error", timeout=STAYS_S, markup=False)

    def on_resize(self, event) -> None:
        narrow = event.size.width < 110 or event.size.height < 32
        self.set_class(narrow, "-narrow")

    # --- another window or person on the same ledger (DESIGN §10, §17) ----------------

    def _watch_other_windows(self) -> None:
        """Show what another window or person wrote within WATCH_S, on every open screen,
        without a key press (a shared ledger's count is its listener's: this never waits on
        the server); say at once that nothing can be saved when the ledger file was deleted
        or replaced; notice a new day the midnight timer missed (the machine slept)."""
        self.app.check_today()
        if gone := ledger_file_problem():
            self.notify(gone, severity="error", timeout=STAYS_S, markup=False)
        version = ledger_version()
        if version is not None and version != self._data_version:
            self._data_version = version
            for screen in self.app.screen_stack:
                if isinstance(screen, FollowsLedger):
                    screen.ledger_changed()

    def watch_today(self, today) -> None:
        """A new day: the queue's bands, the header's date and the overdue figures move."""
        super().watch_today(today)
        self.query_one(QueueTable).today = self.query_one(LedgerHeader).today = today
        self.query_one(CallForm).today = today
        self.refresh_ledger()

    # --- loading, always off the UI thread -------------------------------------------

    def refresh_ledger(self) -> None:
        """Reload everything shown from the ledger (after a write, or another window's)."""
        vendor_list = self.query_one(VendorList)
        text = vendor_list.query_one("Input").value
        self.load_vendors(text, vendor_list.include_hidden, vendor_list.pinned)
        self.load_queue(self.filters)
        self.load_counts()
        if self._answers_shown:
            self.load_answer_times()

    def ledger_changed(self) -> None:
        self.refresh_ledger()

    def show_saved_vendor(self, vendor_id: int) -> None:
        """The cursor on a vendor just saved (listed even if the list hides it), so that
        `n` or `r` next is about it."""
        self.query_one(VendorList).show_vendor(vendor_id)
        self.refresh_ledger()

    def load_vendors(self, text: str, include_hidden: bool, pinned: int | None = None) -> None:
        def read():
            rows = vendors.list_vendors(
                text, include_hidden=include_hidden, also=pinned, today=self.today
            )
            return rows, vendors.vendor_names_with_readings()

        read_ledger(self, read, lambda loaded: self._vendors_loaded(*loaded), kind="vendors")

    def _vendors_loaded(self, rows, names) -> None:
        self.query_one(VendorList).set_rows(rows)
        self.query_one(CallForm).vendor_names = names

    def load_answer_times(self) -> None:
        """How fast each vendor answers, for the vendors pane when it has room: once per change
        of the ledger or the day, in a read of its own, never while the vendor filter is typed."""
        today = self.today

        def read() -> dict[int, str]:
            return {v: days_shown(found.median_days) for v, found in answer_times(today).items()}

        def show(days: dict[int, str]) -> None:
            self.query_one(VendorList).answer_days = days

        read_ledger(self, read, show, kind="answer-times")

    def load_queue(self, filters: QueueFilters) -> None:
        read = partial(queue.open_queue, filters, 0, PAGE)
        read_ledger(self, read, partial(self._queue_reset, filters), kind="queue")

    def _queue_reset(self, filters: QueueFilters, page: queue.QueuePage) -> None:
        if filters == self.filters:
            table = self.query_one(QueueTable)
            table.reset(page.total)
            table.set_rows(0, page.rows, page.total)

    def load_queue_rows(self, filters: QueueFilters, offset: int, limit: int) -> None:
        """One page of the queue as the table scrolls to it (each page is its own kind)."""
        read = partial(queue.open_queue, filters, offset, limit)
        read_ledger(self, read, partial(self._queue_rows, filters), kind=f"queue-rows-{offset}")

    def _queue_rows(self, filters: QueueFilters, page: queue.QueuePage) -> None:
        if filters == self.filters:
            self.query_one(QueueTable).set_rows(page.offset, page.rows, page.total)

    def load_counts(self) -> None:
        counts = partial(queue.queue_counts, self.today, self.app.config.chase_after)
        read_ledger(self, counts, self._counts_loaded, kind="counts")

    def _counts_loaded(self, counts: queue.QueueCounts) -> None:
        self.query_one(LedgerHeader).counts = counts
        self.query_one(QueueTable).show_assignee = self.app.shared or counts.assigned > 0

    # --- the panes talking ----------------------------------------------------------

    def on_vendor_list_filter_changed(self, event: VendorList.FilterChanged) -> None:
        self.load_vendors(event.text, event.include_hidden)

    def on_vendor_list_selected(self, event: VendorList.Selected) -> None:
        self.vendor_selected(event.vendor.id if event.vendor else None)
        self._vendor_name = event.vendor.name if event.vendor else ""
        if self.follow_vendor:
            self._set_filters(vendor_id=event.vendor.id if event.vendor else None)

    def on_vendor_list_opened(self, event: VendorList.Opened) -> None:
        from daicho.screens.vendor_detail import VendorDetailScreen

        self.app.push_screen(VendorDetailScreen(event.vendor.id), lambda _: self.refresh_ledger())

    def on_vendor_rows_widened(self, event: VendorRows.Widened) -> None:
        """The answer times once the list has room for them, after the first view is drawn."""
        event.stop()
        if not self._answers_shown:
            self._answers_shown = True
            self.call_after_refresh(self.set_timer, ANSWERS_AFTER_S, self.load_answer_times)

    def on_queue_table_rows_needed(self, event: QueueTable.RowsNeeded) -> None:
        self.load_queue_rows(self.filters, event.offset, event.limit)

    def on_queue_table_opened(self, event: QueueTable.Opened) -> None:
        from daicho.screens.request_detail import RequestDetailScreen

        self.app.push_screen(RequestDetailScreen(event.request.id), lambda _: self.refresh_ledger())

    # --- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Queue keys work in the queue; `e` on a vendor (dimmed on "All vendors", where it
        still is a key, not a letter typed into the vendor filter); copying on something."""
        focused = self.focused
        if action in _QUEUE_ACTIONS:
            in_queue = focused is not None and focused is self.query_one(QueueTable)
            return in_queue and self.queue_action_enabled(action)
        if action == "edit_vendor":
            vendor_list = self.query_one(VendorList)
            return vendor_list.has_focus_within and (vendor_list.current is not None or None)
        if action == "search":  # "/" is typed into a text field, not taken from it
            return not isinstance(focused, (Input, TextArea))
        if action in ("copy_mail", "preview_mail"):
            return self.mail_source() is not None
        return True

    def action_focus_pane(self, pane: str) -> None:
        if pane == "vendors":
            self.set_class(False, "-calling")
            self.query_one(VendorList).focus_list()
        elif pane == "queue":
            self.set_class(False, "-calling")
            self.query_one(QueueTable).focus()
        else:
            self.action_new_call()

    def mail_source(self) -> MailSource | None:
        """What `y` copies: the call just saved, else what the focused pane's cursor is on.

        On "All vendors" that is the queue as filtered; in the call form, nothing.
        """
        focused = self.focused
        if isinstance(focused, VendorRows):
            if self.last_call_id is not None:
                return call_source(self.last_call_id)
            current = focused.current
            return vendor_source(current.id) if current else queue_source(self.filters)
        if focused is self.query_one(QueueTable) and (request := self._current_request()):
            return request_source(request.id, self.app.config.soon_days)
        return None

    def action_copy_mail(self) -> None:
        if source := self.mail_source():
            copy_mail(self, source)

    def action_preview_mail(self) -> None:
        if source := self.mail_source():
            preview_mail(self, source)

    def action_copy_queue(self) -> None:
        copy_mail(self, queue_source(self.filters))

    def action_new_request(self) -> None:
        from daicho.screens.request_form import NewRequestForm

        current = self.query_one(VendorList).current
        modal = NewRequestForm(current.id if current else None, current.name if current else "")
        self.app.push_screen(modal, self._after_write)

    def action_new_vendor(self) -> None:
        from daicho.screens.vendor_form import VendorForm

        self.app.push_screen(VendorForm(), self._after_write)

    def action_edit_vendor(self) -> None:
        from daicho.screens.vendor_form import VendorForm

        if current := self.query_one(VendorList).current:
            try:
                vendor = vendors.get_vendor(current.id)
            except LEDGER_ERRORS as error:  # its file was replaced: refused
                self.notify(str(error), severity="error", timeout=STAYS_S, markup=False)
                return
            self.app.push_screen(VendorForm(vendor), self._after_write)

    def action_search(self) -> None:
        from daicho.screens.search_screen import SearchScreen

        self.app.push_screen(SearchScreen(), lambda _result: self.refresh_ledger())

    def action_help(self) -> None:
        from daicho.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(help_sections()))

    def _reopen_form(self, draft) -> None:
        """The form that was open when the app stopped, with what was typed (it says so)."""
        form = form_for(draft)
        if form is not None:
            self.app.push_screen(form, self._after_write)

    def _after_write(self, result) -> None:
        if isinstance(result, VendorRecord):
            self.show_saved_vendor(result.id)
        elif result is not None:
            self.refresh_ledger()


def compose_main_layout() -> ComposeResult:
    """The main screen's widgets (also the benchmark's bare baseline)."""
    yield LedgerHeader()
    with Horizontal(id="panes"):
        with Vertical(id="vendors-pane", classes="pane"):
            yield VendorList()
        with Vertical(id="right"):
            with Vertical(id="queue-pane", classes="pane"):
                yield QueueTable()
            with Vertical(id="call-pane", classes="pane"):
                yield CallForm()
    yield KeyBar(first=MOST_USED_KEYS)


def help_sections() -> list:
    """Every key, grouped by where it works, for the help screen."""
    from daicho.app import DaichoApp

    main = MainScreen.BINDINGS
    queue_keys = [b for b in main if b.id.startswith("queue.")]
    return [
        (_("Anywhere"), [*DaichoApp.BINDINGS, *(b for b in main if b.id.startswith("main."))]),
        (_("Vendors"), [*VendorList.BINDINGS]),
        (_("Queue"), [*QueueTable.BINDINGS, *queue_keys]),
        (_("Call log"), [*CallForm.BINDINGS]),
    ]
