"""Search (DESIGN §7): a query at the top, hits below, newest first, updated as you type.

Each search runs in a thread (screens/support/ledger_access.py) a moment after the last
keystroke, so typing never waits for the ledger; a result that arrives for text no longer in
the field is dropped.
"""

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Input, Static

from daicho.data.search.find import search
from daicho.data.search.hits import SearchHit
from daicho.data.search.query import QueryError
from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.search_results import SearchResults
from daicho.widgets.text_fields import TextField

LIMIT = 200  # hits shown; the newest ones
DEBOUNCE_S = 0.1


class SearchScreen(FollowsLedger, DaichoScreen):
    """Search the whole ledger; `enter` opens a hit, `escape` goes back."""

    DEFAULT_CSS = """
    SearchScreen #query { margin: 0 1; }
    SearchScreen #search-status { height: auto; padding: 0 2; color: $text-muted; }
    SearchScreen #search-status.-error { color: $text-error; }
    SearchScreen SearchResults { margin: 0 1; }
    """
    BINDINGS: ClassVar = [
        Binding("escape", "back", N_("Back"), id="search.back"),
        Binding("down", "to_results", show=False),
        Binding("slash", "to_query", N_("Edit search"), id="search.query"),
        Binding("question_mark,f1", "help", N_("Help"), id="search.help"),
    ]
    AUTO_FOCUS = "#query"

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_field = TextField(
            query,
            placeholder=_('Search: words, "a phrase", type:call, vendor:NAME, after:DATE'),
            id="query",
            select_on_focus=False,  # back from the hits, typing goes on where the query ends
        )
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield self.query_field
        yield Static(id="search-status", markup=False)
        yield SearchResults()
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_status(_hint())
        if self.query_text:
            self.run_search(self.query_text)

    @property
    def query_text(self) -> str:
        return self.query_field.value

    # --- searching as the user types -------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, lambda: self.run_search(self.query_text))

    def run_search(self, query: str, keep_cursor: bool = False) -> None:
        """Search in a thread; `keep_cursor` stays on the same hit (after opening one)."""

        def read() -> list[SearchHit] | QueryError:
            try:
                return search(query, LIMIT)
            except QueryError as error:  # said under the query, not as a failure
                return error

        def show(found: list[SearchHit] | QueryError) -> None:
            if isinstance(found, QueryError):
                self._show_error(query, str(found))
            else:
                self._show_hits(query, found, keep_cursor)

        read_ledger(self, read, show, kind="search")

    def ledger_changed(self) -> None:
        """The same query again, on the same hit."""
        self.run_search(self.query_text, keep_cursor=True)

    def _show_hits(self, query: str, hits: list[SearchHit], keep_cursor: bool) -> None:
        if query != self.query_text:
            return
        self.query_one(SearchResults).set_hits(hits, keep_cursor=keep_cursor)
        if not query.strip():
            self._show_status(_hint())
        elif not hits:
            self._show_status(_("No hits"))
        elif len(hits) < LIMIT:
            self._show_status(_("Hits: {count}, newest first", count=len(hits)))
        else:
            more = _("The newest {count} hits: add words to find older ones", count=LIMIT)
            self._show_status(more)
        self.refresh_bindings()

    def _show_error(self, query: str, message: str) -> None:
        if query == self.query_text:
            self.query_one(SearchResults).set_hits([])
            self._show_status(message, error=True)

    def _show_status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Text(message))
        status.set_class(error, "-error")

    # --- moving between the query and the hits ---------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_results()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "to_results":
            return self.query_field.has_focus
        if action == "to_query":
            return not self.query_field.has_focus
        return True

    def action_to_results(self) -> None:
        results = self.query_one(SearchResults)
        if results.hits:
            results.focus()

    def action_to_query(self) -> None:
        self.query_field.focus()

    def on_search_results_above_first(self, event: SearchResults.AboveFirst) -> None:
        self.action_to_query()

    # --- opening a hit, going back ---------------------------------------------------

    def on_search_results_opened(self, event: SearchResults.Opened) -> None:
        from daicho.screens.request_detail import RequestDetailScreen
        from daicho.screens.vendor_detail import VendorDetailScreen

        hit = event.hit
        if hit.kind == "request":
            screen = RequestDetailScreen(hit.id)
        elif hit.kind == "contract":
            from daicho.screens.contract_detail import ContractDetail

            screen = ContractDetail(hit.id)
        else:  # a vendor; a contact or a call shows on its vendor's screen
            screen = VendorDetailScreen(hit.vendor_id)
        # The item may change there: search again on the way back.
        self.app.push_screen(screen, lambda _result: self.run_search(self.query_text, True))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from daicho.screens.help_screen import HelpScreen

        keys = [*SearchScreen.BINDINGS, *SearchResults.BINDINGS]
        sections = [(_("Search"), keys), (_("Anywhere"), self.app.BINDINGS)]
        self.app.push_screen(HelpScreen(sections))


def _hint() -> str:
    return _(
        'Every word must appear; "a phrase" as typed. Filters: type:call, type:request,'
        " type:vendor, type:contact, type:contract; vendor:NAME; after:DATE (on or after);"
        " before:DATE."
    )
